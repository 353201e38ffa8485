/**
 * Capacity accounting. A middleware on the handlers' shared document
 * client (functions/commons/clients/dynamodb.ts; the local stack runs every
 * handler in this process, so the module instance is the same) asks each
 * request for ReturnConsumedCapacity and records it, with the function that
 * issued it (the function the local runtime is running) and the capacity AWS would bill by its
 * documented rules, computed from the item sizes:
 *
 *   read:  0.5 RCU (eventually consistent) or 1 RCU (strong) per 4 KB, per GetItem; per 4 KB of all items a Query returns
 *   write: 1 WCU per 1 KB written; in a transaction 2 WCU per KB per item, and a ConditionCheck 2 RCU per 4 KB
 *   index: a write that adds or changes a gsi1 entry also pays 1 WCU per KB of the projected entry
 *
 * Since the feed left gsi1, the only items with a gsi1 entry are watch items
 * (an entity's followers). A briefing's parts (`L`, `M`, `M#<lang>`, `P`,
 * `P#<lang>`), its snapshot and its feed entries (`FEED#…`, one per dimension
 * value) are base-table items: each is a Put of its own in the briefing's
 * transaction and is priced as one. Update and Delete actions carry no item,
 * so they are priced as a 1 KB transactional write (entity profiles and watch
 * counts are small; a deleted feed entry is under 1 KB).
 *
 * DynamoDB Local's own figure is kept next to it: it bills a transaction as
 * if it held one item, so for multi-item transactions it undercounts.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { PARTITIONS } from '#functions/commons/table/keys.ts';
import { TABLE_SCHEMA } from '#functions/commons/table/schema.ts';
import { SUBSCRIPTIONS } from '#functions/manifest.ts';
import { LOCAL_AWS } from '#local/engines.ts';
import { runningFunction } from '#local/lambda-runtime.ts';
import type { LocalStack } from './local.ts';
import { sum } from './stats.ts';

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
  /** Items written (Put), for floors that depend on their size; `kind` as {@link kindOf} names it. */
  written: Array<{ kind: string; sk: string; bytes: number }>;
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

/** The entry an item has in gsi1 (keys of the table and the index, plus the projected attributes), if any: watch items only, today. */
export function indexEntrySize(item: Item): number {
  if (item[TABLE_SCHEMA.gsi1.partitionKey] === undefined) return 0;
  const names = [
    TABLE_SCHEMA.partitionKey,
    TABLE_SCHEMA.sortKey,
    TABLE_SCHEMA.gsi1.partitionKey,
    TABLE_SCHEMA.gsi1.sortKey,
    ...TABLE_SCHEMA.gsi1.projectedAttributes,
  ];
  return itemSize(Object.fromEntries(names.filter((n) => n in item).map((n) => [n, item[n]])));
}

/**
 * What an item is, for the request summaries and the floors: its `entity`
 * attribute (`briefing` for the head, `briefing-part`, `briefing-version`,
 * `source`, `outbox`, `watch`, `alert`…), else the first segment of its
 * partition key (feed entries carry no `entity`: `FEED`).
 */
export function kindOf(item: Item): string {
  const entity = item['entity'];
  if (typeof entity === 'string') return entity;
  return String(item[TABLE_SCHEMA.partitionKey] ?? '').split('#')[0] || 'item';
}

export const readUnits = (bytes: number, consistent: boolean) => Math.max(1, Math.ceil(bytes / RCU_BYTES)) * (consistent ? 1 : 0.5);
export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / WCU_BYTES));

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
      return {
        ...none,
        detail: `${where}, ${consistent ? 'strong' : 'eventual'}, ${output?.Items?.length ?? 0} items, ${bytes} B`,
        rcu: readUnits(bytes, consistent),
      };
    }
    case 'PutItem': {
      const bytes = itemSize(input.Item);
      const index = indexEntrySize(input.Item);
      const kind = kindOf(input.Item);
      return {
        ...none,
        detail: `${kind} ${bytes} B${index ? ` (+index entry ${index} B)` : ''}`,
        wcu: writeUnits(bytes) + (index ? writeUnits(index) : 0),
        written: [{ kind, sk: String(input.Item.sk), bytes }],
      };
    }
    case 'TransactWriteItems': {
      let wcu = 0;
      const written: DdbCall['written'] = [];
      const conditionChecks: Item[] = [];
      // Actions of one kind are summed into one entry of the summary (a publish writes a feed entry per dimension value).
      const actions = new Map<string, { count: number; bytes: number; index: number }>();
      const tally = (label: string, bytes = 0, index = 0) => {
        const a = actions.get(label) ?? { count: 0, bytes: 0, index: 0 };
        actions.set(label, { count: a.count + 1, bytes: a.bytes + bytes, index: a.index + index });
      };
      for (const action of input.TransactItems as any[]) {
        if (action.Put) {
          const bytes = itemSize(action.Put.Item);
          const index = indexEntrySize(action.Put.Item);
          const kind = kindOf(action.Put.Item);
          wcu += TX_WRITE * writeUnits(bytes) + (index ? writeUnits(index) : 0);
          written.push({ kind, sk: String(action.Put.Item.sk), bytes });
          tally(`Put ${kind}`, bytes, index);
        } else if (action.ConditionCheck) {
          conditionChecks.push(action.ConditionCheck.Key);
          tally(`ConditionCheck ${String(action.ConditionCheck.Key.pk).split('#')[0]}/${String(action.ConditionCheck.Key.sk)}`);
        } else {
          // Update (entity profiles, watch counts) and Delete (feed entries, dropped translations): no item in the request.
          wcu += TX_WRITE;
          const [verb, body] = Object.entries(action)[0] ?? ['unknown', {}];
          tally(`${verb} ${String((body as { Key?: Item }).Key?.[TABLE_SCHEMA.partitionKey] ?? '').split('#')[0]}`);
        }
      }
      const detail = [...actions]
        .map(
          ([label, a]) =>
            `${label}${a.count > 1 ? ` ×${a.count}` : ''}${a.bytes ? ` ${a.bytes} B` : ''}${a.index ? ` (+index entry ${a.index} B)` : ''}`,
        )
        .join(' + ');
      return { detail, rcu: 0, wcu, written, conditionChecks };
    }
    case 'UpdateItem': {
      // Billed on the larger of the item before and after; the item after is taken as its key and the values the
      // update sets (placeholder names stand for attribute names, `#n` resolved): exact for an update that creates
      // the item (the alerts' fan-out), a lower bound when it grows a larger one.
      const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
      const values = Object.fromEntries(
        Object.entries((input.ExpressionAttributeValues ?? {}) as Item).map(([k, v]) => [names[`#${k.slice(1)}`] ?? k.slice(1), v]),
      );
      const item = { ...input.Key, ...values } as Item;
      const bytes = itemSize(item);
      const kind = kindOf(item);
      return { ...none, detail: `update ${kind} ~${bytes} B`, wcu: writeUnits(bytes), written: [{ kind, sk: String(input.Key.sk), bytes }] };
    }
    case 'DeleteItem':
      // Billed on the deleted item's size; the items deleted here (outbox records) are under 1 KB.
      return { ...none, detail: `delete ${String(input.Key?.[TABLE_SCHEMA.partitionKey] ?? '').split('#')[0]}`, wcu: 1 };
    case 'BatchWriteItem': {
      const requests = Object.values((input.RequestItems ?? {}) as Record<string, any[]>).flat();
      const puts = requests.filter((r) => r.PutRequest).map((r) => itemSize(r.PutRequest.Item));
      const deletes = requests.length - puts.length;
      return { ...none, detail: `batch: ${puts.length} put, ${deletes} delete`, wcu: sum(puts.map(writeUnits)) + deletes };
    }
    default:
      return { ...none, detail: 'not priced' };
  }
}

function reportedUnits(consumed: unknown): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return sum(list.map((c: { CapacityUnits?: number }) => c.CapacityUnits ?? 0));
}

/** Functions the bus invokes: each confirms its event's consequence at the shared consumer edge. */
const SUBSCRIBED: ReadonlySet<string> = new Set(SUBSCRIPTIONS.map((s) => s.fn));
export const CONSUMER_EDGE = 'consumer edge';

/**
 * The function that made a request: the one the local runtime is running it for
 * (local/lambda-runtime.ts `runningFunction`, an AsyncLocalStorage), so recording
 * costs the measured process nothing like a stack capture. A consumer's own
 * confirmation (functions/commons/consumer.ts deletes the event's outbox record)
 * is named `consumer edge`; requests outside any invocation (the bench, the seed) `other`.
 */
export function requestingFunction(command: string, input: Record<string, unknown>): string {
  const fn = runningFunction.getStore();
  if (!fn) return 'other';
  const key = input['Key'] as { pk?: unknown } | undefined;
  if (command === 'DeleteItem' && typeof key?.pk === 'string' && key.pk.startsWith(PARTITIONS.outbox) && SUBSCRIBED.has(fn)) return CONSUMER_EDGE;
  return fn;
}

/** A request as recorded, before it is priced. */
interface RawCall extends Pick<DdbCall, 'fn' | 'command' | 'ok' | 'ms'> {
  input: Record<string, unknown>;
  output: any;
}

const priced = ({ input, output, ...call }: RawCall): DdbCall => ({
  ...call,
  reportedUnits: reportedUnits(output?.ConsumedCapacity),
  ...price(call.command, input, output),
});

/** Records every request of the handlers' shared client inside `window()`. */
export class CapacityRecorder {
  private current: RawCall[] | undefined;

  constructor(ddb: DynamoDBDocumentClient) {
    ddb.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        input['ReturnConsumedCapacity'] = 'INDEXES';
        const command = String(context.commandName).replace(/Command$/, '');
        const fn = requestingFunction(command, input);
        const started = performance.now();
        // Priced when the window closes, so pricing costs the measured pipeline no time.
        const record = (ok: boolean, output: any) => this.current?.push({ fn, command, ok, ms: performance.now() - started, input, output });
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
    const raw: RawCall[] = [];
    this.current = raw;
    try {
      const result = await fn();
      return { result, calls: raw.map(priced) };
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
