/**
 * The email queues' two edges (docs/email.md): sending JSON messages in batches of ten (SQS's limit), retrying the
 * entries SQS refused, and consuming a queue with partial batch responses, so one failed message is retried alone.
 */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { ddb } from './clients/dynamodb.ts';
import { sqs } from './clients/sqs.ts';
import { traced, tracer } from './clients/tracer.ts';
import { logger } from './logger.ts';
import { metricsMiddleware } from './metrics.ts';
import './validation.ts';

traced(ddb);

/** SQS takes at most ten messages per SendMessageBatch. */
export const SQS_BATCH = 10;
/** Batches in flight at once. */
const SEND_CONCURRENCY = 4;

/** Sends every body to the queue, ten per call, a few calls at a time; entries SQS refuses are sent again (three attempts). */
export async function sendMessages(queueUrl: string, bodies: readonly unknown[]): Promise<void> {
  const chunks: unknown[][] = [];
  for (let i = 0; i < bodies.length; i += SQS_BATCH) chunks.push(bodies.slice(i, i + SQS_BATCH));
  const sendChunk = async (chunk: unknown[]) => {
    let entries = chunk.map((body, i) => ({ Id: String(i), MessageBody: JSON.stringify(body) }));
    for (let attempt = 1; entries.length > 0; attempt++) {
      const { Failed = [] } = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      if (Failed.length === 0) return;
      if (attempt >= 3) throw new Error(`SQS refused ${Failed.length} message(s): ${Failed[0]?.Code} ${Failed[0]?.Message ?? ''}`);
      const failed = new Set(Failed.map((f) => f.Id));
      entries = entries.filter((e) => failed.has(e.Id));
    }
  };
  for (let i = 0; i < chunks.length; i += SEND_CONCURRENCY) await Promise.all(chunks.slice(i, i + SEND_CONCURRENCY).map(sendChunk));
}

/**
 * An SQS consumer: each message's body is parsed with `schema` (a message that breaks it is logged and dropped:
 * retrying cannot mend it), then handed to `fn` in order. `fn` returns false to leave the message for a later
 * delivery (its time budget ran out); a throw fails that message alone. Both are batch item failures.
 */
export function queueConsumer<S extends z.core.$ZodType>(
  schema: S,
  fn: (message: z.infer<S>, ctx: { now: Date; record: SQSRecord; deadline: number }) => Promise<boolean | undefined>,
  opts: { timeBudgetMs: number },
) {
  const handle = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const deadline = Date.now() + opts.timeBudgetMs;
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      if (Date.now() >= deadline) {
        failures.push({ itemIdentifier: record.messageId });
        continue;
      }
      let body: unknown;
      try {
        body = JSON.parse(record.body);
      } catch {
        body = undefined;
      }
      const parsed = z.safeParse(schema, body);
      if (!parsed.success) {
        logger.error('message does not match its schema; dropped', { messageId: record.messageId, issues: parsed.error.issues });
        continue;
      }
      try {
        const done = await fn(parsed.data, { now: new Date(), record, deadline });
        if (done === false) failures.push({ itemIdentifier: record.messageId });
      } catch (error) {
        logger.error('message failed; SQS will deliver it again', { messageId: record.messageId, error: error as Error });
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  };
  return middy(handle)
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(metricsMiddleware());
}
