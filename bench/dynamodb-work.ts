/**
 * DynamoDB work per operation. A middleware on the handlers' shared document
 * client (functions/commons/clients/dynamodb.ts; the local stack runs every
 * handler in this process, so the module instance is the same) asks each
 * request for ReturnConsumedCapacity and records it, with the function that
 * issued it (read from the call stack) and the capacity AWS would bill by its
 * documented rules, computed from the item sizes:
 *
 *   read:  0.5 RCU (eventually consistent) or 1 RCU (strong) per 4 KB, per GetItem; per 4 KB of all items a Query returns
 *   write: 1 WCU per 1 KB written; in a transaction 2 WCU per KB per item, and a ConditionCheck 2 RCU per 4 KB
 *   index: a write that adds or changes an index entry also pays 1 WCU per KB of the projected entry
 *
 * DynamoDB Local's own figure is kept next to it: it bills a transaction as
 * if it held one item, so for multi-item transactions it undercounts.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_AWS } from '../infra/local/engines.ts';
import { DEMO_BRIEFINGS, type DemoBriefing } from '../infra/local/demo-data.ts';
import { TABLE_SCHEMA } from '../functions/commons/table/schema.ts';
import { call, expectCall, type EventTap, type LocalStack, type Tokens } from './local.ts';
import { median, sum } from './stats.ts';

type Item = Record<string, unknown>;

/** One DynamoDB request a handler made. */
export interface DdbCall {
  /** The handler module that made it (functions/<fn>.ts), or "other". */
  fn: string;
  command: string;
  /** What it was: consistency, index, the actions of a transaction. */
  detail: string;
  ok: boolean;
  ms: number;
  /** CapacityUnits as DynamoDB Local reported them (table + indexes). */
  reportedUnits: number;
  /** As AWS would bill, from item sizes. */
  rcu: number;
  wcu: number;
  /** Items written (Put), for floors that depend on their size. */
  written: Array<{ sk: string; bytes: number }>;
  /** Keys of ConditionCheck actions; priced once their items are sized (see priceConditionChecks). */
  conditionChecks: Item[];
}

const TX_WRITE = 2;
const RCU_BYTES = 4096;
const WCU_BYTES = 1024;

// ---- item size, by DynamoDB's documented rules (UTF-8 names and strings, numbers by significant digits, 3 bytes + 1 per element for lists and maps)

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

function valueSize(v: unknown): number {
  if (v === null || v === undefined || typeof v === 'boolean') return 1;
  if (typeof v === 'string') return utf8(v);
  if (typeof v === 'number' || typeof v === 'bigint') {
    const digits = String(v).replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
    return Math.ceil(Math.max(1, digits) / 2) + 1;
  }
  if (v instanceof Uint8Array) return v.byteLength;
  if (v instanceof Set) return [...v].reduce((n: number, e) => n + valueSize(e), 0);
  if (Array.isArray(v)) return 3 + v.reduce((n: number, e) => n + 1 + valueSize(e), 0);
  if (typeof v === 'object') return 3 + Object.entries(v).reduce((n, [k, e]) => n + utf8(k) + 1 + valueSize(e), 0);
  return 0;
}

/** Bytes an item takes in DynamoDB (the figure capacity units are computed from). */
export function itemSize(item: Item): number {
  return Object.entries(item).reduce((n, [k, v]) => n + utf8(k) + valueSize(v), 0);
}

/** The entry an item has in gsi1 (keys of the table and the index, plus the projected attributes), if any. */
function indexEntrySize(item: Item): number {
  if (item[TABLE_SCHEMA.gsi1.partitionKey] === undefined) return 0;
  const names = [TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey, TABLE_SCHEMA.gsi1.partitionKey, TABLE_SCHEMA.gsi1.sortKey, ...TABLE_SCHEMA.gsi1.projectedAttributes];
  return itemSize(Object.fromEntries(names.filter((n) => n in item).map((n) => [n, item[n]])));
}

const readUnits = (bytes: number, consistent: boolean) => Math.max(1, Math.ceil(bytes / RCU_BYTES)) * (consistent ? 1 : 0.5);
const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / WCU_BYTES));

/** Capacity by AWS's rules for one request and its output. */
function price(command: string, input: any, output: any): Pick<DdbCall, 'detail' | 'rcu' | 'wcu' | 'written' | 'conditionChecks'> {
  const none = { rcu: 0, wcu: 0, written: [], conditionChecks: [] };
  switch (command) {
    case 'GetItem': {
      const consistent = input.ConsistentRead === true;
      return { ...none, detail: consistent ? 'strong' : 'eventual', rcu: readUnits(output?.Item ? itemSize(output.Item) : 0, consistent) };
    }
    case 'Query': {
      const consistent = input.ConsistentRead === true;
      const bytes = sum(((output?.Items ?? []) as Item[]).map(itemSize));
      const where = input.IndexName ? `index ${input.IndexName}` : 'table';
      return { ...none, detail: `${where}, ${consistent ? 'strong' : 'eventual'}, ${output?.Items?.length ?? 0} items`, rcu: readUnits(bytes, consistent) };
    }
    case 'PutItem': {
      const bytes = itemSize(input.Item);
      const index = indexEntrySize(input.Item);
      return { ...none, detail: `${String(input.Item.sk)}`, wcu: writeUnits(bytes) + (index ? writeUnits(index) : 0), written: [{ sk: String(input.Item.sk), bytes }] };
    }
    case 'TransactWriteItems': {
      let wcu = 0;
      const written: DdbCall['written'] = [];
      const conditionChecks: Item[] = [];
      const actions: string[] = [];
      for (const action of input.TransactItems as any[]) {
        if (action.Put) {
          const bytes = itemSize(action.Put.Item);
          const index = indexEntrySize(action.Put.Item);
          wcu += TX_WRITE * writeUnits(bytes) + (index ? writeUnits(index) : 0);
          written.push({ sk: String(action.Put.Item.sk), bytes });
          actions.push(`Put ${String(action.Put.Item.sk).split('#')[0]} ${bytes} B${index ? ` (+index entry ${index} B)` : ''}`);
        } else if (action.ConditionCheck) {
          conditionChecks.push(action.ConditionCheck.Key);
          actions.push(`ConditionCheck ${String(action.ConditionCheck.Key.sk)}`);
        } else {
          // Update and Delete are not used by the handlers today; price them as a 1 KB transactional write.
          wcu += TX_WRITE;
          actions.push(Object.keys(action)[0] ?? 'unknown');
        }
      }
      return { detail: actions.join(' + '), rcu: 0, wcu, written, conditionChecks };
    }
    default:
      return { ...none, detail: 'not priced' };
  }
}

function reportedUnits(consumed: unknown): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return sum(list.map((c: { CapacityUnits?: number }) => c.CapacityUnits ?? 0));
}

const HANDLER_FRAME = /\/functions\/([a-z0-9-]+)\.ts:/;

/** Records every request of the handlers' shared client inside `window()`. */
export class CapacityRecorder {
  private current: DdbCall[] | undefined;

  constructor(ddb: DynamoDBDocumentClient) {
    ddb.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        input['ReturnConsumedCapacity'] = 'INDEXES';
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 50;
        const fn = HANDLER_FRAME.exec(new Error().stack ?? '')?.[1] ?? 'other';
        Error.stackTraceLimit = limit;
        const command = String(context.commandName).replace(/Command$/, '');
        const started = performance.now();
        const record = (ok: boolean, output: any) =>
          this.current?.push({ fn, command, ok, ms: performance.now() - started, reportedUnits: reportedUnits(output?.ConsumedCapacity), ...price(command, input, output) });
        try {
          const result = await next(args);
          record(true, result.output);
          return result;
        } catch (error) {
          // A cancelled transaction or failed condition still consumes capacity; the error's name tells which.
          record(false, undefined);
          throw error;
        }
      },
      { step: 'initialize', name: 'benchConsumedCapacity' },
    );
  }

  /** Runs `fn` and returns the requests made while it ran (windows must not overlap). */
  async window<T>(fn: () => Promise<T>): Promise<{ result: T; calls: DdbCall[] }> {
    if (this.current) throw new Error('recording windows must not overlap');
    const calls: DdbCall[] = [];
    this.current = calls;
    try {
      return { result: await fn(), calls };
    } finally {
      this.current = undefined;
    }
  }
}

/** A document client of the bench's own (not recorded) on the local table. */
export function rawDocumentClient(stack: LocalStack): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_AWS, endpoint: stack.endpoints.dynamodb }));
}

/** Adds the read cost of ConditionCheck actions (2 RCU per 4 KB of the checked item) once the items are sized. */
export async function priceConditionChecks(calls: DdbCall[], stack: LocalStack, raw: DynamoDBDocumentClient): Promise<void> {
  const sizes = new Map<string, number>();
  for (const c of calls) {
    for (const key of c.conditionChecks) {
      const id = JSON.stringify(key);
      if (!sizes.has(id)) {
        const { Item } = await raw.send(new GetCommand({ TableName: stack.tableName, Key: key }));
        sizes.set(id, Item ? itemSize(Item) : 0);
      }
      c.rcu += 2 * readUnits(sizes.get(id)!, true);
    }
  }
}

// ---- per-operation measurement

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
      const { Item } = await raw.send(new GetCommand({ TableName: stack.tableName, Key: { pk: `BRIEFING#${briefingId}`, sk: 'BRIEFING' } }));
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
    const publishedItem = (await raw.send(new GetCommand({ TableName: stack.tableName, Key: { pk: `BRIEFING#${briefingId}`, sk: 'BRIEFING' } }))).Item ?? {};
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

export { readUnits, writeUnits };
