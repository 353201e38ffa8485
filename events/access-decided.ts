/**
 * Access Decided v1: an admin approved or declined a member's request for a
 * tier. An approval is also an Entitlement Changed (`granted`) written in the
 * same transaction. Carries neither the member's reason nor the admin's
 * reason for declining: both are private to the member and admins.
 */

import * as z from 'zod/mini';
import { MEMBER_TIERS } from '#domain/access.ts';
import { ACCESS_OUTCOMES } from '#domain/access-request.ts';
import { schema } from '#domain/schema.ts';
import { defineEvent } from './contract.ts';

/** How a request was decided. */
export { ACCESS_OUTCOMES, type AccessOutcome } from '#domain/access-request.ts';

/** The detail-type, apart from the contract: code that only emits the event then does not build its schema. */
export const ACCESS_DECIDED = 'Access Decided';

export const AccessDecided = /* @__PURE__ */ schema(() =>
  defineEvent({
    detailType: ACCESS_DECIDED,
    schemaVersion: 1,
    summary:
      "An admin approved (the tier is granted until `validUntil`: see Entitlement Changed) or declined a member's request for a tier. No reason text.",
    fields: {
      userId: z.string(),
      requestId: z.string(),
      tier: z.enum(MEMBER_TIERS),
      outcome: z.enum(ACCESS_OUTCOMES),
      /** Approved: the end date of the grant. */
      validUntil: z.optional(z.iso.datetime({ offset: true })),
      decidedAt: z.iso.datetime({ offset: true }),
      /** The admin's user id. */
      decidedBy: z.string(),
      /** The member's entitlement record version the decision left. */
      recordVersion: z.int().check(z.positive()),
    },
    example: {
      schemaVersion: 1,
      eventId: 'access-decided_6f1c2b1e-8f3a-4d52-9a57-0c1e2d3f4a5b_1',
      occurredAt: '2026-06-21T10:00:00.000Z',
      userId: '6f1c2b1e-8f3a-4d52-9a57-0c1e2d3f4a5b',
      requestId: '1',
      tier: 'leadership-alliance',
      outcome: 'approved',
      validUntil: '2027-06-21T00:00:00.000Z',
      decidedAt: '2026-06-21T10:00:00.000Z',
      decidedBy: '0b9e7d3c-1a2b-4c5d-8e9f-a0b1c2d3e4f5',
      recordVersion: 3,
    },
  }),
);
export type AccessDecidedDetail = z.infer<typeof AccessDecided.detail>;
