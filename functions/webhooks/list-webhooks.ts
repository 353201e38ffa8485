/** GET /webhooks: admins list the registered partner webhooks (never their secrets). */
import { httpRoute, json } from '#functions/commons/http.ts';
import { listWebhooks } from '#functions/commons/table/webhooks.ts';
import { viewOf } from './webhook-secrets.ts';

export const handler = httpRoute({ access: ['admin'] }, async () => {
  const webhooks = await listWebhooks({ consistent: true });
  return json(200, { items: webhooks.map(viewOf) }, { 'cache-control': 'private, no-store' });
});
