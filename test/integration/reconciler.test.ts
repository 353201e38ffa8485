/**
 * The reconciler on the real local engines: a consequence is lost on purpose
 * (the scoring rule disabled while a source is ingested, so Source Ingested
 * reaches nobody, as if its delivery had been lost), and the reconciler finds
 * the change still pending and heals it through the normal path, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceivedEvent } from '#local/event-bus.ts';
import { briefingInput, sourceText } from '#test/support/fixtures.ts';
import { api, type LocalStack, startTestStack, type UsualTokens, usualTokens } from './harness.ts';

let stack: LocalStack;
let tokens: UsualTokens;

beforeAll(async () => {
  stack = await startTestStack();
  tokens = await usualTokens(stack);
});
afterAll(() => stack?.stop());

const eventsOf = (type: string, briefingId: string) =>
  stack.bus.received.filter(
    (e: ReceivedEvent) => e.envelope['detail-type'] === type && (e.envelope.detail as { briefingId?: string }).briefingId === briefingId,
  );

describe('reconciler', () => {
  it('re-drives a source whose Source Ingested reached no consumer, so the briefing is scored once', async () => {
    // Prepare: a draft, everything settled, nothing pending
    const created = await api(stack, 'POST', '/briefings', { token: tokens.analyst, body: briefingInput() });
    expect(created.status).toBe(201);
    const briefingId = created.body.briefingId as string;
    await stack.settled();
    expect(await stack.reconcile({ olderThanSeconds: 0 })).toMatchObject({ redriven: 0 });

    // Act 1: lose the consequence (the scoring rule disabled while the source is ingested)
    stack.bus.setRuleEnabled('ScoreOnSourceIngested', false);
    const body = { briefingId, url: 'https://example.com/lost/1', publisher: 'Example', kind: 'direct', title: 'Filing', excerpt: sourceText(3) };
    expect((await api(stack, 'POST', '/sources', { token: tokens.analyst, body })).status).toBe(201);
    await stack.settled();
    stack.bus.setRuleEnabled('ScoreOnSourceIngested', true);
    const before = await api(stack, 'GET', `/briefings/${briefingId}/score`, { token: tokens.analyst });
    expect(eventsOf('Source Ingested', briefingId).flatMap((e) => e.deliveries)).toEqual([]);
    expect(eventsOf('Briefing Scored', briefingId)).toEqual([]);

    // Act 2: the reconciler (its wait shortened from 5 minutes), then the pipeline
    const healed = await stack.reconcile({ olderThanSeconds: 0 });
    await stack.bus.waitFor((e) => e.envelope['detail-type'] === 'Briefing Scored' && e.envelope.detail['briefingId'] === briefingId);
    await stack.settled();
    const again = await stack.reconcile({ olderThanSeconds: 0 });
    await stack.settled();

    // Assess: re-driven once, scored once, nothing pending afterwards
    expect(healed).toMatchObject({ redriven: 1, failed: 0 });
    expect(again).toMatchObject({ pending: 0, redriven: 0 });
    const ingested = eventsOf('Source Ingested', briefingId);
    expect(ingested).toHaveLength(2);
    expect(ingested[1]!.envelope.detail['eventId']).toBe(ingested[0]!.envelope.detail['eventId']);
    expect(ingested[1]!.deliveries.map((d) => [d.target, d.status])).toEqual([['score-briefing', 'delivered']]);
    expect(eventsOf('Briefing Scored', briefingId)).toHaveLength(1);
    const after = await api(stack, 'GET', `/briefings/${briefingId}/score`, { token: tokens.analyst });
    expect(after.body).not.toEqual(before.body);
  });
});
