/**
 * POST /webhooks: an admin registers a partner's endpoint with a tier and a filter. The partner's
 * delivery path (connection, API destination, rule; functions/webhooks/destinations.ts) is made first,
 * then the webhook is stored with its signing secret, which this answer shows once.
 */
import { ValidationError } from '#domain/errors.ts';
import { endpointProblem, type Webhook, WebhookInput } from '#domain/webhooks.ts';
import { WEBHOOK_ENV } from '#functions/commons/env.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { saveWebhook } from '#functions/commons/table/webhooks.ts';
import { provisionDestination, removeDestination } from './destinations.ts';
import { newDeliveryToken, newSigningSecret, newWebhookId } from './webhook-secrets.ts';

export const handler = httpRoute({ access: ['admin'], body: WebhookInput }, async ({ body, viewer, now }) => {
  const problem = endpointProblem(body.url, { allowLoopbackHttp: process.env[WEBHOOK_ENV.allowLoopbackHttp] === 'true' });
  if (problem) throw new ValidationError('the webhook URL cannot receive deliveries', [{ pointer: '#/url', detail: problem }]);
  const webhook: Webhook = {
    webhookId: newWebhookId(),
    ...body,
    createdAt: now.toISOString(),
    createdBy: viewer.userId!,
    secretRotatedAt: now.toISOString(),
    signingSecret: newSigningSecret(),
  };
  await provisionDestination(webhook, newDeliveryToken());
  try {
    await saveWebhook(webhook, 'create');
  } catch (error) {
    await removeDestination(webhook.webhookId);
    throw error;
  }
  return json(201, webhook, { location: `/webhooks/${webhook.webhookId}`, 'cache-control': 'no-store' });
});
