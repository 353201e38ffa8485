/**
 * `npm run bench:fan-out`: alerts for one entity with a large following (issue 14, point 5), on the local
 * stack. Not part of `npm run bench` (it takes a few minutes of its own) nor of `npm test`.
 *
 *   BENCH_FOLLOWERS=100000   followers of the entity (written straight to the table, as follows would)
 *
 * Seeds the followers, publishes a briefing about the entity through the real pipeline (five sources and
 * an A/B auto-publish rule), then measures from its Briefing Published until the pipeline is quiet:
 * followers alerted per second, invocations of alert-followers (each timed; the longest is what the
 * timeout must cover), DynamoDB work and cost per million alerts next to the floor (each alert written
 * once, the followers read once from the index). Writes bench/fan-out-results.json and .md.
 */
import './env.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BatchWriteCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ALERT_SK } from '#functions/commons/table/keys.ts';
import { deadLetterFile } from '#local/dead-letters.ts';
import { CapacityRecorder, indexEntrySize, itemSize, rawDocumentClient, readUnits, writeUnits } from './capacity.ts';
import { expectCall, startBenchStack } from './local.ts';
import { createRuleBriefings, inPool, KINDS, sourceBody } from './pipeline.ts';
import { PRICES } from './prices.ts';
import { median, quantile, sum } from './stats.ts';

const FOLLOWERS = Number(process.env['BENCH_FOLLOWERS'] ?? 100_000);
const ENTITY = 'meta';
/** The Lambda memory the construct sets (infra/constructs/briefings-function.ts). */
const MEMORY_GB = 256 / 1024;
const LAMBDA_TIMEOUT_S = 30;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const { stack, tokens, cleanup } = await startBenchStack();
try {
  const { ddb } = await import('#functions/commons/clients/dynamodb.ts');
  const { toWatchItem } = await import('#functions/commons/table/watchlist.ts');
  // Imported once the stack has set the handlers' environment (their SDK clients are made at import).
  const { PAGE_SIZE, WRITE_CONCURRENCY } = await import('#functions/pipeline/alert-followers.ts');
  const recorder = new CapacityRecorder(ddb);
  const raw = rawDocumentClient(stack);

  // Every invocation of alert-followers, timed from its start on an instance (the local runtime holds one
  // beyond the function's reserved concurrency until an instance is free, as Lambda's async queue does).
  const invocations: number[] = [];
  stack.observeInvocations((fn, ms) => {
    if (fn === 'alert-followers') invocations.push(ms);
  });

  log(`seeding ${FOLLOWERS} followers of ${ENTITY} (BatchWriteItem, straight to the table)`);
  const seedStart = performance.now();
  const userId = (i: number) => `${(((i + 1) * 2654435761) >>> 0).toString(16).padStart(8, '0')}-bench-${i}`;
  const batches = Array.from({ length: Math.ceil(FOLLOWERS / 25) }, (_, b) => b);
  await inPool(batches, 16, async (b) => {
    const items = Array.from({ length: Math.min(25, FOLLOWERS - b * 25) }, (_, k) =>
      toWatchItem(userId(b * 25 + k), { entityId: ENTITY, name: 'Meta', kind: 'company', followedAt: new Date().toISOString() }),
    );
    let request: Record<string, any> | undefined = { [stack.tableName]: items.map((Item) => ({ PutRequest: { Item } })) };
    while (request && Object.keys(request).length > 0) request = (await raw.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
  });
  log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s; publishing a briefing about ${ENTITY} through the pipeline`);

  const { result: fanOut, calls } = await recorder.window(async () => {
    const [briefingId] = await createRuleBriefings(stack, tokens, 1, 1);
    for (const [k, kind] of KINDS.entries())
      await expectCall(stack, 201, 'POST', '/sources', { token: tokens.analyst, body: sourceBody(briefingId!, 0, k, kind) });
    const publishedEvent = await stack.bus.waitFor(
      (e) => e.envelope['detail-type'] === 'Briefing Published' && e.envelope.detail['briefingId'] === briefingId,
      120_000,
    );
    const started = Date.parse(publishedEvent.receivedAt);
    invocations.length = 0;
    await stack.settled(3_600_000);
    return { briefingId: briefingId!, seconds: (Date.now() - started) / 1000 };
  });

  // What was written: count and size the alerts (an UpdateItem is billed on the larger of the item before and after).
  const fanOutCalls = calls.filter((c) => c.fn === 'alert-followers');
  const updates = fanOutCalls.filter((c) => c.command === 'UpdateItem');
  // Every bench follower's alerts, from one Scan of the table (the bench's own client, not recorded): each must hold one.
  const alertsPerFollower = new Map<string, number>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await raw.send(
      new ScanCommand({
        TableName: stack.tableName,
        FilterExpression: 'begins_with(sk, :alert) AND contains(pk, :bench)',
        ExpressionAttributeValues: { ':alert': ALERT_SK, ':bench': '-bench-' },
        ProjectionExpression: 'pk',
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) alertsPerFollower.set(String(item['pk']), (alertsPerFollower.get(String(item['pk'])) ?? 0) + 1);
    start = page.LastEvaluatedKey;
  } while (start);
  const alerts = alertsPerFollower.size;
  const sample = await raw.send(
    new QueryCommand({
      TableName: stack.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :alert)',
      ExpressionAttributeValues: { ':pk': [...alertsPerFollower.keys()][0], ':alert': ALERT_SK },
    }),
  );
  const alertBytes = sample.Items?.[0] ? itemSize(sample.Items[0]) : 0;
  const alertedTwice = [...alertsPerFollower.values()].filter((count) => count > 1).length;
  const indexReads = fanOutCalls.filter((c) => c.command === 'Query' && c.detail.startsWith('index gsi1'));
  const followerEntryBytes = indexEntrySize(
    toWatchItem(userId(0), { entityId: ENTITY, name: 'Meta', kind: 'company', followedAt: new Date().toISOString() }),
  );
  // Follower index entries read, from each index Query's item count: reads are sized to what an invocation writes, so ≈ followers.
  const entriesRead = sum(indexReads.map((c) => Number(/(\d+) items/.exec(c.detail)?.[1] ?? 0)));
  const continuations = fanOutCalls.filter((c) => c.command === 'PutItem').length;
  const requests: Record<string, number> = {};
  for (const c of fanOutCalls) requests[c.command] = (requests[c.command] ?? 0) + 1;
  const n = invocations.length;
  const deadLetterLines = existsSync(deadLetterFile(stack.dataDir))
    ? readFileSync(deadLetterFile(stack.dataDir), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];
  const deadLetters = deadLetterLines.filter((l) => l.includes('alert-followers')).length;

  // Cost per million alerts. Measured: requests and item sizes; Lambda duration is the local wall time of
  // each invocation (DynamoDB Local is slower than DynamoDB, so this bounds it from above).
  const perMillion = 1_000_000 / FOLLOWERS;
  const wru = updates.length * writeUnits(alertBytes);
  const rru = sum(fanOutCalls.filter((c) => c.command === 'Query').map((c) => c.rcu));
  // Each continuation: its outbox record with the pending index entry (priced by the recorder), the consumer's delete of both (2 WRU).
  const outboxWru = sum(fanOutCalls.filter((c) => c.command === 'PutItem').map((c) => c.wcu)) + 2 * continuations;
  const gbSeconds = (sum(invocations) / 1000) * MEMORY_GB;
  const cost = {
    dynamoDbWrites: ((wru + outboxWru) * perMillion * PRICES.dynamoDbPerMillionWriteUnits) / 1e6,
    dynamoDbReads: (rru * perMillion * PRICES.dynamoDbPerMillionReadUnits) / 1e6,
    lambda: (n * perMillion * PRICES.lambdaPerMillionRequests) / 1e6 + gbSeconds * perMillion * PRICES.lambdaPerGbSecondArm64,
    // Continuations: one EventBridge event each, and a relay invocation each at worst (20 ms).
    events:
      (continuations * perMillion * (PRICES.eventBridgePerMillionEvents + PRICES.lambdaPerMillionRequests)) / 1e6 +
      continuations * perMillion * 0.02 * MEMORY_GB * PRICES.lambdaPerGbSecondArm64,
  };
  const total = cost.dynamoDbWrites + cost.dynamoDbReads + cost.lambda + cost.events;
  const floor =
    (1_000_000 * writeUnits(alertBytes) * PRICES.dynamoDbPerMillionWriteUnits) / 1e6 +
    (readUnits(1_000_000 * followerEntryBytes, false) * PRICES.dynamoDbPerMillionReadUnits) / 1e6;
  const results = {
    ranAt: new Date().toISOString(),
    cpus: availableParallelism(),
    node: process.version,
    followers: FOLLOWERS,
    pageSize: PAGE_SIZE,
    writeConcurrency: WRITE_CONCURRENCY,
    alerts,
    alertedTwice,
    alertUpdates: updates.length,
    requests,
    followerIndexRcu: sum(indexReads.map((c) => c.rcu)),
    followerIndexReads: { queries: indexReads.length, entries: entriesRead, perFollower: entriesRead / FOLLOWERS },
    seconds: fanOut.seconds,
    followersPerSecond: alerts / fanOut.seconds,
    invocations: n,
    deadLetters,
    continuations,
    invocationMs: { p50: median(invocations), p99: quantile(invocations, 0.99), max: Math.max(...invocations), timeoutMs: LAMBDA_TIMEOUT_S * 1000 },
    updateMsP50: median(updates.map((c) => c.ms)),
    alertBytes,
    followerEntryBytes,
    perMillionAlerts: { ...cost, total, floor, ratio: total / floor, invocations: n * perMillion },
    projection1M: { invocations: Math.ceil(1_000_000 / PAGE_SIZE) + 16, secondsAtMeasuredRate: 1_000_000 / (alerts / fanOut.seconds) },
  };
  const md = [
    `Run ${results.ranAt}, ${results.cpus} CPUs, Node ${results.node}; ${FOLLOWERS} followers of one entity, page ${PAGE_SIZE}, ${WRITE_CONCURRENCY} writes in flight per invocation.`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| followers alerted / alerted twice | ${alerts} of ${FOLLOWERS} / ${alertedTwice} (${updates.length} UpdateItem requests) |`,
    `| Briefing Published → pipeline quiet | ${fanOut.seconds.toFixed(1)} s |`,
    `| followers alerted per second | ${results.followersPerSecond.toFixed(0)} |`,
    `| follower index entries read | ${entriesRead} in ${indexReads.length} queries: ${results.followerIndexReads.perFollower.toFixed(2)} per follower |`,
    `| invocations of alert-followers | ${n} (${continuations} continuations announced); dead-lettered: ${deadLetters} |`,
    `| invocation wall time p50 / p99 / max | ${results.invocationMs.p50.toFixed(0)} / ${results.invocationMs.p99.toFixed(0)} / ${results.invocationMs.max.toFixed(0)} ms (timeout ${LAMBDA_TIMEOUT_S} s) |`,
    `| UpdateItem p50 (DynamoDB Local) | ${results.updateMsP50.toFixed(1)} ms |`,
    `| alert item / follower index entry | ${alertBytes} B / ${followerEntryBytes} B |`,
    `| cost per million alerts | $${total.toFixed(3)} (DynamoDB writes $${cost.dynamoDbWrites.toFixed(3)}, reads $${cost.dynamoDbReads.toFixed(4)}, Lambda $${cost.lambda.toFixed(4)}, continuations $${cost.events.toFixed(4)}) |`,
    `| floor (each alert written once, followers read once) | $${floor.toFixed(3)}: ${results.perMillionAlerts.ratio.toFixed(2)}× |`,
    `| 1,000,000 followers (projection) | ${results.projection1M.invocations} invocations where a page's writes fit the time budget (${results.perMillionAlerts.invocations} at this run's pace); ${(results.projection1M.secondsAtMeasuredRate / 60).toFixed(1)} min at this machine's rate |`,
    '',
  ].join('\n');
  const out = (name: string) => fileURLToPath(new URL(name, import.meta.url));
  writeFileSync(out('fan-out-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(out('fan-out-results.md'), md);
  console.log(md);
  raw.destroy();
} finally {
  await cleanup();
}
