/** GET /me — the caller's tier and roles as the API grants them now, and until when. */
import { selfView } from '#domain/entitlement.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getEntitlement } from '#functions/commons/table/entitlements.ts';

export const handler = httpRoute({ access: 'signed-in' }, async ({ viewer, now }) => {
  const record = await getEntitlement(viewer.userId!);
  return json(200, selfView(viewer, record, now), { 'cache-control': 'private, no-store' });
});
