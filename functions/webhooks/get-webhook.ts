/** GET /webhooks/{webhookId}: an admin reads one partner webhook (never its secret). */
import * as z from 'zod/mini';
import { NotFoundError } from '#domain/errors.ts';
import { WebhookId } from '#domain/webhooks.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getWebhook } from '#functions/commons/table/webhooks.ts';
import { viewOf } from './webhook-secrets.ts';

const Path = z.object({ webhookId: WebhookId });

export const handler = httpRoute({ access: ['admin'], path: Path }, async ({ path }) => {
  const webhook = await getWebhook(path.webhookId);
  if (!webhook) throw new NotFoundError(`no webhook ${path.webhookId}`);
  return json(200, viewOf(webhook), { 'cache-control': 'private, no-store' });
});
