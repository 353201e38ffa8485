import { createHash } from 'node:crypto';
import {
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Briefing, publish, rescore, retract } from '#domain/briefing.ts';
import { AlertFanOutContinued, BriefingPublished } from '#events/index.ts';
import { metrics } from '#functions/commons/metrics.ts';
import { handler as getAlerts } from '#functions/following/get-alerts.ts';
import { handler as alertFollowers, FIRST_READ, PAGE_SIZE, TIME_BUDGET_MS } from '#functions/pipeline/alert-followers.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { busEvent, claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';

// The briefing module is another part's; the consumer only needs its read, so the read is what is stubbed.
const readBriefing = vi.hoisted(() => vi.fn<(id: string, parts: string, opts?: { consistent?: boolean }) => Promise<Briefing | undefined>>());
const briefingStatuses = vi.hoisted(() => vi.fn<(ids: readonly string[]) => Promise<Map<string, string>>>());
vi.mock('#functions/commons/table/briefings.ts', () => ({ readBriefing, briefingStatuses }));

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
/**
 * The followers index and the alerts, as DynamoDB keeps them: a Query of `FOLLOWERS#<entity>` in user-id
 * order from its lower bound (`>` or `>=`) with Limit, and UpdateItem on an alert that sets missing fields,
 * adds to the entity set and returns the old values. Outbox records (continuations) are Puts.
 */
let index: Map<string, string[]>;
let alerts: Map<string, Record<string, unknown>>;
let created: Map<string, number>;
/** How many times the index handed out each follower. */
let reads: Map<string, number>;
const followers = (entityId: string, userIds: string[]) => index.set(`FOLLOWERS#${entityId}`, [...userIds].sort());
function fakeTable() {
  ddb.on(QueryCommand, { IndexName: 'gsi1' }).callsFake((input: QueryCommandInput) => {
    const values = input.ExpressionAttributeValues as Record<string, string>;
    const lower = values[':lower'];
    const strict = input.KeyConditionExpression!.includes('gsi1sk > ');
    const all = (index.get(values[':pk']!) ?? []).filter((u) => lower === undefined || (strict ? u > lower : u >= lower));
    const items = all.slice(0, input.Limit);
    for (const u of items) reads.set(u, (reads.get(u) ?? 0) + 1);
    return {
      Items: items.map((u) => ({ gsi1sk: u })),
      ...(all.length > items.length ? { LastEvaluatedKey: { gsi1sk: items.at(-1) } } : {}),
    };
  });
  ddb.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
    const key = `${input.Key!['pk']}|${input.Key!['sk']}`;
    const v = input.ExpressionAttributeValues as Record<string, unknown>;
    const old = alerts.get(key);
    const entityIds = new Set([...((old?.['entityIds'] as Set<string>) ?? []), ...(v[':entityIds'] as Set<string>)]);
    alerts.set(key, {
      ...old,
      briefingId: v[':briefingId'],
      briefingVersion: v[':version'],
      alertedAt: v[':alertedAt'],
      briefing: old?.['briefing'] ?? v[':briefing'],
      expiresAt: old?.['expiresAt'] ?? v[':expiresAt'],
      entityIds,
    });
    if (!old) created.set(key, (created.get(key) ?? 0) + 1);
    return old ? { Attributes: old } : {};
  });
  ddb.on(PutCommand).resolves({});
}
const alertUpdates = () => ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
/** The continuations an invocation announced, as the bus would deliver them. */
const continuations = () =>
  ddb
    .commandCalls(PutCommand)
    .map((c) => c.args[0].input.Item!)
    .filter((item) => item['detailType'] === AlertFanOutContinued.detailType)
    .map((item) => item as { detail: Record<string, unknown>; gsi1pk?: string; pk: string });
const hexIds = (n: number) => Array.from({ length: n }, (_, i) => createHash('sha256').update(String(i)).digest('hex').slice(0, 12));

let recorded: Array<{ name: string; value: number }>;
beforeEach(() => {
  ddb.reset();
  index = new Map();
  alerts = new Map();
  created = new Map();
  reads = new Map();
  fakeTable();
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
  it('writes one alert per follower, once per version, naming every entity a member follows', async () => {
    // Prepare: u-2 follows both entities
    followers('scale-ai', ['u-1', 'u-2']);
    followers('meta', ['u-2', 'u-3']);
    // Act
    await alertFollowers(event, context);
    // Assess
    expect([...alerts.keys()].map((k) => k.split('|')[0]).sort()).toEqual(['MEMBER#u-1', 'MEMBER#u-2', 'MEMBER#u-3']);
    const sk = `ALERT#${published.updatedAt}#${published.briefingId}#${String(published.version).padStart(6, '0')}`;
    const u2 = alerts.get(`MEMBER#u-2|${sk}`)!;
    expect(u2['entityIds']).toEqual(new Set(['scale-ai', 'meta']));
    expect(u2['expiresAt']).toBeGreaterThan(Date.now() / 1000 + 89 * 86_400);
    expect(u2['briefing']).toMatchObject({ briefingId: published.briefingId, headline: published.sections.headline });
    expect(alertUpdates()[0]).toMatchObject({ ReturnValues: 'UPDATED_OLD', UpdateExpression: expect.stringMatching(/ADD entityIds :entityIds$/) });
    expect(JSON.stringify(alertUpdates(), (_k, v) => (v instanceof Set ? [...v] : v))).not.toMatch(/CANARY/);
    expect(readBriefing).toHaveBeenCalledWith(published.briefingId, 'public', { consistent: true });
    expect(recorded).toEqual([{ name: 'AlertsWritten', value: 3 }]);
    expect(continuations()).toEqual([]); // all in one page: nothing to continue
  });

  it('writes nothing new when the same change arrives again with another occurredAt (deduplicated on the change, not the delivery)', async () => {
    followers('scale-ai', ['u-1']);
    const again = busEvent(BriefingPublished.detailType, { ...event.detail, occurredAt: '2026-06-20T09:40:00.000Z' });
    await alertFollowers(event, context);
    await alertFollowers(again, context);
    expect(alertUpdates()).toHaveLength(2);
    expect([...created.values()]).toEqual([1]);
    expect(recorded).toEqual([{ name: 'AlertsWritten', value: 1 }]);
  });

  it('places an alert of an event without versionAt (published before the field) at its publishedAt', async () => {
    followers('scale-ai', ['u-1']);
    const { versionAt: _, ...older } = event.detail;
    await alertFollowers(busEvent(BriefingPublished.detailType, { ...older, publishedAt: '2026-06-19T07:00:00.000Z' }), context);
    expect(alertUpdates()[0]).toMatchObject({
      Key: { sk: expect.stringMatching(/^ALERT#2026-06-19T07:00:00\.000Z#/) },
      ExpressionAttributeValues: { ':alertedAt': '2026-06-19T07:00:00.000Z' },
    });
  });

  it('alerts nobody about a briefing retracted (or gone) before the event arrived', async () => {
    readBriefing.mockResolvedValueOnce(retract(published, { by: 'editor-1', now: NOW, reason: 'wrong' })).mockResolvedValueOnce(undefined);
    await alertFollowers(event, context);
    await alertFollowers(event, context);
    // Nothing read of followers, nothing written: only the event's consequence confirmed (its outbox record deleted).
    expect(ddb.calls().map((c) => c.args[0].constructor.name)).toEqual(['DeleteCommand', 'DeleteCommand']);
  });

  it('takes an alert written before the paged fan-out (entityIds a list, which ADD refuses) as already there', async () => {
    followers('scale-ai', ['u-1']);
    const refusal = Object.assign(
      new Error('Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST'),
      {
        name: 'ValidationException',
      },
    );
    ddb.on(UpdateCommand).rejects(refusal);
    await expect(alertFollowers(event, context)).resolves.toBeUndefined();
    expect(recorded).toEqual([]);
  });

  it('lets a write failure through, so the event is retried', async () => {
    followers('scale-ai', ['u-1']);
    ddb.on(UpdateCommand).rejects(new Error('throttled'));
    await expect(alertFollowers(event, context)).rejects.toThrow('throttled');
  });

  it('alerts 5,000 followers a page per invocation through its own continuations, each follower once, even when every continuation arrives twice', async () => {
    // Prepare: 5,000 followers of Meta (hex ids, as Cognito subs), 3 of Scale AI of whom one follows Meta too
    const metaFollowers = hexIds(5000);
    followers('meta', metaFollowers);
    followers('scale-ai', [metaFollowers[0]!, 'u-1', 'u-2']);
    // Act: the event, then every continuation announced, delivered twice each (as the bus and the reconciler may)
    await alertFollowers(event, context);
    const perInvocation: number[] = [ddb.commandCalls(UpdateCommand).length];
    const delivered = new Set<string>();
    for (let pending = continuations(); pending.some((c) => !delivered.has(c.pk)); pending = continuations()) {
      for (const c of pending.filter((p) => !delivered.has(p.pk))) {
        delivered.add(c.pk);
        for (let copy = 0; copy < 2; copy++) {
          const before = ddb.commandCalls(UpdateCommand).length;
          await alertFollowers(busEvent(AlertFanOutContinued.detailType, c.detail), context);
          perInvocation.push(ddb.commandCalls(UpdateCommand).length - before);
        }
      }
    }
    // Assess: everyone once, never more than a page per invocation, the large following split into segments
    expect(alerts.size).toBe(5002);
    expect([...created.values()].every((n) => n === 1)).toBe(true);
    expect(recorded.reduce((n, m) => n + m.value, 0)).toBe(5002);
    expect(Math.max(...perInvocation)).toBeLessThanOrEqual(PAGE_SIZE);
    const both = [...alerts.entries()].find(([k]) => k.startsWith(`MEMBER#${metaFollowers[0]}|`))![1];
    expect(both['entityIds']).toEqual(new Set(['meta', 'scale-ai']));
    const parts = continuations().map((c) => c.detail['part'] as { entityId: string; segment?: number });
    const segments = [...new Set(parts.filter((p) => p.entityId === 'meta').map((p) => p.segment))].sort((a, b) => a! - b!);
    // The first page read the lowest ids (about '0'..'3'): every segment from there to the last went on.
    expect(segments).toEqual(Array.from({ length: 16 - segments[0]! }, (_, i) => segments[0]! + i));
    expect(segments.length).toBeGreaterThan(10);
    expect(continuations().every((c) => c.gsi1pk?.startsWith('PENDING#'))).toBe(true); // awaited: the reconciler re-drives a lost one
    expect(ddb.commandCalls(PutCommand).every((c) => c.args[0].input.ConditionExpression === 'attribute_not_exists(pk)')).toBe(true);
  });

  it('reads only what its time budget can write, so a slow table never brings an invocation near its timeout and no follower is read twice', async () => {
    // Prepare: a table so slow that each write takes half a second of the invocation's clock
    let clock = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    followers('meta', hexIds(120));
    const writesPerInvocation: number[] = [];
    ddb.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
      clock += 500;
      const key = `${input.Key!['pk']}|${input.Key!['sk']}`;
      const old = alerts.get(key);
      alerts.set(key, { ...old, entityIds: new Set(['meta']) });
      if (!old) created.set(key, (created.get(key) ?? 0) + 1);
      return old ? { Attributes: old } : {};
    });
    // Act: the event, then each continuation in turn
    await alertFollowers(event, context);
    writesPerInvocation.push(ddb.commandCalls(UpdateCommand).length);
    for (let i = 0; i < continuations().length; i++) {
      const before = ddb.commandCalls(UpdateCommand).length;
      await alertFollowers(busEvent(AlertFanOutContinued.detailType, continuations()[i]!.detail), context);
      writesPerInvocation.push(ddb.commandCalls(UpdateCommand).length - before);
    }
    // Assess: one batch per invocation (25 writes, 12.5 s of this clock, already past the 10 s budget, so nothing more is
    // read), the rest on in segments (it outlasted an invocation), each follower alerted once; a follower is read again
    // only where a segment's last read runs past its end into the next segment's followers (at most one read per segment)
    expect(writesPerInvocation.every((n) => n <= FIRST_READ)).toBe(true);
    expect(writesPerInvocation.length).toBeGreaterThanOrEqual(120 / FIRST_READ);
    expect(created.size).toBe(120);
    expect([...created.values()].every((n) => n === 1)).toBe(true);
    expect(reads.size).toBe(120);
    expect([...reads.values()].reduce((n, r) => n + r - 1, 0)).toBeLessThanOrEqual(16 * FIRST_READ);
    expect(continuations().some((c) => (c.detail['part'] as { segment?: number }).segment !== undefined)).toBe(true);
  });

  it('sizes each read to what the rest of its time budget can write at the pace measured so far', async () => {
    // Prepare: writes that take 40 ms of the invocation's clock each, and a following larger than one invocation handles
    let clock = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    followers('meta', hexIds(2000));
    ddb.on(UpdateCommand).callsFake(() => {
      clock += 40;
      return {};
    });
    // Act
    await alertFollowers({ ...event, detail: { ...event.detail, entityIds: ['meta'] } }, context);
    // Assess: a first read of one batch, then reads that fit the budget (10 s at 40 ms: 250 followers in all), each written whole
    const limits = ddb.commandCalls(QueryCommand, { IndexName: 'gsi1' }).map((c) => c.args[0].input.Limit);
    expect(limits[0]).toBe(FIRST_READ);
    expect(ddb.commandCalls(UpdateCommand).length).toBe(250);
    expect(reads.size).toBe(250);
    expect(clock).toBeLessThanOrEqual(TIME_BUDGET_MS);
  });

  it('stops mid-read when the table slows down past the budget, and goes on after the last follower written', async () => {
    // Prepare: the first batch is quick (4 ms per write), then every write takes 400 ms of the invocation's clock
    let clock = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    const ids = hexIds(3000).sort();
    followers('meta', ids);
    ddb.on(UpdateCommand).callsFake(() => {
      clock += ddb.commandCalls(UpdateCommand).length <= FIRST_READ ? 4 : 400;
      return {};
    });
    // Act
    await alertFollowers({ ...event, detail: { ...event.detail, entityIds: ['meta'] } }, context);
    // Assess: the second read (twice the first) is cut after one batch, past the budget by that batch only
    const written = ddb.commandCalls(UpdateCommand).length;
    expect(written).toBe(2 * FIRST_READ);
    expect(clock).toBeLessThanOrEqual(TIME_BUDGET_MS + FIRST_READ * 400);
    const parts = continuations().map((c) => c.detail['part'] as { after?: string; segment?: number });
    expect(parts.find((p) => p.after !== undefined)?.after).toBe(ids[written - 1]);
  });

  it('starts no batch that would end past the budget at the slowest pace seen, so the writes end within the budget', async () => {
    // Prepare: the first batch is quick (4 ms per write), then a batch takes 5 s of the invocation's clock (200 ms per write)
    let clock = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    const ids = hexIds(3000).sort();
    followers('meta', ids);
    ddb.on(UpdateCommand).callsFake(() => {
      clock += ddb.commandCalls(UpdateCommand).length <= FIRST_READ ? 4 : 200;
      return {};
    });
    // Act
    await alertFollowers({ ...event, detail: { ...event.detail, entityIds: ['meta'] } }, context);
    // Assess: the second read's first batch ends at 5.1 s; a second batch would end at 10.1 s, so it is not started and
    // the part goes on after the last follower written
    const written = ddb.commandCalls(UpdateCommand).length;
    expect(written).toBe(2 * FIRST_READ);
    expect(clock).toBeLessThanOrEqual(TIME_BUDGET_MS);
    const parts = continuations().map((c) => c.detail['part'] as { after?: string });
    expect(parts.find((p) => p.after !== undefined)?.after).toBe(ids[written - 1]);
  });

  it('stops the fan-out when the briefing is retracted midway', async () => {
    followers('meta', hexIds(1500));
    await alertFollowers(event, context);
    const [next] = continuations();
    readBriefing.mockResolvedValue(retract(published, { by: 'editor-1', now: NOW, reason: 'wrong' }));
    const before = alerts.size;
    await alertFollowers(busEvent(AlertFanOutContinued.detailType, next!.detail), context);
    expect(before).toBe(PAGE_SIZE);
    expect(alerts.size).toBe(PAGE_SIZE);
  });
});

describe('GET /me/alerts', () => {
  const strategy = claimsFor('s-1', ['strategy-circle']);
  const lapsed = claimsFor('r-1', ['leadership-alliance']);
  const alertItem = {
    pk: 'MEMBER#s-1',
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
    // Each lock says how to open it, as a briefing's locked section does (issue 16).
    expect(body.items[0].sections.locked[0].unlock).toMatchObject({
      language: 'en',
      tierName: 'Leadership Alliance',
      action: { kind: 'request-access', href: '/me/access-requests', method: 'POST' },
    });
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      ScanIndexForward: false,
      Limit: 20,
      ExpressionAttributeValues: { ':pk': 'MEMBER#s-1', ':prefix': 'ALERT#' },
    });
  });

  it("draws the locks in the reader's Accept-Language (traditional Chinese for zh-TW), else in the headline's language", async () => {
    // Prepare
    await primeEntitlements(ddb, [strategy]);
    ddb.on(QueryCommand).resolves({ Items: [{ ...alertItem, briefing: { ...alertItem.briefing, language: 'zh' } }] });
    // Act
    const traditional = parseBody(
      await getAlerts(httpEvent({ method: 'GET', path: '/me/alerts', claims: strategy, headers: { 'accept-language': 'zh-TW,zh;q=0.8' } }), context),
    );
    const headline = parseBody(await list(strategy));
    // Assess
    expect(traditional.items[0].sections.locked[0].unlock).toMatchObject({ language: 'zh-Hant', tierName: '領導力聯盟' });
    expect(headline.items[0].sections.locked[0].unlock).toMatchObject({ language: 'zh', tierName: '领导力联盟' });
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
    ddb.on(QueryCommand).resolves({ Items: [{ ...alertItem, pk: 'MEMBER#r-1' }] });
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
