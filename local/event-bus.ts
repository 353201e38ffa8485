/**
 * A local EventBridge: an HTTP endpoint speaking the PutEvents wire protocol
 * (AWS JSON 1.1), so the unchanged `@aws-sdk/client-eventbridge` client in the
 * handlers reaches it through AWS_ENDPOINT_URL_EVENTBRIDGE, and a router that
 * delivers each accepted event to the subscribers whose rule pattern matches.
 *
 * Like EventBridge, delivery is asynchronous (after PutEvents has answered),
 * the target receives the full envelope, and a failing target is retried and
 * finally dead-lettered (`<dataDir>/dead-letters.jsonl`).
 *
 * Rules can also be made through the API (PutRule, PutTargets) with API destination targets, as the
 * webhook functions do (local/api-destinations.ts): their deliveries are HTTP requests to the partner's
 * endpoint, retried and dead-lettered the same way.
 *
 * Like EventBridge too, an accepted entry survives the process: it is in the
 * journal (bus-journal.ts, fsynced) before PutEvents answers, and a delivery
 * that had not finished when the process stopped or died is made again after
 * a restart, as soon as its rule is subscribed.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiDestinations, DestinationError, type DestinationOperation, NonRetryableDeliveryError } from './api-destinations.ts';
import { BusJournal, type JournalEntry } from './bus-journal.ts';
import { appendDeadLetter, errorMessage } from './dead-letters.ts';
import type { EventEnvelope } from './event-envelope.ts';
import { type EventPatternJson, matchesPattern } from './event-pattern.ts';
import { BodyTooLargeError, readBody } from './http-body.ts';
import type { Log } from './log.ts';
import { closeServer, listenOnLoopback } from './loopback-server.ts';

/** A rule with one target: a function invoked with the envelope. */
export interface Subscriber {
  rule: string;
  /** Name of the target, for logs and dead letters (the function name). */
  target: string;
  pattern: EventPatternJson;
  invoke: (event: EventEnvelope) => Promise<unknown>;
}

export interface Delivery {
  rule: string;
  target: string;
  status: 'pending' | 'delivered' | 'dead-lettered';
  attempts: number;
  /** Message of the last failure, if any. */
  error?: string;
}

/** One accepted PutEvents entry and what became of it: the tests' listener. */
export interface ReceivedEvent {
  busName: string;
  receivedAt: string;
  envelope: EventEnvelope;
  deliveries: Delivery[];
}

export interface RetryPolicy {
  /** Total attempts per target, the first included. */
  attempts: number;
  /** Delay before retry n (1-based) is baseDelayMs × 2^(n-1). */
  baseDelayMs: number;
}

export interface EventBusOptions {
  busName: string;
  region: string;
  dataDir: string;
  log: Log;
  retry?: Partial<RetryPolicy>;
}

const MAX_ENTRIES = 10;
/** Received events kept in memory (oldest dropped first), so a long-running dev server stays bounded. */
const RECEIVED_LOG_SIZE = 1_000;
/** PutEvents rejects requests whose entries total more than 256 KB. */
const MAX_REQUEST_BYTES = 256 * 1024;
const ACCOUNT = '000000000000';
/** How long a stop waits for running deliveries to finish; those still running stay in the journal and run again after a restart. */
const DRAIN_TIMEOUT_MS = 30_000;

interface PutEventsEntry {
  Source?: unknown;
  DetailType?: unknown;
  Detail?: unknown;
  EventBusName?: unknown;
  Time?: unknown;
  Resources?: unknown;
}

type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** The local bus: start it, point AWS_ENDPOINT_URL_EVENTBRIDGE at `url`, subscribe targets. */
export class LocalEventBus {
  /** Accepted entries (the latest 1000), in arrival order, with their deliveries. */
  readonly received: ReceivedEvent[] = [];
  private readonly disabledRules = new Set<string>();
  private readonly subscribers: Subscriber[] = [];
  private readonly changes = new EventEmitter();
  private readonly retry: RetryPolicy;
  private readonly inFlightDeliveries = new Set<Promise<void>>();
  private readonly journal: BusJournal;
  /** Counters since start, for the bench's breakdown: PutEvents calls, time waiting for the journal, deliveries and their time. */
  readonly stats = { putEvents: 0, entries: 0, journalWaitMs: 0, deliveries: 0, deliveryMs: 0 };
  /** Deliveries recovered from the journal whose rule is not subscribed (yet), by rule. */
  private readonly awaitingSubscriber = new Map<string, Array<{ event: ReceivedEvent; delivery: Delivery }>>();
  /** Aborted on stop: cuts retry backoffs short. */
  private readonly stopSignal = new AbortController();
  /** Connections, API destinations and the rules targeting them, made through the API (local/api-destinations.ts). */
  readonly destinations: ApiDestinations;
  private server: Server | undefined;
  private stopped: Promise<void> | undefined;
  private port = 0;

  constructor(private readonly opts: EventBusOptions) {
    this.retry = { attempts: opts.retry?.attempts ?? 3, baseDelayMs: opts.retry?.baseDelayMs ?? 100 };
    this.changes.setMaxListeners(0);
    this.journal = new BusJournal(opts.dataDir);
    for (const entry of this.journal.recovered()) this.recover(entry);
    // After the journal: the rules it restores pick up the deliveries a previous run left unfinished.
    this.destinations = new ApiDestinations({
      dataDir: opts.dataDir,
      region: opts.region,
      account: ACCOUNT,
      busName: opts.busName,
      subscribe: (subscriber) => this.subscribe(subscriber),
      stopSignal: this.stopSignal.signal,
    });
  }

  private get stopping(): boolean {
    return this.stopSignal.signal.aborted;
  }

  /** The journal's own counters (writes and fsyncs). */
  get journalStats(): Readonly<BusJournal['stats']> {
    return this.journal.stats;
  }

  /** Resolves when a stop begins (before running deliveries are drained): lets a test act mid-delivery. */
  get stopRequested(): Promise<void> {
    const signal = this.stopSignal.signal;
    return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }

  /** Deliveries a previous run left unfinished, waiting for their rule to be subscribed. */
  get awaitingRedelivery(): number {
    let count = 0;
    for (const list of this.awaitingSubscriber.values()) count += list.length;
    return count;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Deliveries not yet finished (including those waiting to be retried). */
  get inFlight(): number {
    return this.inFlightDeliveries.size;
  }

  async start(port = 0): Promise<void> {
    ({ server: this.server, port: this.port } = await listenOnLoopback((req, res) => this.handle(req, res), port));
  }

  /**
   * Stops accepting events, lets the invocations already running finish (so
   * whatever they use must still be up: stop the bus before the engines under
   * the consumers) and abandons pending retries, so a stop never waits on a
   * failing target's backoff. Every delivery not finished stays in the
   * journal and is made after the next start. Safe to call twice.
   */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopSignal.abort();
      await closeServer(this.server);
      const drained = await Promise.race([
        Promise.allSettled([...this.inFlightDeliveries]).then(() => true),
        sleep(DRAIN_TIMEOUT_MS, false, { ref: false }),
      ]);
      if (!drained) this.opts.log.warn(`event bus: ${this.inFlight} delivery(ies) still running at stop; they will be made again after a restart`);
      await this.journal.close();
    })();
    return this.stopped;
  }

  /**
   * Disables or enables a rule, as EventBridge's DisableRule/EnableRule: while disabled, events that match it
   * are not delivered to it (nor kept for it). Tests use it to lose a consequence on purpose.
   */
  setRuleEnabled(rule: string, enabled: boolean): void {
    if (enabled) this.disabledRules.delete(rule);
    else this.disabledRules.add(rule);
  }

  /** Adds a rule with one target; returns a function that removes it. Deliveries a previous run left unfinished for this rule start now. */
  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.push(subscriber);
    const recovered = this.awaitingSubscriber.get(subscriber.rule) ?? [];
    this.awaitingSubscriber.delete(subscriber.rule);
    for (const { event, delivery } of recovered) this.startDelivery(event, delivery, subscriber);
    if (recovered.length > 0) this.opts.log.info(`  event bus: redelivering ${recovered.length} event(s) to ${subscriber.target} from the journal`);
    return () => {
      const index = this.subscribers.indexOf(subscriber);
      if (index >= 0) this.subscribers.splice(index, 1);
    };
  }

  /**
   * Resolves with the first received event (already received or arriving
   * later) for which `predicate` holds; re-checked whenever a delivery changes
   * state, so a predicate may also wait for `deliveries[].status`. The
   * timeout only stops a wait that would never end (it is not a speed
   * figure): generous, so a busy machine passes, and below the suite's 120 s test timeout.
   */
  waitFor(predicate: (event: ReceivedEvent) => boolean, timeoutMs = 90_000): Promise<ReceivedEvent> {
    return new Promise((resolveWait, reject) => {
      const check = () => {
        const found = this.received.find(predicate);
        if (!found) return;
        cleanup();
        resolveWait(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.received.map((e) => `${e.envelope['detail-type']} [${e.deliveries.map((d) => `${d.target}:${d.status}`).join(', ')}]`);
        reject(new Error(`no matching event within ${timeoutMs} ms; received: ${seen.length ? seen.join('; ') : 'nothing'}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.changes.off('change', check);
      };
      this.changes.on('change', check);
      check();
    });
  }

  /** Resolves once no delivery is in flight. */
  async idle(): Promise<void> {
    while (this.inFlightDeliveries.size > 0) await Promise.allSettled([...this.inFlightDeliveries]);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (req.method !== 'POST') throw new AwsError('UnknownOperationException', 'Only POST requests are supported');
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.replace(/^AWSEvents\./, '');
      if (operation in this.destinations.operations) {
        const input = parseJson((await readBody(req, MAX_REQUEST_BYTES)).toString('utf8')) as Record<string, unknown> | undefined;
        try {
          return send(res, 200, this.destinations.operations[operation as DestinationOperation](input ?? {}));
        } catch (error) {
          if (error instanceof DestinationError) throw new AwsError(error.type, error.message);
          throw error;
        }
      }
      if (target !== 'AWSEvents.PutEvents') {
        throw new AwsError(
          'UnknownOperationException',
          `The local event bus implements AWSEvents.PutEvents and the API destination operations of local/api-destinations.ts only, not "${target}"`,
        );
      }
      const body = await readBody(req, MAX_REQUEST_BYTES).catch((error: unknown) => {
        if (error instanceof BodyTooLargeError)
          throw new AwsError('ValidationException', 'Total size of the entries in the request is over the limit.');
        throw error;
      });
      const request = parseJson(body.toString('utf8')) as { Entries?: unknown } | undefined;
      const entries = request?.Entries;
      if (!Array.isArray(entries) || entries.length === 0) {
        throw new AwsError(
          'ValidationException',
          "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null",
        );
      }
      if (entries.length > MAX_ENTRIES) {
        throw new AwsError(
          'ValidationException',
          `1 validation error detected: Value '[...]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ENTRIES}`,
        );
      }
      if (this.stopping) throw new AwsError('ServiceUnavailable', 'The local event bus is stopping');
      const checked = entries.map((entry: PutEventsEntry) => this.check(entry));
      const accepted = checked.filter((c): c is Accepted => 'event' in c);
      // On disk before the answer: once the publisher hears "accepted" (and the relay checkpoints), a crash loses nothing.
      const journaling = performance.now();
      this.stats.putEvents++;
      this.stats.entries += accepted.length;
      await this.journal.accept(accepted.map(({ event, targets }) => ({ ...journalFields(event), rules: targets.map((t) => t.rule) })));
      this.stats.journalWaitMs += performance.now() - journaling;
      for (const { event, targets } of accepted) this.route(event, targets);
      const results = checked.map((c): EntryResult => ('event' in c ? { EventId: c.event.envelope.id } : c));
      const failed = results.filter((r) => 'ErrorCode' in r).length;
      send(res, 200, { FailedEntryCount: failed, Entries: results });
    } catch (error) {
      if (error instanceof AwsError) return send(res, 400, { __type: error.type, message: error.message });
      this.opts.log.error('local event bus: PutEvents failed', error);
      send(res, 500, { __type: 'InternalException', message: 'Internal error in the local event bus' });
    }
  }

  /** Validates one entry: the event and the subscribers it goes to, or the entry's error. */
  private check(entry: PutEventsEntry): Accepted | Extract<EntryResult, { ErrorCode: string }> {
    for (const field of ['Source', 'DetailType', 'Detail'] as const) {
      if (typeof entry[field] !== 'string' || entry[field] === '') {
        return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.` };
      }
    }
    const detail = parseJson(entry.Detail as string);
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    const busName = busNameOf(entry.EventBusName);
    const envelope: EventEnvelope = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType as string,
      source: entry.Source as string,
      account: ACCOUNT,
      time: eventTime(entry.Time),
      region: this.opts.region,
      resources: Array.isArray(entry.Resources) ? entry.Resources.map(String) : [],
      detail: detail as Record<string, unknown>,
    };
    const event: ReceivedEvent = { busName, receivedAt: new Date().toISOString(), envelope, deliveries: [] };
    const targets =
      busName === this.opts.busName ? this.subscribers.filter((s) => !this.disabledRules.has(s.rule) && matchesPattern(s.pattern, envelope)) : [];
    if (busName === this.opts.busName && targets.length === 0) this.opts.log.info(`  event "${envelope['detail-type']}" (no rule matches)`);
    if (busName !== this.opts.busName) {
      // EventBridge answers success for an unknown bus and drops the event; say so loudly here.
      this.opts.log.warn(`event "${envelope['detail-type']}" was sent to bus "${busName}", not "${this.opts.busName}": no rule will see it`);
    }
    return { event, targets };
  }

  /**
   * Records a journaled event and schedules its deliveries. Deliveries start
   * after the response, like EventBridge: a publisher never waits for (or
   * learns about) its consumers.
   */
  private route(event: ReceivedEvent, targets: Subscriber[]): void {
    this.remember(event);
    for (const subscriber of targets) {
      const delivery: Delivery = { rule: subscriber.rule, target: subscriber.target, status: 'pending', attempts: 0 };
      event.deliveries.push(delivery);
      this.startDelivery(event, delivery, subscriber);
    }
    this.changes.emit('change');
  }

  /** An entry a previous run accepted: its unfinished deliveries wait for their rules' subscribers. */
  private recover(entry: JournalEntry): void {
    const event: ReceivedEvent = { busName: entry.busName, receivedAt: entry.receivedAt, envelope: entry.envelope, deliveries: [] };
    this.remember(event);
    for (const rule of entry.rules) {
      const delivery: Delivery = { rule, target: rule, status: 'pending', attempts: 0 };
      event.deliveries.push(delivery);
      this.awaitingSubscriber.set(rule, [...(this.awaitingSubscriber.get(rule) ?? []), { event, delivery }]);
    }
  }

  private remember(event: ReceivedEvent): void {
    this.received.push(event);
    if (this.received.length > RECEIVED_LOG_SIZE) this.received.shift();
  }

  private startDelivery(event: ReceivedEvent, delivery: Delivery, subscriber: Subscriber): void {
    delivery.target = subscriber.target;
    // Counted in `inFlight` at once; started only after the current turn (the PutEvents response is sent first).
    this.track(new Promise<void>((done) => setImmediate(() => void this.deliver(event, delivery, subscriber).finally(done))));
  }

  /** Marks the delivery finished in the journal, so a restart does not make it again. */
  private finished(event: ReceivedEvent, delivery: Delivery): void {
    this.journal.done(event.envelope.id, delivery.rule).catch((error: unknown) => {
      this.opts.log.warn(
        `event bus: could not journal the delivery of ${event.envelope.id} (it may be made again after a restart): ${errorMessage(error)}`,
      );
    });
  }

  private track(delivery: Promise<void>): void {
    this.inFlightDeliveries.add(delivery);
    void delivery.finally(() => {
      this.inFlightDeliveries.delete(delivery);
      this.changes.emit('change');
    });
  }

  private async deliver(event: ReceivedEvent, delivery: Delivery, subscriber: Subscriber): Promise<void> {
    let attempts = this.retry.attempts;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (this.stopping) return;
      delivery.attempts = attempt;
      const started = performance.now();
      this.stats.deliveries++;
      try {
        await subscriber.invoke(event.envelope).finally(() => {
          this.stats.deliveryMs += performance.now() - started;
        });
        delivery.status = 'delivered';
        delete delivery.error;
        this.finished(event, delivery);
        this.changes.emit('change');
        const retried = attempt > 1 ? ` (attempt ${attempt})` : '';
        this.opts.log.info(`  event "${event.envelope['detail-type']}" → ${subscriber.target}${retried}`);
        return;
      } catch (error) {
        delivery.error = errorMessage(error);
        this.changes.emit('change');
        // As EventBridge: a target's answer that retrying cannot change (an API destination's 400, 403, 404…) dead-letters at once.
        if (error instanceof NonRetryableDeliveryError) attempts = attempt;
        if (attempt < attempts) {
          await sleep(this.retry.baseDelayMs * 2 ** (attempt - 1), undefined, { signal: this.stopSignal.signal }).catch(() => undefined);
        }
      }
    }
    if (this.stopping) return; // the last attempt may have been cut short: the next run decides
    delivery.status = 'dead-lettered';
    appendDeadLetter(this.opts.dataDir, {
      source: 'event-bus',
      target: `${delivery.rule} → ${delivery.target}`,
      attempts: delivery.attempts,
      error: delivery.error ?? 'unknown error',
      failedAt: new Date().toISOString(),
      payload: event.envelope,
    });
    this.finished(event, delivery);
    this.opts.log.error(
      `event bus: "${event.envelope['detail-type']}" ${event.envelope.id} dead-lettered after ${delivery.attempts} attempts to ${delivery.target} (${delivery.rule})`,
      delivery.error,
    );
    this.changes.emit('change');
  }
}

type Accepted = { event: ReceivedEvent; targets: Subscriber[] };

function journalFields(event: ReceivedEvent): Omit<JournalEntry, 'rules'> {
  return { busName: event.busName, receivedAt: event.receivedAt, envelope: event.envelope };
}

/** `EventBusName` may be a name or an ARN; absent means the default bus. */
function busNameOf(value: unknown): string {
  if (typeof value !== 'string' || value === '') return 'default';
  return value.startsWith('arn:') ? (value.split('/').pop() ?? value) : value;
}

/** The SDK sends `Time` as epoch seconds; EventBridge's `time` has second precision, in UTC. */
function eventTime(value: unknown): string {
  const date = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : new Date();
  const valid = Number.isNaN(date.getTime()) ? new Date() : date;
  return valid.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
    ...(status >= 400 ? { 'x-amzn-errortype': (body as { __type: string }).__type } : {}),
  });
  res.end(payload);
}
