/**
 * Issue 16, point 5, on the local engines: a member asks for Leadership
 * Alliance, an admin lists open requests and approves (the grant, with an end
 * date: Entitlement Changed, the group sync, the tier in the next token) or
 * declines with a reason; each step is an event and an entry of the member's
 * entitlement history, across every kind of caller. The reason's privacy on
 * every other route is the canary matrix's (test/integration/api-security.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupName } from '#domain/access.ts';
import { inDays } from '#test/support/clock.ts';
import { api, type LocalStack, startTestStack, TEST_PASSWORD, tokenFor } from './harness.ts';

process.env['ENTITLEMENT_CACHE_SECONDS'] = '0';

let stack: LocalStack;
let admin = '';
const RUN = randomUUID().slice(0, 8);

beforeAll(async () => {
  stack = await startTestStack();
  admin = await tokenFor(stack, ['admins']);
});
afterAll(() => stack?.stop());

/** A user in `groups`, with the record the local stack gives them; `signIn` mints a fresh token (after a grant). */
async function user(groups: readonly GroupName[]) {
  const email = `asker-${randomUUID().slice(0, 8)}@test.signal.local`;
  await stack.ensureUser({ email, password: TEST_PASSWORD, groups });
  const signIn = async () => (await stack.signIn(email, TEST_PASSWORD)).accessToken;
  const token = await signIn();
  const sub = (await api(stack, 'GET', '/me', { token })).body.userId as string;
  return { token, sub, signIn };
}

const ask = (token: string | undefined, reason: string) =>
  api(stack, 'POST', '/me/access-requests', { ...(token ? { token } : {}), body: { reason } });
const decide = (userId: string, requestId: string, body: unknown) =>
  api(stack, 'POST', `/members/${userId}/access-requests/${requestId}/decision`, { token: admin, body });
const eventOf = (type: string, userId: string, requestId: string) =>
  stack.bus.waitFor(
    (e) =>
      e.envelope['detail-type'] === type &&
      (e.envelope.detail as { userId: string }).userId === userId &&
      (e.envelope.detail as { requestId: string }).requestId === requestId,
  );

describe('asking for Leadership Alliance', () => {
  it('anonymous callers get 401 on every access-request route', async () => {
    expect((await ask(undefined, 'let me in')).status).toBe(401);
    expect((await api(stack, 'GET', '/me/access-requests')).status).toBe(401);
    expect((await api(stack, 'GET', '/access-requests')).status).toBe(401);
    expect((await api(stack, 'POST', '/members/x/access-requests/1/decision', { body: { outcome: 'decline', reason: 'no' } })).status).toBe(401);
  });

  it('a member asks once; the same request again is the same request; another while it is open is a 409 problem naming it', async () => {
    // Prepare
    const member = await user(['strategy-circle']);
    const reason = `I run network operations at a carrier (${RUN}-a).`;
    // Act
    const first = await ask(member.token, reason);
    const retried = await ask(member.token, reason);
    const second = await ask(member.token, 'Another reason, while the first is open.');
    // Assess
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ requestId: '1', userId: member.sub, tier: 'leadership-alliance', reason, status: 'open' });
    expect([retried.status, retried.body]).toEqual([200, first.body]);
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toBe('application/problem+json');
    expect(second.body).toMatchObject({ status: 409, requestId: '1' });
    const mine = await api(stack, 'GET', '/me/access-requests', { token: member.token });
    expect(mine.body.items).toEqual([first.body]);
    // Announced once, without the reason.
    const requested = await eventOf('Access Requested', member.sub, '1');
    expect(JSON.stringify(requested.envelope)).not.toContain(RUN);
    expect(
      stack.bus.received.filter(
        (e) => e.envelope['detail-type'] === 'Access Requested' && (e.envelope.detail as { userId: string }).userId === member.sub,
      ),
    ).toHaveLength(1);
  });

  it('a Leadership Alliance member, an analyst, an editor and an admin have nothing to ask for (409); a revoked member is refused (403)', async () => {
    const [leadership, analyst, editor, revoked] = await Promise.all([
      user(['leadership-alliance']),
      user(['analysts']),
      user(['editors']),
      user(['strategy-circle']),
    ]);
    expect((await api(stack, 'DELETE', `/members/${revoked.sub}/entitlement`, { token: admin, body: { reason: 'left' } })).status).toBe(200);
    for (const who of [leadership, analyst, editor]) expect((await ask(who.token, 'please')).status).toBe(409);
    expect((await ask(admin, 'please')).status).toBe(409);
    expect((await ask(revoked.token, 'please')).status).toBe(403);
    // A revoked member still reads their own (empty) list, like GET /me.
    expect((await api(stack, 'GET', '/me/access-requests', { token: revoked.token })).body).toEqual({ items: [] });
  });

  it('refuses a request without a reason, or with fields a member must not set, and writes nothing', async () => {
    const member = await user(['strategy-circle']);
    const empty = await api(stack, 'POST', '/me/access-requests', { token: member.token, body: {} });
    const extra = await api(stack, 'POST', '/me/access-requests', {
      token: member.token,
      body: { reason: 'x', status: 'approved', tier: 'leadership-alliance' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ pointer: '#/reason' })]);
    expect(extra.status).toBe(400);
    expect((await api(stack, 'GET', '/me/access-requests', { token: member.token })).body.items).toEqual([]);
  });
});

describe("an admin decides members' requests", () => {
  it('lists the open ones with their reasons, approves one with an end date: the grant, its events and history, the tier in the next token', async () => {
    // Prepare
    const member = await user(['strategy-circle']);
    const reason = `Policy team lead (${RUN}-b).`;
    expect((await ask(member.token, reason)).status).toBe(201);
    const validUntil = inDays(90);
    // Act
    const open = await api(stack, 'GET', '/access-requests?status=open&limit=50', { token: admin });
    const noDate = await decide(member.sub, '1', { outcome: 'approve' });
    const approved = await decide(member.sub, '1', { outcome: 'approve', validUntil });
    // Assess
    expect(open.status).toBe(200);
    expect(open.body.items).toContainEqual(expect.objectContaining({ userId: member.sub, requestId: '1', reason, status: 'open' }));
    expect(noDate.status).toBe(400);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', validUntil, decidedBy: expect.any(String), reason });
    const decided = await eventOf('Access Decided', member.sub, '1');
    expect(decided.envelope.detail).toMatchObject({ outcome: 'approved', validUntil, tier: 'leadership-alliance' });
    expect(JSON.stringify(decided.envelope)).not.toContain(RUN);
    // The grant went the usual way: Entitlement Changed, then the group sync; the next token carries the tier.
    await stack.bus.waitFor(
      (e) =>
        e.envelope['detail-type'] === 'Entitlement Changed' &&
        (e.envelope.detail as { userId: string }).userId === member.sub &&
        e.deliveries.some((d) => d.target === 'sync-member-groups' && d.status === 'delivered'),
    );
    expect((await api(stack, 'GET', '/me', { token: await member.signIn() })).body).toMatchObject({ tier: 'leadership-alliance', validUntil });
    const record = await api(stack, 'GET', `/members/${member.sub}/entitlement`, { token: admin });
    expect(record.body.history.slice(0, 2)).toEqual([
      expect.objectContaining({ change: 'granted', accessRequestId: '1', tier: 'leadership-alliance', validUntil }),
      expect.objectContaining({ change: 'access-requested', accessRequestId: '1', changedBy: member.sub, tier: 'strategy-circle' }),
    ]);
    expect(record.body.accessRequests).toEqual([approved.body]);
    // Off the open list; the same decision again changes nothing; another is a conflict; the member has nothing left to ask for.
    const after = await api(stack, 'GET', '/access-requests?limit=50', { token: admin });
    expect(after.body.items.map((r: { userId: string }) => r.userId)).not.toContain(member.sub);
    expect(await decide(member.sub, '1', { outcome: 'approve', validUntil })).toMatchObject({ status: 200, body: approved.body });
    expect((await decide(member.sub, '1', { outcome: 'decline', reason: 'changed my mind' })).status).toBe(409);
    expect((await ask(member.token, 'more')).status).toBe(409);
  });

  it('declines with a reason the member reads (not who declined); the member may then ask again', async () => {
    // Prepare
    const member = await user(['strategy-circle']);
    expect((await ask(member.token, `Investor (${RUN}-c).`)).status).toBe(201);
    // Act
    const noReason = await decide(member.sub, '1', { outcome: 'decline' });
    const declined = await decide(member.sub, '1', { outcome: 'decline', reason: 'Seats are for operators this quarter.' });
    // Assess
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: expect.stringMatching(/^#\//) })]));
    expect(declined.status).toBe(200);
    const mine = await api(stack, 'GET', '/me/access-requests', { token: member.token });
    expect(mine.body.items).toEqual([expect.objectContaining({ status: 'declined', declineReason: 'Seats are for operators this quarter.' })]);
    expect(mine.body.items[0]).not.toHaveProperty('decidedBy');
    const event = await eventOf('Access Decided', member.sub, '1');
    expect(event.envelope.detail).toMatchObject({ outcome: 'declined' });
    expect(JSON.stringify(event.envelope)).not.toContain('Seats are for operators');
    expect((await api(stack, 'GET', '/access-requests?status=declined&limit=50', { token: admin })).body.items).toContainEqual(
      expect.objectContaining({ userId: member.sub, declineReason: 'Seats are for operators this quarter.' }),
    );
    expect((await api(stack, 'GET', '/me', { token: member.token })).body.tier).toBe('strategy-circle');
    expect((await ask(member.token, 'Now an operator.')).body).toMatchObject({ requestId: '2', status: 'open' });
  });

  it('pages the open requests, oldest first, with a cursor bound to the list; unknown requests are 404, bad ids 400', async () => {
    // Prepare: three members ask in turn
    const askers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const member = await user(['strategy-circle']);
      expect((await ask(member.token, `page ${RUN} ${i}`)).status).toBe(201);
      askers.push(member.sub);
    }
    // Act: walk the whole open list one at a time
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api(stack, 'GET', `/access-requests?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: admin });
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.items.map((r: { userId: string }) => r.userId));
      cursor = page.body.nextCursor;
    } while (cursor);
    // Assess
    expect(seen.filter((u) => askers.includes(u))).toEqual(askers);
    expect((await api(stack, 'GET', '/access-requests?cursor=bm90LW91cnM', { token: admin })).body.errors).toEqual([
      expect.objectContaining({ pointer: 'query:cursor' }),
    ]);
    expect((await api(stack, 'GET', '/access-requests?status=pending', { token: admin })).status).toBe(400);
    expect((await api(stack, 'GET', '/access-requests?limit=51', { token: admin })).status).toBe(400);
    expect((await decide(askers[0]!, '9', { outcome: 'decline', reason: 'no' })).status).toBe(404);
    expect((await decide(askers[0]!, '0', { outcome: 'decline', reason: 'no' })).status).toBe(400);
  });
});
