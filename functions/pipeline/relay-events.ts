/**
 * Table stream → event bus: publishes each new outbox record, and the
 * Briefing Scored a re-scored briefing head carries (table/schema.ts, RELAY_STREAM_FILTERS). Records that
 * could not be published are reported as batch item failures, so the stream
 * retries from the first of them and nothing is lost. Each event goes out
 * with the correlation id of the work that wrote it (the event's own id when
 * none was recorded), and each publication is logged under that id.
 * Traced like the bus consumers: a subsegment per invocation, PutEvents calls
 * as subsegments of it (clients/eventbridge.ts).
 */

import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { tracer } from '#functions/commons/clients/tracer.ts';
import { config } from '#functions/commons/config.ts';
import { correlationIdOf } from '#functions/commons/correlation.ts';
import { logger } from '#functions/commons/logger.ts';
import { flushMetrics, MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { publishEvents } from '#functions/commons/publisher.ts';
import { eventOfStreamImage } from '#functions/commons/table/announcing-head.ts';

async function relay(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const records = event.Records.filter((r) => r.dynamodb?.NewImage);
  const outgoing = records.map((r) => {
    const e = eventOfStreamImage(unmarshall(r.dynamodb!.NewImage as Record<string, AttributeValue>));
    // A stream record is data, not a promise: a malformed outbox item must fail alone, not crash the batch.
    return { ...e, correlationId: e.correlationId ?? correlationIdOf(e.detail?.eventId) };
  });
  const failed = new Set(await publishEvents(outgoing, { busName: config.eventBusName }));
  for (const e of outgoing) {
    const published = !failed.has(e);
    logger[published ? 'info' : 'warn'](published ? 'event published' : 'event not published', {
      correlation_id: e.correlationId,
      eventId: e.detail?.eventId,
      detailType: e.detailType,
    });
  }
  // No metrics middleware on the relay: the counts are flushed here.
  metrics.addMetric('EventsPublished', MetricUnit.Count, outgoing.length - failed.size);
  metrics.addMetric('EventsFailed', MetricUnit.Count, failed.size);
  flushMetrics();
  const firstFailure = records.find((_, i) => failed.has(outgoing[i]!));
  if (firstFailure) {
    logger.error('events not published; the stream will retry', { failed: failed.size, of: outgoing.length });
    return { batchItemFailures: [{ itemIdentifier: firstFailure.dynamodb!.SequenceNumber! }] };
  }
  return { batchItemFailures: [] };
}

// The response (the failed record's sequence number, if any) is kept on the subsegment.
const tracedRelay = middy(relay).use(captureLambdaHandler(tracer));

/** The context is optional: the relay reads nothing from it (tests and the local stream poller may leave it out). */
export const handler = (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> =>
  tracedRelay(event, context ?? ({} as Context));
