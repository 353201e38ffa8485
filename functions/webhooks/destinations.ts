/**
 * Each partner's delivery path in EventBridge, made when an admin registers the webhook and removed with
 * it: a connection (API-key auth: a random token per partner, sent as `Signal-Webhook-Token`), an API
 * destination (the partner's URL, POST, the partner's rate limit), and a rule on the bus that selects the
 * partner's Webhook Delivery Requested events and targets the API destination with
 *
 * - the body: the event's `detail.body` string through an input transformer whose template is the lone
 *   placeholder, which EventBridge fills with the value unescaped, so the partner receives the bytes that
 *   were signed (the body is minified JSON, which EventBridge's minification leaves as it is);
 * - the headers: `Signal-Signature`, `Signal-Timestamp`, `Signal-Delivery-Id` and `Signal-Event` from the
 *   event (HttpParameters with JSON paths);
 * - retries for at most {@link DELIVERY_MAX_AGE_SECONDS}, within the receivers' replay window (a retry
 *   re-sends the same timestamp), then the dead-letter queue.
 */
import {
  CreateApiDestinationCommand,
  CreateConnectionCommand,
  DeleteApiDestinationCommand,
  DeleteConnectionCommand,
  DeleteRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  type Target,
} from '@aws-sdk/client-eventbridge';
import { REPLAY_WINDOW_SECONDS, WEBHOOK_HEADERS, type Webhook } from '#domain/webhooks.ts';
import { WEBHOOK_DELIVERY_REQUESTED, WEBHOOK_SOURCE } from '#events/webhook-delivery-requested.ts';
import { eventBridgeAdmin } from '#functions/commons/clients/eventbridge-admin.ts';
import { config, requireEnv } from '#functions/commons/config.ts';
import { WEBHOOK_ENV } from '#functions/commons/env.ts';
import { logger } from '#functions/commons/logger.ts';

/** The header the connection's API key travels in: proof the call comes from this deployment's EventBridge, beside the signature. */
export const TOKEN_HEADER = 'Signal-Webhook-Token';
/** A delivery is retried for at most this long (a minute inside the replay window, for clock skew), then dead-lettered. */
export const DELIVERY_MAX_AGE_SECONDS = REPLAY_WINDOW_SECONDS - 60;
export const DELIVERY_MAX_RETRIES = 10;
/** The one target of a partner's rule. */
export const TARGET_ID = 'partner-endpoint';

/** The name of a partner's connection, API destination and rule (the grants allow `<prefix>-*` only). */
export const resourceName = (webhookId: string) => `${requireEnv(WEBHOOK_ENV.namePrefix)}-${webhookId}`;

/** The rule's target: the API destination with the signed body and headers taken from the event. */
export function deliveryTarget(apiDestinationArn: string): Target {
  const header = (field: string) => `$.detail.${field}`;
  return {
    Id: TARGET_ID,
    Arn: apiDestinationArn,
    RoleArn: requireEnv(WEBHOOK_ENV.invocationRoleArn),
    HttpParameters: {
      HeaderParameters: {
        [WEBHOOK_HEADERS.signature]: header('signature'),
        [WEBHOOK_HEADERS.timestamp]: header('timestamp'),
        [WEBHOOK_HEADERS.deliveryId]: header('deliveryId'),
        [WEBHOOK_HEADERS.event]: header('type'),
      },
    },
    InputTransformer: { InputPathsMap: { body: '$.detail.body' }, InputTemplate: '<body>' },
    RetryPolicy: { MaximumRetryAttempts: DELIVERY_MAX_RETRIES, MaximumEventAgeInSeconds: DELIVERY_MAX_AGE_SECONDS },
    DeadLetterConfig: { Arn: requireEnv(WEBHOOK_ENV.deadLetterQueueArn) },
  };
}

/** The pattern of a partner's rule: its own deliveries only. */
export const deliveryPattern = (webhookId: string) => ({
  source: [WEBHOOK_SOURCE],
  'detail-type': [WEBHOOK_DELIVERY_REQUESTED],
  detail: { webhookId: [webhookId] },
});

/**
 * Makes the partner's delivery path. On a failure part-way, what was made is removed again (best effort)
 * and the error is thrown: the registration fails whole and the admin retries.
 */
export async function provisionDestination(
  webhook: Pick<Webhook, 'webhookId' | 'name' | 'url' | 'rateLimitPerSecond'>,
  token: string,
): Promise<void> {
  const name = resourceName(webhook.webhookId);
  const bus = config.eventBusName;
  try {
    const { ConnectionArn } = await eventBridgeAdmin.send(
      new CreateConnectionCommand({
        Name: name,
        Description: `Webhook ${webhook.webhookId} (${webhook.name.slice(0, 200)})`,
        AuthorizationType: 'API_KEY',
        AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: TOKEN_HEADER, ApiKeyValue: token } },
      }),
    );
    const { ApiDestinationArn } = await eventBridgeAdmin.send(
      new CreateApiDestinationCommand({
        Name: name,
        ConnectionArn,
        InvocationEndpoint: webhook.url,
        HttpMethod: 'POST',
        InvocationRateLimitPerSecond: webhook.rateLimitPerSecond,
      }),
    );
    await eventBridgeAdmin.send(
      new PutRuleCommand({
        Name: name,
        EventBusName: bus,
        EventPattern: JSON.stringify(deliveryPattern(webhook.webhookId)),
        State: 'ENABLED',
        Description: `Deliveries of webhook ${webhook.webhookId}`,
      }),
    );
    const targets = await eventBridgeAdmin.send(
      new PutTargetsCommand({ Rule: name, EventBusName: bus, Targets: [deliveryTarget(ApiDestinationArn!)] }),
    );
    if (targets.FailedEntryCount) throw new Error(`PutTargets failed: ${targets.FailedEntries?.[0]?.ErrorMessage ?? 'unknown error'}`);
  } catch (error) {
    await removeDestination(webhook.webhookId).catch((cleanup: unknown) =>
      logger.warn('could not remove a partly made webhook destination', { webhookId: webhook.webhookId, error: String(cleanup) }),
    );
    throw error;
  }
}

/** Removes the partner's delivery path; a part already gone is skipped, so a repeated delete completes. */
export async function removeDestination(webhookId: string): Promise<void> {
  const name = resourceName(webhookId);
  const bus = config.eventBusName;
  const gone = (error: unknown) => {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
  };
  await eventBridgeAdmin.send(new RemoveTargetsCommand({ Rule: name, EventBusName: bus, Ids: [TARGET_ID] })).catch(gone);
  await eventBridgeAdmin.send(new DeleteRuleCommand({ Name: name, EventBusName: bus })).catch(gone);
  await eventBridgeAdmin.send(new DeleteApiDestinationCommand({ Name: name })).catch(gone);
  await eventBridgeAdmin.send(new DeleteConnectionCommand({ Name: name })).catch(gone);
}
