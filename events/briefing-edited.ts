/**
 * Briefing Edited v1: staff changed a briefing without publishing or retracting
 * it: its written content or metadata (an analyst's edit), or its score by an
 * analyst's assessment (an override set or lifted); or the scoring model
 * changed (`model`). Scoring re-reads the briefing, so the event says what
 * changed, not the new values.
 */

import * as z from 'zod/mini';
import { BRIEFING_CHANGES } from '#domain/changes.ts';
import { schema } from '#domain/schema.ts';
import { defineEvent } from './contract.ts';

/** The detail-type, apart from the contract: code that only emits the event then does not build its schema. */
export const BRIEFING_EDITED = 'Briefing Edited';

/** What an edit can change (domain/changes.ts). */
export { BRIEFING_CHANGES, type BriefingChange } from '#domain/changes.ts';

export const BriefingEdited = /* @__PURE__ */ schema(() =>
  defineEvent({
    detailType: BRIEFING_EDITED,
    schemaVersion: 1,
    summary: "Staff edited a briefing's content or metadata, or set or lifted an analyst's override of its score; it is re-scored.",
    fields: {
      briefingId: z.string(),
      /** Briefing version after the edit; consumers ignore anything older than what they hold. */
      briefingVersion: z.int().check(z.positive()),
      changes: z.array(z.enum(BRIEFING_CHANGES)).check(z.minLength(1)),
      /** Who made the change (a user id); absent on `model` and on events written before it was added (optional within v1). */
      editedBy: z.optional(z.string()),
      /**
       * True when the edit is a revision of a published briefing waiting for an editor: readers do not
       * see it and the score stays the published text's until an editor publishes it (Briefing Published).
       */
      pendingReview: z.optional(z.boolean()),
      /** On the publication of a revision (`editedBy` is the publishing editor): who wrote the revision. */
      proposedBy: z.optional(z.string()),
    },
    example: {
      schemaVersion: 1,
      eventId: 'edited_01JY7ZK6Q3W8Y2N4V5T6R7S8PA_4',
      occurredAt: '2026-06-20T09:30:00.000Z',
      briefingId: '01JY7ZK6Q3W8Y2N4V5T6R7S8PA',
      briefingVersion: 4,
      changes: ['sections', 'eventDate'],
      editedBy: 'analyst-7c1e',
      pendingReview: true,
    },
  }),
);
export type BriefingEditedDetail = z.infer<typeof BriefingEdited.detail>;
