/**
 * POST /webhooks/{webhookId}/secret: an admin replaces a partner's signing secret. The new secret is shown
 * once, here. The previous one keeps signing beside it for `overlapHours` (default 24), so the partner can
 * switch without refusing a delivery; after a leak, send `{"overlapHours": 0}`: from now on only the new one signs.
 */
import * as z from 'zod/mini';
import { NotFoundError } from '#domain/errors.ts';
import { DEFAULT_ROTATION_OVERLAP_HOURS, RotateInput, rotateSecret, WebhookId } from '#domain/webhooks.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getWebhook, saveWebhook } from '#functions/commons/table/webhooks.ts';
import { newSigningSecret, viewOf } from './webhook-secrets.ts';

const Path = z.object({ webhookId: WebhookId });

export const handler = httpRoute({ access: ['admin'], path: Path, body: RotateInput }, async ({ path, body, now }) => {
  const current = await getWebhook(path.webhookId);
  if (!current) throw new NotFoundError(`no webhook ${path.webhookId}`);
  const rotated = rotateSecret(current, newSigningSecret(), { now, overlapHours: body?.overlapHours ?? DEFAULT_ROTATION_OVERLAP_HOURS });
  await saveWebhook(rotated, 'replace');
  // The new secret, once; never the previous one.
  return json(200, { ...viewOf(rotated), signingSecret: rotated.signingSecret }, { 'cache-control': 'no-store' });
});
