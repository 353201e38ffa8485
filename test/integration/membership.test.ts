/**
 * Membership end to end on the local engines: sign-up confirmation through
 * cognito-local's post-confirmation trigger, admin grants and revocations,
 * the Entitlement Changed event and the group sync, and the promise that a
 * revoked or expired entitlement stops gated reads with a still-valid token.
 *
 * The entitlement cache window is 0 here (ENTITLEMENT_CACHE_SECONDS): every
 * request reads the record, so a lock-out shows on the very next request and
 * no assertion waits on a clock. That the window is honoured, and never more
 * than the 60 s the product promises, is proven with a controlled clock in
 * test/unit/functions/membership.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { AdminConfirmSignUpCommand, AdminListGroupsForUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, rescore } from '#domain/briefing.ts';
import type { Entitlement } from '#domain/entitlement.ts';
import { inDays } from '#test/support/clock.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { api, type LocalStack, startTestStack, TEST_PASSWORD, tokenFor } from './harness.ts';

process.env['ENTITLEMENT_CACHE_SECONDS'] = '0';

let stack: LocalStack;
let admin = '';
let table: typeof import('#functions/commons/table/entitlements.ts');
const briefingId = `membership-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  stack = await startTestStack();
  admin = await tokenFor(stack, ['admins']);
  // Imported once the stack has set the handlers' environment: these modules create their client on import.
  table = await import('#functions/commons/table/entitlements.ts');
  const briefings = await import('#functions/commons/table/briefings.ts');
  await briefings.createBriefing(
    publish(rescore(draft({}, briefingId), [source('direct', 1, 'supports', briefingId)], NOW).briefing, { by: 'editor-1', now: NOW }),
  );
});
afterAll(() => stack?.stop());

/** Signs a reader up through the app client, as the web app would, and confirms them as an admin would; returns their sub. */
async function signUp(opts: { metadata?: Record<string, string> } = {}): Promise<{ email: string; sub: string }> {
  const email = `reader-${randomUUID().slice(0, 8)}@test.signal.local`;
  const { UserSub } = await stack.cognito.send(
    new SignUpCommand({
      ClientId: stack.clientId,
      Username: email,
      Password: TEST_PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }],
      ...(opts.metadata ? { ClientMetadata: opts.metadata } : {}),
    }),
  );
  await stack.cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: stack.userPoolId, Username: email }));
  return { email, sub: UserSub! };
}

const groupsOf = async (username: string) =>
  ((await stack.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: stack.userPoolId, Username: username }))).Groups ?? [])
    .map((g) => g.GroupName)
    .sort();

/** Waits until the group sync has handled this member's change to `version`. */
const synced = async (userId: string, version: number) => {
  const received = await stack.bus.waitFor(
    (e) =>
      e.envelope['detail-type'] === 'Entitlement Changed' &&
      (e.envelope.detail as { userId: string; recordVersion: number }).userId === userId &&
      (e.envelope.detail as { recordVersion: number }).recordVersion === version &&
      e.deliveries.length > 0 &&
      e.deliveries.every((d) => d.status !== 'pending'),
  );
  expect(received.deliveries.map((d) => `${d.target}:${d.status}`)).toEqual(['sync-member-groups:delivered']);
  return received;
};

const gatedSections = async (token: string) => {
  const res = await api(stack, 'GET', `/briefings/${briefingId}`, { token });
  expect(res.status).toBe(200);
  return (res.body.sections as Array<{ name: string; locked: boolean }>)
    .filter((s) => !s.locked && ['trendContext', 'relationshipEvidence', 'failurePaths', 'sourceNotes'].includes(s.name))
    .map((s) => s.name);
};

describe('sign-up confirmation', () => {
  it('records Strategy Circle through the post-confirmation trigger, whatever the client sent, and the group sync adds the group', async () => {
    // Act
    const { email, sub } = await signUp({ metadata: { tier: 'leadership-alliance', roles: 'admin' } });
    await synced(sub, 1);

    // Assess: cognito-local invoked the trigger through the local Lambda endpoint
    expect(stack.lambda.invocations).toContainEqual(
      expect.objectContaining({ fn: 'confirm-sign-up', payload: expect.objectContaining({ triggerSource: 'PostConfirmation_ConfirmSignUp' }) }),
    );
    const record = await api(stack, 'GET', `/members/${sub}/entitlement`, { token: admin });
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({ status: 'active', record: { tier: 'strategy-circle', roles: [], origin: 'sign-up', version: 1 } });
    expect(record.body.history.map((h: { change: string }) => h.change)).toEqual(['signed-up']);
    expect(await groupsOf(sub)).toEqual(['strategy-circle']);

    const token = (await stack.signIn(email, TEST_PASSWORD)).accessToken;
    const me = await api(stack, 'GET', '/me', { token });
    expect(me.body).toEqual({ userId: sub, tier: 'strategy-circle', roles: [], status: 'active' });
    expect(await gatedSections(token)).toEqual(['trendContext']);
  });
});

describe('an admin grants, then revokes, Leadership Alliance', () => {
  it("takes effect with the member's next token and stops the same token at its next request (cache window 0 here)", async () => {
    // Prepare: a signed-up reader
    const { email, sub } = await signUp();
    await synced(sub, 1);

    // Act: grant with an end date
    const granted = await api(stack, 'PUT', `/members/${sub}/entitlement`, {
      token: admin,
      body: { tier: 'leadership-alliance', validUntil: inDays(365) },
    });
    expect(granted.status).toBe(200);
    await synced(sub, 2);

    // Assess: in the group, and a new token reads every section
    expect(await groupsOf(sub)).toEqual(['leadership-alliance']);
    const token = (await stack.signIn(email, TEST_PASSWORD)).accessToken;
    expect(await gatedSections(token)).toEqual(['trendContext', 'relationshipEvidence', 'failurePaths', 'sourceNotes']);
    expect((await api(stack, 'GET', '/me', { token })).body).toMatchObject({
      tier: 'leadership-alliance',
      status: 'active',
      validUntil: expect.any(String),
    });

    // Act: revoke
    const revoked = await api(stack, 'DELETE', `/members/${sub}/entitlement`, { token: admin, body: { reason: 'membership cancelled' } });
    expect(revoked.status).toBe(200);

    // Assess: the same, still valid token is locked out of every gated section on its next request
    expect(await gatedSections(token)).toEqual([]);
    expect((await api(stack, 'GET', '/me', { token })).body).toEqual({ userId: sub, tier: 'public', roles: [], status: 'revoked' });

    // …and the group sync removes the groups and signs the member out everywhere
    await synced(sub, 3);
    expect(await groupsOf(sub)).toEqual([]);
    expect(stack.cognitoFront.globalSignOuts.map((s) => s.username)).toContain(sub);

    const history = await api(stack, 'GET', `/members/${sub}/entitlement`, { token: admin });
    expect(history.body.history.map((h: { change: string; changedBy: string }) => h.change)).toEqual(['revoked', 'granted', 'signed-up']);
    expect(history.body.record).toMatchObject({ revokedReason: 'membership cancelled', revokedBy: expect.any(String) });
  });

  it('a revoked editor loses the staff routes with the token they hold', async () => {
    // Prepare
    const editor = await tokenFor(stack, ['editors']);
    const sub = (await api(stack, 'GET', '/me', { token: editor })).body.userId as string;
    const publishAttempt = () => api(stack, 'POST', `/briefings/${briefingId}/publish`, { token: editor });
    expect((await publishAttempt()).status).toBe(409); // allowed in, but already published

    // Act
    expect((await api(stack, 'DELETE', `/members/${sub}/entitlement`, { token: admin, body: { reason: 'left the team' } })).status).toBe(200);

    // Assess
    expect((await publishAttempt()).status).toBe(403);
  });
});

describe('member-only routes follow the entitlement record (issue 16)', () => {
  it('a revoked member loses the watchlist and alerts with the token they hold; /me and unfollowing stay open', async () => {
    // Prepare: a signed-up reader (Strategy Circle) follows acme, named by the published briefing
    const { email, sub } = await signUp();
    await synced(sub, 1);
    const token = (await stack.signIn(email, TEST_PASSWORD)).accessToken;
    expect((await api(stack, 'PUT', '/me/watchlist/acme', { token })).status).toBe(200);
    expect((await api(stack, 'GET', '/me/alerts', { token })).status).toBe(200);

    // Act: revoke; the token stays valid
    expect((await api(stack, 'DELETE', `/members/${sub}/entitlement`, { token: admin, body: { reason: 'cancelled' } })).status).toBe(200);

    // Assess: the member-only routes refuse it at its next request (cache window 0 here; at most 60 s deployed)
    const refused = await Promise.all([
      api(stack, 'PUT', '/me/watchlist/acme', { token }),
      api(stack, 'GET', '/me/watchlist', { token }),
      api(stack, 'GET', '/me/alerts', { token }),
    ]);
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403]);
    for (const r of refused) expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect((await api(stack, 'GET', '/me', { token })).body).toMatchObject({ status: 'revoked', tier: 'public' });
    expect((await api(stack, 'DELETE', '/me/watchlist/acme', { token })).status).toBe(204);
  });
});

describe('an end date that has passed', () => {
  it('PUT refuses an end date in the past', async () => {
    const { sub } = await signUp();
    const res = await api(stack, 'PUT', `/members/${sub}/entitlement`, {
      token: admin,
      body: { tier: 'leadership-alliance', validUntil: inDays(-1) },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ pointer: '#/validUntil', detail: 'must be in the future' }]);
  });

  it('stops Leadership Alliance with the same token, leaving Strategy Circle', async () => {
    // Prepare: a Leadership Alliance member reading gated sections
    const token = await tokenFor(stack, ['leadership-alliance']);
    const sub = (await api(stack, 'GET', '/me', { token })).body.userId as string;
    expect(await gatedSections(token)).toHaveLength(4);

    // Act: time passes the end date (the record as it would be read then; a running stack's clock cannot be moved)
    const current = (await table.getEntitlement(sub)) as Entitlement;
    const ended: Entitlement = { ...current, validUntil: new Date(Date.now() - 1000).toISOString(), version: current.version + 1 };
    await table.saveEntitlement({ ...ended, change: 'granted', changedBy: 'test:clock' }, current.version, [], new Date());

    // Assess
    expect(await gatedSections(token)).toEqual(['trendContext']);
    expect((await api(stack, 'GET', '/me', { token })).body).toEqual({ userId: sub, tier: 'strategy-circle', roles: [], status: 'expired' });
  });
});

describe('admin safeguards', () => {
  it('refuses a grant for a user the pool does not know, and an admin revoking their own entitlement', async () => {
    const unknown = await api(stack, 'PUT', `/members/${randomUUID()}/entitlement`, { token: admin, body: { tier: 'strategy-circle' } });
    expect(unknown.status).toBe(404);

    const self = (await api(stack, 'GET', '/me', { token: admin })).body.userId as string;
    const own = await api(stack, 'DELETE', `/members/${self}/entitlement`, { token: admin, body: { reason: 'oops' } });
    expect(own.status).toBe(409);
  });
});
