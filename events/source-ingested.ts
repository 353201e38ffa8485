/** Source Ingested v1: a new (non-duplicate) source was stored for a briefing. */

import * as z from 'zod/mini';
import { schema } from '#domain/schema.ts';
import { SOURCE_KINDS, STANCES } from '#domain/scoring.ts';
import { defineEvent } from './contract.ts';

/** The detail-type, apart from the contract: code that only emits the event then does not build its schema. */
export const SOURCE_INGESTED = 'Source Ingested';

export const SourceIngested = /* @__PURE__ */ schema(() =>
  defineEvent({
    detailType: SOURCE_INGESTED,
    schemaVersion: 1,
    summary: 'A new, non-duplicate source was stored as evidence for a briefing.',
    fields: {
      briefingId: z.string(),
      sourceId: z.string(),
      kind: z.enum(SOURCE_KINDS),
      stance: z.enum(STANCES),
    },
    example: {
      schemaVersion: 1,
      eventId: 'src_Jx2c9Q4u0mYbS7xQ0bq1fA',
      occurredAt: '2026-06-20T08:15:00.000Z',
      briefingId: '01JY7ZK6Q3W8Y2N4V5T6R7S8PA',
      sourceId: 'Jx2c9Q4u0mYbS7xQ0bq1fA',
      kind: 'reporting',
      stance: 'supports',
    },
  }),
);
export type SourceIngestedDetail = z.infer<typeof SourceIngested.detail>;
