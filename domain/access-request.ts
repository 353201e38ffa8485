/**
 * Asking for Leadership Alliance: a member requests it with a reason, an admin
 * approves (the usual grant, with an end date) or declines (with a reason).
 * Pure: clocks and people are handed in.
 *
 * Rules:
 * - only a member whose record does not already grant Leadership Alliance (or a
 *   staff role, which reads every section) may ask; staff have nothing to ask for;
 * - one open request per member: asking again while one is open is a conflict,
 *   unless it is the same request again (same reason), which answers the open one
 *   (a retried POST creates nothing);
 * - every step changes the member's entitlement record version, so it is an entry
 *   of the entitlement history (`access-requested`, `granted` with the request id,
 *   `access-declined`) and concurrent steps on one member are ordered by the
 *   record's conditional write;
 * - an approval is {@link grantEntitlement} with the admin's end date; a revoked
 *   member is not approved through a request (an admin who means it grants
 *   through `PUT /members/{userId}/entitlement`);
 * - deciding a decided request again with the same decision answers it
 *   unchanged; another decision is a conflict.
 *
 * Privacy: the member's reason is read by the member and by admins only; the
 * decline reason is written to the member and read by them and admins. Neither
 * is in an event, nor on any route another member or the public can call.
 */
import * as z from 'zod/mini';
import { tierRank } from './access.ts';
import { type Entitlement, type EntitlementHistoryEntry, grantEntitlement, grantOf } from './entitlement.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { schema } from './schema.ts';

/** The tier a member can ask for (Strategy Circle needs only a sign-up). */
export const REQUESTABLE_TIER = 'leadership-alliance' as const;
export const ACCESS_REQUEST_STATUSES = ['open', 'approved', 'declined'] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];
/** How a decided request ended, as Access Decided names it. */
export const ACCESS_OUTCOMES = ['approved', 'declined'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];

/** A member's request for Leadership Alliance as its member reads it: everything but who decided it. */
export const MemberAccessRequest = /* @__PURE__ */ schema(() =>
  z
    .object({
      requestId: z.string().check(z.describe('Numbered per member: 1, 2, …')),
      userId: z.string(),
      tier: z.literal(REQUESTABLE_TIER),
      reason: z.string().check(z.describe("The member's reason: read by the member and admins only, never in an event")),
      status: z.enum(ACCESS_REQUEST_STATUSES),
      requestedAt: z.iso.datetime(),
      decidedAt: z.optional(z.iso.datetime()),
      validUntil: z.optional(z.iso.datetime()).check(z.describe('Approved: the end date of the grant')),
      declineReason: z.optional(z.string()).check(z.describe('Declined: why, written to the member')),
    })
    .check(z.describe('A request for Leadership Alliance as its member reads it (not who decided it).')),
);
export type MemberAccessRequest = z.output<typeof MemberAccessRequest>;

/** A member's request for Leadership Alliance, and its decision once made, as admins read it. */
export const AccessRequest = /* @__PURE__ */ schema(() =>
  z
    .extend(MemberAccessRequest, { decidedBy: z.optional(z.string()).check(z.describe("The deciding admin's user id")) })
    .check(z.describe("A member's request for Leadership Alliance as admins read it.")),
);
export type AccessRequest = z.output<typeof AccessRequest>;

/** What a member sends to ask. */
export const AccessRequestInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)),
  }),
);
export type AccessRequestInput = z.infer<typeof AccessRequestInput>;

/** What an admin sends to decide: approve with an end date, or decline with a reason. */
export const AccessDecisionInput = /* @__PURE__ */ schema(() =>
  z.discriminatedUnion('outcome', [
    z.strictObject({ outcome: z.literal('approve'), validUntil: z.iso.datetime({ offset: true }) }),
    z.strictObject({ outcome: z.literal('decline'), reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)) }),
  ]),
);
export type AccessDecisionInput = z.infer<typeof AccessDecisionInput>;

/** Request ids as the path carries them: a positive number, at most 6 digits. */
export const AccessRequestId = /* @__PURE__ */ schema(() => z.string().check(z.regex(/^[1-9][0-9]{0,5}$/, 'must be a request id such as 1')));

/** One step of the request: the request as it stands and the record change it makes (events/membership-announcements.ts announces it). */
export interface AccessStep {
  request: AccessRequest;
  /** The history entry (and new record) to write; absent when nothing changes (a repeated request or decision). */
  change?: EntitlementHistoryEntry;
}

const bump = (record: Entitlement, now: Date): Entitlement => ({ ...record, version: record.version + 1, updatedAt: now.toISOString() });

/**
 * A member asks for Leadership Alliance. `latest` is the member's most recent request (read consistently).
 * Same reason as the open request: that request, nothing written.
 */
export function requestAccess(
  record: Entitlement | undefined,
  latest: AccessRequest | undefined,
  input: AccessRequestInput,
  ctx: { userId: string; now: Date },
): AccessStep {
  if (!record) throw new NotFoundError('you have no membership record: confirm your sign-up first');
  const grant = grantOf(record, ctx.now);
  if (grant.roles.length > 0 || tierRank(grant.tier) >= tierRank(REQUESTABLE_TIER)) {
    throw new ConflictError('you already read every Leadership Alliance section: there is nothing to request');
  }
  if (latest?.status === 'open') {
    if (latest.reason === input.reason) return { request: latest };
    throw new ConflictError('you have an open request: wait for its decision before asking again', { requestId: latest.requestId });
  }
  const at = ctx.now.toISOString();
  const request: AccessRequest = {
    userId: ctx.userId,
    requestId: String(Number(latest?.requestId ?? 0) + 1),
    tier: REQUESTABLE_TIER,
    reason: input.reason,
    status: 'open',
    requestedAt: at,
  };
  const next = bump(record, ctx.now);
  return { request, change: { ...next, change: 'access-requested', changedBy: ctx.userId, accessRequestId: request.requestId } };
}

const sameDecision = (request: AccessRequest, input: AccessDecisionInput) =>
  input.outcome === 'approve'
    ? request.status === 'approved' && request.validUntil === new Date(input.validUntil).toISOString()
    : request.status === 'declined' && request.declineReason === input.reason;

/**
 * An admin decides a member's request. Approving grants Leadership Alliance until `validUntil`
 * through {@link grantEntitlement} (its rules: an end date in the future), keeping the member's roles,
 * so it is announced as Entitlement Changed (`granted`) beside Access Decided.
 */
export function decideAccess(
  request: AccessRequest | undefined,
  record: Entitlement | undefined,
  input: AccessDecisionInput,
  ctx: { by: string; now: Date },
): AccessStep & { outcome?: AccessOutcome } {
  if (!request) throw new NotFoundError('no such access request for this member');
  if (request.status !== 'open') {
    if (sameDecision(request, input)) return { request };
    throw new ConflictError(`this request was already ${request.status}`, { status: request.status });
  }
  if (!record) throw new NotFoundError(`member ${request.userId} has no entitlement record`);
  const at = ctx.now.toISOString();
  let change: EntitlementHistoryEntry;
  let decided: AccessRequest;
  if (input.outcome === 'approve') {
    if (record.revokedAt) {
      throw new ConflictError("the member's entitlement is revoked: decline the request, or grant through PUT /members/{userId}/entitlement");
    }
    const granted = grantEntitlement(
      record,
      { tier: REQUESTABLE_TIER, roles: record.roles, validUntil: input.validUntil },
      { userId: request.userId, by: ctx.by, now: ctx.now },
    );
    // The same grant already stands (an admin granted it meanwhile): the approval is still a step of the history.
    const next = granted === record ? bump(record, ctx.now) : granted;
    change = { ...next, change: 'granted', changedBy: ctx.by, accessRequestId: request.requestId };
    decided = { ...request, status: 'approved', decidedAt: at, decidedBy: ctx.by, validUntil: next.validUntil! };
  } else {
    const next = bump(record, ctx.now);
    change = { ...next, change: 'access-declined', changedBy: ctx.by, accessRequestId: request.requestId };
    decided = { ...request, status: 'declined', decidedAt: at, decidedBy: ctx.by, declineReason: input.reason };
  }
  return { request: decided, change, outcome: decided.status === 'approved' ? 'approved' : 'declined' };
}

export function memberRequestView({ decidedBy: _, ...rest }: AccessRequest): MemberAccessRequest {
  return rest;
}
