/**
 * POST /webhooks/{webhookId}/secret: an admin replaces a partner's signing secret (a leak, a hand-over).
 * The new secret is shown once, here; deliveries prepared from now on are signed with it alone.
 */
import * as z from 'zod/mini';
import { NotFoundError } from '#domain/errors.ts';
import { WebhookId } from '#domain/webhooks.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getWebhook, saveWebhook } from '#functions/commons/table/webhooks.ts';
import { newSigningSecret } from './webhook-secrets.ts';

const Path = z.object({ webhookId: WebhookId });

export const handler = httpRoute({ access: ['admin'], path: Path }, async ({ path, now }) => {
  const current = await getWebhook(path.webhookId);
  if (!current) throw new NotFoundError(`no webhook ${path.webhookId}`);
  const rotated = { ...current, signingSecret: newSigningSecret(), secretRotatedAt: now.toISOString() };
  await saveWebhook(rotated, 'replace');
  return json(200, rotated, { 'cache-control': 'no-store' });
});
