/**
 * Alerts → instant emails (docs/email.md): consumes the table stream, filtered by Lambda to new alert items
 * (NEW_ALERT_STREAM_FILTER: an INSERT, so the fan-out's repeated pages, which modify an alert, invoke nothing),
 * reads the preferences of the batch's members (BatchGetItem) and enqueues an instant email for each member whose
 * preference is instant. The sender decides the rest at send time (address, suppression, tier, claim).
 * A failure fails the batch from its first record (the stream retries it; the sender's claims dedupe).
 */
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { SendTask } from '#domain/digest-plan.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { traced, tracer } from '#functions/commons/clients/tracer.ts';
import { config } from '#functions/commons/config.ts';
import { emailConfig } from '#functions/commons/email-config.ts';
import { logger } from '#functions/commons/logger.ts';
import { sendMessages } from '#functions/commons/queues.ts';
import { EMAIL_PREFERENCES_ENTITY, emailPreferencesKey } from '#functions/commons/table/keys.ts';

traced(ddb);

/** The members among `userIds` whose preference is instant (BatchGetItem, 100 keys a call, unprocessed keys retried). */
async function instantMembers(userIds: readonly string[]): Promise<Set<string>> {
  const instant = new Set<string>();
  for (let i = 0; i < userIds.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = userIds.slice(i, i + 100).map(emailPreferencesKey);
    for (let attempt = 1; keys?.length; attempt++) {
      if (attempt > 5) throw new Error('preferences still unprocessed after 5 attempts');
      const out: BatchGetCommandOutput = await ddb.send(
        new BatchGetCommand({
          RequestItems: {
            [config.tableName]: { Keys: keys, ProjectionExpression: '#e, userId, delivery', ExpressionAttributeNames: { '#e': 'entity' } },
          },
        }),
      );
      for (const item of out.Responses?.[config.tableName] ?? []) {
        if (item['entity'] === EMAIL_PREFERENCES_ENTITY && item['delivery'] === 'instant') instant.add(String(item['userId']));
      }
      keys = out.UnprocessedKeys?.[config.tableName]?.Keys;
    }
  }
  return instant;
}

async function queueInstant(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  // A stream record is data, not a promise: one that is not a readable alert is logged and skipped, never retried forever.
  const alerts = event.Records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage).flatMap((r) => {
    const { userId, briefingId, briefingVersion } = r.dynamodb!.NewImage as Record<string, AttributeValue>;
    if (!userId?.S || !briefingId?.S || !briefingVersion?.N) {
      logger.error('new alert record without its keys; skipped', { sequenceNumber: r.dynamodb?.SequenceNumber });
      return [];
    }
    return [{ userId: userId.S, briefingId: briefingId.S, briefingVersion: Number(briefingVersion.N) }];
  });
  if (alerts.length === 0) return { batchItemFailures: [] };
  try {
    const instant = await instantMembers([...new Set(alerts.map((a) => a.userId))]);
    const tasks: SendTask[] = alerts.filter((a) => instant.has(a.userId)).map((a) => ({ kind: 'instant', ...a }));
    if (tasks.length > 0) await sendMessages(emailConfig.sendQueueUrl, tasks);
    logger.info('instant emails queued', { alerts: alerts.length, queued: tasks.length });
    return { batchItemFailures: [] };
  } catch (error) {
    logger.error('instant emails not queued; the stream will retry', error as Error);
    return { batchItemFailures: [{ itemIdentifier: event.Records[0]!.dynamodb!.SequenceNumber! }] };
  }
}

const tracedQueueInstant = middy(queueInstant).use(captureLambdaHandler(tracer, { captureResponse: false }));

export const handler = (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> =>
  tracedQueueInstant(event, context ?? ({} as Context));
