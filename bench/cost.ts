/**
 * Cost per million operations at the list prices of prices.ts, from what the
 * run measured: DynamoDB capacity per operation, events, Lambda invocations
 * with their measured duration and module init, at the memory the CDK app
 * sets. Next to each, the floor: the same operation done by the least any
 * design could do on these services (see dynamodb-work.ts for the floors' DynamoDB work).
 */
import type { ColdStartResult } from './cold-start.ts';
import { FLOOR } from './cold-start.ts';
import { type DynamoDbWorkResult, OPERATIONS, type OperationWork } from './dynamodb-work.ts';
import type { RawDynamoDbRate } from './pipeline.ts';
import { ASSUMPTIONS, PRICES } from './prices.ts';
import { ratio, sum } from './stats.ts';

interface Invocation {
  fn: string;
  /** Invocations per operation (may be fractional: an event that fires for some sources only). */
  count: number;
  durationMs: number;
}

interface Bill {
  httpRequests: number;
  invocations: Invocation[];
  rcu: number;
  wcu: number;
  events: number;
}

export interface CostBreakdown {
  httpApi: number;
  lambdaRequests: number;
  lambdaDuration: number;
  dynamoDb: number;
  eventBridge: number;
  total: number;
}

export interface CostRow {
  operation: string;
  /** US dollars per million operations. */
  perMillion: CostBreakdown;
  floorPerMillion: CostBreakdown;
  ratio: number;
  /** What was billed, in words. */
  basis: string;
  floorBasis: string;
}

function perMillion(bill: Bill, initMs: (fn: string) => number, memoryMb: number): CostBreakdown {
  const gb = memoryMb / 1024;
  // Lambda bills duration per started millisecond; a cold start (a stated share of invocations) also bills its init.
  const gbSeconds = bill.invocations.reduce(
    (total, inv) => total + (inv.count * gb * (Math.ceil(inv.durationMs) + ASSUMPTIONS.coldStartShare * initMs(inv.fn))) / 1000,
    0,
  );
  const lambdaInvocations = bill.invocations.reduce((n, inv) => n + inv.count, 0);
  const b = {
    httpApi: bill.httpRequests * PRICES.httpApiPerMillionRequests,
    lambdaRequests: lambdaInvocations * PRICES.lambdaPerMillionRequests,
    lambdaDuration: gbSeconds * PRICES.lambdaPerGbSecondArm64 * 1e6,
    dynamoDb: bill.rcu * PRICES.dynamoDbPerMillionReadUnits + bill.wcu * PRICES.dynamoDbPerMillionWriteUnits,
    eventBridge: bill.events * PRICES.eventBridgePerMillionEvents,
  };
  return { ...b, total: b.httpApi + b.lambdaRequests + b.lambdaDuration + b.dynamoDb + b.eventBridge };
}

const describe = (bill: Bill) =>
  [
    bill.httpRequests ? `${bill.httpRequests} HTTP API request` : '',
    bill.invocations
      .map((i) => `${i.count === 1 ? '' : `${+i.count.toFixed(2)}× `}${i.fn === FLOOR ? 'a bare handler' : i.fn} (${Math.ceil(i.durationMs)} ms)`)
      .join(' + '),
    `${+bill.rcu.toFixed(2)} RCU + ${+bill.wcu.toFixed(2)} WCU`,
    bill.events ? `${+bill.events.toFixed(2)} event${bill.events === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');

export function costModel(input: { cold: ColdStartResult; work: DynamoDbWorkResult; raw: RawDynamoDbRate }): CostRow[] {
  const { cold, work, raw } = input;
  const op = (name: string) => {
    const found = work.operations.find((o) => o.name === name);
    if (!found) throw new Error(`no measured operation "${name}"`);
    return found;
  };
  const init = (fn: string) => cold.rows.find((r) => r.name === fn)?.initMs ?? 0;
  const relay = (events: number): Invocation[] =>
    events ? [{ fn: 'relay-events', count: events * ASSUMPTIONS.relayInvocationsPerEvent, durationMs: ASSUMPTIONS.relayDurationMs }] : [];
  const floorFn = (durationMs: number, count = 1): Invocation[] => (count ? [{ fn: FLOOR, count, durationMs }] : []);
  const units = (o: OperationWork) => ({ rcu: o.rcu, wcu: o.wcu });
  const floorUnits = (o: OperationWork) => ({ rcu: o.floor.rcu, wcu: o.floor.wcu });

  const scoring = op(OPERATIONS.scoring);
  const check = op(OPERATIONS.check);
  const rows: Array<[string, Bill, Bill]> = [];
  for (const [name, fn] of [
    [OPERATIONS.anonymous, 'get-briefing'],
    [OPERATIONS.translated, 'get-briefing'],
    [OPERATIONS.member, 'get-briefing'],
    [OPERATIONS.list, 'list-briefings'],
    [OPERATIONS.listFiltered, 'list-briefings'],
    [OPERATIONS.feed, 'get-briefing-feed'],
  ] as const) {
    // The translated read is measured only when the demo data has a translated briefing.
    if (name === OPERATIONS.translated && !work.operations.some((o) => o.name === name)) continue;
    const o = op(name);
    rows.push([
      name,
      { httpRequests: 1, invocations: [{ fn, count: 1, durationMs: o.latencyMs }], ...units(o), events: 0 },
      { httpRequests: 1, invocations: floorFn(fn === 'get-briefing' ? raw.getMsP50 : raw.queryMsP50), ...floorUnits(o), events: 0 },
    ]);
  }
  const ingest = op(OPERATIONS.ingest);
  rows.push([
    'POST /sources',
    {
      httpRequests: 1,
      invocations: [{ fn: 'ingest-source', count: 1, durationMs: ingest.latencyMs }, ...relay(ingest.events)],
      ...units(ingest),
      events: ingest.events,
    },
    { httpRequests: 1, invocations: floorFn(raw.putMsP50), ...floorUnits(ingest), events: 0 },
  ]);
  rows.push([
    'scoring one source',
    {
      httpRequests: 0,
      invocations: [
        { fn: 'score-briefing', count: 1, durationMs: scoring.latencyMs },
        ...relay(scoring.events),
        { fn: 'auto-publish-briefing', count: scoring.events, durationMs: check.latencyMs },
      ],
      rcu: scoring.rcu + check.rcu,
      wcu: scoring.wcu + check.wcu,
      events: scoring.events,
    },
    { httpRequests: 0, invocations: floorFn(raw.putMsP50), ...floorUnits(scoring), events: 0 },
  ]);
  const publish = op(OPERATIONS.publish);
  rows.push([
    'publishing one briefing',
    {
      httpRequests: 1,
      invocations: [{ fn: 'publish-briefing', count: 1, durationMs: publish.latencyMs }, ...relay(publish.events)],
      ...units(publish),
      events: publish.events,
    },
    // Briefing Published is the product's announcement: even the floor puts it on the bus.
    { httpRequests: 1, invocations: floorFn(raw.putMsP50), ...floorUnits(publish), events: 1 },
  ]);
  // Briefing Published → alert-followers: one invocation per publish (a page of followers; a larger following is priced by bench/fan-out.ts), one write per follower.
  const alerts = op(OPERATIONS.alerts);
  rows.push([
    OPERATIONS.alerts,
    { httpRequests: 0, invocations: [{ fn: 'alert-followers', count: 1, durationMs: alerts.latencyMs }], ...units(alerts), events: 0 },
    { httpRequests: 0, invocations: floorFn(raw.putMsP50), ...floorUnits(alerts), events: 0 },
  ]);

  return rows.map(([operation, bill, floor]) => {
    const mine = perMillion(bill, init, cold.memoryMb);
    const least = perMillion(floor, init, cold.memoryMb);
    return {
      operation,
      perMillion: mine,
      floorPerMillion: least,
      ratio: ratio(mine.total, least.total),
      basis: describe(bill),
      floorBasis: describe(floor),
    };
  });
}

/** What a daily digest run measured (bench/digest.ts): emails sent, DynamoDB work, invocations and queue traffic. */
export interface EmailRun {
  emails: number;
  rru: number;
  wru: number;
  /** Per function: invocations and their summed wall time. */
  invocations: Array<{ count: number; ms: number }>;
  /** Messages sent to the queues, and deliveries of batches to their consumers. */
  sqsMessages: number;
  sqsDeliveries: number;
}

/**
 * Cost per million emails of the digest (docs/email.md, docs/performance.md): SES per email, the DynamoDB work and
 * Lambda time measured per email, and SQS requests (sends batched by ten; each delivery a receive and a delete).
 * The floor: SES, the send's claim written once (1 WRU), and the member's preference, tier and alerts read once
 * (1.5 RRU); the briefings are read once per invocation and shared, so they are left out of it.
 */
export function emailCost(run: EmailRun, memoryMb = 256) {
  const per = 1_000_000 / Math.max(1, run.emails);
  const gbSeconds = sum(run.invocations.map((i) => (i.ms / 1000) * (memoryMb / 1024)));
  const ses = PRICES.sesPerMillionEmails;
  const dynamoDb = ((run.rru * PRICES.dynamoDbPerMillionReadUnits + run.wru * PRICES.dynamoDbPerMillionWriteUnits) * per) / 1e6;
  const lambda =
    (sum(run.invocations.map((i) => i.count)) * per * PRICES.lambdaPerMillionRequests) / 1e6 + gbSeconds * per * PRICES.lambdaPerGbSecondArm64;
  const sqs = ((run.sqsMessages / 10 + 2 * run.sqsDeliveries) * per * PRICES.sqsPerMillionRequests) / 1e6;
  const total = ses + dynamoDb + lambda + sqs;
  const floorBeyondSes = PRICES.dynamoDbPerMillionWriteUnits + 1.5 * PRICES.dynamoDbPerMillionReadUnits;
  const floor = ses + floorBeyondSes;
  return {
    ses,
    dynamoDb,
    lambda,
    sqs,
    total,
    floor,
    ratio: total / floor,
    beyondSes: total - ses,
    floorBeyondSes,
    ratioBeyondSes: (total - ses) / floorBeyondSes,
  };
}

/** What `npm run bench:webhooks` measured of the deliveries of some publications to some partners (bench/webhooks.ts). */
export interface WebhookRun {
  deliveries: number;
  /** Invocations of prepare-webhook-deliveries (one per publication) and their median duration. */
  prepareInvocations: number;
  prepareMs: number;
  /** Module init of prepare-webhook-deliveries (a cold start's share is billed as for every function). */
  prepareInitMs: number;
  /** DynamoDB units prepare-webhook-deliveries used, in all. */
  rcu: number;
  wcu: number;
  /** Mean size of a Webhook Delivery Requested event (detail with the body) and of a delivered body. */
  eventBytes: number;
  bodyBytes: number;
  memoryMb: number;
}

export interface WebhookCost {
  /** US dollars per million deliveries. */
  perMillion: { lambda: number; dynamoDb: number; eventBridge: number; apiDestinations: number; total: number };
  /** The least a design on API destinations does: one event put and one API destination invocation per delivery. */
  floorPerMillion: number;
  ratio: number;
  /** Not in the total (no other row counts egress): the bodies' data transfer out, per million deliveries. */
  dataTransferOutPerMillion: number;
}

/**
 * Cost per million webhook deliveries (issue 17.3): prepare-webhook-deliveries (one invocation per publication,
 * shared by the partners it matches) with its DynamoDB reads, one event per delivery (64 KB chunks) and one API
 * destination invocation per delivery (64 KB chunks). Retries are not priced (each is another invocation).
 */
export function webhookCost(run: WebhookRun): WebhookCost {
  const perDelivery = 1 / run.deliveries;
  const chunks = (bytes: number) => Math.max(1, Math.ceil(bytes / (64 * 1024)));
  const gbSeconds =
    run.prepareInvocations * (run.memoryMb / 1024) * ((Math.ceil(run.prepareMs) + ASSUMPTIONS.coldStartShare * run.prepareInitMs) / 1000);
  const m = {
    lambda: run.prepareInvocations * perDelivery * PRICES.lambdaPerMillionRequests + gbSeconds * perDelivery * PRICES.lambdaPerGbSecondArm64 * 1e6,
    dynamoDb: (run.rcu * PRICES.dynamoDbPerMillionReadUnits + run.wcu * PRICES.dynamoDbPerMillionWriteUnits) * perDelivery,
    eventBridge: chunks(run.eventBytes) * PRICES.eventBridgePerMillionEvents,
    apiDestinations: chunks(run.bodyBytes) * PRICES.apiDestinationPerMillionInvocations,
  };
  const total = m.lambda + m.dynamoDb + m.eventBridge + m.apiDestinations;
  const floor = PRICES.eventBridgePerMillionEvents + PRICES.apiDestinationPerMillionInvocations;
  return {
    perMillion: { ...m, total },
    floorPerMillion: floor,
    ratio: ratio(total, floor),
    dataTransferOutPerMillion: ((run.bodyBytes * 1e6) / 1e9) * PRICES.dataTransferOutPerGb,
  };
}
