import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { toProfileItem } from '#functions/commons/table/entities.ts';
import { toWatchItem } from '#functions/commons/table/watchlist.ts';
import { handler as follow } from '#functions/following/follow-entity.ts';
import { handler as getWatchlist } from '#functions/following/get-watchlist.ts';
import { handler as unfollow } from '#functions/following/unfollow-entity.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { entityProfile, NOW } from '#test/support/fixtures.ts';
import { claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const member = claimsFor('m-1', ['strategy-circle']);
const scaleAi = toProfileItem(entityProfile());
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ message: 'x', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

const call = (fn: typeof follow, method: 'PUT' | 'DELETE', id: string, claims: Record<string, string> | null = member) =>
  fn(
    httpEvent({
      method,
      path: `/me/watchlist/${id}`,
      routeKey: `${method} /me/watchlist/{entityId}`,
      pathParameters: { entityId: id },
      ...(claims ? { claims } : {}),
    }),
    context,
  );

beforeEach(() => primeEntitlements(ddb, [member]));

describe('PUT /me/watchlist/{entityId}', () => {
  it('follows an entity: the watch item (indexed by entity for the alert consumer) and the capped count, in one transaction', async () => {
    // Prepare
    ddb.on(GetCommand).resolves({ Item: scaleAi });
    ddb.on(TransactWriteCommand).resolves({});
    // Act
    const res = await call(follow, 'PUT', 'scale-ai');
    // Assess
    expect(res.statusCode).toBe(200);
    expect(parseBody(res)).toMatchObject({ entityId: 'scale-ai', name: 'Scale AI', kind: 'company' });
    const [watch, count] = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(watch!.Put).toMatchObject({
      Item: { pk: 'MEMBER#m-1', sk: 'WATCH#scale-ai', gsi1pk: 'FOLLOWERS#scale-ai', gsi1sk: 'm-1' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(count!.Update).toMatchObject({
      Key: { pk: 'MEMBER#m-1', sk: 'WATCHLIST' },
      ExpressionAttributeValues: expect.objectContaining({ ':cap': 200 }),
    });
  });

  it('is idempotent: following again answers 200 with the entry as first stored', async () => {
    const stored = toWatchItem('m-1', { entityId: 'scale-ai', name: 'Scale AI', kind: 'company', followedAt: '2026-01-01T00:00:00.000Z' });
    ddb.on(GetCommand, { Key: { pk: 'ENTITY#scale-ai', sk: 'PROFILE' } }).resolves({ Item: scaleAi });
    ddb.on(GetCommand, { Key: { pk: 'MEMBER#m-1', sk: 'WATCH#scale-ai' } }).resolves({ Item: stored });
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    const res = await call(follow, 'PUT', 'scale-ai');
    expect(res.statusCode).toBe(200);
    expect(parseBody(res).followedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('answers 409 at the cap, 404 for an unknown entity and 400 naming a malformed id', async () => {
    ddb.on(GetCommand).resolvesOnce({ Item: scaleAi }).resolves({});
    ddb.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed'));
    const full = await call(follow, 'PUT', 'scale-ai');
    expect(full.statusCode).toBe(409);
    expect(parseBody(full)).toMatchObject({ limit: 200 });
    expect((await call(follow, 'PUT', 'nobody')).statusCode).toBe(404);
    const malformed = await call(follow, 'PUT', 'SCALE%23AI');
    expect(malformed.statusCode).toBe(400);
    expect(parseBody(malformed).errors.map((e: { pointer: string }) => e.pointer)).toEqual(['path:entityId']);
  });

  it('answers for an entity only a draft names exactly as for one nobody named, and writes nothing (issue 16)', async () => {
    // Prepare: secret-target has the minimal profile a draft made (no publishedAt); nobody-named has none
    const drafted = toProfileItem(entityProfile({ entityId: 'secret-target', name: 'Secret Target', origin: 'briefing' }));
    delete (drafted as Record<string, unknown>)['publishedAt'];
    ddb.on(GetCommand, { Key: { pk: 'ENTITY#secret-target', sk: 'PROFILE' } }).resolves({ Item: drafted });
    ddb.on(GetCommand, { Key: { pk: 'ENTITY#nobody-named', sk: 'PROFILE' } }).resolves({});
    // Act
    const drafts = await call(follow, 'PUT', 'secret-target');
    const unknown = await call(follow, 'PUT', 'nobody-named');
    // Assess
    expect(drafts.statusCode).toBe(404);
    expect(drafts.body!.replaceAll('secret-target', 'X')).toBe(unknown.body!.replaceAll('nobody-named', 'X'));
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('needs a signed-in member', async () => {
    expect((await call(follow, 'PUT', 'scale-ai', null)).statusCode).toBe(401);
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('DELETE /me/watchlist/{entityId}', () => {
  it('answers 204 whether or not the entity was followed, lowering the count only when it was', async () => {
    ddb.on(TransactWriteCommand).resolvesOnce({}).rejects(cancelled('ConditionalCheckFailed', 'None'));
    expect((await call(unfollow, 'DELETE', 'scale-ai')).statusCode).toBe(204);
    expect((await call(unfollow, 'DELETE', 'scale-ai')).statusCode).toBe(204);
    const [remove, count] = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(remove!.Delete).toMatchObject({ Key: { pk: 'MEMBER#m-1', sk: 'WATCH#scale-ai' }, ConditionExpression: 'attribute_exists(pk)' });
    expect(count!.Update!.UpdateExpression).toBe('SET #count = #count - :one');
  });
});

describe('GET /me/watchlist', () => {
  it("lists the caller's own watch items, from their partition only", async () => {
    ddb
      .on(QueryCommand)
      .resolves({ Items: [toWatchItem('m-1', { entityId: 'scale-ai', name: 'Scale AI', kind: 'company', followedAt: NOW.toISOString() })] });
    const res = await getWatchlist(httpEvent({ method: 'GET', path: '/me/watchlist', claims: member }), context);
    expect(parseBody(res)).toEqual({
      items: [{ entityId: 'scale-ai', name: 'Scale AI', kind: 'company', followedAt: NOW.toISOString() }],
      limit: 200,
    });
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toEqual({ ':pk': 'MEMBER#m-1', ':prefix': 'WATCH#' });
  });
});
