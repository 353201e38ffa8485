/**
 * Business metrics: a handler records its count and the middleware flushes it
 * as one EMF document in the SignalBriefings namespace. Output stays disabled
 * (test/support/unit-env.ts); the spy serializes what would have been printed.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as notFound } from '#functions/api/route-not-found.ts';
import { metrics } from '#functions/commons/metrics.ts';
import { SOURCE_ENTITY, sourceKey } from '#functions/commons/table/keys.ts';
import { toOutboxItem } from '#functions/commons/table/outbox.ts';
import { handler as relay } from '#functions/pipeline/relay-events.ts';
import { handler as ingest } from '#functions/sources/ingest-source.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { NOW, source } from '#test/support/fixtures.ts';
import { claimsFor, context, httpEvent } from '#test/support/lambda.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const bus = mockClient(EventBridgeClient);
const analyst = claimsFor('analyst-1', ['analysts']);
const body = {
  briefingId: 'b-1',
  url: 'https://example.com/story',
  publisher: 'Example',
  kind: 'reporting',
  title: 'Story',
  excerpt: 'Acme paused its northern fibre build.',
};
const post = () => ingest(httpEvent({ method: 'POST', path: '/sources', body, claims: analyst }), context);

type Emf = { _aws: { CloudWatchMetrics: Array<{ Namespace: string; Metrics: Array<{ Name: string; Unit: string }> }> } } & Record<string, unknown>;
let flushed: Emf[];

beforeEach(async () => {
  bus.reset();
  await primeEntitlements(ddb, [analyst]);
  flushed = [];
  const publish = metrics.publishStoredMetrics.bind(metrics);
  vi.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => {
    flushed.push(metrics.serializeMetrics() as unknown as Emf);
    return publish();
  });
});
afterEach(() => vi.restoreAllMocks());

const names = (emf: Emf) => emf._aws.CloudWatchMetrics[0]!.Metrics.map((m) => m.Name);

describe('business metrics', () => {
  it('counts an ingested source once, in the SignalBriefings namespace', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    expect((await post()).statusCode).toBe(201);

    expect(flushed).toHaveLength(1);
    expect(flushed[0]!._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'SignalBriefings',
      Metrics: [{ Name: 'SourcesIngested', Unit: 'Count' }],
    });
    expect(flushed[0]!['SourcesIngested']).toBe(1);
    expect(metrics.hasStoredMetrics()).toBe(false);
  });

  it('counts a refused duplicate as DuplicateSources, flushed although the handler threw', async () => {
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: ['None', 'ConditionalCheckFailed', 'None'].map((Code) => ({ Code })),
      }),
    );
    // The 409 names the stored source's state: an active one here.
    // The stored source with that canonical URL, as the table holds it.
    ddb.on(GetCommand).resolves({ Item: { ...sourceKey('b-1', 'x'), entity: SOURCE_ENTITY, ...source('direct', 1) } });

    expect((await post()).statusCode).toBe(409);

    expect(flushed.map(names)).toEqual([['DuplicateSources']]);
  });

  it('publishes nothing (and warns about nothing) when an invocation recorded no metric', async () => {
    await notFound(httpEvent({ method: 'GET', path: '/nowhere', routeKey: '$default' }), context);
    expect(flushed).toEqual([]);
  });

  it('counts the events the relay published and failed', async () => {
    // The bus keeps refusing e-1 (the publisher retries it), accepts e-0.
    bus.on(PutEventsCommand).callsFake(({ Entries }) => {
      const results = Entries.map((e: { Detail: string }) =>
        JSON.parse(e.Detail).eventId === 'e-1' ? { ErrorCode: 'InternalFailure' } : { EventId: 'ok' },
      );
      return { FailedEntryCount: results.filter((r: object) => 'ErrorCode' in r).length, Entries: results };
    });
    const records = ['e-0', 'e-1'].map((eventId, i) => ({
      eventName: 'INSERT' as const,
      dynamodb: {
        SequenceNumber: String(100 + i),
        NewImage: marshall(toOutboxItem({ detailType: 'Source Ingested', detail: { eventId, schemaVersion: 1 } }, NOW)) as never,
      },
    }));

    await relay({ Records: records });

    expect(flushed).toHaveLength(1);
    expect(flushed[0]).toMatchObject({ EventsPublished: 1, EventsFailed: 1 });
  });
});
