/**
 * Generated stories for the pipeline: a few draft briefings (some with an
 * auto-publish rule, some that can never be complete), then rounds of analyst
 * and editor requests through the real HTTP handlers, each round followed by
 * the pipeline running until it is quiet. Sources reuse a small pool of URLs,
 * so duplicates (409, no event) happen too.
 */

import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { GRADES, type Grade, SOURCE_KINDS, type SourceKind, STANCES, type Stance } from '#domain/scoring.ts';
import { toItems as briefingItems } from '#functions/commons/table/briefings.ts';
import { toItem as entitlementItem } from '#functions/commons/table/entitlements.ts';
import { entitlements } from '#functions/commons/viewer.ts';
import { recordFor } from '#test/support/entitlements.ts';
import { briefingInput, draft, sourceText } from '#test/support/fixtures.ts';
import { claimsFor, httpEvent } from '#test/support/lambda.ts';
import { type Chaos, type FaultPlan, World } from './simulated-aws.ts';

export const ANALYST = claimsFor('analyst-1', ['analysts']);
export const EDITOR = claimsFor('editor-1', ['editors']);

export interface BriefingSpec {
  autoPublish?: Grade;
  /** False: the operating surface names no affected party, so it never becomes complete. */
  complete: boolean;
}

export type Op = { kind: 'ingest'; briefing: number; source: number; sourceKind: SourceKind; stance: Stance } | { kind: 'publish'; briefing: number };

export interface Scenario {
  briefings: BriefingSpec[];
  rounds: Op[][];
}

const briefingArb = fc.record(
  { autoPublish: fc.option(fc.constantFrom(...GRADES), { nil: undefined }), complete: fc.boolean() },
  { requiredKeys: ['complete'] },
);

const opArb = (briefings: number): fc.Arbitrary<Op> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('ingest' as const),
        briefing: fc.nat(briefings - 1),
        source: fc.nat(5),
        sourceKind: fc.constantFrom(...SOURCE_KINDS),
        stance: fc.constantFrom(...STANCES),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('publish' as const), briefing: fc.nat(briefings - 1) }) },
  );

/** 1-3 briefings, 1-4 rounds of 1-4 requests. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc.array(briefingArb, { minLength: 1, maxLength: 3 }).chain((briefings) =>
  fc.record({
    briefings: fc.constant(briefings),
    rounds: fc.array(fc.array(opArb(briefings.length), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
  }),
);

export const briefingIdOf = (i: number) => `b-${i}`;

export function ingestBody(op: Extract<Op, { kind: 'ingest' }>) {
  const n = op.source;
  return {
    briefingId: briefingIdOf(op.briefing),
    url: `https://news${n}.example.com/story-${n}`,
    publisher: `Outlet ${n}`,
    kind: op.sourceKind,
    stance: op.stance,
    title: `Story ${n}`,
    excerpt: sourceText(n),
    publishedAt: '2026-06-19T08:00:00Z',
  };
}

export interface Outcome {
  statuses: number[];
  table: Array<Record<string, unknown>>;
  announced: Array<[string, unknown]>;
  world: World;
}

export interface PlayOptions {
  mocks: { ddb: AwsClientStub<DynamoDBDocumentClient>; bus: AwsClientStub<EventBridgeClient> };
  chaos?: Chaos;
  faults?: FaultPlan;
  /** Redrive the failure queues at the end of every round, as an operator would once the fault is fixed. */
  redrive?: boolean;
}

export const TABLE_NAME = process.env['TABLE_NAME']!;
export const BUS_NAME = process.env['EVENT_BUS_NAME']!;

/** A world with the scenario's briefings and the staff's entitlement records, nothing else. */
export async function worldFor(scenario: Pick<Scenario, 'briefings'>, opts: PlayOptions): Promise<World> {
  const world = await World.create(opts.mocks, {
    tableName: TABLE_NAME,
    busName: BUS_NAME,
    ...(opts.chaos ? { chaos: opts.chaos } : {}),
    ...(opts.faults ? { faults: opts.faults } : {}),
  });
  entitlements.clear();
  for (const claims of [ANALYST, EDITOR]) world.table.seed(entitlementItem(recordFor(claims)));
  scenario.briefings.forEach((spec, i) => {
    const sections = spec.complete
      ? {}
      : {
          sections: {
            ...briefingInput().sections,
            operatingSurface: { affectedParties: [], operatingSurface: 'Backhaul routes', marketExposure: 'Wholesale capacity' },
          },
        };
    for (const item of briefingItems(
      draft({ ...sections, ...(spec.autoPublish ? { autoPublish: { minGrade: spec.autoPublish, approvedBy: 'editor-1' } } : {}) }, briefingIdOf(i)),
    )) {
      world.table.seed(item);
    }
  });
  return world;
}

/** Sends one request through its real handler; retries 5xx as a client would (the attempt number reaches the fault plan). */
export async function request(world: World, op: Op, headers: Record<string, string> = {}): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const event = eventFor(op);
    event.headers = { ...event.headers, ...headers };
    const result = await world.http<{ statusCode: number }>(op.kind === 'ingest' ? 'ingest-source' : 'publish-briefing', event, attempt);
    if (result.statusCode < 500 || attempt >= 10) return result.statusCode;
  }
}

function eventFor(op: Op) {
  if (op.kind === 'ingest') return httpEvent({ method: 'POST', path: '/sources', body: ingestBody(op), claims: ANALYST });
  const briefingId = briefingIdOf(op.briefing);
  return httpEvent({
    method: 'POST',
    path: `/briefings/${briefingId}/publish`,
    routeKey: 'POST /briefings/{briefingId}/publish',
    pathParameters: { briefingId },
    claims: EDITOR,
  });
}

/** Plays a scenario round by round and returns what it left behind. */
export async function play(scenario: Scenario, opts: PlayOptions): Promise<Outcome> {
  const world = await worldFor(scenario, opts);
  const statuses: number[] = [];
  for (const round of scenario.rounds) {
    world.nextRound();
    for (const op of round) statuses.push(await request(world, op));
    await world.drain();
    if (opts.redrive) await world.redriveDeadLetters();
  }
  await world.finish();
  if (opts.redrive) await world.redriveDeadLetters();
  return {
    statuses,
    table: world.table.snapshot().map(withoutCorrelation),
    announced: [...world.announced()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, e]) => [id, { ...e, detail: withoutCorrelation(e.detail) }]),
    world,
  };
}

/**
 * State without correlation ids. They record which request or event caused a
 * write; when two deliveries race, either may be the cause (both would produce
 * the same write), so a reordered run may credit another one. They are
 * metadata for the logs, not state, and correlation.test.ts checks them.
 */
function withoutCorrelation<T extends Record<string, unknown>>(item: T): T {
  const { correlationId, ...rest } = item;
  return rest as T;
}
