/**
 * GET /me/access-requests — the caller's own requests for a tier, newest
 * first, with their decisions (not who decided). Open to any signed-in user,
 * like GET /me: a former member may still read how their request was decided.
 */
import * as z from 'zod/mini';
import { memberRequestView } from '#domain/access-request.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { memberAccessRequests } from '#functions/commons/table/access-requests.ts';

export const handler = httpRoute({ access: 'signed-in', query: z.strictObject({}) }, async ({ viewer }) => {
  const items = await memberAccessRequests(viewer.userId!);
  return json(200, { items: items.map(memberRequestView) }, { 'cache-control': 'private, no-store' });
});
