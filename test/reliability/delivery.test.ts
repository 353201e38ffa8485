/**
 * Proof: at-least-once delivery in any order changes nothing, and racing
 * writers lose no update. Random stories
 * (briefings, sources ingested, editors publishing) play twice through the real
 * handlers: once with every event delivered exactly once, in order, one at a
 * time; once with every event delivered 1-3 times, in random order, up to three
 * at once (so optimistic concurrency meets real conflicts), some copies arriving
 * only after the next round's writes. Both must leave the same table (briefings,
 * sources, outbox records) and announce the same events: in particular, a
 * repeated Source Ingested never announces a second Briefing Scored.
 *
 * Then the requests themselves race the consumers (an editor publishing while
 * scoring runs): the order now decides versions and who published, so the
 * check is what must hold in any order: every briefing's score reflects every
 * stored source, a briefing once published stays published, each stored
 * source was announced, and no briefing was published twice.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rescore } from '#domain/briefing.ts';
import { BriefingPublished, BriefingScored, SourceIngested } from '#events/index.ts';
import { fromItems as briefingOf } from '#functions/commons/table/briefings.ts';
import { briefingKey } from '#functions/commons/table/keys.ts';
import { fromItem as sourceOf } from '#functions/commons/table/sources.ts';
import { NOW } from '#test/support/fixtures.ts';
import { briefingIdOf, play, request, scenarioArb, worldFor } from './scenario.ts';
import { seededRandom } from './simulated-aws.ts';

const mocks = { ddb: mockClient(DynamoDBDocumentClient), bus: mockClient(EventBridgeClient) };
beforeAll(() => vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: NOW }));
afterAll(() => vi.useRealTimers());

/** Fixed, so that `npm test` is deterministic; FC_SEED and FC_RUNS explore further. */
const SEED = Number(process.env['FC_SEED'] ?? 20260620);
const RUNS = Number(process.env['FC_RUNS'] ?? 200);

describe('at-least-once delivery, in any order', () => {
  it('ends in the same state as one in-order delivery, announcing nothing twice (200 stories)', async () => {
    // Prepare: evidence that the chaos really happened, summed over every story
    const seen = { duplicateDeliveries: 0, versionConflicts: 0, duplicateIngests: 0, briefingsScored: 0 };

    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.integer(), async (scenario, chaosSeed) => {
        // Act
        const inOrder = await play(scenario, { mocks });
        const chaotic = await play(scenario, { mocks, chaos: { random: seededRandom(chaosSeed), maxCopies: 3, maxConcurrency: 3 } });

        // Assess
        expect(chaotic.statuses).toEqual(inOrder.statuses);
        expect(chaotic.table).toEqual(inOrder.table);
        expect(chaotic.announced).toEqual(inOrder.announced);
        expect(chaotic.world.deadEvents).toEqual([]);
        // Every Source Ingested reached score-briefing at least once; a duplicate added no Briefing Scored (the announced sets are equal).
        for (const [eventId, { detailType }] of chaotic.world.announced()) {
          if (detailType === SourceIngested.detailType) expect(chaotic.world.applied.get(`score-briefing:${eventId}`)).toBeGreaterThanOrEqual(1);
        }
        seen.duplicateDeliveries += [...chaotic.world.applied.values()].reduce((sum, n) => sum + n - 1, 0);
        seen.versionConflicts += chaotic.world.table.cancelledTransactions - inOrder.world.table.cancelledTransactions;
        seen.duplicateIngests += inOrder.statuses.filter((s) => s === 409).length;
        seen.briefingsScored += inOrder.announced.filter(([, e]) => (e as { detailType: string }).detailType === BriefingScored.detailType).length;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    // Assess: the stories were not vacuous
    expect(seen.duplicateDeliveries).toBeGreaterThan(RUNS);
    expect(seen.versionConflicts).toBeGreaterThan(0);
    expect(seen.duplicateIngests).toBeGreaterThan(0);
    expect(seen.briefingsScored).toBeGreaterThan(RUNS / 2);
  });

  it('lets no racing writer lose an update: requests run while events are delivered (100 stories)', async () => {
    let races = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.integer(), async (scenario, chaosSeed) => {
        // Prepare
        const world = await worldFor(scenario, { mocks, chaos: { random: seededRandom(chaosSeed), maxCopies: 3, maxConcurrency: 3 } });
        const publishedByEditor = new Set<string>();
        // Act: each round's requests are queued into the deliveries, at random moments
        for (const round of scenario.rounds) {
          world.nextRound();
          for (const op of round) {
            world.submit(async () => {
              const status = await request(world, op);
              if (op.kind === 'publish' && status === 200) publishedByEditor.add(briefingIdOf(op.briefing));
            });
          }
          await world.drain();
        }
        await world.finish();

        // Assess
        const items = world.table.snapshot();
        const announced = [...world.announced().values()];
        races += world.table.cancelledTransactions;
        scenario.briefings.forEach((_, i) => {
          const id = briefingIdOf(i);
          const briefing = briefingOf(items.filter((item) => item['pk'] === briefingKey(id).pk))!;
          const sources = items.filter((item) => item['pk'] === briefingKey(id).pk && item['entity'] === 'source').map(sourceOf);
          const about = (detailType: string) => announced.filter((e) => e.detailType === detailType && e.detail['briefingId'] === id);
          // Scoring runs on Source Ingested: a briefing without sources was never scored, and that is no lost update.
          if (sources.length > 0) expect(rescore(briefing, sources, NOW).briefing, `${id} is scored from all of its sources`).toBe(briefing);
          expect(about(SourceIngested.detailType), `${id}: every stored source announced`).toHaveLength(sources.length);
          expect(about(BriefingPublished.detailType).length, `${id} published at most once`).toBeLessThanOrEqual(1);
          if (publishedByEditor.has(id) || about(BriefingPublished.detailType).length > 0)
            expect(briefing.status, `${id} stays published`).toBe('published');
        });
        expect(world.deadEvents).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED + 1, endOnFailure: true },
    );
    expect(races).toBeGreaterThan(0);
  });
});
