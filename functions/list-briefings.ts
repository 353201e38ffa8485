/** GET /briefings — published briefings, newest first, one page per request. */
import * as z from 'zod';
import { httpRoute, json } from './commons/http.ts';
import { listPublished } from './commons/table/briefings.ts';

export const MAX_PAGE_SIZE = 50;

const Query = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  cursor: z.string().min(1).max(1024).optional(),
});

export const handler = httpRoute({ access: 'public', viewer: 'ignored', query: Query }, async ({ query }) => {
  const page = await listPublished(query);
  return json(200, page, { 'cache-control': 'public, max-age=30' });
});
