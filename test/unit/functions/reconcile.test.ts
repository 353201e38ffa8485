import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { BatchWriteCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Briefing, publish, rescore, retract } from '#domain/briefing.ts';
import { briefingRetracted, sourceIngested } from '#events/announcements.ts';
import { SourceIngested } from '#events/index.ts';
import { eventConsumer } from '#functions/commons/consumer.ts';
import { logger } from '#functions/commons/logger.ts';
import { metrics } from '#functions/commons/metrics.ts';
import { AWAITED_EVENTS, PENDING_SHARDS, toOutboxItem } from '#functions/commons/table/outbox.ts';
import { SUBSCRIPTIONS } from '#functions/manifest.ts';
import { RECONCILE_AFTER_SECONDS, handler as reconcile } from '#functions/pipeline/reconcile.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { busEvent, context } from '#test/support/lambda.ts';
import { partitionItems } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const bus = mockClient(EventBridgeClient);

const ingested = sourceIngested(source('direct', 1), NOW);
const pendingRecord = { ...toOutboxItem(ingested, NOW), correlationId: 'req-lost' };

let recorded: Array<{ name: string; value: number }>;
let warned: Array<{ message: string; extra: Record<string, unknown> }>;
beforeEach(() => {
  ddb.reset();
  bus.reset();
  recorded = [];
  warned = [];
  vi.spyOn(metrics, 'addMetric').mockImplementation((name, _unit, value) => {
    recorded.push({ name, value });
    return metrics;
  });
  vi.spyOn(logger, 'warn').mockImplementation((message: unknown, ...extra: unknown[]) => {
    warned.push({ message: String(message), extra: extra[0] as Record<string, unknown> });
  });
});
afterEach(() => vi.restoreAllMocks());

const src = source('direct', 1);
/** The briefing as stored, read whole (one consistent Query of its partition), with its one source. */
const stored = (b: Briefing) =>
  ddb
    .on(QueryCommand, { ExpressionAttributeValues: { ':pk': `BRIEFING#${ingested.detail.briefingId}` } })
    .callsFake(() => ({ Items: partitionItems(b, [src]) }));
/** Its stored score was computed from that source (`true`), or before it came (`false`). */
const scoredWith = (counted: boolean) => stored(counted ? rescore(draft(), [src], NOW).briefing : draft());

describe('pending markers', () => {
  it('mark the outbox record of an event a consumer acts on, and only those', () => {
    // Prepare
    const retracted = retract(publish(rescore(draft(), [source('direct', 1)], NOW).briefing, { by: 'e', now: NOW }), {
      by: 'e',
      now: NOW,
      reason: 'x',
    });
    // Act
    const marked = toOutboxItem(ingested, NOW);
    const unmarked = toOutboxItem(briefingRetracted(retracted, NOW), NOW);
    // Assess
    expect(marked.gsi1pk).toMatch(new RegExp(`^PENDING#[0-${PENDING_SHARDS - 1}]$`));
    expect(marked.gsi1sk).toBe(`${NOW.toISOString()}#${ingested.detail.eventId}`);
    expect(unmarked).not.toHaveProperty('gsi1pk');
  });

  it('are awaited exactly for the subscribed events, each confirmed by one subscription', () => {
    const subscribed = SUBSCRIPTIONS.filter((s) => s.confirms !== false).flatMap((s) => s.pattern['detail-type']);
    expect(new Set(subscribed)).toEqual(AWAITED_EVENTS);
    expect(subscribed).toHaveLength(new Set(subscribed).size);
  });

  it('are cleared by a consumer once its work succeeded, and not when it failed', async () => {
    // Prepare
    const succeeding = eventConsumer(SourceIngested, async () => undefined);
    const failing = eventConsumer(SourceIngested, async () => {
      throw new Error('table throttled');
    });
    const event = busEvent(SourceIngested.detailType, ingested.detail);
    // Act
    await succeeding(event, context);
    await expect(failing(event, context)).rejects.toThrow('table throttled');
    // Assess
    expect(ddb.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key)).toEqual([{ pk: `OUTBOX#${ingested.detail.eventId}`, sk: 'OUTBOX' }]);
  });
});

describe('reconcile (scheduled)', () => {
  const pendingIn = (shardItems: Record<string, unknown>[]) => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(QueryCommand, { ExpressionAttributeValues: { ':pk': pendingRecord.gsi1pk } }).resolves({ Items: shardItems });
  };

  it('re-drives a change still pending after the wait: its event put again as it was written, its marker moved on', async () => {
    // Prepare: one stale marker, its record still there
    pendingIn([{ pk: pendingRecord.pk, sk: pendingRecord.sk, gsi1pk: pendingRecord.gsi1pk, gsi1sk: pendingRecord.gsi1sk }]);
    ddb.on(GetCommand).resolves({ Item: pendingRecord });
    // Its briefing's stored score was computed before the source came: the consequence is missing.
    scoredWith(false);
    ddb.on(PutCommand).resolves({});
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    const started = Date.now();
    // Act
    const report = await reconcile({ 'detail-type': 'Scheduled Event', detail: {} }, context);
    // Assess: one Query per shard, reading only markers older than the wait (no scan)
    const queries = ddb
      .commandCalls(QueryCommand)
      .map((c) => c.args[0].input)
      .filter((q) => q.IndexName !== undefined);
    expect(queries).toHaveLength(PENDING_SHARDS);
    // and, for the pending Source Ingested, its briefing read whole to see whether its score counts the source
    expect(ddb.commandCalls(QueryCommand).filter((c) => c.args[0].input.IndexName === undefined)).toHaveLength(1);
    for (const q of queries) {
      expect(q).toMatchObject({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before' });
      const before = Date.parse(String(q.ExpressionAttributeValues?.[':before']));
      expect(before).toBeLessThanOrEqual(Date.now() - RECONCILE_AFTER_SECONDS * 1000);
      expect(before).toBeGreaterThanOrEqual(started - RECONCILE_AFTER_SECONDS * 1000);
    }
    const entries = bus.commandCalls(PutEventsCommand).flatMap((c) => c.args[0].input.Entries ?? []);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ DetailType: SourceIngested.detailType, Source: 'signal-briefings', EventBusName: 'bus-test' });
    expect(JSON.parse(entries[0]!.Detail!)).toEqual({ ...ingested.detail, correlationId: 'req-lost' });
    const remark = ddb.commandCalls(PutCommand)[0]!.args[0].input;
    expect(remark.ConditionExpression).toBe('attribute_exists(pk)');
    expect(remark.Item).toMatchObject({ pk: pendingRecord.pk, gsi1pk: pendingRecord.gsi1pk, detail: ingested.detail });
    expect(String(remark.Item!['gsi1sk']) > pendingRecord.gsi1sk!).toBe(true);
    expect(report).toEqual({ pending: 1, redriven: 1, failed: 0, alreadyConfirmed: 0, alreadyDone: 0 });
    expect(recorded).toEqual([
      { name: 'ChangesRedriven', value: 1 },
      { name: 'RedriveFailures', value: 0 },
    ]);
    expect(warned).toEqual([
      {
        message: 'change re-driven: its consequence was missing',
        extra: expect.objectContaining({ eventId: ingested.detail.eventId, detailType: SourceIngested.detailType, correlation_id: 'req-lost' }),
      },
    ]);
  });

  it("confirms, instead of re-driving, a Source Ingested whose source the briefing's stored score already covers", async () => {
    // Prepare: the scorer stored the score, then stopped before confirming (a crash between the two)
    pendingIn([{ pk: pendingRecord.pk, sk: pendingRecord.sk, gsi1pk: pendingRecord.gsi1pk, gsi1sk: pendingRecord.gsi1sk }]);
    ddb.on(GetCommand).resolves({ Item: pendingRecord });
    scoredWith(true);
    ddb.on(BatchWriteCommand).resolves({});
    // Act
    const report = await reconcile({}, context);
    // Assess: nothing put on the bus, the record deleted, and no alarm (nothing was missing)
    expect(report).toEqual({ pending: 1, redriven: 0, failed: 0, alreadyConfirmed: 0, alreadyDone: 1 });
    expect(bus.commandCalls(PutEventsCommand)).toHaveLength(0);
    const deleted = ddb
      .commandCalls(BatchWriteCommand)
      .flatMap((c) => Object.values(c.args[0].input.RequestItems!)[0]!.map((r) => r.DeleteRequest!.Key));
    expect(deleted).toEqual([{ pk: pendingRecord.pk, sk: pendingRecord.sk }]);
    expect(recorded).toContainEqual({ name: 'ChangesRedriven', value: 0 });
    expect(warned).toEqual([]);
  });

  it('re-drives a Source Ingested whose source the notes list but the stored score does not count (a scoring that stopped between its notes and its head)', async () => {
    // Prepare: the notes and explanation of a score with the source, the head (the score itself) from before it
    pendingIn([{ pk: pendingRecord.pk, sk: pendingRecord.sk, gsi1pk: pendingRecord.gsi1pk, gsi1sk: pendingRecord.gsi1sk }]);
    ddb.on(GetCommand).resolves({ Item: pendingRecord });
    const withSource = rescore(draft(), [src], NOW).briefing;
    stored({ ...draft(), sourceNotes: withSource.sourceNotes, scoreExplanation: withSource.scoreExplanation });
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'x' }] });
    ddb.on(PutCommand).resolves({});
    // Act
    const report = await reconcile({}, context);
    // Assess: the event goes round again, so the scorer stores the score that counts the source
    expect(report).toMatchObject({ redriven: 1, alreadyDone: 0 });
    expect(bus.commandCalls(PutEventsCommand)).toHaveLength(1);
    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });

  it('does nothing when nothing is pending, or when the record was confirmed since the index was read', async () => {
    // Prepare: a marker the (eventually consistent) index still shows, its record already deleted by the consumer
    pendingIn([{ pk: pendingRecord.pk, sk: pendingRecord.sk, gsi1pk: pendingRecord.gsi1pk, gsi1sk: pendingRecord.gsi1sk }]);
    ddb.on(GetCommand).resolves({});
    // Act
    const report = await reconcile({}, context);
    // Assess
    expect(report).toEqual({ pending: 1, redriven: 0, failed: 0, alreadyConfirmed: 1, alreadyDone: 0 });
    expect(bus.commandCalls(PutEventsCommand)).toHaveLength(0);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(warned).toEqual([]);
  });

  it('takes a shorter wait from a manual invocation', async () => {
    pendingIn([]);
    const started = Date.now();
    await reconcile({ olderThanSeconds: 0 }, context);
    const before = Date.parse(String(ddb.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues?.[':before']));
    expect(before).toBeGreaterThanOrEqual(started);
  });

  it('fails (so the next run tries again) and leaves the marker when the event cannot be put', async () => {
    pendingIn([{ pk: pendingRecord.pk, sk: pendingRecord.sk, gsi1pk: pendingRecord.gsi1pk, gsi1sk: pendingRecord.gsi1sk }]);
    ddb.on(GetCommand).resolves({ Item: pendingRecord });
    scoredWith(false);
    bus.on(PutEventsCommand).rejects(new Error('throttled'));
    await expect(reconcile({}, context)).rejects.toThrow('could not be re-driven');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(recorded).toContainEqual({ name: 'RedriveFailures', value: 1 });
  });
});
