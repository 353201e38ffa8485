/**
 * GET /briefings — published briefings, newest first, filtered, one page per
 * request. The same page for every caller (a CDN may cache it), so no token is
 * read: the route has no authorizer (`auth: 'none'` in functions/manifest.ts) and
 * the function bundles no token verifier.
 */
import * as z from 'zod/mini';
import { assertKnownEntity, FEED_FILTERS, feedFilterOf, PAGE_SIZE } from '#functions/commons/feed-query.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { listFeed } from '#functions/commons/table/feed.ts';

const Query = z.strictObject({
  ...FEED_FILTERS,
  limit: PAGE_SIZE,
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
});

export const handler = httpRoute({ access: 'public', viewer: 'ignored', query: Query }, async ({ query, now }) => {
  const { limit, cursor, ...filters } = query;
  const filter = feedFilterOf(filters);
  const page = await listFeed(filter, { limit, now, ...(cursor !== undefined ? { cursor } : {}) });
  await assertKnownEntity(filter, page);
  return json(200, page, { 'cache-control': 'public, max-age=30' });
});
