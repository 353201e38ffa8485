/**
 * The events that announce membership changes, built from the change the domain
 * decided (domain/entitlement.ts, domain/access-request.ts). Ids derive from the
 * record version or the request id, so a retried step carries the same ids.
 *
 * Each contract is imported from its own module, not events/index.ts: membership
 * functions then bundle no other event (nor what those import).
 */
import type { AccessStep } from '#domain/access-request.ts';
import type { Entitlement, EntitlementChange } from '#domain/entitlement.ts';
import { ACCESS_DECIDED, type AccessDecidedDetail } from './access-decided.ts';
import { ACCESS_REQUESTED, type AccessRequestedDetail } from './access-requested.ts';
import { ENTITLEMENT_CHANGED, type EntitlementChangedDetail } from './entitlement-changed.ts';
import type { OutgoingEvent } from './index.ts';

/** Entitlement Changed: a change of the record; its id derives from the record version. */
export function entitlementChanged(record: Entitlement, change: EntitlementChange, now: Date): OutgoingEvent {
  const detail: EntitlementChangedDetail = {
    schemaVersion: 1,
    eventId: `entitlement_${record.userId}_${record.version}`,
    occurredAt: now.toISOString(),
    userId: record.userId,
    change,
    recordVersion: record.version,
    tier: record.tier,
    roles: [...record.roles],
    ...(record.validUntil ? { validUntil: record.validUntil } : {}),
    revoked: Boolean(record.revokedAt),
  };
  return { detailType: ENTITLEMENT_CHANGED, detail };
}

/** Access Requested, for a step that opened a request; none for a repeated one (it changed nothing). */
export function accessRequested({ request, change }: AccessStep): OutgoingEvent[] {
  if (!change) return [];
  const detail: AccessRequestedDetail = {
    schemaVersion: 1,
    eventId: `access-requested_${request.userId}_${request.requestId}`,
    occurredAt: request.requestedAt,
    userId: request.userId,
    requestId: request.requestId,
    tier: request.tier,
    requestedAt: request.requestedAt,
    recordVersion: change.version,
  };
  return [{ detailType: ACCESS_REQUESTED, detail }];
}

/**
 * Access Decided for a step that decided a request, after Entitlement Changed (`granted`) when it approved;
 * none for a decision repeated (it changed nothing). No reason text, the member's or the admin's.
 */
export function accessDecided({ request, change }: AccessStep, now: Date): OutgoingEvent[] {
  if (!change || request.status === 'open') return [];
  const outcome = request.status;
  const detail: AccessDecidedDetail = {
    schemaVersion: 1,
    eventId: `access-decided_${request.userId}_${request.requestId}`,
    occurredAt: request.decidedAt!,
    userId: request.userId,
    requestId: request.requestId,
    tier: request.tier,
    outcome,
    ...(request.validUntil ? { validUntil: request.validUntil } : {}),
    decidedAt: request.decidedAt!,
    decidedBy: request.decidedBy!,
    recordVersion: change.version,
  };
  const decided: OutgoingEvent = { detailType: ACCESS_DECIDED, detail };
  return outcome === 'approved' ? [entitlementChanged(change, 'granted', now), decided] : [decided];
}
