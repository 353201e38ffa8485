/**
 * Proof: one correlation id runs from the request through every event it
 * causes. The work that writes an outbox record records its id; the relay puts
 * it into the event detail; the consumer logs under it and passes it on to the
 * events it writes in turn.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BriefingPublished, BriefingScored, SourceIngested } from '#events/index.ts';
import { correlationIdOf, withCorrelationId } from '#functions/commons/correlation.ts';
import { logger } from '#functions/commons/logger.ts';
import { toOutboxItem } from '#functions/commons/table/outbox.ts';
import { NOW } from '#test/support/fixtures.ts';
import { type Op, request, type Scenario, worldFor } from './scenario.ts';

const mocks = { ddb: mockClient(DynamoDBDocumentClient), bus: mockClient(EventBridgeClient) };
beforeAll(() => vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: NOW }));
afterAll(() => vi.useRealTimers());
afterEach(() => vi.restoreAllMocks());

const scenario: Scenario = { briefings: [{ complete: true, autoPublish: 'A/B' }], rounds: [] };
const ingest = (source: number, sourceKind: 'direct' | 'reporting'): Op => ({ kind: 'ingest', briefing: 0, source, sourceKind, stance: 'supports' });
const chain = [SourceIngested.detailType, BriefingScored.detailType, BriefingPublished.detailType];

describe('correlation id', () => {
  it("flows from the request that wrote the first event through every event it causes, and into the consumers' logs", async () => {
    // Prepare: each client request names its correlation id (the HTTP edge adopts a well-formed x-correlation-id)
    const world = await worldFor(scenario, { mocks });
    const logged: Array<{ message: string; correlationId: unknown }> = [];
    // A line carries the id as Powertools' correlation_id: set for the invocation, or given with the line (the relay, per event).
    vi.spyOn(logger, 'info').mockImplementation((message: unknown, ...extra: unknown[]) => {
      const given = (extra[0] as { correlation_id?: unknown } | undefined)?.correlation_id;
      logged.push({ message: String(message), correlationId: given ?? logger.getCorrelationId() });
    });

    // Act: a direct source, settled; then a reporting source, which lifts the grade to A/B and publishes
    await request(world, ingest(1, 'direct'), { 'x-correlation-id': 'req-first' });
    await world.drain();
    await request(world, ingest(2, 'reporting'), { 'x-correlation-id': 'req-second' });
    await world.drain();

    // Assess: the second request's story, event by event, carries its id
    const story = world.published.filter((e) => e.detail['correlationId'] === 'req-second').map((e) => e['detail-type']);
    expect(story).toEqual(chain);
    expect(world.published.filter((e) => e.detail['correlationId'] === 'req-first').map((e) => e['detail-type'])).toEqual(chain.slice(0, 2));
    // ...and so does every record the consumers wrote, and every line they logged (read from the stream's
    // inserts: each consumer deletes the record it confirmed; the first re-score announced itself on the head)
    const outbox = world.table.stream
      .filter((r) => (r.eventName === 'INSERT' && r.newImage?.['entity'] === 'outbox') || r.newImage?.['announces'] !== undefined)
      .map((r) => r.newImage!);
    expect(outbox.map((item) => item['correlationId']).sort()).toEqual(['req-first', 'req-first', 'req-second', 'req-second', 'req-second']);
    expect(logged.length).toBeGreaterThanOrEqual(chain.length + 2);
    expect(new Set(logged.map((l) => l.correlationId))).toEqual(new Set(['req-first', 'req-second']));
  });

  it("uses API Gateway's request id when the client sends none, and keeps it through the consequences", async () => {
    // Prepare: a request without x-correlation-id (the test events carry request id r-1)
    const world = await worldFor(scenario, { mocks });
    // Act
    await request(world, ingest(1, 'direct'));
    await world.drain();
    // Assess
    const [ingested, scored] = world.published;
    expect(ingested!.detail['correlationId']).toBe('r-1');
    expect(scored).toMatchObject({ 'detail-type': BriefingScored.detailType, detail: { correlationId: 'r-1' } });
  });

  it('records the id of the work in progress with every outbox record, and nothing outside one', () => {
    const event = { detailType: SourceIngested.detailType, detail: { ...SourceIngested.example } };
    expect(withCorrelationId('req-1', () => toOutboxItem(event, NOW))).toMatchObject({ correlationId: 'req-1' });
    expect(toOutboxItem(event, NOW)).not.toHaveProperty('correlationId');
  });

  it.each([
    ['a request id', 'KhbS3jQvIAMEVbg=', true],
    ['a uuid', '4f1c2c4e-3b1a-4a8e-9a52-0d7f0b9d2a11', true],
    ['an event id', 'scored_b-1_3', true],
    ['spaces or quotes (log injection)', 'id" level="ERROR', false],
    ['a newline', 'a\nb', false],
    ['too long', 'x'.repeat(129), false],
    ['not a string', 42, false],
  ])('accepts %s as an id: %s', (_, value, accepted) => {
    expect(correlationIdOf(value) !== undefined).toBe(accepted);
  });
});
