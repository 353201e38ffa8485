/**
 * Briefing Scored v1: a briefing's confidence score or grade changed.
 *
 * `reasons` was added with scoring model v2 (an added field with a default, so
 * still v1: consumers that ignore it are unaffected, and an older event
 * without it parses as `[]`). Reasons never quote briefing or source content.
 * `autoPublishDue` was added the same way (optional): true when the draft's own
 * auto-publish rule is met after this change, the only case auto-publish acts
 * on, so its rule selects on it and other scorings invoke nothing.
 */

import * as z from 'zod/mini';
import { schema } from '#domain/schema.ts';
import { GRADES } from '#domain/scoring.ts';
import { defineEvent } from './contract.ts';

const ScoreSnapshot = /* @__PURE__ */ schema(() => z.object({ score: z.number().check(z.gte(0), z.lte(1)), grade: z.enum(GRADES) }));

/** One plain-language reason for the new score, e.g. `capped at 0.89: no direct source (...)`. */
const Reason = /* @__PURE__ */ schema(() => z.object({ code: z.string(), text: z.string() }));

/** The detail-type, apart from the contract: code that only emits the event then does not build its schema. */
export const BRIEFING_SCORED = 'Briefing Scored';

export const BriefingScored = /* @__PURE__ */ schema(() =>
  defineEvent({
    detailType: BRIEFING_SCORED,
    schemaVersion: 1,
    summary: "A briefing's confidence score or grade changed; carries the old and new values and the top reasons.",
    fields: {
      briefingId: z.string(),
      previous: ScoreSnapshot,
      current: z.extend(ScoreSnapshot, { label: z.string() }),
      modelVersion: z.string(),
      /** Briefing version after the change; consumers ignore anything older than what they hold. */
      briefingVersion: z.int().check(z.positive()),
      /** The model's top reasons for the new score (at most 3), most important first. */
      reasons: z._default(z.array(Reason).check(z.maxLength(3)), []),
      /** True when the briefing is a draft whose auto-publish rule the new grade meets (absent: false). */
      autoPublishDue: z.optional(z.boolean()),
    },
    example: {
      schemaVersion: 1,
      eventId: 'scored_01JY7ZK6Q3W8Y2N4V5T6R7S8PA_3',
      occurredAt: '2026-06-20T08:15:01.000Z',
      briefingId: '01JY7ZK6Q3W8Y2N4V5T6R7S8PA',
      previous: { score: 0.64, grade: 'B/C' },
      current: { score: 0.86, grade: 'A/B', label: 'Strong' },
      modelVersion: 'v2',
      briefingVersion: 3,
      reasons: [{ code: 'corroboration', text: '3 independent origins support the signal (4 sources; 1 copy of the same text counted once)' }],
      autoPublishDue: true,
    },
  }),
);
export type BriefingScoredDetail = z.infer<typeof BriefingScored.detail>;
