/**
 * Cognito post-confirmation trigger: a reader who confirms their sign-up
 * becomes a Strategy Circle member. Writes the record, its history entry and
 * Entitlement Changed in one transaction; the group sync adds the group (the
 * one writer of groups, so this trigger needs no Cognito rights and the pool
 * and its trigger do not depend on each other).
 *
 * Nothing the client sent (attributes, client metadata) decides the tier.
 * Idempotent: a record that exists is left as it is, so a retried trigger, or
 * a forgotten-password confirmation, grants nothing new.
 */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { signUpEntitlement, UserId } from '#domain/entitlement.ts';
import { entitlementChanged } from '#events/membership-announcements.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { traced, tracer } from '#functions/commons/clients/tracer.ts';
import { logger } from '#functions/commons/logger.ts';
import { metricsMiddleware } from '#functions/commons/metrics.ts';
import '#functions/commons/validation.ts';
import { getEntitlement, saveEntitlement } from '#functions/commons/table/entitlements.ts';
import { VersionConflictError } from '#functions/commons/table/versioning.ts';

const Trigger = z.object({
  triggerSource: z.string(),
  userName: z.string(),
  request: z.object({ userAttributes: z.looseObject({ sub: UserId }) }),
});

async function confirmSignUp(event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> {
  const parsed = Trigger.parse(event);
  if (parsed.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const userId = parsed.request.userAttributes.sub;
  const now = new Date();
  if (await getEntitlement(userId)) {
    logger.info('member already has an entitlement record; sign-up grants nothing new', { userId });
    return event;
  }
  const record = signUpEntitlement(userId, now);
  try {
    await saveEntitlement(
      { ...record, change: 'signed-up', changedBy: record.grantedBy },
      undefined,
      [entitlementChanged(record, 'signed-up', now)],
      now,
    );
    logger.info('Strategy Circle membership recorded', { userId });
  } catch (error) {
    // A concurrent invocation for the same confirmation wrote it first.
    if (!(error instanceof VersionConflictError)) throw error;
  }
  // Cognito expects the event back.
  return event;
}

// Traced like the bus consumers (it runs off the request path, so the tracer's size costs no reader a cold start);
// the document client is shared with API functions, so this trigger wraps it itself.
traced(ddb);

export const handler = middy(confirmSignUp)
  .use(captureLambdaHandler(tracer, { captureResponse: false }))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(metricsMiddleware());
