import { describe, expect, it } from 'vitest';
import { grantFromGroups, groupsForGrant, meetGrants, viewerOf } from '#domain/access.ts';
import {
  bootstrapAdminEntitlement,
  type Entitlement,
  entitledViewer,
  GrantInput,
  grantEntitlement,
  grantOf,
  provisionedEntitlement,
  renewedSeedGrant,
  revokeEntitlement,
  selfView,
  signUpEntitlement,
  statusOf,
} from '#domain/entitlement.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { EntitlementChanged } from '#events/index.ts';
import { entitlementChanged } from '#events/membership-announcements.ts';
import { NOW } from '#test/support/fixtures.ts';

const DAY = 24 * 3600 * 1000;
const later = (days: number) => new Date(NOW.getTime() + days * DAY);
const ADMIN = 'admin-1';
const member = signUpEntitlement('u-1', NOW);
const leadership = grantEntitlement(member, GrantInput.parse({ tier: 'leadership-alliance', validUntil: later(365).toISOString() }), {
  userId: 'u-1',
  by: ADMIN,
  now: NOW,
});

describe('grants from tokens and records', () => {
  it('a token makes any signed-in user Strategy Circle, more with tier groups, and lists staff roles', () => {
    expect(grantFromGroups([])).toEqual({ tier: 'strategy-circle', roles: [] });
    expect(grantFromGroups(['leadership-alliance', 'editors', 'unknown'])).toEqual({ tier: 'leadership-alliance', roles: ['editor'] });
  });

  it('the meet of two grants is the lower tier and the roles both name', () => {
    expect(meetGrants({ tier: 'leadership-alliance', roles: ['editor', 'admin'] }, { tier: 'strategy-circle', roles: ['editor'] })).toEqual({
      tier: 'strategy-circle',
      roles: ['editor'],
    });
  });

  it('staff read as Leadership Alliance; groups mirror a grant', () => {
    expect(viewerOf('u', { tier: 'public', roles: ['analyst'] })).toEqual({ userId: 'u', tier: 'leadership-alliance', roles: ['analyst'] });
    expect(groupsForGrant({ tier: 'leadership-alliance', roles: ['analyst', 'admin'] })).toEqual(['leadership-alliance', 'analysts', 'admins']);
    expect(groupsForGrant({ tier: 'public', roles: [] })).toEqual([]);
  });
});

describe('what a record grants', () => {
  it('sign-up grants Strategy Circle with no end date', () => {
    expect(member).toMatchObject({ tier: 'strategy-circle', roles: [], origin: 'sign-up', version: 1 });
    expect(grantOf(member, later(10_000))).toEqual({ tier: 'strategy-circle', roles: [] });
  });

  it('an active grant gives its tier and roles; past its end date only Strategy Circle', () => {
    expect(statusOf(leadership, later(364))).toBe('active');
    expect(grantOf(leadership, later(364))).toEqual({ tier: 'leadership-alliance', roles: [] });
    expect(statusOf(leadership, later(365))).toBe('expired');
    expect(grantOf(leadership, later(365))).toEqual({ tier: 'strategy-circle', roles: [] });
  });

  it('a revoked record, or none, grants nothing beyond public', () => {
    const revoked = revokeEntitlement(leadership, { reason: 'membership cancelled' }, { by: ADMIN, now: later(1) });
    expect(grantOf(revoked, later(2))).toEqual({ tier: 'public', roles: [] });
    expect(grantOf(undefined, NOW)).toEqual({ tier: 'public', roles: [] });
  });
});

describe('the viewer the API serves: token AND record', () => {
  const leadershipToken = ['leadership-alliance'];

  it('is what both grant', () => {
    expect(entitledViewer('u-1', leadershipToken, leadership, later(1))).toEqual({ userId: 'u-1', tier: 'leadership-alliance', roles: [] });
    // A grant not yet in the token waits for the next token (after the group sync).
    expect(entitledViewer('u-1', [], leadership, later(1)).tier).toBe('strategy-circle');
  });

  it('drops at once when the record is revoked or expires, whatever the token says', () => {
    const revoked = revokeEntitlement(leadership, { reason: 'x' }, { by: ADMIN, now: later(1) });
    expect(entitledViewer('u-1', leadershipToken, revoked, later(1))).toEqual({ userId: 'u-1', tier: 'public', roles: [] });
    expect(entitledViewer('u-1', leadershipToken, leadership, later(400)).tier).toBe('strategy-circle');
    expect(entitledViewer('u-1', leadershipToken, undefined, later(1)).tier).toBe('public');
  });

  it('takes staff roles away with the record too', () => {
    const editor = provisionedEntitlement('e-1', ['editors'], { now: NOW });
    const demoted = grantEntitlement(editor, GrantInput.parse({ tier: 'strategy-circle' }), { userId: 'e-1', by: ADMIN, now: later(1) });
    expect(entitledViewer('e-1', ['editors'], editor, later(1))).toEqual({ userId: 'e-1', tier: 'leadership-alliance', roles: ['editor'] });
    expect(entitledViewer('e-1', ['editors'], demoted, later(1))).toEqual({ userId: 'e-1', tier: 'strategy-circle', roles: [] });
  });
});

describe("a local user's seeded grant", () => {
  const seeded = provisionedEntitlement('l-1', ['leadership-alliance'], { now: NOW, validUntil: later(365) });
  const freshAt = (days: number) => provisionedEntitlement('l-1', ['leadership-alliance'], { now: later(days), validUntil: later(days + 365) });

  it('is renewed for another year once it has less than 30 days to run, as its next version', () => {
    // Act
    const early = renewedSeedGrant(seeded, freshAt(300), later(300));
    const late = renewedSeedGrant(seeded, freshAt(340), later(340));
    const ended = renewedSeedGrant(seeded, freshAt(400), later(400));

    // Assess
    expect(early).toBeUndefined();
    expect(late).toMatchObject({ validUntil: later(705).toISOString(), version: 2, updatedAt: later(340).toISOString(), grantedBy: 'system:seed' });
    expect(ended && entitledViewer('l-1', ['leadership-alliance'], ended, later(400)).tier).toBe('leadership-alliance');
  });

  it('is left alone once an admin granted or revoked it', () => {
    const granted = grantEntitlement(seeded, GrantInput.parse({ tier: 'leadership-alliance', validUntil: later(360).toISOString() }), {
      userId: 'l-1',
      by: ADMIN,
      now: later(1),
    });
    const revoked = revokeEntitlement(seeded, { reason: 'demo ended' }, { by: ADMIN, now: later(1) });
    expect(renewedSeedGrant(granted, freshAt(355), later(355))).toBeUndefined();
    expect(renewedSeedGrant(revoked, freshAt(355), later(355))).toBeUndefined();
  });
});

describe('the first admin', () => {
  it('is an admin with no tier beyond membership, recorded as bootstrapped, and needs the admins group in the token too', () => {
    const first = bootstrapAdminEntitlement('a-0', NOW);
    expect(first).toMatchObject({ roles: ['admin'], origin: 'admin', grantedBy: 'system:bootstrap', version: 1 });
    expect(entitledViewer('a-0', ['admins'], first, NOW).roles).toEqual(['admin']);
    expect(entitledViewer('a-0', [], first, NOW).roles).toEqual([]);
  });
});

describe('granting', () => {
  const grant = (current: Entitlement | undefined, input: unknown, by = ADMIN, userId = 'u-1') =>
    grantEntitlement(current, GrantInput.parse(input), { userId, by, now: NOW });

  it('records who granted what, from when, until when, as the next version', () => {
    expect(leadership).toMatchObject({
      userId: 'u-1',
      tier: 'leadership-alliance',
      origin: 'admin',
      grantedBy: ADMIN,
      validFrom: NOW.toISOString(),
      validUntil: later(365).toISOString(),
      version: 2,
    });
  });

  it('requires an end date in the future for Leadership Alliance', () => {
    expect(() => grant(member, { tier: 'leadership-alliance' })).toThrow(ValidationError);
    expect(() => grant(member, { tier: 'leadership-alliance', validUntil: NOW.toISOString() })).toThrow(/future/);
  });

  it('refuses what a client must not set', () => {
    const parsed = GrantInput.safeParse({ tier: 'strategy-circle', status: 'active', origin: 'sign-up', revokedAt: null, version: 9 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.flatMap((i) => ('keys' in i ? i.keys : []))).toEqual(['status', 'origin', 'revokedAt', 'version']);
    expect(GrantInput.safeParse({ tier: 'public' }).success).toBe(false);
    expect(GrantInput.safeParse({ tier: 'strategy-circle', roles: ['editor', 'editor'] }).success).toBe(false);
  });

  it('returns the current record when nothing changes, so a retried PUT writes nothing', () => {
    expect(grant(leadership, { tier: 'leadership-alliance', validUntil: later(365).toISOString() })).toBe(leadership);
  });

  it('replaces a revocation with a new grant', () => {
    const revoked = revokeEntitlement(leadership, { reason: 'x' }, { by: ADMIN, now: NOW });
    const regranted = grant(revoked, { tier: 'strategy-circle' });
    expect(regranted.revokedAt).toBeUndefined();
    expect(regranted.version).toBe(revoked.version + 1);
  });

  it('does not let an admin take away their own admin role', () => {
    const admin = provisionedEntitlement(ADMIN, ['admins'], { now: NOW });
    expect(() => grant(admin, { tier: 'strategy-circle' }, ADMIN, ADMIN)).toThrow(ConflictError);
    expect(grant(admin, { tier: 'strategy-circle', roles: ['admin', 'editor'] }, ADMIN, ADMIN).roles).toEqual(['editor', 'admin']);
  });
});

describe('revoking', () => {
  it('stamps when, by whom and why, as the next version', () => {
    const revoked = revokeEntitlement(leadership, { reason: 'payment failed' }, { by: ADMIN, now: later(3) });
    expect(revoked).toMatchObject({ revokedAt: later(3).toISOString(), revokedBy: ADMIN, revokedReason: 'payment failed', version: 3 });
  });

  it("is idempotent, needs a record, and is not for one's own entitlement", () => {
    const revoked = revokeEntitlement(leadership, { reason: 'x' }, { by: ADMIN, now: NOW });
    expect(revokeEntitlement(revoked, { reason: 'again' }, { by: ADMIN, now: NOW })).toBe(revoked);
    expect(() => revokeEntitlement(undefined, { reason: 'x' }, { by: ADMIN, now: NOW })).toThrow(NotFoundError);
    expect(() => revokeEntitlement(leadership, { reason: 'x' }, { by: 'u-1', now: NOW })).toThrow(ConflictError);
  });
});

describe('Entitlement Changed', () => {
  it('matches its contract, carries no reason or email, and derives its id from the record version', () => {
    const revoked = revokeEntitlement(leadership, { reason: 'CANARY-REASON' }, { by: ADMIN, now: NOW });
    const event = entitlementChanged(revoked, 'revoked', NOW);
    expect(EntitlementChanged.detail.parse(event.detail)).toMatchObject({ userId: 'u-1', change: 'revoked', recordVersion: 3, revoked: true });
    expect(JSON.stringify(event)).not.toMatch(/CANARY|@/);
    expect(entitlementChanged(revoked, 'revoked', later(1)).detail.eventId).toBe(event.detail.eventId);
  });
});

describe('GET /me view', () => {
  it('shows the served tier and roles, the status and the end date, nothing about who granted it', () => {
    const viewer = entitledViewer('u-1', ['leadership-alliance'], leadership, later(1));
    expect(selfView(viewer, leadership, later(1))).toEqual({
      userId: 'u-1',
      tier: 'leadership-alliance',
      roles: [],
      status: 'active',
      validUntil: later(365).toISOString(),
    });
  });
});
