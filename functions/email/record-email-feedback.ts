/**
 * Bounces and complaints (docs/email.md): the SES configuration set's event destination puts them on the account's
 * default event bus (`aws.ses`, `Email Bounced` / `Email Complained`); a rule hands them here. A permanent bounce or
 * a complaint marks the address suppressed, and the sender skips a suppressed address from then on. A transient
 * bounce (a full mailbox) is logged only: SES retried it already, and the next email may get through.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { traced, tracer } from '#functions/commons/clients/tracer.ts';
import { logger } from '#functions/commons/logger.ts';
import { MetricUnit, metrics, metricsMiddleware } from '#functions/commons/metrics.ts';
import { suppress } from '#functions/commons/table/email.ts';
import '#functions/commons/validation.ts';

traced(ddb);

const Recipients = z.array(z.object({ emailAddress: z.string() }));
/** The parts of an SES event (the event destination's `detail`) this function reads. */
const SesFeedback = z.union([
  z.object({ eventType: z.literal('Bounce'), bounce: z.object({ bounceType: z.string(), bouncedRecipients: Recipients }) }),
  z.object({ eventType: z.literal('Complaint'), complaint: z.object({ complainedRecipients: Recipients }) }),
]);

async function record(event: EventBridgeEvent<string, unknown>): Promise<void> {
  const parsed = z.safeParse(SesFeedback, event.detail);
  if (!parsed.success) {
    logger.error('SES event this function does not read; ignored', { detailType: event['detail-type'], issues: parsed.error.issues });
    return;
  }
  const detail = parsed.data;
  const now = new Date();
  if (detail.eventType === 'Bounce') {
    if (detail.bounce.bounceType !== 'Permanent') return logger.info('transient bounce; not suppressed', { bounceType: detail.bounce.bounceType });
    for (const r of detail.bounce.bouncedRecipients) await suppress(r.emailAddress, 'bounce', now);
    metrics.addMetric('AddressesSuppressed', MetricUnit.Count, detail.bounce.bouncedRecipients.length);
    return;
  }
  for (const r of detail.complaint.complainedRecipients) await suppress(r.emailAddress, 'complaint', now);
  metrics.addMetric('AddressesSuppressed', MetricUnit.Count, detail.complaint.complainedRecipients.length);
}

export const handler = middy(record)
  .use(captureLambdaHandler(tracer, { captureResponse: false }))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(metricsMiddleware());
