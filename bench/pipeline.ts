/**
 * Pipeline throughput and latency: N sources across many briefings, each
 * briefing carrying an auto-publish rule (A/B). Sources of one briefing are
 * sent one after the other (as an analyst would); `concurrency` briefings are
 * in flight at a time.
 *
 * Each briefing gets 3 social sources, 1 reporting, then 1 direct, all with
 * distinct texts (independent origins): the first four keep the grade below
 * the rule, the direct one is meant to lift it there, so a briefing's last
 * step is usually Briefing Published. The figures do not depend on the
 * scoring model:
 *
 *   throughput  = sources ÷ (first POST sent → the pipeline's last event, once it has settled)
 *   per source  = POST sent → its Source Ingested on the bus (sourceIds match)
 *   per briefing = last POST sent → its last event (Briefing Published, or the last Briefing Scored)
 *
 * In the same run, the floor: sequential PutItem (and GetItem) from one
 * client on the same DynamoDB Local, with source-sized items.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { SourceKind } from '#domain/scoring.ts';
import { deadLetterFile } from '#local/dead-letters.ts';
import { DEMO_BRIEFINGS } from '#local/demo-data.ts';
import { LOCAL_AWS } from '#local/engines.ts';
import { type CapacityRecorder, type DdbCall, itemSize, priceConditionChecks, rawDocumentClient } from './capacity.ts';
import { approveRule, type EventTap, expectCall, type LocalStack, type Tokens } from './local.ts';
import { median, quantile, sum } from './stats.ts';
import { feedPageQuery } from './table-reads.ts';

export interface RawDynamoDbRate {
  puts: number;
  putsPerSecond: number;
  putMsP50: number;
  gets: number;
  getsPerSecond: number;
  getMsP50: number;
  /** Sequential Query of the published feed (this month's `all` feed entries, 20 items). */
  queryMsP50: number;
  itemBytes: number;
}

export interface PipelineResult {
  briefings: number;
  sourcesPerBriefing: number;
  /** Briefings in flight at a time. */
  concurrency: number;
  sources: number;
  /** First POST sent → the pipeline's last event (it had settled). */
  seconds: number;
  sourcesPerSecond: number;
  /** First POST sent → last POST answered (the API alone). */
  ingestSourcesPerSecond: number;
  /** Briefings whose pipeline ended in Briefing Published. */
  published: number;
  latency: {
    /** POST sent → the source's Source Ingested event (outbox → stream → relay → bus). */
    sourceToIngestedMs: { p50: number; p99: number; max: number; missing: number };
    /** A briefing's last POST sent → its last pipeline event (Briefing Published when the rule fired). */
    lastSourceToLastEventMs: { p50: number; p99: number; max: number };
  };
  raw: RawDynamoDbRate;
  ratioToRawPuts: number;
  /** DynamoDB work the pipeline did, per source ingested. */
  perSource: { requests: number; rcu: number; wcu: number; failedRequests: number; byFunction: Record<string, number> };
  events: Record<string, number>;
  deadLetters: number;
  breakdown: PipelineBreakdown;
}

/**
 * Where the pipeline's time went, over the same window as the throughput (first POST → settled):
 * counters kept by the local stack's parts (local/), read before and after.
 */
export interface PipelineBreakdown {
  /** CPU time per source: this process (API, handlers, relay, bus, and the bench's own recorder) and DynamoDB Local's JVM (Linux /proc; NaN elsewhere). */
  cpuMsPerSource: { node: number; dynamodbLocal: number };
  /** Share of the window this process's event loop was busy (1 = saturated). */
  eventLoopUtilization: number;
  /**
   * Per function: invocations per source, mean duration (ms; waits on the shared event loop and on DynamoDB Local included)
   * and mean wait for a free instance before it (ms, over all its invocations; reserved concurrency).
   */
  functions: Record<string, { perSource: number; meanMs: number; queuedMeanMs: number }>;
  /** The stream relay: polls, how many found nothing, GetRecords' mean time, batches handed to relay-events and their mean time, checkpoint writes. */
  relay: { polls: number; emptyPolls: number; getRecordsMeanMs: number; batches: number; invokeMeanMs: number; checkpointWrites: number };
  /** The bus: PutEvents calls, the mean wait for the journal before answering, journal writes (one fsync each) and lines per write, deliveries and their mean time. */
  bus: {
    putEvents: number;
    journalWaitMeanMs: number;
    journalSyncs: number;
    linesPerSync: number;
    syncMeanMs: number;
    deliveries: number;
    deliveryMeanMs: number;
  };
  /** Failed (conditional) requests per source, by function: version conflicts retried. */
  failedByFunction: Record<string, number>;
  /**
   * Write requests per source (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems; failed ones included), by
   * function: DynamoDB Local applies writes one at a time (its SQLite store), so they bound the pipeline's throughput.
   */
  writesByFunction: Record<string, number>;
}

const WRITES = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'Put',
  'Update',
  'Delete',
  'BatchWrite',
  'TransactWrite',
]);

/** The CPU time (ms) of the DynamoDB Local JVM serving `dataDir`, from /proc (Linux only). */
function dynamoDbLocalCpuMs(dataDir: string): number {
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('DynamoDBLocal.jar') || !cmdline.includes(dataDir)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks (100/s)
    }
  } catch {
    // not Linux, or the process went away
  }
  return Number.NaN;
}

/** A reading of every counter the breakdown compares. */
function countersOf(stack: LocalStack) {
  return {
    cpu: process.cpuUsage(),
    java: dynamoDbLocalCpuMs(stack.dataDir),
    elu: performance.eventLoopUtilization(),
    functions: Object.fromEntries(Object.entries(stack.invocations).map(([fn, s]) => [fn, { ...s! }])),
    relay: { ...stack.relay.stats },
    bus: { ...stack.bus.stats },
    journal: { ...stack.bus.journalStats },
  };
}

function breakdownOf(before: ReturnType<typeof countersOf>, after: ReturnType<typeof countersOf>, calls: DdbCall[], n: number): PipelineBreakdown {
  const cpu = process.cpuUsage(before.cpu);
  const mean = (ms: number, count: number) => (count === 0 ? 0 : ms / count);
  const functions: PipelineBreakdown['functions'] = {};
  for (const [fn, a] of Object.entries(after.functions)) {
    const b = before.functions[fn] ?? { count: 0, errors: 0, ms: 0, throttled: 0, throttledMs: 0 };
    const count = a.count - b.count;
    if (count > 0)
      functions[fn] = { perSource: count / n, meanMs: mean(a.ms - b.ms, count), queuedMeanMs: mean(a.throttledMs - b.throttledMs, count) };
  }
  const d = <T extends Record<string, number>>(x: T, y: T, k: keyof T) => y[k]! - x[k]!;
  const failedByFunction: Record<string, number> = {};
  const writesByFunction: Record<string, number> = {};
  for (const c of calls) {
    if (!c.ok) failedByFunction[c.fn] = (failedByFunction[c.fn] ?? 0) + 1 / n;
    if (WRITES.has(c.command)) writesByFunction[c.fn] = (writesByFunction[c.fn] ?? 0) + 1 / n;
  }
  const syncs = d(before.journal, after.journal, 'syncs');
  return {
    cpuMsPerSource: { node: (cpu.user + cpu.system) / 1000 / n, dynamodbLocal: (after.java - before.java) / n },
    eventLoopUtilization: performance.eventLoopUtilization(after.elu, before.elu).utilization,
    functions,
    relay: {
      polls: d(before.relay, after.relay, 'polls'),
      emptyPolls: d(before.relay, after.relay, 'emptyPolls'),
      getRecordsMeanMs: mean(d(before.relay, after.relay, 'getRecordsMs'), d(before.relay, after.relay, 'polls')),
      batches: d(before.relay, after.relay, 'batches'),
      invokeMeanMs: mean(d(before.relay, after.relay, 'invokeMs'), d(before.relay, after.relay, 'batches')),
      checkpointWrites: d(before.relay, after.relay, 'checkpointWrites'),
    },
    bus: {
      putEvents: d(before.bus, after.bus, 'putEvents'),
      journalWaitMeanMs: mean(d(before.bus, after.bus, 'journalWaitMs'), d(before.bus, after.bus, 'putEvents')),
      journalSyncs: syncs,
      linesPerSync: mean(d(before.journal, after.journal, 'lines'), syncs),
      syncMeanMs: mean(d(before.journal, after.journal, 'syncMs'), syncs),
      deliveries: d(before.bus, after.bus, 'deliveries'),
      deliveryMeanMs: mean(d(before.bus, after.bus, 'deliveryMs'), d(before.bus, after.bus, 'deliveries')),
    },
    failedByFunction,
    writesByFunction,
  };
}

export const KINDS: SourceKind[] = ['social', 'social', 'social', 'reporting', 'direct'];

const WORDS = (
  'contract customers pricing capacity outage supplier regulator filing memo restructuring layoffs data centre ' +
  'fibre route permit investment stake rival cloud training labelling revenue guidance audit board hiring ' +
  'region quarter backlog delay tender grid power cooling chips export licence merger review partner churn'
).split(' ');

/** Distinct, deterministic prose per source: independent reports do not share sentences. */
function prose(seed: number, words: number): string {
  let x = (seed * 2654435761) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return `${out.join(' ')}.`;
}

export const sourceBody = (briefingId: string, b: number, k: number, kind: SourceKind) => ({
  briefingId,
  url: `https://outlet${k}.example.com/markets/2026/briefing-${b}-report-${k}`,
  publisher: `Outlet ${k} Business Desk`,
  kind,
  title: `Briefing ${b}, report ${k}: ${prose(b * 100 + k + 7, 10)}`,
  language: 'en',
  publishedAt: new Date(Date.now() - 24 * 3600 * 1000).toISOString(),
  excerpt: prose(b * 100 + k, 45),
});

/** Sequential PutItem, then GetItem, of source-sized items from one client: the engine's own pace. */
export async function measureRawRate(stack: LocalStack, opts: { seconds: number }): Promise<RawDynamoDbRate> {
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: stack.endpoints.dynamodb });
  const body = sourceBody('raw', 0, 0, 'social');
  const item = (i: number) => ({
    pk: { S: 'BENCH#raw' },
    sk: { S: `ITEM#${String(i).padStart(6, '0')}` },
    ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, { S: String(v) }])),
  });
  try {
    const putMs: number[] = [];
    const putStart = performance.now();
    while (performance.now() - putStart < opts.seconds * 1000) {
      const t = performance.now();
      await client.send(new PutItemCommand({ TableName: stack.tableName, Item: item(putMs.length) }));
      putMs.push(performance.now() - t);
    }
    const putSeconds = (performance.now() - putStart) / 1000;
    const getMs: number[] = [];
    const getStart = performance.now();
    while (performance.now() - getStart < (opts.seconds * 1000) / 2) {
      const t = performance.now();
      await client.send(
        new GetItemCommand({ TableName: stack.tableName, Key: { pk: { S: 'BENCH#raw' }, sk: item(getMs.length % putMs.length).sk } }),
      );
      getMs.push(performance.now() - t);
    }
    const getSeconds = (performance.now() - getStart) / 1000;
    const queryMs: number[] = [];
    const queryStart = performance.now();
    while (performance.now() - queryStart < (opts.seconds * 1000) / 3) {
      const t = performance.now();
      await client.send(feedPageQuery(stack.tableName));
      queryMs.push(performance.now() - t);
    }
    return {
      puts: putMs.length,
      putsPerSecond: putMs.length / putSeconds,
      putMsP50: median(putMs),
      gets: getMs.length,
      getsPerSecond: getMs.length / getSeconds,
      getMsP50: median(getMs),
      queryMsP50: median(queryMs),
      itemBytes: itemSize({ pk: 'BENCH#raw', sk: 'ITEM#000000', ...body }),
    };
  } finally {
    client.destroy();
  }
}

/** Maps `items` through `fn` with at most `limit` calls in flight; results in input order. */
/**
 * Realistic drafts to ingest into: the published demo briefings, cycled, each with an A/B
 * auto-publish rule that its last (direct) source meets. Returns their ids.
 */
export async function createRuleBriefings(stack: LocalStack, tokens: Tokens, count: number, concurrency: number): Promise<string[]> {
  const demos = DEMO_BRIEFINGS.filter((d) => d.publish !== 'draft');
  return inPool(
    Array.from({ length: count }, (_, b) => b),
    concurrency,
    async (b) => {
      const { relatedKeys, autoPublish, ...input } = demos[b % demos.length]!.input;
      // The event is today's: the pipeline's sources are published yesterday (sourceBody), so time costs them nothing.
      const res = await expectCall(stack, 201, 'POST', '/briefings', {
        token: tokens.analyst,
        body: { ...input, eventDate: new Date().toISOString().slice(0, 10), related: [], autoPublish: { minGrade: 'A/B' } },
      });
      const briefingId = (res.json as { briefingId: string }).briefingId;
      await approveRule(stack, tokens.editor, briefingId, 'A/B');
      return briefingId;
    },
  );
}

export async function inPool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Deliveries the bus or the stream relay gave up on, so far. */
export function deadLetters(stack: LocalStack): number {
  const file = deadLetterFile(stack.dataDir);
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
}

export async function measurePipeline(opts: {
  stack: LocalStack;
  recorder: CapacityRecorder;
  tap: EventTap;
  tokens: Tokens;
  briefings: number;
  concurrency: number;
  rawSeconds: number;
  timeoutMs: number;
}): Promise<PipelineResult> {
  const { stack, recorder, tap, tokens } = opts;
  const raw = await measureRawRate(stack, { seconds: opts.rawSeconds });

  const ids = await createRuleBriefings(stack, tokens, opts.briefings, opts.concurrency);
  await stack.settled();

  const sentAt = new Map<string, number>(); // sourceId → POST sent
  const lastSent = ids.map(() => 0);
  const index = new Map(ids.map((id, b) => [id, b]));
  const mine = (e: { detail: Record<string, any> }) => index.has(e.detail['briefingId']);
  const eventsBefore = tap.events.length;
  let lastAnswered = 0;
  const before = countersOf(stack);
  const t0 = performance.now();
  const { calls } = await recorder.window(async () => {
    await inPool(ids, opts.concurrency, async (briefingId, b) => {
      for (const [k, kind] of KINDS.entries()) {
        const sent = performance.now();
        lastSent[b] = sent;
        const res = await expectCall(stack, 201, 'POST', '/sources', { token: tokens.analyst, body: sourceBody(briefingId, b, k, kind) });
        sentAt.set((res.json as { sourceId: string }).sourceId, sent);
      }
      lastAnswered = Math.max(lastAnswered, performance.now());
    });
    const publishedCount = () => tap.events.slice(eventsBefore).filter((e) => e.type === 'Briefing Published' && mine(e)).length;
    // Wait for every briefing to publish (or give up after the timeout), then for the pipeline to go quiet.
    await tap
      .until(() => publishedCount() >= ids.length, opts.timeoutMs, `${ids.length} Briefing Published events`)
      .catch((error: Error) => {
        console.warn(`  warning: ${error.message}; reporting what arrived`);
      });
    await stack.settled(opts.timeoutMs);
  });
  const after = countersOf(stack);
  const events = tap.events.slice(eventsBefore).filter(mine);
  const tLast = Math.max(...events.map((e) => e.at));

  const sourceLatency = events
    .filter((e) => e.type === 'Source Ingested' && sentAt.has(e.detail['sourceId']))
    .map((e) => e.at - sentAt.get(e.detail['sourceId'])!);
  const briefingLatency: number[] = [];
  let published = 0;
  ids.forEach((id, b) => {
    const last = events.filter((e) => e.detail['briefingId'] === id && e.type !== 'Source Ingested').at(-1);
    if (last) briefingLatency.push(last.at - lastSent[b]!);
    if (events.some((e) => e.detail['briefingId'] === id && e.type === 'Briefing Published')) published++;
  });

  const n = ids.length * KINDS.length;
  const rawDoc = rawDocumentClient(stack);
  await priceConditionChecks(calls, stack, rawDoc).finally(() => rawDoc.destroy());
  const byFunction: Record<string, number> = {};
  for (const c of calls) byFunction[c.fn] = (byFunction[c.fn] ?? 0) + 1 / n;
  const seconds = (tLast - t0) / 1000;
  const countOf = (type: string) => events.filter((e) => e.type === type).length;
  const sourcesPerSecond = n / seconds;
  return {
    briefings: ids.length,
    sourcesPerBriefing: KINDS.length,
    concurrency: opts.concurrency,
    sources: n,
    seconds,
    sourcesPerSecond,
    ingestSourcesPerSecond: n / ((lastAnswered - t0) / 1000),
    published,
    latency: {
      sourceToIngestedMs: {
        p50: quantile(sourceLatency, 0.5),
        p99: quantile(sourceLatency, 0.99),
        max: Math.max(...sourceLatency),
        missing: n - sourceLatency.length,
      },
      lastSourceToLastEventMs: { p50: quantile(briefingLatency, 0.5), p99: quantile(briefingLatency, 0.99), max: Math.max(...briefingLatency) },
    },
    raw,
    ratioToRawPuts: sourcesPerSecond / raw.putsPerSecond,
    perSource: {
      requests: calls.length / n,
      rcu: sum(calls.map((c: DdbCall) => c.rcu)) / n,
      wcu: sum(calls.map((c: DdbCall) => c.wcu)) / n,
      failedRequests: calls.filter((c) => !c.ok).length / n,
      byFunction,
    },
    events: {
      'Source Ingested': countOf('Source Ingested'),
      'Briefing Scored': countOf('Briefing Scored'),
      'Briefing Published': countOf('Briefing Published'),
    },
    deadLetters: deadLetters(stack),
    breakdown: breakdownOf(before, after, calls, n),
  };
}
