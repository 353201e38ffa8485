/**
 * GET /access-requests?status=&limit=&cursor= — admins page through members'
 * requests for a tier: the open ones (the default) oldest first, the approved
 * or declined ones newest first, each with the member's reason (admins need it
 * to decide).
 */
import * as z from 'zod/mini';
import { ACCESS_REQUEST_STATUSES } from '#domain/access-request.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { listAccessRequests } from '#functions/commons/table/access-requests.ts';

export const MAX_PAGE = 50;
export const DEFAULT_PAGE = 20;

const Query = z.strictObject({
  status: z._default(z.enum(ACCESS_REQUEST_STATUSES), 'open'),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE)), DEFAULT_PAGE),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
});

export const handler = httpRoute({ access: ['admin'], query: Query }, async ({ query }) => {
  const page = await listAccessRequests(query.status, query.limit, query.cursor);
  return json(200, page, { 'cache-control': 'private, no-store' });
});
