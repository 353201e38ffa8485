/**
 * Briefing Retracted v1: an editor retracted a published briefing; readers no
 * longer see it and it left the feed. Public fields only: the reason is
 * editorial text kept for staff, so it is not carried.
 */

import * as z from 'zod/mini';
import { schema } from '#domain/schema.ts';
import { defineEvent } from './contract.ts';

/** The detail-type, apart from the contract: code that only emits the event then does not build its schema. */
export const BRIEFING_RETRACTED = 'Briefing Retracted';

export const BriefingRetracted = /* @__PURE__ */ schema(() =>
  defineEvent({
    detailType: BRIEFING_RETRACTED,
    schemaVersion: 1,
    summary: 'A published briefing was retracted: readers no longer see it. Carries no reason (editorial text, for staff only).',
    fields: {
      briefingId: z.string(),
      briefingVersion: z.int().check(z.positive()),
      retractedAt: z.iso.datetime({ offset: true }),
      retractedBy: z.string(),
    },
    example: {
      schemaVersion: 1,
      eventId: 'retracted_01JY7ZK6Q3W8Y2N4V5T6R7S8PA_5',
      occurredAt: '2026-06-21T09:30:00.000Z',
      briefingId: '01JY7ZK6Q3W8Y2N4V5T6R7S8PA',
      briefingVersion: 5,
      retractedAt: '2026-06-21T09:30:00.000Z',
      retractedBy: 'editor-7',
    },
  }),
);
export type BriefingRetractedDetail = z.infer<typeof BriefingRetracted.detail>;
