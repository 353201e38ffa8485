/**
 * DynamoDB work per operation of issue 3, each next to its floor: the
 * operations run one at a time on a quiet pipeline while a CapacityRecorder
 * (capacity.ts) records every request the handlers make.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { briefingKey } from '../functions/commons/table/briefings.ts';
import { DEMO_BRIEFINGS, type DemoBriefing } from '../infra/local/demo-data.ts';
import { indexEntrySize, itemSize, priceConditionChecks, rawDocumentClient, readUnits, writeUnits, type CapacityRecorder, type DdbCall } from './capacity.ts';
import { call, expectCall, type EventTap, type LocalStack, type Tokens } from './local.ts';
import { median, sum } from './stats.ts';

export interface Units {
  requests: number;
  rcu: number;
  wcu: number;
}

export interface OperationWork extends Units {
  name: string;
  /** DynamoDB Local's reported capacity units (read + write, table + index). */
  reportedUnits: number;
  /** The least DynamoDB work any design could do for the same result, and why. */
  floor: Units & { why: string };
  /** Median latency: client-observed for HTTP operations, summed DynamoDB time for pipeline steps. */
  latencyMs: number;
  /** Events the operation put on the bus. */
  events: number;
  /** The requests of the costliest instance of the operation. */
  requestsSeen: string[];
  repetitions: number;
}

export interface DynamoDbWorkResult {
  typical: { key: string; briefingId: string; itemBytes: number; anonymousResponseBytes: number; memberResponseBytes: number };
  /** Every demo briefing's item size, by key. */
  itemBytes: Record<string, number>;
  listPage: { items: number; responseBytes: number; indexEntryBytes: number };
  operations: OperationWork[];
}

function summarize(name: string, perOp: DdbCall[][], floor: OperationWork['floor'], latencies: number[], events: number): OperationWork {
  const n = perOp.length;
  const all = perOp.flat();
  return {
    name,
    requests: all.length / n,
    rcu: sum(all.map((c) => c.rcu)) / n,
    wcu: sum(all.map((c) => c.wcu)) / n,
    reportedUnits: sum(all.map((c) => c.reportedUnits)) / n,
    floor,
    latencyMs: median(latencies),
    events: events / n,
    // The instance with the most requests (a cache miss, when a cache hides some).
    requestsSeen: ([...perOp].sort((a, b) => b.length - a.length)[0] ?? []).map((c) => `${c.command} (${c.detail})${c.ok ? '' : ' FAILED'}: ${c.rcu ? `${c.rcu} RCU` : ''}${c.rcu && c.wcu ? ' + ' : ''}${c.wcu ? `${c.wcu} WCU` : ''}`),
    repetitions: n,
  };
}

const byFn = (calls: DdbCall[], fn: string) => calls.filter((c) => c.fn === fn);

/**
 * Measures each operation of issue 3 one at a time on a quiet pipeline:
 * reads on the most typical demo briefing (the median item size), writes on a
 * fresh draft copy of it with its real sources.
 */
export async function measureDynamoDbWork(opts: {
  stack: LocalStack;
  recorder: CapacityRecorder;
  tap: EventTap;
  tokens: Tokens;
  repetitions: number;
}): Promise<DynamoDbWorkResult> {
  const { stack, recorder, tap, tokens, repetitions } = opts;
  const raw = rawDocumentClient(stack);
  try {
    // The demo briefings as stored, to pick the typical one.
    const itemBytes: Record<string, number> = {};
    for (const [key, briefingId] of Object.entries(stack.briefings)) {
      const { Item } = await raw.send(new GetCommand({ TableName: stack.tableName, Key: briefingKey(briefingId) }));
      if (Item && Item['status'] === 'published') itemBytes[key] = itemSize(Item);
    }
    const ranked = Object.entries(itemBytes).sort((a, b) => a[1] - b[1]);
    const [typicalKey, typicalBytes] = ranked[Math.floor((ranked.length - 1) / 2)]!;
    const typicalId = stack.briefings[typicalKey]!;
    const demo = DEMO_BRIEFINGS.find((d) => d.key === typicalKey) as DemoBriefing;

    const reads = async (name: string, path: string, token: string | undefined, floorWhy: string) => {
      const perOp: DdbCall[][] = [];
      const latencies: number[] = [];
      let bytes = 0;
      for (let i = 0; i < repetitions; i++) {
        const { result, calls } = await recorder.window(() => expectCall(stack, 200, 'GET', path, token ? { token } : {}));
        perOp.push(calls);
        latencies.push(result.ms);
        bytes = result.bytes;
      }
      const floor = { requests: 1, rcu: readUnits(bytes, false), wcu: 0, why: `${floorWhy} (${bytes} B returned)` };
      return { work: summarize(name, perOp, floor, latencies, 0), bytes };
    };

    const anonymous = await reads('anonymous GET /briefings/{id}', `/briefings/${typicalId}`, undefined, 'one eventually consistent GetItem of what the reader receives');
    const member = await reads('member GET /briefings/{id}', `/briefings/${typicalId}`, tokens.member, 'one eventually consistent GetItem of what the member receives');
    const list = await reads('GET /briefings (page of 20)', '/briefings?limit=20', undefined, 'one eventually consistent Query over the page');
    const page = (await call(stack, 'GET', '/briefings?limit=20')).json as { items: unknown[] };

    // Writes: a draft copy of the typical briefing, its real sources one at a time, then an editor publishes it.
    const { relatedKeys, autoPublish, ...input } = demo.input;
    const draft = await expectCall(stack, 201, 'POST', '/briefings', { token: tokens.analyst, body: { ...input, related: [] } });
    const briefingId = (draft.json as { briefingId: string }).briefingId;
    await stack.settled();
    const ingestCalls: DdbCall[][] = [];
    const scoreCalls: DdbCall[][] = [];
    const checkCalls: DdbCall[][] = [];
    const ingestLatency: number[] = [];
    let sourceEvents = 0;
    let scoredEvents = 0;
    for (const { expectDuplicate, ...source } of demo.sources.filter((s) => !s.expectDuplicate)) {
      const since = performance.now();
      const { result, calls } = await recorder.window(async () => {
        const res = await expectCall(stack, 201, 'POST', '/sources', { token: tokens.analyst, body: { ...source, briefingId } });
        await stack.settled();
        return res;
      });
      await priceConditionChecks(calls, stack, raw);
      ingestCalls.push(byFn(calls, 'ingest-source'));
      scoreCalls.push(byFn(calls, 'score-briefing'));
      checkCalls.push(byFn(calls, 'auto-publish-briefing'));
      ingestLatency.push(result.ms);
      sourceEvents += tap.count('Source Ingested', since);
      scoredEvents += tap.count('Briefing Scored', since);
    }
    const since = performance.now();
    const published = await recorder.window(async () => {
      const res = await expectCall(stack, 200, 'POST', `/briefings/${briefingId}/publish`, { token: tokens.editor });
      await stack.settled();
      return res;
    });
    const publishedEvents = tap.count('Briefing Published', since);
    const publishedItem = (await raw.send(new GetCommand({ TableName: stack.tableName, Key: briefingKey(briefingId) }))).Item ?? {};
    const indexEntryBytes = indexEntrySize(publishedItem);

    const sourceBytes = median(ingestCalls.flat().flatMap((c) => c.written.filter((w) => w.sk.startsWith('SOURCE#')).map((w) => w.bytes)));
    const dynamoMs = (calls: DdbCall[][]) => median(calls.map((cs) => sum(cs.map((c) => c.ms))));
    const operations: OperationWork[] = [
      anonymous.work,
      member.work,
      list.work,
      summarize(
        'POST /sources',
        ingestCalls,
        { requests: 1, rcu: 0, wcu: writeUnits(sourceBytes), why: `one conditional PutItem of the source (${sourceBytes} B); its stream record is the event` },
        ingestLatency,
        sourceEvents,
      ),
      summarize(
        'scoring one source',
        scoreCalls,
        {
          requests: 2,
          rcu: sum(scoreCalls.flat().filter((c) => c.command === 'Query').map((c) => c.rcu)) / scoreCalls.length,
          wcu: 1,
          why: "one strongly consistent Query of the briefing's sources (the model needs every source's evidence) + one ≤ 1 KB score item written, not the whole briefing",
        },
        [dynamoMs(scoreCalls)],
        scoredEvents,
      ),
      summarize(
        'auto-publish check (per scoring)',
        checkCalls,
        { requests: 0, rcu: 0, wcu: 0, why: 'decidable inside the scoring write (the rule is on the briefing)' },
        [dynamoMs(checkCalls)],
        0,
      ),
      summarize(
        'publishing one briefing',
        [byFn(published.calls, 'publish-briefing')],
        {
          requests: 1,
          rcu: 0,
          wcu: 1 + writeUnits(indexEntryBytes),
          why: `one conditional UpdateItem of a ≤ 1 KB status item + its feed index entry (${indexEntryBytes} B)`,
        },
        [published.result.ms],
        publishedEvents,
      ),
    ];
    return {
      typical: {
        key: typicalKey,
        briefingId: typicalId,
        itemBytes: typicalBytes,
        anonymousResponseBytes: anonymous.bytes,
        memberResponseBytes: member.bytes,
      },
      itemBytes,
      listPage: { items: page.items.length, responseBytes: list.bytes, indexEntryBytes },
      operations,
    };
  } finally {
    raw.destroy();
  }
}

