/**
 * The event pipeline in one process, deterministic and fast, with the real
 * handlers: an {@link InMemoryTable} behind the DocumentClient, its stream
 * feeding the real relay (relay-events) in batches with Lambda's retry rules,
 * a mocked EventBridge client whose accepted entries are delivered, as
 * EventBridge envelopes, to the subscribers of functions/manifest.ts (matched
 * with the same pattern code as the local bus), with Lambda's asynchronous
 * retries and dead-letter queues.
 *
 * Delivery is either in order (each event once, first in first out, one at a
 * time: the reference) or chaotic: every event delivered 1-3 times, in random
 * order, a few at once (so optimistic concurrency really meets conflicts), some
 * copies held back to a later round. A {@link FaultPlan} injects throttling,
 * crashes after a commit, PutEvents failures and failing invocations.
 */

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { vi } from 'vitest';
import { RELAY_STREAM_FILTERS } from '#functions/commons/table/schema.ts';
import { FUNCTIONS, type FunctionName, STREAM_CONSUMER, SUBSCRIPTIONS } from '#functions/manifest.ts';
import type { EventEnvelope as LocalEnvelope } from '#local/event-envelope.ts';
import { matchesPattern } from '#local/event-pattern.ts';
import { context as lambdaContext } from '#test/support/lambda.ts';
import { type CommandContext, InMemoryTable, type StreamRecord } from './in-memory-table.ts';

/** As the deployed mappings: Lambda's async invoke tries 3 times (retryAttempts 2); the stream mapping 6 (retryAttempts 5). */
export const CONSUMER_ATTEMPTS = 3;
export const STREAM_ATTEMPTS = 6;
const STREAM_BATCH_SIZE = 10;

/** EventBridge's envelope (as the local bus builds it), whose detail carries our stable event id. */
export type EventEnvelope = LocalEnvelope & { detail: LocalEnvelope['detail'] & { eventId: string } };

/** Who is running when a command is sent: an HTTP request, a bus delivery, or a relay batch. */
export type Invocation =
  | { kind: 'http'; fn: FunctionName; attempt: number }
  | { kind: 'event'; fn: FunctionName; envelope: EventEnvelope; attempt: number }
  | { kind: 'stream'; fn: FunctionName; attempt: number };

/** What goes wrong, decided per call. Every answer may come from a seeded random source. */
export interface FaultPlan {
  /** A table command: fail it before it runs (throttling), or lose its response after it committed (a crash). */
  table?(ctx: CommandContext & { caller: Invocation | undefined }): 'throttle' | 'crash-after-commit' | undefined;
  /** A PutEvents call: refuse it whole (throttling), or fail some entries inside a 200 (FailedEntryCount > 0). */
  putEvents?(entries: readonly PutEventsRequestEntry[]): 'throttle' | boolean[] | undefined;
  /** An invocation: fail before doing anything, or crash after finishing its work (the response is lost). */
  invocation?(invocation: Invocation): 'fail' | 'crash-after' | undefined;
}

export interface Chaos {
  /** A number in [0, 1): the only source of disorder. */
  random: () => number;
  /** At most this many copies of each delivery (at least 1). */
  maxCopies: number;
  /** At most this many deliveries run at once. */
  maxConcurrency: number;
}

export interface WorldOptions {
  tableName: string;
  busName: string;
  chaos?: Chaos;
  faults?: FaultPlan;
}

interface Delivery {
  fn: FunctionName;
  envelope: EventEnvelope;
  attempt: number;
  /** Held back until this round (a late duplicate). */
  notBefore: number;
}

type Handler = (event: unknown, context: Context) => Promise<unknown>;
const handlers = new Map<FunctionName, Handler>();

/** The handler module of a manifest function, imported once per test file as Lambda keeps a warm module. */
export async function handlerOf(fn: FunctionName): Promise<Handler> {
  let handler = handlers.get(fn);
  if (!handler) {
    const url = pathToFileURL(resolve(import.meta.dirname, '../..', FUNCTIONS[fn].entry)).href;
    handler = ((await import(url)) as { handler: Handler }).handler;
    handlers.set(fn, handler);
  }
  return handler;
}

/**
 * Runs a promise to completion under fake timers without real waiting: a
 * backoff sleep (the publisher's) ends at once, and the clock the handlers read
 * stands still, so a run with retries writes the same timestamps as one without.
 */
export async function settle<T>(promise: Promise<T>): Promise<T> {
  const frozen = Date.now();
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; !done; i++) {
    if (i > 100_000) throw new Error('an invocation never settled');
    // A pending timer is a backoff sleep: jump to it. Otherwise let the microtasks run (setImmediate is not faked).
    if (vi.getTimerCount() > 0) {
      await vi.advanceTimersToNextTimerAsync();
      vi.setSystemTime(frozen);
    } else await new Promise((next) => setImmediate(next));
  }
  return promise;
}

const throttled = (service: string) =>
  Object.assign(new Error(`${service}: Rate exceeded`), {
    name: service === 'DynamoDB' ? 'ProvisionedThroughputExceededException' : 'ThrottlingException',
    $retryable: { throttling: true },
  });
class InjectedCrash extends Error {
  override name = 'InjectedCrash';
}

export class World {
  readonly table: InMemoryTable;
  /** Every entry the bus accepted, duplicates included, in order. */
  readonly published: EventEnvelope[] = [];
  /** Deliveries that failed every attempt (the FailedInvocations queues). */
  readonly deadEvents: Delivery[] = [];
  /** Stream records of batches the relay failed on every attempt (the FailedBatches queue). */
  readonly deadRecords: StreamRecord[] = [];
  /** How many times each consumer ran for each event id, successfully. */
  readonly applied = new Map<string, number>();
  private readonly pending: Delivery[] = [];
  private readonly tasks: Array<() => Promise<void>> = [];
  private readonly backlog: StreamRecord[] = [];
  private readonly streamAttempts = new Map<string, number>();
  private cursor = 0;
  private round = 0;
  private envelopes = 0;
  /** While an operator redrives, the fault is fixed. */
  private fixed = false;

  private get faults(): FaultPlan | undefined {
    return this.fixed ? undefined : this.opts.faults;
  }

  private constructor(
    private readonly opts: WorldOptions,
    ddb: AwsClientStub<DynamoDBDocumentClient>,
    bus: AwsClientStub<EventBridgeClient>,
  ) {
    this.table = new InMemoryTable(opts.tableName);
    ddb.reset();
    bus.reset();
    this.table.install(ddb);
    // One decision per command: fail it now, or let it commit and lose the response.
    const crashAfterCommit = new WeakSet<object>();
    this.table.hooks = {
      before: (ctx) => {
        const fault = this.faults?.table?.({ ...ctx, caller: ctx.caller as Invocation | undefined });
        if (fault === 'throttle') throw throttled('DynamoDB');
        if (fault === 'crash-after-commit') crashAfterCommit.add(ctx.input);
      },
      afterCommit: (ctx) => {
        if (crashAfterCommit.delete(ctx.input)) throw new InjectedCrash(`crashed after ${ctx.command} committed`);
      },
    };
    bus.send.callsFake(async (command: { input: any }) => {
      if (!(command instanceof PutEventsCommand)) throw new Error(`simulated bus: ${command.constructor.name} is not implemented`);
      return this.putEvents(command.input.Entries ?? []) as never;
    });
  }

  /** A fresh world on the given client mocks (reset and re-wired). */
  static async create(
    mocks: { ddb: AwsClientStub<DynamoDBDocumentClient>; bus: AwsClientStub<EventBridgeClient> },
    opts: WorldOptions,
  ): Promise<World> {
    await Promise.all([...new Set([STREAM_CONSUMER, ...SUBSCRIPTIONS.map((s) => s.fn)])].map(handlerOf));
    return new World(opts, mocks.ddb, mocks.bus);
  }

  /** Calls an HTTP handler as API Gateway would, once. */
  async http<R>(fn: FunctionName, event: unknown, attempt = 1): Promise<R> {
    const invocation: Invocation = { kind: 'http', fn, attempt };
    return this.invoke(invocation, event) as Promise<R>;
  }

  /** Starts the next round: copies held back until now become deliverable. */
  nextRound(): void {
    this.round += 1;
  }

  /** Relays and delivers until nothing deliverable is left in this round. */
  async drain(): Promise<void> {
    for (let steps = 0; ; steps++) {
      if (steps > 50_000) throw new Error('the pipeline did not quiesce');
      this.syncStream();
      const runnable = this.pending.filter((d) => d.notBefore <= this.round).length + this.tasks.length;
      if (this.backlog.length === 0 && runnable === 0) return;
      const relayFirst = this.backlog.length > 0 && (runnable === 0 || !this.opts.chaos || this.opts.chaos.random() < 0.5);
      if (relayFirst) await this.relayStep();
      else await this.workStep(runnable);
    }
  }

  /**
   * Queues a client's work (a request) to run during the next drain: in order,
   * before any delivery; in chaos, at a random moment, racing the consumers.
   */
  submit(task: () => Promise<void>): void {
    this.tasks.push(task);
  }

  /** Every held-back copy too: the end of the story. */
  async finish(): Promise<void> {
    this.round = Number.POSITIVE_INFINITY;
    await this.drain();
    // The reconciler's scheduled run, without its wait (a second on, so what was marked at the frozen time
    // counts as older): confirms what is done, re-drives what is missing, delivered at the frozen time again.
    // Its own run goes through (a failed one would only be run again by the schedule); the consumers' faults
    // stay as they are, so a consumer that keeps failing fails its re-driven event too.
    const frozen = Date.now();
    const reconcile = await handlerOf('reconcile');
    this.fixed = true;
    vi.setSystemTime(frozen + 1000);
    try {
      await settle(reconcile({ olderThanSeconds: 0 }, lambdaContext));
    } finally {
      vi.setSystemTime(frozen);
      this.fixed = false;
    }
    await this.drain();
  }

  /** What an operator does once the fault is fixed: redrive the failure queues (the fault stays fixed meanwhile). */
  async redriveDeadLetters(): Promise<void> {
    if (this.deadRecords.length === 0 && this.deadEvents.length === 0) return;
    this.fixed = true;
    try {
      this.backlog.unshift(...this.deadRecords.splice(0));
      this.streamAttempts.clear(); // a redriven batch starts its retries afresh
      for (const d of this.deadEvents.splice(0)) this.pending.push({ ...d, attempt: 1, notBefore: 0 });
      await this.drain();
    } finally {
      this.fixed = false;
    }
  }

  /** Distinct events announced on the bus, by event id. */
  announced(): Map<string, { detailType: string; detail: Record<string, unknown> }> {
    return new Map(this.published.map((e) => [e.detail.eventId, { detailType: e['detail-type'], detail: e.detail }]));
  }

  private invoke(invocation: Invocation, event: unknown): Promise<unknown> {
    // Commands are attributed to their invocation only when a fault plan needs to know who sent them.
    const attributed = <T>(fn: () => Promise<T>) => (this.opts.faults ? this.table.as(invocation, fn) : fn());
    return attributed(async () => {
      const fault = this.faults?.invocation?.(invocation);
      if (fault === 'fail') throw new InjectedCrash(`${invocation.fn} failed (injected)`);
      const handler = await handlerOf(invocation.fn);
      const result = await settle(handler(event, lambdaContext));
      if (fault === 'crash-after') throw new InjectedCrash(`${invocation.fn} crashed after its work (injected)`);
      return result;
    });
  }

  private putEvents(entries: PutEventsRequestEntry[]) {
    if (entries.length > 10) throw Object.assign(new Error('1 validation error: entries must have length <= 10'), { name: 'ValidationException' });
    const fault = this.faults?.putEvents?.(entries);
    if (fault === 'throttle') throw throttled('EventBridge');
    const results = entries.map((entry, i) => {
      if (Array.isArray(fault) && fault[i]) return { ErrorCode: 'InternalFailure', ErrorMessage: 'injected' };
      if (entry.EventBusName !== this.opts.busName) return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `no bus ${entry.EventBusName}` };
      const envelope: EventEnvelope = {
        version: '0',
        id: `evt-${++this.envelopes}`,
        'detail-type': String(entry.DetailType),
        source: String(entry.Source),
        account: '000000000000',
        time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        region: 'eu-west-1',
        resources: entry.Resources ?? [],
        detail: JSON.parse(String(entry.Detail)),
      };
      this.published.push(envelope);
      this.route(envelope);
      return { EventId: envelope.id };
    });
    return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
  }

  /** The manifest's rules: every matching subscription gets the event, 1 or more times. */
  private route(envelope: EventEnvelope): void {
    for (const { fn, pattern } of SUBSCRIPTIONS) {
      if (!matchesPattern(pattern, envelope)) continue;
      const chaos = this.opts.chaos;
      const copies = chaos ? 1 + Math.floor(chaos.random() * chaos.maxCopies) : 1;
      for (let c = 0; c < copies; c++) {
        // An extra copy may arrive after the next round's writes: a late duplicate.
        const late = chaos && c > 0 && chaos.random() < 0.3;
        this.pending.push({ fn, envelope, attempt: 1, notBefore: late ? this.round + 1 : this.round });
      }
    }
  }

  /** Runs one delivery or client task (in order), or a few at once, picked at random (chaos). */
  private async workStep(runnable: number): Promise<void> {
    const chaos = this.opts.chaos;
    const count = chaos ? 1 + Math.floor(chaos.random() * Math.min(chaos.maxConcurrency, runnable)) : 1;
    const started: Array<Promise<void>> = [];
    for (let i = 0; i < count; i++) {
      const deliveries = this.pending.filter((d) => d.notBefore <= this.round);
      const choice = chaos ? Math.floor(chaos.random() * (deliveries.length + this.tasks.length)) : this.tasks.length > 0 ? deliveries.length : 0;
      if (choice >= deliveries.length) {
        started.push(this.tasks.splice(choice - deliveries.length, 1)[0]!());
      } else {
        const pick = deliveries[choice]!;
        this.pending.splice(this.pending.indexOf(pick), 1);
        started.push(this.deliver(pick));
      }
    }
    await Promise.all(started);
  }

  private async deliver(d: Delivery): Promise<void> {
    try {
      await this.invoke({ kind: 'event', fn: d.fn, envelope: d.envelope, attempt: d.attempt }, d.envelope);
      const key = `${d.fn}:${d.envelope.detail.eventId}`;
      this.applied.set(key, (this.applied.get(key) ?? 0) + 1);
    } catch {
      // Lambda's async retries; then the function's on-failure queue.
      if (d.attempt >= CONSUMER_ATTEMPTS) this.deadEvents.push(d);
      else this.pending.push({ ...d, attempt: d.attempt + 1 });
    }
  }

  /** New stream records the relay's filter lets through (inserted outbox items), in commit order. */
  private syncStream(): void {
    for (; this.cursor < this.table.stream.length; this.cursor++) {
      const record = this.table.stream[this.cursor]!;
      if (RELAY_STREAM_FILTERS.some((f) => matchesPattern(f, lambdaRecord(record, { clone: false })))) this.backlog.push(record);
    }
  }

  private async relayStep(): Promise<void> {
    const chaos = this.opts.chaos;
    const size = chaos ? 1 + Math.floor(chaos.random() * STREAM_BATCH_SIZE) : STREAM_BATCH_SIZE;
    const batch = this.backlog.slice(0, size);
    const head = batch[0]!.sequenceNumber;
    const attempt = (this.streamAttempts.get(head) ?? 0) + 1;
    this.streamAttempts.set(head, attempt);
    let done = 0;
    try {
      const event: DynamoDBStreamEvent = { Records: batch.map((r) => lambdaRecord(r)) };
      const response = (await this.invoke({ kind: 'stream', fn: STREAM_CONSUMER, attempt }, event)) as DynamoDBBatchResponse;
      const failure = response.batchItemFailures[0]?.itemIdentifier;
      // ReportBatchItemFailures: everything before the first reported record is done.
      done = failure === undefined ? batch.length : batch.findIndex((r) => r.sequenceNumber === failure);
      if (done < 0) throw new Error(`relay reported an unknown record ${failure}`);
    } catch {
      done = 0; // a function error retries the whole batch
    }
    this.backlog.splice(0, done);
    if (done < batch.length && attempt >= STREAM_ATTEMPTS) {
      // Retries exhausted: the mapping sends the batch's coordinates to FailedBatches and moves on.
      this.deadRecords.push(...this.backlog.splice(0, batch.length - done));
    }
  }
}

const lambdaRecords = new WeakMap<StreamRecord, DynamoDBRecord>();

/** A stream record as Lambda hands it to the relay (and as the mapping's filter sees it); marshalled once. */
function lambdaRecord(record: StreamRecord, opts = { clone: true }): DynamoDBRecord {
  let marshalled = lambdaRecords.get(record);
  if (!marshalled) {
    marshalled = toLambdaRecord(record);
    lambdaRecords.set(record, marshalled);
  }
  // The relay gets its own copy, as each Lambda invocation gets its own event.
  return opts.clone ? structuredClone(marshalled) : marshalled;
}

function toLambdaRecord(record: StreamRecord): DynamoDBRecord {
  return {
    eventID: record.sequenceNumber,
    eventName: record.eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      Keys: marshall(record.keys) as never,
      SequenceNumber: record.sequenceNumber,
      StreamViewType: 'NEW_IMAGE' as const,
      ...(record.newImage ? { NewImage: marshall(record.newImage, { removeUndefinedValues: true }) as never } : {}),
    },
  };
}

/** A deterministic random source (mulberry32): the same seed, the same chaos. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
