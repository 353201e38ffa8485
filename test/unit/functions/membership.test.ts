import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publish, rescore } from '#domain/briefing.ts';
import { type Entitlement, GrantInput, grantEntitlement, revokeEntitlement, signUpEntitlement } from '#domain/entitlement.ts';
import { handler as getBriefing } from '#functions/briefings/get-briefing.ts';
import { handler as listBriefings } from '#functions/briefings/list-briefings.ts';
import { toHistoryItem, toItem } from '#functions/commons/table/entitlements.ts';
import { entitlementCache, entitlements } from '#functions/commons/viewer.ts';
import { handler as followEntity } from '#functions/following/follow-entity.ts';
import { handler as getAlerts } from '#functions/following/get-alerts.ts';
import { handler as getWatchlist } from '#functions/following/get-watchlist.ts';
import { handler as unfollowEntity } from '#functions/following/unfollow-entity.ts';
import { handler as confirmSignUp } from '#functions/membership/confirm-sign-up.ts';
import { handler as getEntitlement } from '#functions/membership/get-entitlement.ts';
import { handler as getMe } from '#functions/membership/get-me.ts';
import { handler as grant } from '#functions/membership/grant-entitlement.ts';
import { handler as revoke } from '#functions/membership/revoke-entitlement.ts';
import { handler as syncGroups } from '#functions/membership/sync-member-groups.ts';
import { inDays } from '#test/support/clock.ts';
import { primeEntitlements, recordFor } from '#test/support/entitlements.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { briefingRead, busEvent, claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';
import { storeBriefing } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const idp = mockClient(CognitoIdentityProviderClient);

const admin = claimsFor('admin-1', ['admins']);
const member = claimsFor('u-1', ['leadership-alliance']);
const published = publish(rescore(draft(), [source('direct', 1)], NOW).briefing, { by: 'editor-1', now: NOW });

const memberPath = (userId: string, method: string, body?: unknown, claims: Record<string, string> = admin) =>
  httpEvent({
    method,
    path: `/members/${userId}/entitlement`,
    routeKey: `${method} /members/{userId}/entitlement`,
    pathParameters: { userId },
    claims,
    ...(body === undefined ? {} : { body }),
  });
const transactItems = () => ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;

beforeEach(async () => {
  idp.reset();
  await primeEntitlements(ddb, [admin, member]);
});
afterEach(() => {
  delete process.env['ENTITLEMENT_CACHE_SECONDS'];
});

describe('who is calling: token and entitlement record', () => {
  const read = (claims?: Record<string, string>) => getBriefing(briefingRead(claims ? { claims } : {}), context);

  it('reads nothing more for an anonymous reader: one Query, the public parts of the briefing', async () => {
    // Prepare
    storeBriefing(ddb, published);
    // Act
    const res = await read();
    // Assess
    expect(res.statusCode).toBe(200);
    expect(ddb.calls()).toHaveLength(1);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toEqual({ ':pk': 'BRIEFING#b-1', ':p': 'P' });
  });

  it("reads a signed-in caller's record once (consistently) and reuses it within the cache window", async () => {
    // Prepare
    entitlements.clear();
    const record = recordFor(member);
    storeBriefing(ddb, published);
    ddb.on(GetCommand, { Key: { pk: 'USER#u-1', sk: 'ENTITLEMENT' } }).resolves({ Item: toItem(record) });
    // Act
    const first = await read(member);
    const second = await read(member);
    // Assess
    expect(parseBody(first).viewerTier).toBe('leadership-alliance');
    expect(parseBody(second).viewerTier).toBe('leadership-alliance');
    const entitlementReads = ddb.commandCalls(GetCommand).filter((c) => c.args[0].input.Key!['sk'] === 'ENTITLEMENT');
    expect(entitlementReads).toHaveLength(1);
    expect(entitlementReads[0]!.args[0].input.ConsistentRead).toBe(true);
  });

  it('serves a revoked member as public although the token still says Leadership Alliance', async () => {
    // Prepare
    const revoked = revokeEntitlement(recordFor(member), { reason: 'cancelled' }, { by: 'admin-1', now: new Date() });
    await primeEntitlements(ddb, [{ userId: 'u-1', record: revoked }]);
    storeBriefing(ddb, published);
    // Act
    const res = await read(member);
    // Assess
    expect(parseBody(res).viewerTier).toBe('public');
    expect(res.body).not.toMatch(/CANARY/);
  });

  it('refuses a revoked member the member-only routes with the token they hold (403, nothing read or written), leaving /me and unfollowing open (issue 16)', async () => {
    // Prepare: the token still says Leadership Alliance; the record says revoked
    const revoked = revokeEntitlement(recordFor(member), { reason: 'cancelled' }, { by: 'admin-1', now: new Date() });
    await primeEntitlements(ddb, [{ userId: 'u-1', record: revoked }]);
    ddb.on(GetCommand).resolves({ Item: toItem(revoked) });
    ddb.on(TransactWriteCommand).resolves({});
    const on = (method: string, path: string, routeKey: string, pathParameters?: Record<string, string>) =>
      httpEvent({ method, path, routeKey, claims: member, ...(pathParameters ? { pathParameters } : {}) });
    // Act
    const follow = await followEntity(on('PUT', '/me/watchlist/acme', 'PUT /me/watchlist/{entityId}', { entityId: 'acme' }), context);
    const watchlist = await getWatchlist(on('GET', '/me/watchlist', 'GET /me/watchlist'), context);
    const alerts = await getAlerts(on('GET', '/me/alerts', 'GET /me/alerts'), context);
    const memberOnlyCalls = ddb.calls().length;
    const unfollow = await unfollowEntity(on('DELETE', '/me/watchlist/acme', 'DELETE /me/watchlist/{entityId}', { entityId: 'acme' }), context);
    const me = await getMe(on('GET', '/me', 'GET /me'), context);
    // Assess
    expect([follow.statusCode, watchlist.statusCode, alerts.statusCode]).toEqual([403, 403, 403]);
    expect(parseBody(alerts).detail).toBe('this route is for members, and your membership is not active');
    expect(memberOnlyCalls).toBe(0);
    expect(unfollow.statusCode).toBe(204);
    expect(parseBody(me)).toMatchObject({ tier: 'public', status: 'revoked' });
  });

  it('keeps the member-only routes open to a member whose Leadership Alliance ended (still Strategy Circle) and to staff', async () => {
    const ended = { ...recordFor(member), validUntil: new Date(Date.now() - 1000).toISOString() };
    const analyst = claimsFor('a-1', ['analysts']);
    await primeEntitlements(ddb, [{ userId: 'u-1', record: ended }, analyst]);
    ddb.on(QueryCommand).resolves({ Items: [] });
    for (const claims of [member, analyst]) {
      const res = await getWatchlist(httpEvent({ method: 'GET', path: '/me/watchlist', routeKey: 'GET /me/watchlist', claims }), context);
      expect(res.statusCode).toBe(200);
    }
  });

  it('serves a member whose Leadership Alliance ended as Strategy Circle', async () => {
    // Prepare
    const ended: Entitlement = { ...recordFor(member), validUntil: new Date(Date.now() - 1000).toISOString() };
    await primeEntitlements(ddb, [{ userId: 'u-1', record: ended }]);
    storeBriefing(ddb, published);
    // Act
    const body = parseBody(await read(member));
    // Assess
    expect(body.viewerTier).toBe('strategy-circle');
    expect(JSON.stringify(body)).toMatch(/CANARY-STRATEGY/);
    expect(JSON.stringify(body)).not.toMatch(/CANARY-LEADERSHIP|CANARY-FAILURE/);
  });

  it('reads no record on a route that answers everyone alike (the feed)', async () => {
    // Prepare
    entitlements.clear();
    ddb.on(QueryCommand).resolves({ Items: [] });
    // Act
    const res = await listBriefings(httpEvent({ method: 'GET', path: '/briefings', claims: member }), context);
    // Assess
    expect(res.statusCode).toBe(200);
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('refuses a cache setting beyond the 60 s promise', async () => {
    // Prepare
    entitlements.clear();
    process.env['ENTITLEMENT_CACHE_SECONDS'] = '600';
    storeBriefing(ddb, published);
    // Act
    const res = await read(member);
    // Assess
    expect(res.statusCode).toBe(500);
  });
});

describe('the entitlement cache', () => {
  const record = signUpEntitlement('u-9', NOW);

  it('reads again once the window has passed, and not before', async () => {
    // Prepare
    let now = 0;
    let reads = 0;
    const cache = entitlementCache({
      load: async () => {
        reads++;
        return record;
      },
      ttlSeconds: () => 60,
      clock: () => now,
    });
    // Act
    await cache.get('u-9');
    now = 59_999;
    await cache.get('u-9');
    const readsWithin = reads;
    now = 60_000;
    await cache.get('u-9');
    // Assess
    expect(readsWithin).toBe(1);
    expect(reads).toBe(2);
  });

  it('with a window of 0 reads every time, and stays within its size bound', async () => {
    // Prepare
    let reads = 0;
    const uncached = entitlementCache({
      load: async () => {
        reads++;
        return record;
      },
      ttlSeconds: () => 0,
    });
    const bounded = entitlementCache({
      load: async () => {
        reads++;
        return undefined;
      },
      ttlSeconds: () => 60,
      maxEntries: 2,
    });
    // Act
    await uncached.get('u-9');
    await uncached.get('u-9');
    for (const id of ['a', 'b', 'c']) await bounded.get(id);
    const before = reads;
    await bounded.get('a'); // evicted as the oldest
    await bounded.get('c'); // still cached
    // Assess
    expect(before).toBe(5);
    expect(reads).toBe(6);
  });
});

describe('GET /me', () => {
  it("shows the caller's served tier, roles, status and end date", async () => {
    // Prepare
    const record = recordFor(member);
    ddb.on(GetCommand).resolves({ Item: toItem(record) });
    // Act
    const res = await getMe(httpEvent({ method: 'GET', path: '/me', claims: member }), context);
    // Assess
    expect(res.statusCode).toBe(200);
    expect(parseBody(res)).toEqual({ userId: 'u-1', tier: 'leadership-alliance', roles: [], status: 'active', validUntil: record.validUntil });
  });
});

describe('PUT /members/{userId}/entitlement', () => {
  const leadership = { tier: 'leadership-alliance', validUntil: inDays(365) };

  it('lets only admins grant (BFLA)', async () => {
    // Act
    const res = await grant(memberPath('u-2', 'PUT', leadership, member), context);
    // Assess
    expect(res.statusCode).toBe(403);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('writes the record (conditional on its version), its history entry and Entitlement Changed in one transaction', async () => {
    // Prepare
    const current = signUpEntitlement('u-2', NOW);
    ddb.on(GetCommand).resolves({ Item: toItem(current) });
    ddb.on(TransactWriteCommand).resolves({});
    // Act
    const res = await grant(memberPath('u-2', 'PUT', leadership), context);
    // Assess
    expect(res.statusCode).toBe(200);
    expect(parseBody(res)).toMatchObject({ userId: 'u-2', status: 'active', grants: { tier: 'leadership-alliance', roles: [] } });
    const [record, history, outbox] = transactItems();
    expect(record!.Put).toMatchObject({
      Item: { pk: 'USER#u-2', sk: 'ENTITLEMENT', tier: 'leadership-alliance', grantedBy: 'admin-1', origin: 'admin', version: 2 },
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': 1 },
    });
    expect(history!.Put!.Item).toMatchObject({ pk: 'USER#u-2', sk: 'ENTITLEMENT#000002', change: 'granted', changedBy: 'admin-1' });
    expect(outbox!.Put!.Item).toMatchObject({ detailType: 'Entitlement Changed', detail: { userId: 'u-2', change: 'granted', recordVersion: 2 } });
  });

  it('refuses fields a client must not set, and writes nothing (BOPLA)', async () => {
    // Act
    const res = await grant(memberPath('u-2', 'PUT', { ...leadership, status: 'active', origin: 'sign-up', grantedBy: 'someone' }), context);
    // Assess
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(parseBody(res).errors)).toMatch(/status.*origin.*grantedBy/);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 404 for a user with no member record (never confirmed a sign-up), without asking the user pool', async () => {
    // Prepare
    ddb.on(GetCommand).resolves({});
    // Act
    const res = await grant(memberPath('nobody', 'PUT', leadership), context);
    // Assess
    expect(res.statusCode).toBe(404);
    expect(parseBody(res).detail).toMatch(/no member nobody/);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(idp.calls()).toHaveLength(0);
  });

  it('writes nothing when the grant is already what was asked', async () => {
    // Prepare
    const current = grantEntitlement(signUpEntitlement('u-2', NOW), GrantInput.parse(leadership), { userId: 'u-2', by: 'admin-1', now: NOW });
    ddb.on(GetCommand).resolves({ Item: toItem(current) });
    // Act
    const res = await grant(memberPath('u-2', 'PUT', leadership), context);
    // Assess
    expect(res.statusCode).toBe(200);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('retries on a concurrent change and lands on the new version', async () => {
    // Prepare
    const v1 = signUpEntitlement('u-2', NOW);
    const v2 = { ...v1, version: 2 };
    ddb
      .on(GetCommand)
      .resolvesOnce({ Item: toItem(v1) })
      .resolves({ Item: toItem(v2) });
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(new TransactionCanceledException({ message: 'x', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] }))
      .resolves({});
    // Act
    const res = await grant(memberPath('u-2', 'PUT', leadership), context);
    // Assess
    expect(res.statusCode).toBe(200);
    expect(ddb.commandCalls(TransactWriteCommand)[1]!.args[0].input.TransactItems![0]!.Put!.Item!['version']).toBe(3);
  });
});

describe('DELETE /members/{userId}/entitlement', () => {
  it('revokes with a reason, announcing it', async () => {
    // Prepare
    ddb.on(GetCommand).resolves({ Item: toItem(recordFor(claimsFor('u-2', ['leadership-alliance']))) });
    ddb.on(TransactWriteCommand).resolves({});
    // Act
    const res = await revoke(memberPath('u-2', 'DELETE', { reason: 'payment failed' }), context);
    // Assess
    expect(res.statusCode).toBe(200);
    expect(parseBody(res)).toMatchObject({
      status: 'revoked',
      grants: { tier: 'public', roles: [] },
      record: { revokedBy: 'admin-1', revokedReason: 'payment failed' },
    });
    const [, history, outbox] = transactItems();
    expect(history!.Put!.Item).toMatchObject({ change: 'revoked', sk: 'ENTITLEMENT#000002' });
    expect(outbox!.Put!.Item).toMatchObject({ detail: { change: 'revoked', revoked: true } });
    expect(JSON.stringify(outbox)).not.toMatch(/payment failed/);
  });

  it('needs a reason, a record, and an admin', async () => {
    ddb.on(GetCommand).resolves({});
    expect((await revoke(memberPath('u-2', 'DELETE'), context)).statusCode).toBe(400);
    expect((await revoke(memberPath('u-2', 'DELETE', { reason: 'x' }), context)).statusCode).toBe(404);
    expect((await revoke(memberPath('u-2', 'DELETE', { reason: 'x' }, member), context)).statusCode).toBe(403);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

describe('GET /members/{userId}/entitlement', () => {
  it("is 403 for a member, whoever's entitlement they ask for (BOLA), before anything is read", async () => {
    expect((await getEntitlement(memberPath('u-2', 'GET', undefined, member), context)).statusCode).toBe(403);
    expect((await getEntitlement(memberPath('u-1', 'GET', undefined, member), context)).statusCode).toBe(403);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('gives an admin the record, its status and its history newest first, in one bounded query', async () => {
    // Prepare
    const v1 = signUpEntitlement('u-2', NOW);
    const v2 = grantEntitlement(v1, GrantInput.parse({ tier: 'leadership-alliance', validUntil: inDays(30) }), {
      userId: 'u-2',
      by: 'admin-1',
      now: NOW,
    });
    ddb.on(GetCommand).resolves({ Item: toItem(v2) });
    ddb.on(QueryCommand).resolves({
      Items: [
        toHistoryItem({ ...v2, change: 'granted', changedBy: 'admin-1' }),
        toHistoryItem({ ...v1, change: 'signed-up', changedBy: v1.grantedBy }),
      ],
    });
    // Act
    const res = await getEntitlement(memberPath('u-2', 'GET'), context);
    // Assess
    expect(res.statusCode).toBe(200);
    const body = parseBody(res);
    expect(body).toMatchObject({ userId: 'u-2', status: 'active', record: { version: 2 } });
    expect(body.history.map((h: { change: string }) => h.change)).toEqual(['granted', 'signed-up']);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({ ScanIndexForward: false, Limit: 50 });
  });
});

describe('post-confirmation trigger', () => {
  const trigger = (overrides: Partial<PostConfirmationTriggerEvent> = {}): PostConfirmationTriggerEvent => ({
    version: '1',
    region: 'eu-west-1',
    userPoolId: 'pool-1',
    userName: 'u-3',
    callerContext: { awsSdkVersion: '3', clientId: 'client-1' },
    triggerSource: 'PostConfirmation_ConfirmSignUp',
    request: {
      userAttributes: { sub: 'u-3', email: 'new@example.com', 'custom:tier': 'leadership-alliance' },
      clientMetadata: { tier: 'leadership-alliance' },
    },
    response: {},
    ...overrides,
  });

  it('records a Strategy Circle membership, whatever the client sent, and returns the event', async () => {
    // Prepare
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    const event = trigger();
    // Act
    const result = await confirmSignUp(event, context);
    // Assess
    expect(result).toEqual(event);
    const [record, history, outbox] = transactItems();
    expect(record!.Put).toMatchObject({
      Item: { pk: 'USER#u-3', tier: 'strategy-circle', roles: [], origin: 'sign-up', version: 1 },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(history!.Put!.Item).toMatchObject({ change: 'signed-up' });
    expect(outbox!.Put!.Item).toMatchObject({ detail: { change: 'signed-up', tier: 'strategy-circle' } });
    expect(JSON.stringify(transactItems())).not.toMatch(/new@example\.com/);
  });

  it('grants nothing new to a member who has a record, or on a forgotten-password confirmation', async () => {
    // Prepare
    ddb.on(GetCommand).resolves({ Item: toItem(signUpEntitlement('u-3', NOW)) });
    // Act
    await confirmSignUp(trigger(), context);
    ddb.reset();
    await confirmSignUp(trigger({ triggerSource: 'PostConfirmation_ConfirmForgotPassword' }), context);
    // Assess
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

describe('group sync on Entitlement Changed', () => {
  const changed = (record: Entitlement, change: 'granted' | 'revoked') =>
    busEvent('Entitlement Changed', {
      schemaVersion: 1,
      eventId: `entitlement_${record.userId}_${record.version}`,
      occurredAt: NOW.toISOString(),
      userId: record.userId,
      change,
      recordVersion: record.version,
      tier: record.tier,
      roles: record.roles,
      ...(record.validUntil ? { validUntil: record.validUntil } : {}),
      revoked: Boolean(record.revokedAt),
    });
  const leadership = grantEntitlement(
    signUpEntitlement('u-4', NOW),
    GrantInput.parse({ tier: 'leadership-alliance', roles: ['editor'], validUntil: inDays(90) }),
    {
      userId: 'u-4',
      by: 'admin-1',
      now: new Date(),
    },
  );
  const groupNames = (command: typeof AdminAddUserToGroupCommand | typeof AdminRemoveUserFromGroupCommand) =>
    idp.commandCalls(command).map((c) => c.args[0].input.GroupName);

  beforeEach(() => {
    idp.on(AdminAddUserToGroupCommand).resolves({});
    idp.on(AdminRemoveUserFromGroupCommand).resolves({});
    idp.on(AdminUserGlobalSignOutCommand).resolves({});
  });

  it('puts the member in exactly the groups of the record, leaving unmanaged groups alone', async () => {
    // Prepare
    ddb.on(GetCommand).resolves({ Item: toItem(leadership) });
    idp.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'strategy-circle' }, { GroupName: 'beta-testers' }] });
    // Act
    await syncGroups(changed(leadership, 'granted'), context);
    // Assess
    expect(groupNames(AdminAddUserToGroupCommand)).toEqual(['leadership-alliance', 'editors']);
    expect(groupNames(AdminRemoveUserFromGroupCommand)).toEqual(['strategy-circle']);
    expect(idp.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(0);
    expect(ddb.commandCalls(GetCommand)[0]!.args[0].input.ConsistentRead).toBe(true);
  });

  it('removes every group of a revoked member and signs them out everywhere; a repeat changes nothing more', async () => {
    // Prepare
    const revoked = revokeEntitlement(leadership, { reason: 'x' }, { by: 'admin-1', now: new Date() });
    ddb.on(GetCommand).resolves({ Item: toItem(revoked) });
    idp
      .on(AdminListGroupsForUserCommand)
      .resolvesOnce({ Groups: [{ GroupName: 'leadership-alliance' }, { GroupName: 'editors' }] })
      .resolves({ Groups: [] });
    // Act
    await syncGroups(changed(revoked, 'revoked'), context);
    await syncGroups(changed(revoked, 'revoked'), context);
    // Assess
    expect(groupNames(AdminRemoveUserFromGroupCommand)).toEqual(['leadership-alliance', 'editors']);
    expect(groupNames(AdminAddUserToGroupCommand)).toEqual([]);
    expect(idp.commandCalls(AdminUserGlobalSignOutCommand).map((c) => c.args[0].input.Username)).toEqual(['u-4', 'u-4']);
  });

  it('signs nobody out for a revocation delivered after a new grant', async () => {
    // Prepare
    const revoked = revokeEntitlement(leadership, { reason: 'x' }, { by: 'admin-1', now: new Date() });
    const regranted = grantEntitlement(revoked, GrantInput.parse({ tier: 'strategy-circle' }), { userId: 'u-4', by: 'admin-1', now: new Date() });
    ddb.on(GetCommand).resolves({ Item: toItem(regranted) });
    idp.on(AdminListGroupsForUserCommand).resolves({ Groups: [] });
    // Act
    await syncGroups(changed(revoked, 'revoked'), context);
    // Assess
    expect(idp.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(0);
    expect(groupNames(AdminAddUserToGroupCommand)).toEqual(['strategy-circle']);
  });

  it('fails (to be retried) when the record read is older than the event, and gives up on a deleted user', async () => {
    // Prepare
    ddb.on(GetCommand).resolves({ Item: toItem({ ...leadership, version: 1 }) });
    // Act / Assess
    await expect(syncGroups(changed(leadership, 'granted'), context)).rejects.toThrow(/older than the event/);

    ddb.on(GetCommand).resolves({ Item: toItem(leadership) });
    idp.on(AdminListGroupsForUserCommand).rejects(new UserNotFoundException({ message: 'gone', $metadata: {} }));
    await expect(syncGroups(changed(leadership, 'granted'), context)).resolves.toBeUndefined();
  });
});
