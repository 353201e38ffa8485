/**
 * Operators run it after a change of the scoring model (`npm run rescore`
 * locally; `aws lambda invoke` in AWS, docs/deploy.md): it walks the table's
 * briefing heads and, for each one scored by another model version, writes a
 * Briefing Edited event (`changes: ["model"]`) to the outbox, so score-briefing
 * re-scores it through the normal path and announces Briefing Scored (with a
 * `model-change` reason) where the score or grade moved.
 *
 * Resumable: each invocation handles pages until its time is nearly up and
 * returns a `cursor` to send next (none when the walk is done). Idempotent: a
 * briefing already at the current model is skipped, and the event's id is the
 * briefing's and the model's, written only if absent. It reads with a Scan
 * (filtered to heads, so only they are returned, but every item is read: a
 * one-off operation after a model change, never on a request path).
 */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import type { Briefing } from '#domain/briefing.ts';
import { MODEL_VERSION } from '#domain/scoring.ts';
import { briefingModelChanged } from '#events/announcements.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { logger } from '#functions/commons/logger.ts';
import { MetricUnit, metrics, metricsMiddleware } from '#functions/commons/metrics.ts';
import { parseAttributes, storedEntity } from '#functions/commons/table/item.ts';
import { BRIEFING_ENTITY, BRIEFING_SK } from '#functions/commons/table/keys.ts';
import { outboxPut } from '#functions/commons/table/outbox.ts';
import { cancellationCodes } from '#functions/commons/table/transact.ts';

/** What the Scan projects of a briefing head (`confidence.modelVersion` only; no confidence before the first scoring). */
const HEAD = storedEntity<Pick<Briefing, 'briefingId' | 'version' | 'status'> & { confidence?: { modelVersion?: string } }>(BRIEFING_ENTITY, {
  briefingId: 'string',
  version: 'number',
  status: 'string',
  confidence: 'map?',
});

/** Leave this much of the invocation's time for the last page and the answer. */
const SAFETY_MS = 15_000;

const Input = z.object({
  /** Where the previous invocation stopped. */
  cursor: z.optional(z.string().check(z.maxLength(4096))),
  /** Items the Scan examines per page. */
  pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
  /** Count only; write nothing. */
  dryRun: z.optional(z.boolean()),
});

export interface RescoreReport {
  modelVersion: string;
  /** Briefing heads seen in this invocation. */
  briefings: number;
  /** Re-scoring requested (events written) or, in a dry run, that would be. */
  requested: number;
  /** Already scored by the current model, or retracted. */
  current: number;
  /** Requested by an earlier run and not yet consumed (the event exists). */
  alreadyRequested: number;
  /** Send it to continue; absent when every briefing was seen. */
  cursor?: string;
}

const encode = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;

async function rescore(event: unknown, context?: Context): Promise<RescoreReport> {
  const input = Input.parse(event ?? {});
  const report: RescoreReport = { modelVersion: MODEL_VERSION, briefings: 0, requested: 0, current: 0, alreadyRequested: 0 };
  let startKey = input.cursor ? decode(input.cursor) : undefined;
  const timeLeft = () => context?.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY;
  do {
    const page = await ddb.send(
      new ScanCommand({
        TableName: config.tableName,
        FilterExpression: 'entity = :briefing AND sk = :head',
        ExpressionAttributeValues: { ':briefing': BRIEFING_ENTITY, ':head': BRIEFING_SK.head },
        ProjectionExpression: 'briefingId, version, #status, confidence.modelVersion',
        ExpressionAttributeNames: { '#status': 'status' },
        Limit: input.pageSize ?? 500,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const head of page.Items ?? []) {
      report.briefings += 1;
      const { briefingId, version, status, confidence } = parseAttributes(HEAD, head);
      if (status === 'retracted' || confidence?.modelVersion === MODEL_VERSION) {
        report.current += 1;
        continue;
      }
      if (input.dryRun) {
        report.requested += 1;
        continue;
      }
      const now = new Date();
      try {
        await ddb.send(
          new TransactWriteCommand({
            TransactItems: [outboxPut(config.tableName, briefingModelChanged(briefingId, version, MODEL_VERSION, now), now)],
          }),
        );
        report.requested += 1;
        logger.info('re-scoring requested', { briefingId, from: confidence?.modelVersion ?? 'none', to: MODEL_VERSION });
      } catch (error) {
        if (!cancellationCodes(error).includes('ConditionalCheckFailed')) throw error;
        report.alreadyRequested += 1;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey && timeLeft() > SAFETY_MS);
  if (startKey) report.cursor = encode(startKey);
  metrics.addMetric('RescoresRequested', MetricUnit.Count, report.requested);
  logger.info('rescore run', { ...report });
  return report;
}

export const handler = middy(rescore).use(injectLambdaContext(logger)).use(metricsMiddleware());
