/**
 * Proof: faults lose nothing and apply nothing twice. Each story runs through
 * the real handlers twice, fault-free and with a fault injected, and must end
 * in the same table with the same events announced. The named cases show one
 * fault each; the last test injects all of them at random, over random
 * stories delivered in random order with duplicates.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BriefingPublished, BriefingScored, SourceIngested } from '#events/index.ts';
import { NOW } from '#test/support/fixtures.ts';
import { type Op, play, type Scenario, scenarioArb } from './scenario.ts';
import { CONSUMER_ATTEMPTS, type FaultPlan, type Invocation, seededRandom } from './simulated-aws.ts';

const mocks = { ddb: mockClient(DynamoDBDocumentClient), bus: mockClient(EventBridgeClient) };
beforeAll(() => vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: NOW }));
afterAll(() => vi.useRealTimers());

/** Fixed, so that `npm test` is deterministic; FC_SEED and FC_RUNS explore further. */
const SEED = Number(process.env['FC_SEED'] ?? 20260620);
const RUNS = Number(process.env['FC_RUNS'] ?? 100);

const ingest = (source: number, sourceKind: 'direct' | 'reporting' = 'direct'): Op => ({
  kind: 'ingest',
  briefing: 0,
  source,
  sourceKind,
  stance: 'supports',
});
/** One briefing that publishes itself at A/B; a direct and a reporting source get it there. */
const autoPublishing: Scenario = { briefings: [{ complete: true, autoPublish: 'A/B' }], rounds: [[ingest(1, 'direct'), ingest(2, 'reporting')]] };

const byType = (announced: Array<[string, unknown]>, detailType: string) =>
  announced.filter(([, e]) => (e as { detailType: string }).detailType === detailType).map(([id]) => id);
const is = (caller: Invocation | undefined, fn: string, attempt?: number) =>
  caller?.fn === fn && (attempt === undefined || caller.attempt === attempt);

async function expectSameOutcome(scenario: Scenario, faults: FaultPlan, opts: { redrive?: boolean } = {}) {
  const reference = await play(scenario, { mocks });
  const faulty = await play(scenario, { mocks, faults, ...(opts.redrive ? { redrive: true } : {}) });
  expect(faulty.table).toEqual(reference.table);
  expect(faulty.announced).toEqual(reference.announced);
  expect(faulty.world.deadEvents).toEqual([]);
  expect(faulty.world.deadRecords).toEqual([]);
  return { reference, faulty };
}

describe('fault injection', () => {
  it('DynamoDB throttles a consumer: Lambda retries it and the briefing is scored and published once', async () => {
    // Prepare: every table call of score-briefing's first attempts is throttled
    const faults: FaultPlan = {
      table: ({ caller }) =>
        caller?.kind === 'event' && is(caller, 'score-briefing') && caller.attempt < CONSUMER_ATTEMPTS ? 'throttle' : undefined,
    };
    // Act
    const { faulty } = await expectSameOutcome(autoPublishing, faults);
    // Assess
    expect(byType(faulty.announced, BriefingPublished.detailType)).toHaveLength(1);
    expect([...faulty.world.applied].filter(([key]) => key.startsWith('auto-publish-briefing:'))).not.toHaveLength(0);
  });

  it('DynamoDB throttles an HTTP write: the client gets 500, nothing is half-written, its retry succeeds', async () => {
    // Prepare: the first attempt of every ingest fails on its transaction
    const faults: FaultPlan = {
      table: ({ caller, command }) => (is(caller, 'ingest-source', 1) && command === 'TransactWriteCommand' ? 'throttle' : undefined),
    };
    // Act
    const { reference, faulty } = await expectSameOutcome(autoPublishing, faults);
    // Assess
    expect(faulty.statuses).toEqual(reference.statuses);
  });

  it("EventBridge throttles PutEvents past the relay's own retries: the stream retries the batch and nothing is lost", async () => {
    // Prepare: the first four PutEvents calls fail (three attempts inside the first invocation, one in the next)
    let calls = 0;
    const faults: FaultPlan = { putEvents: () => (++calls <= 4 ? 'throttle' : undefined) };
    // Act
    const { faulty } = await expectSameOutcome(autoPublishing, faults);
    // Assess
    expect(calls).toBeGreaterThan(4);
    expect(byType(faulty.announced, SourceIngested.detailType)).toHaveLength(2);
  });

  it('PutEvents answers 200 with FailedEntryCount > 0: only the failed entry is sent again, nothing twice', async () => {
    // Prepare: two sources in one batch; the first call fails its second entry
    let calls = 0;
    const faults: FaultPlan = { putEvents: (entries) => (++calls === 1 && entries.length === 2 ? [false, true] : undefined) };
    // Act
    const { faulty } = await expectSameOutcome(autoPublishing, faults);
    // Assess
    const sent = mocks.bus.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries!.map((e) => JSON.parse(e.Detail!).eventId));
    expect(sent[0]).toHaveLength(2);
    expect(sent[1]).toEqual([sent[0]![1]]);
    const ingested = faulty.world.published.filter((e) => e['detail-type'] === SourceIngested.detailType);
    expect(ingested).toHaveLength(2); // each accepted once: the accepted entry was not re-sent
  });

  it('ingest-source dies after its write committed: the client sees 500, the outbox still publishes Source Ingested, the retry is 409', async () => {
    // Prepare
    const faults: FaultPlan = {
      table: ({ caller, command }) => (is(caller, 'ingest-source', 1) && command === 'TransactWriteCommand' ? 'crash-after-commit' : undefined),
    };
    const scenario: Scenario = { briefings: [{ complete: true }], rounds: [[ingest(1)]] };
    // Act
    const reference = await play(scenario, { mocks });
    const faulty = await play(scenario, { mocks, faults });
    // Assess: the state and the events are those of the clean run; only the client saw a different answer
    expect(reference.statuses).toEqual([201]);
    expect(faulty.statuses).toEqual([409]); // after a 500: the retry found the source stored
    expect(faulty.table).toEqual(reference.table);
    expect(faulty.announced).toEqual(reference.announced);
    expect(byType(faulty.announced, SourceIngested.detailType)).toHaveLength(1);
  });

  it('score-briefing dies after its write committed: Briefing Scored is still published, once, and applied once', async () => {
    // Prepare
    const faults: FaultPlan = {
      table: ({ caller, command }) => (is(caller, 'score-briefing', 1) && command === 'TransactWriteCommand' ? 'crash-after-commit' : undefined),
    };
    // Act
    const { reference, faulty } = await expectSameOutcome(autoPublishing, faults);
    // Assess
    expect(byType(faulty.announced, BriefingScored.detailType)).toEqual(byType(reference.announced, BriefingScored.detailType));
    expect(faulty.world.published.filter((e) => e['detail-type'] === BriefingPublished.detailType)).toHaveLength(1);
  });

  it('the relay dies after PutEvents succeeded: the stream sends the batch again and consumers apply the duplicates once', async () => {
    // Prepare
    const faults: FaultPlan = { invocation: (inv) => (inv.kind === 'stream' && inv.attempt === 1 ? 'crash-after' : undefined) };
    // Act
    const { faulty } = await expectSameOutcome(autoPublishing, faults);
    // Assess: duplicates reached the bus, and changed nothing
    expect(faulty.world.published.length).toBeGreaterThan(faulty.announced.length);
  });

  it('a consumer that fails twice then succeeds: delivered on its third attempt, no event lost, none applied twice', async () => {
    // Prepare
    const faults: FaultPlan = { invocation: (inv) => (inv.kind === 'event' && inv.attempt <= 2 ? 'fail' : undefined) };
    // Act
    const { faulty } = await expectSameOutcome(autoPublishing, faults);
    // Assess
    for (const [eventId] of faulty.announced.filter(([, e]) => (e as { detailType: string }).detailType === SourceIngested.detailType)) {
      expect(faulty.world.applied.get(`score-briefing:${eventId}`)).toBe(1);
    }
  });

  it('a consumer that keeps failing lands in its failure queue; once fixed, a redrive applies it once', async () => {
    // Prepare: auto-publish fails every attempt until the operator redrives
    const faults: FaultPlan = { invocation: (inv) => (is(inv, 'auto-publish-briefing') ? 'fail' : undefined) };
    // Act: without the redrive the briefing stays a draft...
    const stuck = await play(autoPublishing, { mocks, faults });
    // ...and with it, the outcome is the fault-free one
    const { faulty } = await expectSameOutcome(autoPublishing, faults, { redrive: true });
    // Assess
    expect(stuck.world.deadEvents.map((d) => d.fn)).toContain('auto-publish-briefing');
    expect(byType(stuck.announced, BriefingPublished.detailType)).toEqual([]);
    expect(byType(faulty.announced, BriefingPublished.detailType)).toHaveLength(1);
  });

  it('every fault at once, at random, over random stories delivered out of order with duplicates (100 stories)', async () => {
    let faultsInjected = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.integer(), fc.integer(), async (scenario, chaosSeed, faultSeed) => {
        // Prepare
        const random = seededRandom(faultSeed);
        const maybe = <T>(p: number, value: T): T | undefined => {
          if (random() >= p) return undefined;
          faultsInjected++;
          return value;
        };
        const faults: FaultPlan = {
          // A client gives up injecting after three attempts; its retries then go through.
          table: ({ caller, command }) =>
            caller?.kind === 'http' && caller.attempt > 3
              ? undefined
              : (maybe(0.08, 'throttle' as const) ??
                (command === 'GetCommand' || command === 'QueryCommand' ? undefined : maybe(0.05, 'crash-after-commit' as const))),
          putEvents: (entries) =>
            maybe(0.1, 'throttle' as const) ??
            maybe(
              0.1,
              entries.map(() => random() < 0.5),
            ),
          invocation: (inv) => (inv.kind === 'http' ? undefined : (maybe(0.08, 'fail' as const) ?? maybe(0.05, 'crash-after' as const))),
        };
        // Act
        const reference = await play(scenario, { mocks });
        const faulty = await play(scenario, {
          mocks,
          faults,
          redrive: true,
          chaos: { random: seededRandom(chaosSeed), maxCopies: 3, maxConcurrency: 3 },
        });
        // Assess
        expect(faulty.table).toEqual(reference.table);
        expect(faulty.announced).toEqual(reference.announced);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(faultsInjected).toBeGreaterThan(RUNS);
  });
});
