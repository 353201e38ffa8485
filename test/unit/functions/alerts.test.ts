import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Briefing, publish, rescore, retract } from '../../../domain/briefing.ts';
import { BriefingPublished } from '../../../events/index.ts';
import { handler as alertFollowers } from '../../../functions/alert-followers.ts';
import { metrics } from '../../../functions/commons/metrics.ts';
import { handler as getAlerts } from '../../../functions/get-alerts.ts';
import { primeEntitlements } from '../../support/entitlements.ts';
import { draft, NOW, source } from '../../support/fixtures.ts';
import { busEvent, claimsFor, context, httpEvent, parseBody } from '../../support/lambda.ts';

// The briefing module is another part's; the consumer only needs its read, so the read is what is stubbed.
const readBriefing = vi.hoisted(() => vi.fn<(id: string, parts: string, opts?: { consistent?: boolean }) => Promise<Briefing | undefined>>());
const briefingStatuses = vi.hoisted(() => vi.fn<(ids: readonly string[]) => Promise<Map<string, string>>>());
vi.mock('../../../functions/commons/table/briefings.ts', () => ({ readBriefing, briefingStatuses }));

const ddb = mockClient(DynamoDBDocumentClient);
const published = publish(rescore(draft(), [source('direct', 1)], NOW).briefing, { by: 'editor-1', now: NOW });
const event = busEvent(BriefingPublished.detailType, {
  ...BriefingPublished.example,
  briefingId: published.briefingId,
  briefingVersion: published.version,
  publishedAt: published.publishedAt!,
  versionAt: published.updatedAt,
  occurredAt: '2026-06-20T08:15:02.000Z',
  entityIds: ['scale-ai', 'meta'],
});
const followers = (entityId: string, ...pages: string[][]) => {
  const stub = ddb.on(QueryCommand, { IndexName: 'gsi1', ExpressionAttributeValues: { ':pk': `FOLLOWERS#${entityId}` } });
  for (const [i, users] of pages.entries()) {
    stub.resolvesOnce({
      Items: users.map((u) => ({ pk: `USER#${u}`, sk: `WATCH#${entityId}`, gsi1pk: `FOLLOWERS#${entityId}`, gsi1sk: u })),
      ...(i < pages.length - 1 ? { LastEvaluatedKey: { pk: 'x', sk: 'y', gsi1pk: `FOLLOWERS#${entityId}`, gsi1sk: users.at(-1) } } : {}),
    });
  }
};
const alertPuts = () => ddb.commandCalls(PutCommand).map((c) => c.args[0].input);

let recorded: Array<{ name: string; value: number }>;
beforeEach(() => {
  ddb.reset();
  readBriefing.mockReset().mockResolvedValue(published);
  briefingStatuses.mockReset().mockImplementation(async (ids) => new Map(ids.map((id) => [id, 'published'])));
  recorded = [];
  vi.spyOn(metrics, 'addMetric').mockImplementation((name, _unit, value) => {
    recorded.push({ name, value });
    return metrics;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('alert-followers (on Briefing Published)', () => {
  it('writes one alert per follower, once per version, even for a member following two of its entities', async () => {
    // Prepare: u-2 follows both entities; Scale AI's followers come in two index pages.
    followers('scale-ai', ['u-1'], ['u-2']);
    followers('meta', ['u-2', 'u-3']);
    ddb.on(PutCommand).resolves({});
    // Act
    await alertFollowers(event, context);
    // Assess
    const puts = alertPuts();
    expect(puts.map((p) => p.Item!['pk']).sort()).toEqual(['USER#u-1', 'USER#u-2', 'USER#u-3']);
    const u2 = puts.find((p) => p.Item!['pk'] === 'USER#u-2')!;
    expect(u2).toMatchObject({
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: {
        sk: `ALERT#${published.updatedAt}#${published.briefingId}#${String(published.version).padStart(6, '0')}`,
        entityIds: ['scale-ai', 'meta'],
      },
    });
    expect(u2.Item!['expiresAt']).toBeGreaterThan(Date.now() / 1000 + 89 * 86_400);
    expect(u2.Item!['briefing']).toMatchObject({ briefingId: published.briefingId, headline: published.sections.headline });
    expect(JSON.stringify(puts)).not.toMatch(/CANARY/);
    expect(readBriefing).toHaveBeenCalledWith(published.briefingId, 'public', { consistent: true });
    expect(recorded).toEqual([{ name: 'AlertsWritten', value: 3 }]);
  });

  it('writes nothing new when the event is delivered again (every conditional Put finds its alert)', async () => {
    followers('scale-ai', ['u-1']);
    followers('meta', []);
    ddb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    await expect(alertFollowers(event, context)).resolves.toBeUndefined();
    expect(alertPuts()).toHaveLength(1);
    expect(recorded).toEqual([]);
  });

  it('writes one alert when the same change arrives twice with another occurredAt (deduplicated on the change, not the delivery)', async () => {
    // Prepare: one follower on every delivery; a table that refuses a second Put of the same key, as DynamoDB's condition does.
    ddb.on(QueryCommand, { IndexName: 'gsi1' }).resolves({ Items: [] });
    ddb.on(QueryCommand, { IndexName: 'gsi1', ExpressionAttributeValues: { ':pk': 'FOLLOWERS#scale-ai' } }).resolves({ Items: [{ gsi1sk: 'u-1' }] });
    const stored = new Set<string>();
    ddb.on(PutCommand).callsFake(({ Item }: { Item: Record<string, string> }) => {
      const key = `${Item['pk']}|${Item['sk']}`;
      if (stored.has(key)) throw new ConditionalCheckFailedException({ message: 'exists', $metadata: {} });
      stored.add(key);
      return {};
    });
    const again = busEvent(BriefingPublished.detailType, { ...event.detail, occurredAt: '2026-06-20T09:40:00.000Z' });
    // Act
    await alertFollowers(event, context);
    await alertFollowers(again, context);
    // Assess
    expect(alertPuts()).toHaveLength(2);
    expect(stored.size).toBe(1);
    expect(recorded).toEqual([{ name: 'AlertsWritten', value: 1 }]);
  });

  it('places an alert of an event without versionAt (published before the field) at its publishedAt', async () => {
    followers('scale-ai', ['u-1']);
    followers('meta', []);
    ddb.on(PutCommand).resolves({});
    const { versionAt: _, ...older } = event.detail;
    await alertFollowers(busEvent(BriefingPublished.detailType, { ...older, publishedAt: '2026-06-19T07:00:00.000Z' }), context);
    expect(alertPuts()[0]!.Item).toMatchObject({
      sk: expect.stringMatching(/^ALERT#2026-06-19T07:00:00\.000Z#/),
      alertedAt: '2026-06-19T07:00:00.000Z',
    });
  });

  it('alerts nobody about a briefing retracted (or gone) before the event arrived', async () => {
    readBriefing.mockResolvedValueOnce(retract(published, { by: 'editor-1', now: NOW, reason: 'wrong' })).mockResolvedValueOnce(undefined);
    await alertFollowers(event, context);
    await alertFollowers(event, context);
    // Nothing read of followers, nothing written: only the event's consequence confirmed (its outbox record deleted).
    expect(ddb.calls().map((c) => c.args[0].constructor.name)).toEqual(['DeleteCommand', 'DeleteCommand']);
  });

  it('lets a write failure through, so the event is retried', async () => {
    followers('scale-ai', ['u-1']);
    followers('meta', []);
    ddb.on(PutCommand).rejects(new Error('throttled'));
    await expect(alertFollowers(event, context)).rejects.toThrow('throttled');
  });
});

describe('GET /me/alerts', () => {
  const strategy = claimsFor('s-1', ['strategy-circle']);
  const lapsed = claimsFor('r-1', ['leadership-alliance']);
  const alertItem = {
    pk: 'USER#s-1',
    sk: 'ALERT#x',
    entity: 'alert',
    briefingId: 'b-1',
    briefingVersion: 3,
    alertedAt: NOW.toISOString(),
    entityIds: ['scale-ai'],
    briefing: { briefingId: 'b-1', headline: 'Scale AI cuts staff' },
    expiresAt: 1,
  };
  const list = (claims: Record<string, string>, query?: Record<string, string>) =>
    getAlerts(httpEvent({ method: 'GET', path: '/me/alerts', claims, ...(query ? { query } : {}) }), context);

  it('lists the newest alerts first (20 by default) with the sections the caller reads now', async () => {
    // Prepare
    await primeEntitlements(ddb, [strategy]);
    ddb.on(QueryCommand).resolves({ Items: [alertItem] });
    // Act
    const res = await list(strategy);
    // Assess
    expect(res.statusCode).toBe(200);
    const body = parseBody(res);
    expect(body.items).toEqual([expect.objectContaining({ briefingId: 'b-1', entityIds: ['scale-ai'] })]);
    expect(body.items[0]).not.toHaveProperty('expiresAt');
    expect(body.items[0].sections.unlocked).toContain('trendContext');
    expect(body.items[0].sections.locked.map((s: { name: string }) => s.name)).toEqual(['relationshipEvidence', 'failurePaths', 'sourceNotes']);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      ScanIndexForward: false,
      Limit: 20,
      ExpressionAttributeValues: { ':pk': 'USER#s-1', ':prefix': 'ALERT#' },
    });
  });

  it("shows a retracted briefing's alert as retracted, without its headline or summary", async () => {
    // Prepare: two alerts; b-2 was retracted after its alert was written, b-3 no longer exists.
    await primeEntitlements(ddb, [strategy]);
    const withdrawn = { ...alertItem, sk: 'ALERT#y', briefingId: 'b-2', briefing: { briefingId: 'b-2', headline: 'WITHDRAWN-HEADLINE' } };
    const gone = { ...alertItem, sk: 'ALERT#z', briefingId: 'b-3', briefing: { briefingId: 'b-3', headline: 'GONE-HEADLINE' } };
    ddb.on(QueryCommand).resolves({ Items: [alertItem, withdrawn, gone] });
    briefingStatuses.mockResolvedValue(
      new Map([
        ['b-1', 'published'],
        ['b-2', 'retracted'],
      ]),
    );
    // Act
    const res = await list(strategy);
    // Assess
    const items = parseBody(res).items;
    expect(items.map((a: { briefingId: string; status: string }) => [a.briefingId, a.status])).toEqual([
      ['b-1', 'published'],
      ['b-2', 'retracted'],
      ['b-3', 'retracted'],
    ]);
    expect(items[0].briefing.headline).toBe('Scale AI cuts staff');
    expect(items[1]).toEqual({ briefingId: 'b-2', briefingVersion: 3, alertedAt: NOW.toISOString(), entityIds: ['scale-ai'], status: 'retracted' });
    expect(res.body).not.toMatch(/WITHDRAWN-HEADLINE|GONE-HEADLINE/);
    expect(briefingStatuses).toHaveBeenCalledWith(['b-1', 'b-2', 'b-3']);
  });

  it('refuses a member without an active record (revoked, or none) whatever their token says: 403, no alert read (issue 16)', async () => {
    await primeEntitlements(ddb, [{ userId: 'r-1' }]);
    ddb.on(QueryCommand).resolves({ Items: [{ ...alertItem, pk: 'USER#r-1' }] });
    const res = await list(lapsed);
    expect(res.statusCode).toBe(403);
    expect(res.headers!['content-type']).toBe('application/problem+json');
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it.each([['51'], ['0'], ['many']])('refuses limit=%s naming the parameter', async (limit) => {
    await primeEntitlements(ddb, [strategy]);
    const res = await list(strategy, { limit });
    expect(res.statusCode).toBe(400);
    expect(parseBody(res).errors.map((e: { pointer: string }) => e.pointer)).toEqual(['query:limit']);
  });
});
