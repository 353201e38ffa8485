/** Entitlement Changed v1: a member's entitlement record changed (sign-up, grant, revocation). */

import * as z from 'zod/mini';
import { MEMBER_TIERS, STAFF_ROLES } from '#domain/access.ts';
import { ENTITLEMENT_CHANGES } from '#domain/entitlement.ts';
import { schema } from '#domain/schema.ts';
import { defineEvent } from './contract.ts';

export { ENTITLEMENT_CHANGES, type EntitlementChange } from '#domain/entitlement.ts';

/** The detail-type, apart from the contract: code that only emits the event then does not build its schema. */
export const ENTITLEMENT_CHANGED = 'Entitlement Changed';

export const EntitlementChanged = /* @__PURE__ */ schema(() =>
  defineEvent({
    detailType: ENTITLEMENT_CHANGED,
    schemaVersion: 1,
    summary:
      "A member's entitlement record changed; carries the record's tier, roles and end date as the change left them (no email, no reason text). " +
      'Consumers re-read the record and ignore versions older than the one they hold.',
    fields: {
      /** The member: the user pool's `sub` (also the username, the pool signs in by email). */
      userId: z.string(),
      change: z.enum(ENTITLEMENT_CHANGES),
      /** Record version after the change; increases by 1 with every change. */
      recordVersion: z.int().check(z.positive()),
      tier: z.enum(MEMBER_TIERS),
      roles: z.array(z.enum(STAFF_ROLES)),
      validUntil: z.optional(z.iso.datetime({ offset: true })),
      /** True once revoked: the member then holds no tier or role at all. */
      revoked: z.boolean(),
    },
    example: {
      schemaVersion: 1,
      eventId: 'entitlement_6f1c2b1e-8f3a-4d52-9a57-0c1e2d3f4a5b_3',
      occurredAt: '2026-06-20T08:15:00.000Z',
      userId: '6f1c2b1e-8f3a-4d52-9a57-0c1e2d3f4a5b',
      change: 'granted',
      recordVersion: 3,
      tier: 'leadership-alliance',
      roles: [],
      validUntil: '2027-06-20T00:00:00.000Z',
      revoked: false,
    },
  }),
);
export type EntitlementChangedDetail = z.infer<typeof EntitlementChanged.detail>;
