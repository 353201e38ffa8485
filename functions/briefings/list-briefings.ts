/**
 * GET /briefings — published briefings, newest first, filtered, one page per
 * request. The same page for every caller (a CDN may cache it), so no token is
 * read: the route has no authorizer (`auth: 'none'` in functions/manifest.ts) and
 * the function bundles no token verifier.
 */
import * as z from 'zod/mini';
import { EntityId, isPublicProfile } from '#domain/entity.ts';
import { ValidationError } from '#domain/errors.ts';
import { LanguageQuery } from '#domain/language.ts';
import { GRADES } from '#domain/scoring.ts';
import { SIGNAL_TYPES } from '#domain/sections.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getProfile } from '#functions/commons/table/entities.ts';
import { listFeed } from '#functions/commons/table/feed.ts';

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;

/** Free-text filter values (region, market class) are matched case-insensitively; control characters are refused. */
const label = z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.regex(/^[^\p{Cc}]+$/u, 'must be printable text'));

const Query = z.strictObject({
  signalType: z.optional(z.enum(SIGNAL_TYPES)),
  region: z.optional(label),
  marketClass: z.optional(label),
  entity: z.optional(EntityId),
  minGrade: z.optional(z.enum(GRADES)),
  /** A briefing is listed under its original language and each translation's (domain/language.ts `feedLanguage`). */
  language: z.optional(LanguageQuery),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE)), DEFAULT_PAGE_SIZE),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
});

export const handler = httpRoute({ access: 'public', viewer: 'ignored', query: Query }, async ({ query, now }) => {
  const { entity, limit, cursor, ...filter } = query;
  const page = await listFeed(
    { ...filter, ...(entity !== undefined ? { entityId: entity } : {}) },
    { limit, now, ...(cursor !== undefined ? { cursor } : {}) },
  );
  // An entity nobody has described (or only a draft names) is a bad filter, not an empty feed. Asked only when the page is empty:
  // an entity with briefings has a profile (briefings create one), so the usual page stays one request.
  if (entity !== undefined && page.items.length === 0 && !page.nextCursor && !isPublicProfile(await getProfile(entity))) {
    throw new ValidationError('the entity filter names no known entity', [{ pointer: 'query:entity', detail: `no entity ${entity}` }]);
  }
  return json(200, page, { 'cache-control': 'public, max-age=30' });
});
