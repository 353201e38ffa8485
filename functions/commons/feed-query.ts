/**
 * The filters of the published feed as a query string, shared by the routes
 * that read it (`GET /briefings`, `GET /feeds/{feed}`), so both accept and
 * refuse exactly the same values.
 */
import * as z from 'zod/mini';
import { EntityId, isPublicProfile } from '#domain/entity.ts';
import { ValidationError } from '#domain/errors.ts';
import type { FeedFilter } from '#domain/feed.ts';
import { LanguageQuery } from '#domain/language.ts';
import { GRADES } from '#domain/scoring.ts';
import { SIGNAL_TYPES } from '#domain/sections.ts';
import { getProfile } from './table/entities.ts';

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;

/** Free-text filter values (region, market class) are matched case-insensitively; control characters are refused. */
const label = z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.regex(/^[^\p{Cc}]+$/u, 'must be printable text'));

/** The filters, as query parameters. */
export const FEED_FILTERS = {
  signalType: z.optional(z.enum(SIGNAL_TYPES)),
  region: z.optional(label),
  marketClass: z.optional(label),
  entity: z.optional(EntityId),
  minGrade: z.optional(z.enum(GRADES)),
  /** A briefing is listed under its original language and each translation's (domain/language.ts `feedLanguage`). */
  language: z.optional(LanguageQuery),
};

/** The page size: 1 to {@link MAX_PAGE_SIZE}, {@link DEFAULT_PAGE_SIZE} unless asked. */
export const PAGE_SIZE = z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE)), DEFAULT_PAGE_SIZE);

type FilterQuery = { [K in keyof typeof FEED_FILTERS]?: z.output<(typeof FEED_FILTERS)[K]> };

/** The feed filter a validated query names (`entity` is the filter's `entityId`). */
export function feedFilterOf(query: FilterQuery): FeedFilter {
  const { entity, ...rest } = query;
  return { ...rest, ...(entity !== undefined ? { entityId: entity } : {}) };
}

/**
 * An entity nobody has described (or only a draft names) is a bad filter, not an empty feed. Asked only when the
 * page is empty: an entity with briefings has a profile (briefings create one), so the usual page stays one request.
 */
export async function assertKnownEntity(filter: FeedFilter, page: { items: readonly unknown[]; nextCursor?: string }): Promise<void> {
  const entity = filter.entityId;
  if (entity === undefined || page.items.length > 0 || page.nextCursor) return;
  if (!isPublicProfile(await getProfile(entity))) {
    throw new ValidationError('the entity filter names no known entity', [{ pointer: 'query:entity', detail: `no entity ${entity}` }]);
  }
}
