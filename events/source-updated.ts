/**
 * Source Updated v1: an analyst corrected a stored source, withdrew it, marked
 * it retracted by its publisher, or restored it. Scoring re-reads the
 * briefing's sources, so the event carries what changed, not the new values;
 * reasons are staff text and are not carried.
 */

import * as z from 'zod/mini';
import { SOURCE_CHANGES } from '#domain/changes.ts';
import { schema } from '#domain/schema.ts';
import { defineEvent } from './contract.ts';

/** The detail-type, apart from the contract: code that only emits the event then does not build its schema. */
export const SOURCE_UPDATED = 'Source Updated';

/** What a change to a source can be (domain/changes.ts). */
export { SOURCE_CHANGES, type SourceChange } from '#domain/changes.ts';

export const SourceUpdated = /* @__PURE__ */ schema(() =>
  defineEvent({
    detailType: SOURCE_UPDATED,
    schemaVersion: 1,
    summary: 'A stored source was corrected, withdrawn, marked retracted by its publisher, or restored; its briefing is re-scored.',
    fields: {
      briefingId: z.string(),
      sourceId: z.string(),
      change: z.enum(SOURCE_CHANGES),
      /** The source's version after the change (1 is the source as ingested). */
      sourceVersion: z.int().check(z.positive()),
    },
    example: {
      schemaVersion: 1,
      eventId: 'source-updated_01JY7ZK6Q3W8Y2N4V5T6R7S8PA_Jx2c9Q4u0mYbS7xQ0bq1fA_2',
      occurredAt: '2026-06-20T09:05:00.000Z',
      briefingId: '01JY7ZK6Q3W8Y2N4V5T6R7S8PA',
      sourceId: 'Jx2c9Q4u0mYbS7xQ0bq1fA',
      change: 'corrected',
      sourceVersion: 2,
    },
  }),
);
export type SourceUpdatedDetail = z.infer<typeof SourceUpdated.detail>;
