/**
 * DELETE /webhooks/{webhookId}: an admin removes a partner webhook: its delivery path first (no delivery
 * starts after the answer), then the webhook and its secret. Deliveries already being retried may still arrive.
 */
import * as z from 'zod/mini';
import { NotFoundError } from '#domain/errors.ts';
import { WebhookId } from '#domain/webhooks.ts';
import { httpRoute } from '#functions/commons/http.ts';
import { deleteWebhook, getWebhook } from '#functions/commons/table/webhooks.ts';
import { removeDestination } from './destinations.ts';

const Path = z.object({ webhookId: WebhookId });

export const handler = httpRoute({ access: ['admin'], path: Path }, async ({ path }) => {
  if (!(await getWebhook(path.webhookId))) throw new NotFoundError(`no webhook ${path.webhookId}`);
  await removeDestination(path.webhookId);
  await deleteWebhook(path.webhookId);
  return { statusCode: 204, headers: { 'cache-control': 'no-store' } };
});
