/** Issue 16, point 5: asking for Leadership Alliance, and an admin's decision (domain/access-request.ts). */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AccessDecisionInput, AccessRequestInput, decideAccess, memberRequestView, requestAccess } from '#domain/access-request.ts';
import { type Entitlement, GrantInput, grantEntitlement, revokeEntitlement, signUpEntitlement } from '#domain/entitlement.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { AccessDecided, AccessRequested, EntitlementChanged } from '#events/index.ts';
import { accessDecided, accessRequested } from '#events/membership-announcements.ts';
import { NOW } from '#test/support/fixtures.ts';

const DAY = 24 * 3600 * 1000;
const later = (days: number) => new Date(NOW.getTime() + days * DAY);
const ADMIN = 'admin-1';
const REASON = 'I run network operations for a regional carrier.';
const member = signUpEntitlement('u-1', NOW);
// Each step with the events that announce it (events/membership-announcements.ts), as the handlers save them.
const ask = (record: Entitlement | undefined, latest = undefined as Parameters<typeof requestAccess>[1], reason = REASON) => {
  const step = requestAccess(record, latest, AccessRequestInput.parse({ reason }), { userId: 'u-1', now: NOW });
  return { ...step, events: accessRequested(step) };
};
const decide = (step: ReturnType<typeof ask>, record: Entitlement, input: unknown, now = later(1)) => {
  const decided = decideAccess(step.request, record, AccessDecisionInput.parse(input), { by: ADMIN, now });
  return { ...decided, events: accessDecided(decided, now) };
};
const approve = { outcome: 'approve', validUntil: later(365).toISOString() };
const decline = { outcome: 'decline', reason: 'Alliance seats are for operators; please reapply with your role.' };

describe('a member asks for Leadership Alliance', () => {
  it('opens request 1, a step of the entitlement history, announced without the reason', () => {
    // Act
    const step = ask(member);
    // Assess
    expect(step.request).toEqual({
      userId: 'u-1',
      requestId: '1',
      tier: 'leadership-alliance',
      reason: REASON,
      status: 'open',
      requestedAt: NOW.toISOString(),
    });
    expect(step.change).toMatchObject({ ...member, version: 2, change: 'access-requested', changedBy: 'u-1', accessRequestId: '1' });
    expect(step.events.map((e) => e.detailType)).toEqual(['Access Requested']);
    expect(AccessRequested.detail.parse(step.events[0]!.detail)).toMatchObject({ userId: 'u-1', requestId: '1', recordVersion: 2 });
    expect(JSON.stringify(step.events)).not.toContain(REASON);
  });

  it('one open request at a time: another reason is a conflict naming it; the same request again answers it and writes nothing', () => {
    // Prepare
    const open = ask(member);
    // Act
    const again = ask(open.change, open.request);
    // Assess
    expect(again).toEqual({ request: open.request, events: [] });
    expect(() => ask(open.change, open.request, 'Another reason.')).toThrow(ConflictError);
    try {
      ask(open.change, open.request, 'Another reason.');
    } catch (error) {
      expect((error as ConflictError).details).toEqual({ requestId: '1' });
    }
  });

  it('after a decision the member may ask again, as request 2', () => {
    const open = ask(member);
    const declined = decide(open, open.change!, decline);
    expect(ask(declined.change, declined.request).request.requestId).toBe('2');
  });

  it('a member of Leadership Alliance, or staff, has nothing to ask for; one whose Alliance ended may ask', () => {
    // Prepare
    const leadership = grantEntitlement(member, GrantInput.parse({ tier: 'leadership-alliance', validUntil: later(30).toISOString() }), {
      userId: 'u-1',
      by: ADMIN,
      now: NOW,
    });
    const editor = grantEntitlement(member, GrantInput.parse({ tier: 'strategy-circle', roles: ['editor'] }), { userId: 'u-1', by: ADMIN, now: NOW });
    const ended = { ...leadership, validUntil: new Date(NOW.getTime() - 1).toISOString() };
    // Act + Assess
    expect(() => ask(leadership)).toThrow(ConflictError);
    expect(() => ask(editor)).toThrow(ConflictError);
    expect(ask(ended).request.status).toBe('open');
    expect(() => ask(undefined)).toThrow(NotFoundError);
  });

  it('a reason is required, trimmed, at most 1,000 characters, and nothing else is accepted', () => {
    expect(z.safeParse(AccessRequestInput, { reason: '   ' }).success).toBe(false);
    expect(z.safeParse(AccessRequestInput, { reason: 'x'.repeat(1001) }).success).toBe(false);
    expect(z.safeParse(AccessRequestInput, { reason: 'ok', tier: 'leadership-alliance' }).success).toBe(false);
    expect(AccessRequestInput.parse({ reason: '  ok  ' })).toEqual({ reason: 'ok' });
  });
});

describe("an admin decides a member's request", () => {
  it('approving is the grant with an end date, announced as Entitlement Changed and Access Decided (no reason text)', () => {
    // Prepare
    const open = ask(member);
    // Act
    const step = decide(open, open.change!, approve);
    // Assess
    expect(step.request).toMatchObject({ status: 'approved', decidedBy: ADMIN, decidedAt: later(1).toISOString(), validUntil: approve.validUntil });
    expect(step.change).toMatchObject({
      tier: 'leadership-alliance',
      validUntil: approve.validUntil,
      version: 3,
      change: 'granted',
      changedBy: ADMIN,
      accessRequestId: '1',
    });
    expect(step.events.map((e) => e.detailType)).toEqual(['Entitlement Changed', 'Access Decided']);
    expect(EntitlementChanged.detail.parse(step.events[0]!.detail)).toMatchObject({
      change: 'granted',
      recordVersion: 3,
      tier: 'leadership-alliance',
    });
    expect(AccessDecided.detail.parse(step.events[1]!.detail)).toMatchObject({
      outcome: 'approved',
      validUntil: approve.validUntil,
      recordVersion: 3,
    });
    expect(JSON.stringify(step.events)).not.toContain(REASON);
  });

  it('declining needs a reason, written to the member and kept out of the event', () => {
    // Prepare
    const open = ask(member);
    // Act
    const step = decide(open, open.change!, decline);
    // Assess
    expect(step.request).toMatchObject({ status: 'declined', declineReason: decline.reason, decidedBy: ADMIN });
    expect(step.change).toMatchObject({ tier: 'strategy-circle', version: 3, change: 'access-declined', accessRequestId: '1' });
    expect(step.events.map((e) => e.detailType)).toEqual(['Access Decided']);
    expect(JSON.stringify(step.events)).not.toContain(decline.reason);
    expect(z.safeParse(AccessDecisionInput, { outcome: 'decline' }).success).toBe(false);
    expect(z.safeParse(AccessDecisionInput, { outcome: 'decline', reason: ' ' }).success).toBe(false);
  });

  it('approving needs an end date in the future (the grant rules)', () => {
    const open = ask(member);
    expect(z.safeParse(AccessDecisionInput, { outcome: 'approve' }).success).toBe(false);
    expect(() => decide(open, open.change!, { outcome: 'approve', validUntil: later(-1).toISOString() })).toThrow(ValidationError);
  });

  it('the same decision again answers the decided request; another decision is a conflict', () => {
    // Prepare
    const open = ask(member);
    const approved = decide(open, open.change!, approve);
    // Act + Assess
    const again = decideAccess(approved.request, approved.change, AccessDecisionInput.parse(approve), { by: ADMIN, now: later(2) });
    expect(again).toEqual({ request: approved.request });
    expect(accessDecided(again, later(2))).toEqual([]);
    expect(() => decideAccess(approved.request, approved.change, AccessDecisionInput.parse(decline), { by: ADMIN, now: later(2) })).toThrow(
      ConflictError,
    );
  });

  it('a revoked member is not approved through a request (declining still works); an unknown request is not found', () => {
    const open = ask(member);
    const revoked = revokeEntitlement(open.change, { reason: 'left the company' }, { by: ADMIN, now: NOW });
    expect(() => decide(open, revoked, approve)).toThrow(ConflictError);
    expect(decide(open, revoked, decline).request.status).toBe('declined');
    expect(() => decideAccess(undefined, member, AccessDecisionInput.parse(decline), { by: ADMIN, now: NOW })).toThrow(NotFoundError);
  });

  it('the member reads their request and its decision, not who decided it', () => {
    const open = ask(member);
    const view = memberRequestView(decide(open, open.change!, decline).request);
    expect(view).toMatchObject({ status: 'declined', reason: REASON, declineReason: decline.reason });
    expect(view).not.toHaveProperty('decidedBy');
  });
});
