/**
 * Access Requested v1: a member asked for Leadership Alliance. Carries who and
 * which request, never the member's reason: that text is private to the member
 * and the admins who decide (they read it through the API).
 */

import * as z from 'zod/mini';
import { MEMBER_TIERS } from '#domain/access.ts';
import { schema } from '#domain/schema.ts';
import { defineEvent } from './contract.ts';

/** The detail-type, apart from the contract: code that only emits the event then does not build its schema. */
export const ACCESS_REQUESTED = 'Access Requested';

export const AccessRequested = /* @__PURE__ */ schema(() =>
  defineEvent({
    detailType: ACCESS_REQUESTED,
    schemaVersion: 1,
    summary:
      'A member asked for a tier (Leadership Alliance); an admin decides (Access Decided). Carries no reason text: it is private to the member and admins.',
    fields: {
      /** The member: the user pool's `sub`. */
      userId: z.string(),
      /** The request, numbered per member (1, 2, …): `GET /me/access-requests`, `POST /members/{userId}/access-requests/{requestId}/decision`. */
      requestId: z.string(),
      tier: z.enum(MEMBER_TIERS),
      requestedAt: z.iso.datetime({ offset: true }),
      /** The member's entitlement record version the request left (it appears in the member's entitlement history). */
      recordVersion: z.int().check(z.positive()),
    },
    example: {
      schemaVersion: 1,
      eventId: 'access-requested_6f1c2b1e-8f3a-4d52-9a57-0c1e2d3f4a5b_1',
      occurredAt: '2026-06-20T08:15:00.000Z',
      userId: '6f1c2b1e-8f3a-4d52-9a57-0c1e2d3f4a5b',
      requestId: '1',
      tier: 'leadership-alliance',
      requestedAt: '2026-06-20T08:15:00.000Z',
      recordVersion: 2,
    },
  }),
);
export type AccessRequestedDetail = z.infer<typeof AccessRequested.detail>;
