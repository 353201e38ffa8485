/**
 * The local engines themselves: the event bus as the unchanged EventBridge
 * client sees it, delivery with retries and dead letters, the outbox stream
 * relay, and the HTTP API's authorizer and fallback. The product pipeline is
 * tested elsewhere; these tests make sure the ground it runs on behaves like AWS.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_SOURCE, patternFor, SourceIngested } from '#events/index.ts';
import { toOutboxItem } from '#functions/commons/table/outbox.ts';
import { journalFile } from '#local/bus-journal.ts';
import { type Engine, startCognitoLocal, startOnAFreePort } from '#local/engines.ts';
import type { EventEnvelope } from '#local/event-envelope.ts';
import { api, type LocalStack, restartTestStack, startTestStack, tokenFor } from './harness.ts';

let stack: LocalStack;
let eventBridge: EventBridgeClient;

beforeAll(async () => {
  stack = await startTestStack();
  // No endpoint here: the client finds the local bus through AWS_ENDPOINT_URL_EVENTBRIDGE, as the handlers do.
  eventBridge = new EventBridgeClient({});
});

afterAll(async () => {
  eventBridge?.destroy();
  await stack?.stop();
});

const sourceIngested = (overrides: Record<string, unknown> = {}) => ({
  ...SourceIngested.example,
  eventId: `test_${randomUUID()}`,
  briefingId: `missing-${randomUUID()}`,
  ...overrides,
});

describe('engine ports', () => {
  it('starts an engine again on another port when the one chosen for it is taken before it binds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signal-briefings-ports-'));
    const squatter = createServer();
    const tried: number[] = [];
    let engine: Engine | undefined;
    try {
      engine = await startOnAFreePort(undefined, async (port) => {
        tried.push(port);
        // The first port goes to someone else between being chosen and the engine's bind.
        if (tried.length === 1) await new Promise<void>((listening) => squatter.listen(port, '127.0.0.1', listening));
        return startCognitoLocal({ dir, port });
      });
      expect(tried).toHaveLength(2);
      expect(engine.port).toBe(tried[1]);
      expect((await fetch(`${engine.endpoint}/health`)).ok).toBe(true);
    } finally {
      await engine?.stop();
      squatter.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a requested port: a taken one fails the start with the reason', async () => {
    const squatter = createServer();
    await new Promise<void>((listening) => squatter.listen(0, '127.0.0.1', listening));
    const taken = (squatter.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'signal-briefings-ports-'));
    try {
      await expect(startOnAFreePort(taken, (port) => startCognitoLocal({ dir, port }))).rejects.toThrow(/EADDRINUSE|in use/);
    } finally {
      squatter.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('local event bus', () => {
  it('delivers a PutEvents entry from the unchanged client to matching subscribers, with the EventBridge envelope', async () => {
    // Prepare
    const seen: EventEnvelope[] = [];
    const unsubscribe = stack.bus.subscribe({
      rule: 'TestListener',
      target: 'test-listener',
      pattern: patternFor(SourceIngested),
      invoke: async (event) => void seen.push(event),
    });
    const detail = sourceIngested();

    // Act
    const result = await eventBridge.send(
      new PutEventsCommand({
        Entries: [{ EventBusName: stack.busName, Source: EVENT_SOURCE, DetailType: SourceIngested.detailType, Detail: JSON.stringify(detail) }],
      }),
    );
    const received = await stack.bus.waitFor(
      (e) => e.envelope.detail['eventId'] === detail.eventId && e.deliveries.every((d) => d.status === 'delivered'),
    );
    unsubscribe();

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries?.[0]?.EventId).toBe(received.envelope.id);
    expect(seen).toEqual([
      {
        version: '0',
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        'detail-type': SourceIngested.detailType,
        source: EVENT_SOURCE,
        account: '000000000000',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        region: stack.region,
        resources: [],
        detail,
      },
    ]);
    // The real rule got it too: score-briefing ran (and found no such briefing, which is not an error).
    expect(received.deliveries.map((d) => `${d.target}:${d.status}`).sort()).toEqual(['score-briefing:delivered', 'test-listener:delivered']);
  });

  it('rejects more than 10 entries like EventBridge, and routes none of them', async () => {
    // Prepare
    const before = stack.bus.received.length;
    const entries = Array.from({ length: 11 }, () => ({
      EventBusName: stack.busName,
      Source: EVENT_SOURCE,
      DetailType: SourceIngested.detailType,
      Detail: JSON.stringify(sourceIngested()),
    }));

    // Act
    const attempt = eventBridge.send(new PutEventsCommand({ Entries: entries }));

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'ValidationException' });
    expect(stack.bus.received.length).toBe(before);
  });

  it('reports a malformed entry as a failed entry, not as success', async () => {
    const result = await eventBridge.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: stack.busName, Source: EVENT_SOURCE, DetailType: 'Test Malformed', Detail: 'not json' },
          { EventBusName: stack.busName, Source: EVENT_SOURCE, DetailType: 'Test Fine', Detail: '{}' },
        ],
      }),
    );

    expect(result.FailedEntryCount).toBe(1);
    expect(result.Entries?.[0]).toMatchObject({ ErrorCode: 'MalformedDetail' });
    expect(result.Entries?.[1]?.EventId).toBeTruthy();
  });

  it('retries a failing target with backoff and delivers once it recovers', async () => {
    // Prepare: a target that fails twice, then succeeds.
    let calls = 0;
    const unsubscribe = stack.bus.subscribe({
      rule: 'TestFlaky',
      target: 'flaky-target',
      pattern: { 'detail-type': ['Test Flaky'] },
      invoke: async () => {
        calls++;
        if (calls < 3) throw new Error(`transient failure ${calls}`);
      },
    });

    // Act
    await eventBridge.send(
      new PutEventsCommand({ Entries: [{ EventBusName: stack.busName, Source: 'test', DetailType: 'Test Flaky', Detail: '{}' }] }),
    );
    const received = await stack.bus.waitFor((e) => e.envelope['detail-type'] === 'Test Flaky' && e.deliveries[0]?.status !== 'pending');
    unsubscribe();

    // Assess
    expect(received.deliveries).toEqual([{ rule: 'TestFlaky', target: 'flaky-target', status: 'delivered', attempts: 3 }]);
    expect(calls).toBe(3);
  });

  it('dead-letters an event whose target keeps failing, after every attempt', async () => {
    // Prepare
    let calls = 0;
    const unsubscribe = stack.bus.subscribe({
      rule: 'TestBroken',
      target: 'broken-target',
      pattern: { 'detail-type': ['Test Broken'] },
      invoke: async () => {
        calls++;
        throw new Error('always failing');
      },
    });

    // Act
    await eventBridge.send(
      new PutEventsCommand({ Entries: [{ EventBusName: stack.busName, Source: 'test', DetailType: 'Test Broken', Detail: '{"n":1}' }] }),
    );
    const received = await stack.bus.waitFor((e) => e.envelope['detail-type'] === 'Test Broken' && e.deliveries[0]?.status === 'dead-lettered');
    unsubscribe();

    // Assess
    expect(calls).toBe(3);
    expect(received.deliveries[0]).toMatchObject({ attempts: 3, error: 'Error: always failing' });
    const letters = readFileSync(join(stack.dataDir, 'dead-letters.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(letters).toContainEqual(
      expect.objectContaining({ source: 'event-bus', target: 'TestBroken → broken-target', attempts: 3, payload: received.envelope }),
    );
  });
});

describe('outbox stream relay', () => {
  it('publishes an outbox item written to the table, through the relay function, to the bus and its rule', async () => {
    // Prepare
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const detail = sourceIngested();

    // Act: written the way the handlers write an outbox record (toOutboxItem owns the format).
    await ddb.send(new PutCommand({ TableName: stack.tableName, Item: toOutboxItem({ detailType: SourceIngested.detailType, detail }, new Date()) }));
    const received = await stack.bus.waitFor(
      (e) => e.envelope.detail['eventId'] === detail.eventId && e.deliveries.every((d) => d.status !== 'pending'),
    );
    ddb.destroy();

    // Assess
    expect(received.envelope).toMatchObject({ source: EVENT_SOURCE, 'detail-type': SourceIngested.detailType, detail });
    expect(received.deliveries).toEqual([expect.objectContaining({ target: 'score-briefing', status: 'delivered' })]);
  });

  it('retries a record the relay reports as failed, dead-letters it, and keeps relaying the records behind it', async () => {
    // Prepare: a detail that is not a JSON object makes the bus reject the entry (MalformedDetail),
    // so the real relay function reports the record in batchItemFailures.
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const poisonId = `poison_${randomUUID()}`;
    const poison = { ...toOutboxItem({ detailType: 'Test Poison', detail: { eventId: poisonId } }, new Date()), detail: 'not an object' };
    const good = sourceIngested();

    // Act
    await ddb.send(new PutCommand({ TableName: stack.tableName, Item: poison }));
    await ddb.send(
      new PutCommand({ TableName: stack.tableName, Item: toOutboxItem({ detailType: SourceIngested.detailType, detail: good }, new Date()) }),
    );
    await stack.bus.waitFor((e) => e.envelope.detail['eventId'] === good.eventId);
    await stack.settled();
    ddb.destroy();

    // Assess
    const letters = readFileSync(join(stack.dataDir, 'dead-letters.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const dead = letters.filter((l) => l.source === 'stream');
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ target: 'relay-events', attempts: 3 });
    // Retried from the failed record on: records behind it in the same batch go along (at least once, like Lambda).
    expect(dead[0].payload.Records[0]).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: { Keys: { pk: { S: poison.pk }, sk: { S: poison.sk } } },
    });
  });

  it('does not relay items that are not outbox inserts', async () => {
    // Prepare
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const before = stack.bus.received.length;

    // Act
    await ddb.send(new PutCommand({ TableName: stack.tableName, Item: { pk: `TEST#${randomUUID()}`, sk: 'TEST', entity: 'not-outbox' } }));
    await stack.settled();
    ddb.destroy();

    // Assess
    expect(stack.bus.received.length).toBe(before);
  });
});

describe('local HTTP API', () => {
  it('answers 401 on a jwt route without a valid token, without invoking the function', async () => {
    // Prepare
    const before = stack.api.invocations.length;

    // Act
    const missing = await api(stack, 'POST', '/sources', { body: {} });
    const invalid = await api(stack, 'POST', '/sources', { body: {}, token: 'not-a-jwt' });

    // Assess
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ message: 'Unauthorized' });
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(invalid.status).toBe(401);
    expect(invalid.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expect(stack.api.invocations.length).toBe(before);
  });

  it('hands the function the claims as API Gateway does (array claims as "[a b]")', async () => {
    // Prepare
    const token = await tokenFor(stack, ['analysts', 'editors']);

    // Act: an empty body gets past the authorizer and is refused by the function itself.
    const response = await api(stack, 'POST', '/sources', { token, body: {} });

    // Assess
    expect(response.status).toBe(400);
    const invocation = stack.api.invocations.at(-1);
    expect(invocation).toMatchObject({ fn: 'ingest-source', routeKey: 'POST /sources', status: 400 });
    expect(invocation?.claims?.['cognito:groups']).toMatch(/^\[(analysts editors|editors analysts)\]$/);
    expect(invocation?.claims?.['client_id']).toBe(stack.clientId);
    expect(invocation?.claims?.['exp']).toMatch(/^\d+$/);
  });

  it('sends unknown paths and methods to the fallback function as $default', async () => {
    const unknownPath = await api(stack, 'GET', '/no-such-route');
    const wrongMethod = await api(stack, 'DELETE', '/briefings');

    expect(unknownPath.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
    expect(stack.api.invocations.slice(-2)).toEqual([
      { fn: 'route-not-found', routeKey: '$default', status: 404 },
      { fn: 'route-not-found', routeKey: '$default', status: 405 },
    ]);
  });

  it('refuses a body over 10 MB with 413 before any function runs', async () => {
    const before = stack.api.invocations.length;

    const response = await api(stack, 'POST', '/sources', {
      rawBody: Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
      headers: { 'content-type': 'application/json' },
    });

    expect(response.status).toBe(413);
    expect(stack.api.invocations.length).toBe(before);
  });
});

describe('restart', () => {
  it('keeps the data and resumes the stream from its checkpoint instead of re-publishing', async () => {
    // Prepare
    const published = stack.bus.received.filter((e) => e.envelope.source === EVENT_SOURCE).length;
    expect(published).toBeGreaterThan(0);
    const { clientId } = stack;

    // Act
    stack = await restartTestStack(stack);
    await stack.settled();

    // Assess
    expect(existsSync(join(stack.dataDir, 'stream-checkpoint.json'))).toBe(true);
    expect(stack.clientId).toBe(clientId);
    expect(stack.bus.received).toEqual([]);
  });
});

describe('durable event bus', () => {
  it('has an accepted entry in its journal on disk when PutEvents answers', async () => {
    // Prepare
    const detail = { n: randomUUID() };

    // Act
    const result = await eventBridge.send(
      new PutEventsCommand({
        Entries: [{ EventBusName: stack.busName, Source: 'test', DetailType: 'Test Journal', Detail: JSON.stringify(detail) }],
      }),
    );

    // Assess: read as soon as the answer is in, before anything else runs.
    const id = result.Entries?.[0]?.EventId;
    const lines = readFileSync(journalFile(stack.dataDir), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toContainEqual({ accepted: expect.objectContaining({ envelope: expect.objectContaining({ id, detail }) }) });
  });

  it('finishes a delivery running when the stack stops (DynamoDB still up), and makes an interrupted one again after the restart', async () => {
    // Prepare: two targets caught mid-delivery by the stop; one completes its write, one fails.
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const marker = { pk: `TEST#${randomUUID()}`, sk: 'DRAINED' };
    const running = { finishing: 0, interrupted: 0 };
    let bothRunning: () => void = () => undefined;
    const bothStarted = new Promise<void>((resolve) => (bothRunning = resolve));
    const started = () => running.finishing + running.interrupted === 2 && bothRunning();
    const bus = stack.bus;
    bus.subscribe({
      rule: 'TestFinishing',
      target: 'finishing-target',
      pattern: { 'detail-type': ['Test Stop'] },
      invoke: async () => {
        running.finishing++;
        started();
        await bus.stopRequested;
        await ddb.send(new PutCommand({ TableName: stack.tableName, Item: marker }));
      },
    });
    bus.subscribe({
      rule: 'TestInterrupted',
      target: 'interrupted-target',
      pattern: { 'detail-type': ['Test Stop'] },
      invoke: async () => {
        running.interrupted++;
        started();
        await bus.stopRequested;
        throw new Error('interrupted by the stop');
      },
    });
    const detail = { n: randomUUID() };
    await eventBridge.send(
      new PutEventsCommand({ Entries: [{ EventBusName: stack.busName, Source: 'test', DetailType: 'Test Stop', Detail: JSON.stringify(detail) }] }),
    );
    await bothStarted;

    // Act
    stack = await restartTestStack(stack);
    const redelivered: EventEnvelope[] = [];
    stack.bus.subscribe({ rule: 'TestFinishing', target: 'finishing-target', pattern: { 'detail-type': ['Test Stop'] }, invoke: async () => {} });
    stack.bus.subscribe({
      rule: 'TestInterrupted',
      target: 'interrupted-target',
      pattern: { 'detail-type': ['Test Stop'] },
      invoke: async (event) => void redelivered.push(event),
    });
    const after = await stack.bus.waitFor((e) => e.envelope.detail['n'] === detail.n && e.deliveries.every((d) => d.status === 'delivered'));
    const { Item } = await ddb.send(new GetCommand({ TableName: stack.tableName, Key: marker, ConsistentRead: true }));
    ddb.destroy();

    // Assess
    expect(Item).toMatchObject(marker);
    expect(after.deliveries).toEqual([{ rule: 'TestInterrupted', target: 'interrupted-target', status: 'delivered', attempts: 1 }]);
    expect(redelivered).toEqual([after.envelope]);
    expect(after.envelope.detail).toEqual(detail);
    expect(running).toEqual({ finishing: 1, interrupted: 1 });
  });
});
