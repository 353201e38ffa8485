/**
 * GET /feeds/{feed} — the published feed as RSS 2.0 (`briefings.rss`), Atom
 * (`briefings.atom`) or JSON Feed 1.1 (`briefings.json`), with the filters of
 * GET /briefings: its newest page, each item the public summary that
 * domain/visibility.ts `syndicate` allows, linking to the briefing. A feed is
 * public and the same for everyone, signed in or not: no token is read (`auth:
 * 'none'`), so feed readers and CDNs may cache it. The ETag is a digest of the
 * document (If-None-Match answers 304).
 */
import * as z from 'zod/mini';
import { NotFoundError } from '#domain/errors.ts';
import { FEED_NAMES, FEEDS, feedHead, isFeedName } from '#domain/syndication.ts';
import { syndicate } from '#domain/visibility.ts';
import { config } from '#functions/commons/config.ts';
import { digestEtag, noneMatchHolds } from '#functions/commons/etag.ts';
import { assertKnownEntity, DEFAULT_PAGE_SIZE, FEED_FILTERS, feedFilterOf, PAGE_SIZE } from '#functions/commons/feed-query.ts';
import { type HttpEvent, httpRoute } from '#functions/commons/http.ts';
import { listFeed } from '#functions/commons/table/feed.ts';
import { renderFeed } from './render-feed.ts';

const Path = z.object({
  feed: z.string().check(z.maxLength(64), z.meta({ description: `The feed's format: ${FEED_NAMES.join(', ')}`, enum: FEED_NAMES })),
});
const Query = z.strictObject({ ...FEED_FILTERS, limit: PAGE_SIZE });

/** `https://host` of this API as the caller reached it (API Gateway answers HTTPS only; the local stack plain HTTP). */
const originOf = (event: HttpEvent) => `${event.headers?.['x-forwarded-proto'] === 'http' ? 'http' : 'https'}://${event.requestContext.domainName}`;

export const handler = httpRoute({ access: 'public', viewer: 'ignored', path: Path, query: Query }, async ({ path, query, now, event }) => {
  if (!isFeedName(path.feed)) throw new NotFoundError(`no feed ${path.feed}: the feeds are ${FEED_NAMES.join(', ')}`);
  const { limit, ...filters } = query;
  const filter = feedFilterOf(filters);
  const page = await listFeed(filter, { limit, now });
  await assertKnownEntity(filter, page);
  const items = page.items.map(syndicate);
  // Links carry the filters as validated (and the page size when it is not the default), in a fixed order.
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && !(key === 'limit' && value === DEFAULT_PAGE_SIZE)) search.set(key, String(value));
  }
  const qs = search.size ? `?${search}` : '';
  const { format, mediaType } = FEEDS[path.feed];
  const body = renderFeed(format, items, {
    origin: originOf(event),
    selfPath: `/feeds/${path.feed}${qs}`,
    listPath: `/briefings${qs}`,
    head: feedHead(filter),
    ...(filter.language ? { language: filter.language } : {}),
    updated: new Date(items[0]?.publishedAt ?? `${config.feedStartMonth}-01T00:00:00.000Z`),
  });
  const headers = {
    'content-type': `${mediaType}; charset=utf-8`,
    'cache-control': 'public, max-age=60',
    etag: digestEtag(body),
  };
  if (noneMatchHolds(event.headers?.['if-none-match'], headers.etag)) return { statusCode: 304, headers };
  return { statusCode: 200, headers, body };
});
