/**
 * Alert Fan-out Continued v1: internal. `alert-followers` alerts at most a page of followers per
 * invocation; when a published briefing's followers do not fit, it announces where to go on from
 * (a part of one entity's followers, domain/fan-out.ts), written to the outbox like any change, and
 * consumes it itself. Public fields only (ids, versions, user-id cursors); no consumer outside needs it.
 */

import * as z from 'zod/mini';
import { schema } from '#domain/schema.ts';
import { defineEvent } from './contract.ts';

/** The detail-type, apart from the contract: code that only emits the event then does not build its schema. */
export const ALERT_FAN_OUT_CONTINUED = 'Alert Fan-out Continued';

export const AlertFanOutContinued = /* @__PURE__ */ schema(() =>
  defineEvent({
    detailType: ALERT_FAN_OUT_CONTINUED,
    schemaVersion: 1,
    summary: "Internal: alert-followers goes on with the next page (or segment) of a published briefing's followers.",
    fields: {
      briefingId: z.string(),
      briefingVersion: z.int().check(z.positive()),
      /** The version's own time (Briefing Published's `versionAt`, else its `publishedAt`): part of each alert's key. */
      versionAt: z.iso.datetime({ offset: true }),
      part: z.object({
        entityId: z.string(),
        segment: z.optional(z.int().check(z.gte(0), z.lte(15))),
        after: z.optional(z.string()),
        page: z.int().check(z.positive()),
      }),
    },
    example: {
      schemaVersion: 1,
      eventId: 'alerts_01JY7ZK6Q3W8Y2N4V5T6R7S8PA_4_meta_3_2',
      occurredAt: '2026-06-20T08:15:04.000Z',
      briefingId: '01JY7ZK6Q3W8Y2N4V5T6R7S8PA',
      briefingVersion: 4,
      versionAt: '2026-06-20T08:15:02.000Z',
      part: { entityId: 'meta', segment: 3, after: '3f2a4c1e-0b9d-4e57-8a61-2c3d4e5f6a7b', page: 2 },
    },
  }),
);
export type AlertFanOutContinuedDetail = z.infer<typeof AlertFanOutContinued.detail>;
