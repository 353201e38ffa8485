/**
 * EventBridge API destinations on the local bus: the control-plane operations the webhook functions send
 * (CreateConnection, CreateApiDestination, PutRule, PutTargets and their deletes), and the deliveries of
 * a rule whose target is an API destination, made as EventBridge makes them:
 *
 * - the body from the target's input transformer (a string value fills its placeholder unescaped), its
 *   InputPath, its constant Input, or else the whole event;
 * - headers: the connection's API key, and the target's `HttpParameters.HeaderParameters`, a JSON path
 *   (`$.detail.signature`) taken from the event, or a constant;
 * - at most the destination's `InvocationRateLimitPerSecond`;
 * - a 2xx is delivered; 401, 407, 409, 429 and 5xx (and no answer in 5 s) are retried by the bus; any
 *   other answer is not retried: the delivery is dead-lettered at once (local/dead-letters.ts).
 *
 * Locally an endpoint may be `http://127.0.0.1` (AWS requires https; the webhook functions check that in a
 * deployment). What was made is kept in `<dataDir>/api-destinations.json`, so it outlives a restart.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventEnvelope } from './event-envelope.ts';
import type { EventPatternJson } from './event-pattern.ts';

/** An error the bus must not retry (EventBridge retries only some HTTP answers of an API destination). */
export class NonRetryableDeliveryError extends Error {}

/** A control-plane call EventBridge would refuse: `type` is the AWS error code. */
export class DestinationError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the operations' inputs are AWS JSON, read by their documented shape
type Json = Record<string, any>;

interface Connection {
  name: string;
  arn: string;
  apiKeyName?: string;
  apiKeyValue?: string;
}

interface ApiDestination {
  name: string;
  arn: string;
  connectionArn: string;
  endpoint: string;
  method: string;
  ratePerSecond: number;
}

interface Rule {
  name: string;
  busName: string;
  pattern: EventPatternJson;
  targets: Json[];
}

interface State {
  connections: Connection[];
  apiDestinations: ApiDestination[];
  rules: Rule[];
}

/** What the bus lends: its subscribe (returns an unsubscribe). */
export interface ApiDestinationsOptions {
  dataDir: string;
  region: string;
  account: string;
  busName: string;
  subscribe: (subscriber: {
    rule: string;
    target: string;
    pattern: EventPatternJson;
    invoke: (event: EventEnvelope) => Promise<unknown>;
  }) => () => void;
  stopSignal: AbortSignal;
}

/** An API destination's answer EventBridge retries (the rest of 4xx it does not). */
const RETRIED_STATUSES = new Set([401, 407, 409, 429]);
/** An API destination's client timeout. */
const TIMEOUT_MS = 5_000;

export type DestinationOperation =
  | 'CreateConnection'
  | 'DeleteConnection'
  | 'CreateApiDestination'
  | 'DeleteApiDestination'
  | 'PutRule'
  | 'DeleteRule'
  | 'PutTargets'
  | 'RemoveTargets';

export class ApiDestinations {
  private readonly state: State = { connections: [], apiDestinations: [], rules: [] };
  private readonly unsubscribe = new Map<string, () => void>();
  /** Per destination: when its next request may start (ms), for the rate limit. */
  private readonly nextSlot = new Map<string, number>();
  /** Every delivery request made (the tests' and the bench's count). */
  readonly sent: Array<{ destination: string; status: number | 'timeout' | 'error' }> = [];

  readonly operations: Record<DestinationOperation, (input: Json) => Json>;

  constructor(private readonly opts: ApiDestinationsOptions) {
    const file = this.file;
    if (existsSync(file)) Object.assign(this.state, JSON.parse(readFileSync(file, 'utf8')) as State);
    for (const rule of this.state.rules) this.activate(rule);
    this.operations = {
      CreateConnection: (input) => this.createConnection(input),
      DeleteConnection: (input) => this.remove('connections', String(input['Name']), 'Connection'),
      CreateApiDestination: (input) => this.createApiDestination(input),
      DeleteApiDestination: (input) => this.remove('apiDestinations', String(input['Name']), 'ApiDestination'),
      PutRule: (input) => this.putRule(input),
      DeleteRule: (input) => this.deleteRule(input),
      PutTargets: (input) => this.putTargets(input),
      RemoveTargets: (input) => this.removeTargets(input),
    };
  }

  /** The rules made through the API, by name (the tests look at their targets). */
  get rules(): readonly Rule[] {
    return this.state.rules;
  }

  get apiDestinations(): readonly ApiDestination[] {
    return this.state.apiDestinations;
  }

  private get file(): string {
    return join(this.opts.dataDir, 'api-destinations.json');
  }

  private arn(resource: string): string {
    return `arn:aws:events:${this.opts.region}:${this.opts.account}:${resource}`;
  }

  private save(): void {
    const partial = `${this.file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(this.state));
    renameSync(partial, this.file);
  }

  private createConnection(input: Json): Json {
    const name = requireName(input['Name']);
    if (this.state.connections.some((c) => c.name === name))
      throw new DestinationError('ResourceAlreadyExistsException', `Connection ${name} already exists.`);
    const key = input['AuthParameters']?.['ApiKeyAuthParameters'] as Json | undefined;
    const connection: Connection = {
      name,
      arn: this.arn(`connection/${name}/${randomUUID()}`),
      ...(key ? { apiKeyName: String(key['ApiKeyName']), apiKeyValue: String(key['ApiKeyValue']) } : {}),
    };
    this.state.connections.push(connection);
    this.save();
    const now = Date.now() / 1000;
    return { ConnectionArn: connection.arn, ConnectionState: 'AUTHORIZED', CreationTime: now, LastModifiedTime: now };
  }

  private createApiDestination(input: Json): Json {
    const name = requireName(input['Name']);
    if (this.state.apiDestinations.some((d) => d.name === name)) {
      throw new DestinationError('ResourceAlreadyExistsException', `ApiDestination ${name} already exists.`);
    }
    const connectionArn = String(input['ConnectionArn'] ?? '');
    if (!this.state.connections.some((c) => c.arn === connectionArn))
      throw new DestinationError('ResourceNotFoundException', `Connection ${connectionArn} does not exist.`);
    const destination: ApiDestination = {
      name,
      arn: this.arn(`api-destination/${name}/${randomUUID()}`),
      connectionArn,
      endpoint: String(input['InvocationEndpoint']),
      method: String(input['HttpMethod'] ?? 'POST'),
      ratePerSecond: Number(input['InvocationRateLimitPerSecond'] ?? 300),
    };
    this.state.apiDestinations.push(destination);
    this.save();
    const now = Date.now() / 1000;
    return { ApiDestinationArn: destination.arn, ApiDestinationState: 'ACTIVE', CreationTime: now, LastModifiedTime: now };
  }

  private remove(kind: 'connections' | 'apiDestinations', name: string, what: string): Json {
    const list = this.state[kind] as Array<{ name: string }>;
    const index = list.findIndex((x) => x.name === name);
    if (index < 0) throw new DestinationError('ResourceNotFoundException', `${what} ${name} does not exist.`);
    list.splice(index, 1);
    this.save();
    return {};
  }

  private busOf(input: Json): string {
    const bus = String(input['EventBusName'] ?? 'default');
    return bus.startsWith('arn:') ? (bus.split('/').pop() ?? bus) : bus;
  }

  private putRule(input: Json): Json {
    const name = requireName(input['Name']);
    const busName = this.busOf(input);
    const pattern = JSON.parse(String(input['EventPattern'])) as EventPatternJson;
    const existing = this.state.rules.find((r) => r.name === name && r.busName === busName);
    if (existing) existing.pattern = pattern;
    else this.state.rules.push({ name, busName, pattern, targets: [] });
    this.save();
    this.activate(this.state.rules.find((r) => r.name === name && r.busName === busName)!);
    return { RuleArn: this.arn(`rule/${busName}/${name}`) };
  }

  private ruleOf(input: Json, field: 'Name' | 'Rule'): Rule {
    const name = String(input[field]);
    const rule = this.state.rules.find((r) => r.name === name && r.busName === this.busOf(input));
    if (!rule) throw new DestinationError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus ${this.busOf(input)}.`);
    return rule;
  }

  private deleteRule(input: Json): Json {
    const rule = this.ruleOf(input, 'Name');
    if (rule.targets.length > 0) throw new DestinationError('ValidationException', "Rule can't be deleted since it has targets.");
    this.state.rules.splice(this.state.rules.indexOf(rule), 1);
    this.unsubscribe.get(rule.name)?.();
    this.unsubscribe.delete(rule.name);
    this.save();
    return {};
  }

  private putTargets(input: Json): Json {
    const rule = this.ruleOf(input, 'Rule');
    for (const target of (input['Targets'] ?? []) as Json[]) {
      rule.targets = [...rule.targets.filter((t) => t['Id'] !== target['Id']), target];
    }
    this.save();
    return { FailedEntryCount: 0, FailedEntries: [] };
  }

  private removeTargets(input: Json): Json {
    const rule = this.ruleOf(input, 'Rule');
    const ids = new Set((input['Ids'] ?? []) as string[]);
    rule.targets = rule.targets.filter((t) => !ids.has(String(t['Id'])));
    this.save();
    return { FailedEntryCount: 0, FailedEntries: [] };
  }

  /** Subscribes a rule to the bus (once); its deliveries go to whatever targets it has when an event arrives. */
  private activate(rule: Rule): void {
    if (rule.busName !== this.opts.busName || this.unsubscribe.has(rule.name)) return;
    const off = this.opts.subscribe({
      rule: rule.name,
      target: `api-destination ${rule.name}`,
      // The bus reads the pattern at each event: a PutRule that changes it takes effect at once.
      get pattern() {
        return rule.pattern;
      },
      invoke: async (event) => {
        for (const target of rule.targets) await this.invoke(target, event);
      },
    });
    this.unsubscribe.set(rule.name, off);
  }

  /** One HTTP request of an API destination target; throws what the bus should retry or not. */
  private async invoke(target: Json, event: EventEnvelope): Promise<void> {
    const destination = this.state.apiDestinations.find((d) => d.arn === target['Arn']);
    if (!destination) throw new NonRetryableDeliveryError(`the target's API destination ${String(target['Arn'])} does not exist`);
    const connection = this.state.connections.find((c) => c.arn === destination.connectionArn);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Amazon/EventBridge/ApiDestinations' };
    if (connection?.apiKeyName && connection.apiKeyValue) headers[connection.apiKeyName.toLowerCase()] = connection.apiKeyValue;
    for (const [name, value] of Object.entries((target['HttpParameters']?.['HeaderParameters'] ?? {}) as Record<string, string>)) {
      const resolved = value.startsWith('$.') ? valueAt(event, value) : value;
      if (resolved !== undefined) headers[name.toLowerCase()] = typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
    }
    await this.waitForSlot(destination);
    let status: number;
    try {
      const response = await fetch(destination.endpoint, {
        method: destination.method,
        headers,
        body: bodyOf(target, event),
        signal: AbortSignal.any([AbortSignal.timeout(TIMEOUT_MS), this.opts.stopSignal]),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      this.sent.push({ destination: destination.name, status: 'error' });
      throw new Error(`API destination ${destination.name}: no answer from ${destination.endpoint} (${(error as Error).message})`);
    }
    this.sent.push({ destination: destination.name, status });
    if (status >= 200 && status < 300) return;
    const message = `API destination ${destination.name}: ${destination.endpoint} answered ${status}`;
    if (status >= 500 || RETRIED_STATUSES.has(status)) throw new Error(message);
    throw new NonRetryableDeliveryError(message);
  }

  /** The destination's rate limit: requests start at least 1/rate seconds apart. */
  private async waitForSlot(destination: ApiDestination): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(destination.arn) ?? 0);
    this.nextSlot.set(destination.arn, slot + 1000 / Math.max(1, destination.ratePerSecond));
    if (slot > now) await sleep(slot - now, undefined, { signal: this.opts.stopSignal }).catch(() => undefined);
  }
}

function requireName(value: unknown): string {
  const name = String(value ?? '');
  if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(name)) throw new DestinationError('ValidationException', `Name "${name}" must match [.\\-_A-Za-z0-9]+ (1-64).`);
  return name;
}

/** The value at a JSON path of dot notation (`$.detail.body`), as EventBridge's input paths read it. */
function valueAt(event: unknown, path: string): unknown {
  let value: unknown = event;
  for (const key of path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)) {
    value = value !== null && typeof value === 'object' ? (value as Json)[key] : undefined;
  }
  return value;
}

/**
 * The request body of a target: its input transformer's template with each `<name>` filled (a string value
 * inserted as it is, unescaped, other values as JSON), its InputPath's value, its constant Input, or the event.
 */
function bodyOf(target: Json, event: EventEnvelope): string {
  const transformer = target['InputTransformer'] as Json | undefined;
  if (transformer) {
    const paths = (transformer['InputPathsMap'] ?? {}) as Record<string, string>;
    return String(transformer['InputTemplate']).replace(/<([\w.-]+)>/g, (placeholder, name: string) => {
      if (!(name in paths)) return placeholder;
      const value = valueAt(event, paths[name]!);
      return typeof value === 'string' ? value : JSON.stringify(value ?? null);
    });
  }
  if (typeof target['InputPath'] === 'string') return JSON.stringify(valueAt(event, target['InputPath']));
  if (typeof target['Input'] === 'string') return target['Input'];
  return JSON.stringify(event);
}
