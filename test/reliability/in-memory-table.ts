/**
 * A small, honest in-memory stand-in for the single table, behind the
 * DocumentClient commands the handlers send (wired with aws-sdk-client-mock's
 * `callsFake`). It implements exactly the semantics the code relies on and
 * throws on anything else, so a handler that starts using an expression the
 * fake does not understand fails loudly instead of passing by accident:
 *
 * - GetCommand, PutCommand, DeleteCommand (with a condition), QueryCommand on
 *   the table or gsi1 (`k = :v`, `AND begins_with(sk, :p)`, comparisons,
 *   BETWEEN; Limit, ExclusiveStartKey/LastEvaluatedKey, ScanIndexForward, the
 *   index's INCLUDE projection), TransactWriteCommand (Put, Delete,
 *   ConditionCheck: all conditions checked first, then all writes or none,
 *   TransactionCanceledException with one reason per item in order, and
 *   DynamoDB's refusal of two operations on one item).
 * - Conditions: `attribute_exists(a)`, `attribute_not_exists(a)`, `a = :v`,
 *   `a <> :v`, `<`, `<=`, `>`, `>=`, joined by AND; `#name` placeholders.
 * - A stream: every committed write appends a record (INSERT / MODIFY /
 *   REMOVE with the new image), in commit order, as DynamoDB Streams does per item.
 *
 * - UpdateCommand and transaction Update: `SET` of comma-separated
 *   assignments, each `:v`, `if_not_exists(a, :v)`, or either of those or `a`
 *   plus or minus `:n`; an absent item is created from its key.
 *
 * Not modelled: eventual consistency (every read is strongly consistent),
 * capacity and SDK retries (faults are injected through `hooks` instead),
 * other update actions (REMOVE, ADD, DELETE), filters and projections, item size limits.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ConditionalCheckFailedException, ResourceNotFoundException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { TABLE_SCHEMA } from '#functions/commons/table/schema.ts';

export type Item = Record<string, unknown>;
type Values = Record<string, unknown> | undefined;
type Names = Record<string, string> | undefined;

export interface StreamRecord {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  sequenceNumber: string;
  keys: { pk: string; sk: string };
  newImage?: Item;
}

/** What a fault hook is told about a command. `caller` is whatever {@link InMemoryTable.as} was given for the current invocation. */
export interface CommandContext {
  command: string;
  input: any;
  caller: unknown;
}

export interface TableHooks {
  /** Before a command runs: throw to fail it (e.g. throttling); nothing is read or written. */
  before?(ctx: CommandContext): void;
  /** After a write committed: throw to lose the response (a crash or timeout after the commit). */
  afterCommit?(ctx: CommandContext): void;
}

const { partitionKey: PK, sortKey: SK } = TABLE_SCHEMA;
const keyOf = (item: Item) => `${String(item[PK])}\u0000${String(item[SK])}`;
const clone = <T>(value: T): T => structuredClone(value);

export class InMemoryTable {
  private readonly items = new Map<string, Item>();
  readonly stream: StreamRecord[] = [];
  hooks: TableHooks = {};
  /** Transactions refused by a condition (optimistic-concurrency conflicts among them). */
  cancelledTransactions = 0;
  private sequence = 0;
  /** Created on first use: AsyncLocalStorage slows every promise in the process once it is active. */
  private callers: AsyncLocalStorage<unknown> | undefined;

  constructor(readonly tableName: string) {}

  /** Runs `fn` with every command it sends attributed to `caller` (for fault hooks). */
  as<T>(caller: unknown, fn: () => Promise<T>): Promise<T> {
    this.callers ??= new AsyncLocalStorage<unknown>();
    return this.callers.run(caller, fn);
  }

  /**
   * Routes the document client's commands to this table: one fake on the mock's
   * `send` stub (per-command `on()` matchers cost a deep comparison per call).
   */
  install(ddb: AwsClientStub<DynamoDBDocumentClient>): void {
    ddb.send.callsFake(async (command: { input: any }) => this.dispatch(command) as never);
  }

  private dispatch(command: { input: any }): unknown {
    const { input } = command;
    if (command instanceof GetCommand) return this.run('GetCommand', input, false, () => this.get(input));
    if (command instanceof QueryCommand) return this.run('QueryCommand', input, false, () => this.query(input));
    if (command instanceof TransactWriteCommand) return this.run('TransactWriteCommand', input, true, () => this.transactWrite(input));
    if (command instanceof PutCommand) return this.run('PutCommand', input, true, () => this.put(input));
    if (command instanceof DeleteCommand) return this.run('DeleteCommand', input, true, () => this.delete(input));
    if (command instanceof UpdateCommand) return this.run('UpdateCommand', input, true, () => this.update(input));
    if (command instanceof BatchWriteCommand) return this.run('BatchWriteCommand', input, true, () => this.batchWrite(input));
    const name = command.constructor.name;
    throw new Error(`in-memory table: ${name} is not implemented; extend test/reliability/in-memory-table.ts`);
  }

  /** Every item, sorted by key, as plain data (compare two tables with toEqual). */
  snapshot(): Item[] {
    return [...this.items.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => clone(item));
  }

  /** Writes an item directly (test setup), recording it on the stream like any write. */
  seed(item: Item): void {
    this.write(item);
  }

  private run<T>(command: string, input: any, writes: boolean, op: () => T): T {
    const ctx: CommandContext = { command, input, caller: this.callers?.getStore() };
    this.hooks.before?.(ctx);
    // A transaction or a batch names its table per item (checked there).
    if (command !== 'TransactWriteCommand' && command !== 'BatchWriteCommand') this.checkTable(input.TableName);
    const result = op();
    if (writes) this.hooks.afterCommit?.(ctx);
    return result;
  }

  private checkTable(name: unknown): void {
    if (name !== this.tableName) throw new ResourceNotFoundException({ message: `Requested resource not found: ${String(name)}`, $metadata: {} });
  }

  private get(input: any) {
    const item = this.items.get(keyOf(input.Key));
    return item ? { Item: clone(item) } : {};
  }

  private put(input: any) {
    if (!this.holds(input.ConditionExpression, this.items.get(keyOf(input.Item)), input.ExpressionAttributeNames, input.ExpressionAttributeValues)) {
      throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    }
    this.write(input.Item);
    return {};
  }

  /** Puts and deletes without conditions, each on its own (not atomic); this table processes every one. */
  private batchWrite(input: any) {
    for (const [table, requests] of Object.entries(input.RequestItems as Record<string, any[]>)) {
      this.checkTable(table);
      for (const r of requests) {
        if (r.PutRequest) this.write(r.PutRequest.Item);
        else this.remove(r.DeleteRequest.Key);
      }
    }
    return { UnprocessedItems: {} };
  }

  private delete(input: any) {
    if (!this.holds(input.ConditionExpression, this.items.get(keyOf(input.Key)), input.ExpressionAttributeNames, input.ExpressionAttributeValues)) {
      throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    }
    this.remove(input.Key);
    return {};
  }

  private update(input: any) {
    const current = this.items.get(keyOf(input.Key));
    if (!this.holds(input.ConditionExpression, current, input.ExpressionAttributeNames, input.ExpressionAttributeValues)) {
      throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    }
    this.write(applyUpdate(current, input));
    return {};
  }

  private transactWrite(input: any) {
    const ops = (input.TransactItems ?? []) as any[];
    if (ops.length === 0 || ops.length > 100) throw validation('TransactItems must hold 1 to 100 operations');
    const targets = ops.map((op) => {
      const [kind, body] = Object.entries(op)[0] as [string, any];
      if (!['Put', 'Delete', 'Update', 'ConditionCheck'].includes(kind)) throw new Error(`in-memory table: transaction ${kind} is not implemented`);
      this.checkTable(body.TableName);
      return { kind, body, key: keyOf(kind === 'Put' ? body.Item : body.Key) };
    });
    if (new Set(targets.map((t) => t.key)).size !== targets.length) {
      throw validation('Transaction request cannot include multiple operations on one item');
    }
    const reasons = targets.map(({ body, key }) =>
      this.holds(body.ConditionExpression, this.items.get(key), body.ExpressionAttributeNames, body.ExpressionAttributeValues)
        ? { Code: 'None' }
        : { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    );
    if (reasons.some((r) => r.Code !== 'None')) {
      this.cancelledTransactions += 1;
      throw new TransactionCanceledException({
        message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
        $metadata: {},
        CancellationReasons: reasons,
      });
    }
    for (const { kind, body, key } of targets) {
      if (kind === 'Put') this.write(body.Item);
      if (kind === 'Update') this.write(applyUpdate(this.items.get(key), body));
      if (kind === 'Delete') this.remove(body.Key);
    }
    return {};
  }

  private query(input: any) {
    if (input.FilterExpression || input.ProjectionExpression || input.Select) {
      throw new Error('in-memory table: Query filters, projections and Select are not implemented');
    }
    const index = input.IndexName ? indexNamed(input.IndexName) : { partitionKey: PK, sortKey: SK, projected: undefined };
    const names = input.ExpressionAttributeNames as Names;
    const values = input.ExpressionAttributeValues as Values;
    const [pkTerm, skTerm, ...rest] = splitAnd(String(input.KeyConditionExpression));
    if (!pkTerm || rest.length > 0) throw new Error(`in-memory table: unsupported key condition "${input.KeyConditionExpression}"`);
    const pkMatch = /^\s*([#\w]+)\s*=\s*(:\w+)\s*$/.exec(pkTerm);
    if (!pkMatch || resolveName(pkMatch[1]!, names) !== index.partitionKey) throw new Error(`in-memory table: unsupported key condition "${pkTerm}"`);
    const pkValue = attributeValue(pkMatch[2]!, values);
    const skTest = skTerm ? sortKeyTest(skTerm, index.sortKey, names, values) : () => true;

    const order = (item: Item) => [String(item[index.sortKey] ?? ''), String(item[PK]), String(item[SK])] as const;
    const compare = (a: Item, b: Item) => {
      const [x, y] = [order(a), order(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return 0;
    };
    let matching = [...this.items.values()].filter(
      (item) => item[index.partitionKey] === pkValue && index.sortKey in item && skTest(item[index.sortKey]),
    );
    matching.sort(compare);
    if (input.ScanIndexForward === false) matching.reverse();
    if (input.ExclusiveStartKey) {
      const start = input.ExclusiveStartKey as Item;
      const forward = input.ScanIndexForward !== false;
      matching = matching.filter((item) => (forward ? compare(item, start) > 0 : compare(item, start) < 0));
    }
    const limit = input.Limit as number | undefined;
    const page = limit === undefined ? matching : matching.slice(0, limit);
    // Like DynamoDB: stopping at Limit returns a LastEvaluatedKey, even when nothing is left.
    const last = limit !== undefined && page.length === limit ? page.at(-1) : undefined;
    const project = (item: Item) =>
      index.projected
        ? Object.fromEntries(Object.entries(item).filter(([k]) => [PK, SK, index.partitionKey, index.sortKey, ...index.projected!].includes(k)))
        : item;
    return {
      Items: page.map((item) => clone(project(item))),
      Count: page.length,
      ...(last ? { LastEvaluatedKey: Object.fromEntries([PK, SK, index.partitionKey, index.sortKey].map((k) => [k, last[k]])) } : {}),
    };
  }

  private write(item: Item): void {
    const key = keyOf(item);
    const existed = this.items.has(key);
    this.items.set(key, clone(item));
    this.record(existed ? 'MODIFY' : 'INSERT', item);
  }

  private remove(key: Item): void {
    if (this.items.delete(keyOf(key))) this.record('REMOVE', key);
  }

  private record(eventName: StreamRecord['eventName'], item: Item): void {
    this.sequence += 1;
    this.stream.push({
      eventName,
      sequenceNumber: String(this.sequence).padStart(21, '0'),
      keys: { pk: String(item[PK]), sk: String(item[SK]) },
      ...(eventName === 'REMOVE' ? {} : { newImage: clone(item) }),
    });
  }

  private holds(expression: string | undefined, item: Item | undefined, names: Names, values: Values): boolean {
    if (!expression) return true;
    return splitAnd(expression).every((term) => evaluate(term, item, names, values));
  }
}

function validation(message: string): Error {
  return Object.assign(new Error(message), { name: 'ValidationException', $fault: 'client' });
}

function indexNamed(name: string) {
  const { gsi1 } = TABLE_SCHEMA;
  if (name !== gsi1.indexName) throw new Error(`in-memory table: no index ${name}`);
  return { partitionKey: gsi1.partitionKey, sortKey: gsi1.sortKey, projected: [...gsi1.projectedAttributes] as string[] };
}

/** The item an UpdateExpression (`SET` only, see the header) leaves, from the current one (or its key alone). */
function applyUpdate(current: Item | undefined, input: any): Item {
  const names = input.ExpressionAttributeNames as Names;
  const values = input.ExpressionAttributeValues as Values;
  const expression = String(input.UpdateExpression ?? '');
  const set = /^\s*SET\s+(.+)$/is.exec(expression);
  if (!set) throw new Error(`in-memory table: unsupported update "${expression}"`);
  const next: Item = { ...clone(current ?? {}), ...clone(input.Key as Item) };
  const operand = (term: string): unknown => {
    const ifNotExists = /^if_not_exists\(\s*([#\w]+)\s*,\s*(:\w+)\s*\)$/.exec(term);
    if (ifNotExists) return next[resolveName(ifNotExists[1]!, names)] ?? attributeValue(ifNotExists[2]!, values);
    if (/^:\w+$/.test(term)) return attributeValue(term, values);
    if (/^[#\w]+$/.test(term)) return next[resolveName(term, names)];
    throw new Error(`in-memory table: unsupported update operand "${term}"`);
  };
  // Split on commas outside parentheses: if_not_exists(a, :v) holds one.
  const assignments: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < set[1]!.length; i++) {
    const c = set[1]![i];
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      assignments.push(set[1]!.slice(start, i));
      start = i + 1;
    }
  }
  assignments.push(set[1]!.slice(start));
  for (const assignment of assignments) {
    const m = /^\s*([#\w]+)\s*=\s*(.+?)\s*$/.exec(assignment);
    if (!m) throw new Error(`in-memory table: unsupported update "${assignment}"`);
    const arithmetic = /^(.+?)\s*([+-])\s*(:\w+)$/.exec(m[2]!);
    let value: unknown;
    if (arithmetic) {
      const [a, b] = [operand(arithmetic[1]!.trim()), attributeValue(arithmetic[3]!, values)];
      if (typeof a !== 'number' || typeof b !== 'number') throw validation('An operand in the update expression has an incorrect data type');
      value = arithmetic[2] === '+' ? a + b : a - b;
    } else {
      value = operand(m[2]!);
    }
    next[resolveName(m[1]!, names)] = clone(value);
  }
  return next;
}

function splitAnd(expression: string): string[] {
  if (/\bOR\b|\bNOT\b/i.test(expression)) throw new Error(`in-memory table: unsupported expression "${expression}"`);
  // BETWEEN :a AND :b is one term: protect its AND before splitting.
  return expression
    .replace(/\bBETWEEN\s+(:\w+)\s+AND\s+(:\w+)/gi, 'BETWEEN $1 & $2')
    .split(/\s+AND\s+/i)
    .map((t) => t.trim());
}

function resolveName(token: string, names: Names): string {
  if (!token.startsWith('#')) return token;
  const name = names?.[token];
  if (!name) throw validation(`An expression attribute name used in the document path is not defined; attribute name: ${token}`);
  return name;
}

function attributeValue(token: string, values: Values): unknown {
  if (!values || !(token in values)) throw validation(`An expression attribute value used in expression is not defined; attribute value: ${token}`);
  return values[token];
}

function attribute(item: Item | undefined, path: string, names: Names): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Item)[resolveName(part, names)] : undefined), item);
}

const same = (a: unknown, b: unknown) => (typeof a === 'object' || typeof b === 'object' ? JSON.stringify(a) === JSON.stringify(b) : a === b);
const ordered = (a: unknown, b: unknown) => typeof a === typeof b && (typeof a === 'number' || typeof a === 'string');

function evaluate(term: string, item: Item | undefined, names: Names, values: Values): boolean {
  const fn = /^(attribute_exists|attribute_not_exists)\(\s*([#\w.]+)\s*\)$/.exec(term);
  if (fn) {
    const present = attribute(item, fn[2]!, names) !== undefined;
    return fn[1] === 'attribute_exists' ? present : !present;
  }
  const comparison = /^([#\w.]+)\s*(=|<>|<=|>=|<|>)\s*(:\w+)$/.exec(term);
  if (comparison) {
    const [, path, op, token] = comparison as unknown as [string, string, string, string];
    const [a, b] = [attribute(item, path, names), attributeValue(token, values)];
    if (a === undefined) return op === '<>';
    if (op === '=') return same(a, b);
    if (op === '<>') return !same(a, b);
    if (!ordered(a, b)) return false;
    const [x, y] = [a as number | string, b as number | string];
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  }
  throw new Error(`in-memory table: unsupported condition "${term}"`);
}

function sortKeyTest(term: string, sortKey: string, names: Names, values: Values): (value: unknown) => boolean {
  const prefix = /^begins_with\(\s*([#\w]+)\s*,\s*(:\w+)\s*\)$/.exec(term);
  if (prefix && resolveName(prefix[1]!, names) === sortKey) {
    const p = String(attributeValue(prefix[2]!, values));
    return (v) => typeof v === 'string' && v.startsWith(p);
  }
  const between = /^([#\w]+)\s+BETWEEN\s+(:\w+)\s+&\s+(:\w+)$/i.exec(term);
  if (between && resolveName(between[1]!, names) === sortKey) {
    const [lo, hi] = [attributeValue(between[2]!, values), attributeValue(between[3]!, values)] as [string, string];
    return (v) => typeof v === 'string' && v >= lo && v <= hi;
  }
  const comparison = /^([#\w]+)\s*(=|<=|>=|<|>)\s*(:\w+)$/.exec(term);
  if (comparison && resolveName(comparison[1]!, names) === sortKey) {
    const [op, b] = [comparison[2]!, attributeValue(comparison[3]!, values) as string];
    return (v) => typeof v === 'string' && (op === '=' ? v === b : op === '<' ? v < b : op === '<=' ? v <= b : op === '>' ? v > b : v >= b);
  }
  throw new Error(`in-memory table: unsupported sort key condition "${term}"`);
}
