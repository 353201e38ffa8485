/** Briefing Published v1: a briefing became visible to readers. Public fields only. */

import * as z from 'zod/mini';
import { schema } from '#domain/schema.ts';
import { GRADES } from '#domain/scoring.ts';
import { defineEvent } from './contract.ts';

/** The detail-type, apart from the contract: code that only emits the event then does not build its schema. */
export const BRIEFING_PUBLISHED = 'Briefing Published';

export const BriefingPublished = /* @__PURE__ */ schema(() =>
  defineEvent({
    detailType: BRIEFING_PUBLISHED,
    schemaVersion: 1,
    summary: 'A briefing became visible to readers. Carries only public fields, never gated sections.',
    fields: {
      briefingId: z.string(),
      briefingVersion: z.int().check(z.positive()),
      publishedAt: z.iso.datetime({ offset: true }),
      /**
       * When this version was made (the briefing's `updatedAt` at this version): with the briefing id and
       * version, part of what identifies the change, unlike `occurredAt`. Optional (added within v1);
       * an event without it falls back to `publishedAt`.
       */
      versionAt: z.optional(z.iso.datetime({ offset: true })),
      publishedBy: z.string(),
      /**
       * The editor whose decision made this version public: the publishing editor, the editor who approved the
       * auto-publish rule (`publishedBy` is then `rule:auto-publish`), or an editor whose own edit went live.
       * Optional (added within v1).
       */
      approvedBy: z.optional(z.string()),
      /** Who proposed what this version makes public, when not the approver: the revision's author, or the auto-publish rule's. Optional (added within v1). */
      proposedBy: z.optional(z.string()),
      language: z.string(),
      headline: z.string(),
      entityIds: z.array(z.string()),
      score: z.number().check(z.gte(0), z.lte(1)),
      grade: z.enum(GRADES),
    },
    example: {
      schemaVersion: 1,
      eventId: 'published_01JY7ZK6Q3W8Y2N4V5T6R7S8PA_4',
      occurredAt: '2026-06-20T08:15:02.000Z',
      briefingId: '01JY7ZK6Q3W8Y2N4V5T6R7S8PA',
      briefingVersion: 4,
      publishedAt: '2026-06-20T08:15:02.000Z',
      versionAt: '2026-06-20T08:15:02.000Z',
      publishedBy: 'rule:auto-publish',
      approvedBy: 'editor-2f9a',
      proposedBy: 'analyst-7c1e',
      language: 'en',
      headline: 'Scale AI cuts about 14% of staff after Meta deal',
      entityIds: ['scale-ai', 'meta'],
      score: 0.91,
      grade: 'A',
    },
  }),
);
export type BriefingPublishedDetail = z.infer<typeof BriefingPublished.detail>;
