/**
 * The published feed, as pure decisions: which feed entries a briefing has
 * (one per dimension value, in the month bucket of its publication), which
 * entries a change adds, rewrites or removes, which bucket a filtered read
 * walks, and the signed cursor that carries a reader from page to page.
 * Storage formats (key strings) belong to functions/commons/table/feed.ts.
 */
import { createHash } from 'node:crypto';
import type { Briefing } from './briefing.ts';
import { feedLanguage } from './language.ts';
import { compareIds, type Grade, gradeRank } from './scoring.ts';
import { signToken, verifyToken } from './signed-token.ts';
import { stableJson } from './stable-json.ts';
import { type BriefingSummary, summarize } from './visibility.ts';

/**
 * The indexed dimensions, most selective first: a read queries the first one
 * its filter names (`all` when it names none) and filters on the others.
 */
export const FEED_DIMENSIONS = ['entity', 'market', 'region', 'type', 'lang', 'all'] as const;
export type FeedDimension = (typeof FEED_DIMENSIONS)[number];

/** The one value of the `all` dimension. */
export const ALL_VALUE = '*';

/**
 * The oldest month bucket a read walks back to, unless the deployment names a
 * later one (its launch month: `FEED_START_MONTH`, functions/commons/config.ts).
 * Configuration rather than a stored "first publication" item: that item would
 * be written by every publish (one hot key, and transaction conflicts between
 * concurrent publishes). Lower it before backfilling older briefings.
 */
export const FEED_START_MONTH = '2025-01';

/** A month bucket, `yyyy-mm`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Dimensions whose entries are not bucketed by month. A single entity is in a
 * few briefings a month at most, so its one partition stays cold for good, and
 * its page (an entity page, a filter on it) is one Query instead of a walk
 * through mostly empty months. The coarse dimensions (`all`, `type`, `region`,
 * `market`, `lang`) take a share of every publication and are bucketed.
 */
export const UNBUCKETED_DIMENSIONS: readonly FeedDimension[] = ['entity'];

/** The bucket of every entry on an unbucketed dimension (sorts after any `yyyy-mm`). */
export const ALL_TIME = 'all-time';

export const isBucketed = (dimension: FeedDimension) => !UNBUCKETED_DIMENSIONS.includes(dimension);

/** The bucket an entry on `dimension` published at `at` goes in: its month, or {@link ALL_TIME}. */
export const bucketOf = (dimension: FeedDimension, at: string | Date) => (isBucketed(dimension) ? monthOf(at) : ALL_TIME);

/** Queries one request may spend walking month buckets back; a short page with a cursor goes on from there. */
export const FEED_QUERY_BUDGET = 12;

/** What a reader filters the feed by. Values are compared case-folded and trimmed. */
export interface FeedFilter {
  signalType?: string;
  region?: string;
  marketClass?: string;
  entityId?: string;
  minGrade?: Grade;
  language?: string;
}

/**
 * The attributes a non-indexed filter is evaluated on, normalised. An entry
 * carries only those of the dimensions ranked after its own (an entity entry
 * carries market, region, type and languages; an `all` entry none), because a
 * read only ever filters on dimensions less selective than the one it queries;
 * `gradeRank` is on every entry. Keeps the `all` entries small: a page of 20
 * must fit in one read unit pair (8 KB).
 */
export interface FeedFilterAttributes {
  gradeRank: number;
  market?: string;
  region?: string;
  type?: string;
  langs?: string[];
}

/** A translation's headline, and the tag it is written in. */
export interface TranslatedHeadline {
  language: string;
  headline: string;
}

/** One entry of a briefing in the feed: where it sorts and what it holds. */
export interface FeedEntry {
  dimension: FeedDimension;
  /** Normalised value of the dimension (`*` for `all`). */
  value: string;
  /** The bucket: `yyyy-mm` (UTC) of the publication, or {@link ALL_TIME} on an unbucketed dimension. */
  month: string;
  publishedAt: string;
  briefingId: string;
  /** In the entry's language on the `lang` dimension (the translation's headline), in the original elsewhere. */
  summary: BriefingSummary;
  filter: FeedFilterAttributes;
  /**
   * On entries that a language filter is evaluated on (they carry `filter.langs`) of a translated
   * briefing: each translation's headline by feed language, so a filtered read shows the headline in
   * the language asked for ({@link localise}).
   */
  headlines?: Record<string, TranslatedHeadline>;
}

/** Case-folded, trimmed, inner whitespace collapsed: how a value is keyed and compared. */
export function normalise(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The month bucket (`yyyy-mm`, UTC) of an instant. */
export function monthOf(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${String(at)}`);
  return date.toISOString().slice(0, 7);
}

/** The month before a `yyyy-mm` bucket. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${String(y - 1).padStart(4, '0')}-12` : `${String(y).padStart(4, '0')}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The feed languages a briefing is listed under: its original's and every translation's
 * ({@link feedLanguage}: `zh-CN` and `zh-Hans` are `zh`), original first, without repeats.
 */
export function languagesOf(b: Briefing): string[] {
  return [...new Set([b.language, ...Object.keys(b.translations ?? {})].map(feedLanguage))];
}

/**
 * The translation a feed language shows, when it is not the original's: the first of its tags in
 * code-unit order (`zh` before `zh-CN` before `zh-Hans`).
 */
function translationFor(b: Briefing, language: string): TranslatedHeadline | undefined {
  if (feedLanguage(b.language) === language) return undefined;
  const tag = Object.keys(b.translations ?? {})
    .filter((t) => feedLanguage(t) === language)
    .sort(compareIds)[0];
  return tag === undefined ? undefined : { language: tag, headline: b.translations![tag]!.headline };
}

/** A summary shown in another language: that language's headline, and the original named. */
const translated = (summary: BriefingSummary, t: TranslatedHeadline): BriefingSummary => ({
  ...summary,
  language: t.language,
  headline: t.headline,
  originalLanguage: summary.language,
});

/**
 * The summary a read filtered by `language` shows: the entry's own when it is already in that
 * language (every `lang` entry is, and an original in it), else the translation's headline the entry
 * carries. Without a language filter, the original.
 */
export function localise(summary: BriefingSummary, headlines: Record<string, TranslatedHeadline> | undefined, language?: string): BriefingSummary {
  if (language === undefined) return summary;
  const wanted = feedLanguage(language);
  const t = feedLanguage(summary.language) === wanted ? undefined : headlines?.[wanted];
  return t ? translated(summary, t) : summary;
}

const unique = (values: string[]) => [...new Set(values.map(normalise))];

/** The values a briefing has on each dimension. */
function dimensionValues(b: Briefing): Record<FeedDimension, string[]> {
  const brief = b.sections.signalBrief;
  return {
    entity: unique(b.entities.map((e) => e.entityId)),
    market: unique([brief.marketClass]),
    region: unique([brief.region]),
    type: unique([brief.signalType]),
    lang: languagesOf(b),
    all: [ALL_VALUE],
  };
}

/** Filter attributes of an entry on `dimension`: those of the dimensions after it, plus the grade. */
function filterAttributes(values: Record<FeedDimension, string[]>, dimension: FeedDimension, b: Briefing): FeedFilterAttributes {
  const after = FEED_DIMENSIONS.slice(FEED_DIMENSIONS.indexOf(dimension) + 1);
  return {
    gradeRank: gradeRank(b.confidence.grade),
    ...(after.includes('market') ? { market: values.market[0]! } : {}),
    ...(after.includes('region') ? { region: values.region[0]! } : {}),
    ...(after.includes('type') ? { type: values.type[0]! } : {}),
    ...(after.includes('lang') ? { langs: values.lang } : {}),
  };
}

/**
 * Every feed entry of a briefing in this state: one per value of every
 * dimension while it is published (1 + 1 + 1 + 1 + entities + languages),
 * none as a draft or once retracted.
 */
export function feedEntries(b: Briefing | undefined): FeedEntry[] {
  if (b?.status !== 'published' || !b.publishedAt) return [];
  const values = dimensionValues(b);
  const summary = summarize(b);
  const headlines = Object.fromEntries(
    values.lang.flatMap((language) => {
      const t = translationFor(b, language);
      return t ? [[language, t]] : [];
    }),
  );
  const translatedInto = (language: string) => (headlines[language] ? translated(summary, headlines[language]) : summary);
  return FEED_DIMENSIONS.flatMap((dimension) =>
    values[dimension].map((value) => {
      const filter = filterAttributes(values, dimension, b);
      return {
        dimension,
        value,
        month: bucketOf(dimension, b.publishedAt!),
        publishedAt: b.publishedAt!,
        briefingId: b.briefingId,
        summary: dimension === 'lang' ? translatedInto(value) : summary,
        filter,
        ...(filter.langs && Object.keys(headlines).length > 0 ? { headlines } : {}),
      };
    }),
  );
}

/** Identity of an entry's place in the feed (not a storage key). */
export const entryIdentity = (e: Pick<FeedEntry, 'dimension' | 'value' | 'month' | 'publishedAt' | 'briefingId'>) =>
  JSON.stringify([e.dimension, e.value, e.month, e.publishedAt, e.briefingId]);

const content = (e: FeedEntry) => stableJson([e.summary, e.filter, e.headlines ?? null]);

/**
 * What makes the stored entries of `prev` match `next`: entries of `next`
 * that are new or whose content changed are put, entries of `prev` that
 * `next` no longer has are deleted; unchanged entries are left alone.
 */
export function planFeedChanges(prev: Briefing | undefined, next: Briefing): { puts: FeedEntry[]; deletes: FeedEntry[] } {
  const before = new Map(feedEntries(prev).map((e) => [entryIdentity(e), e]));
  const after = feedEntries(next);
  const kept = new Set(after.map(entryIdentity));
  return {
    puts: after.filter((e) => {
      const old = before.get(entryIdentity(e));
      return !old || content(old) !== content(e);
    }),
    deletes: [...before.entries()].filter(([id]) => !kept.has(id)).map(([, e]) => e),
  };
}

/** The dimension a filtered read queries, and the normalised value on it. */
export function queryDimension(filter: FeedFilter): { dimension: FeedDimension; value: string } {
  if (filter.entityId !== undefined) return { dimension: 'entity', value: normalise(filter.entityId) };
  if (filter.marketClass !== undefined) return { dimension: 'market', value: normalise(filter.marketClass) };
  if (filter.region !== undefined) return { dimension: 'region', value: normalise(filter.region) };
  if (filter.signalType !== undefined) return { dimension: 'type', value: normalise(filter.signalType) };
  if (filter.language !== undefined) return { dimension: 'lang', value: feedLanguage(filter.language) };
  return { dimension: 'all', value: ALL_VALUE };
}

/**
 * The filter conditions left once the queried dimension is chosen: the other
 * named dimensions (each less selective, so carried by the entry) and the grade.
 */
export function residualFilter(filter: FeedFilter): { market?: string; region?: string; type?: string; lang?: string; minGradeRank?: number } {
  const { dimension } = queryDimension(filter);
  const later = FEED_DIMENSIONS.slice(FEED_DIMENSIONS.indexOf(dimension) + 1);
  const pick = (d: FeedDimension, v: string | undefined) => (v !== undefined && later.includes(d) ? normalise(v) : undefined);
  const residual = {
    market: pick('market', filter.marketClass),
    region: pick('region', filter.region),
    type: pick('type', filter.signalType),
    lang: filter.language !== undefined && later.includes('lang') ? feedLanguage(filter.language) : undefined,
    minGradeRank: filter.minGrade !== undefined ? gradeRank(filter.minGrade) : undefined,
  };
  return Object.fromEntries(Object.entries(residual).filter(([, v]) => v !== undefined));
}

/** Does an entry pass the residual filter? (What the table's FilterExpression evaluates, for tests and in-memory use.) */
export function passesResidual(attrs: FeedFilterAttributes, residual: ReturnType<typeof residualFilter>): boolean {
  return (
    (residual.market === undefined || attrs.market === residual.market) &&
    (residual.region === undefined || attrs.region === residual.region) &&
    (residual.type === undefined || attrs.type === residual.type) &&
    (residual.lang === undefined || (attrs.langs ?? []).includes(residual.lang)) &&
    (residual.minGradeRank === undefined || attrs.gradeRank >= residual.minGradeRank)
  );
}

/** A short digest of the normalised filter: a cursor is valid for the query that issued it only. */
export function filterDigest(filter: FeedFilter): string {
  const canonical = [filter.entityId, filter.marketClass, filter.region, filter.signalType].map((v) => (v === undefined ? null : normalise(v)));
  // `zh-CN` and `zh` read the same entries, so a cursor of one serves the other.
  canonical.push(filter.language === undefined ? null : feedLanguage(filter.language));
  return createHash('sha256')
    .update(JSON.stringify([...canonical, filter.minGrade ?? null]))
    .digest('base64url')
    .slice(0, 16);
}

/** Where the next page starts: a bucket (a month, or {@link ALL_TIME}) and, within it, the sort position of the last entry read. */
export interface FeedPosition {
  month: string;
  /** The last entry's sort position in that month; absent: the month from its newest entry. */
  after?: string;
}

const CURSOR_VERSION = 1;

/** Why a cursor was refused; the HTTP edge maps every reason to 400 on `query:cursor`. */
export type CursorProblem = 'malformed' | 'tampered' | 'foreign';

export class CursorError extends Error {
  constructor(readonly problem: CursorProblem) {
    super(
      problem === 'foreign'
        ? 'the cursor belongs to another query (different filters)'
        : problem === 'tampered'
          ? 'the cursor was not issued by this API or was altered'
          : 'the cursor is not one this API issued',
    );
    this.name = 'CursorError';
  }
}

/** An opaque cursor: a signed token (signed-token.ts) of the position and the filter's digest. */
export function encodeCursor(position: FeedPosition, filter: FeedFilter, key: string): string {
  return signToken(
    { v: CURSOR_VERSION, m: position.month, ...(position.after !== undefined ? { a: position.after } : {}), f: filterDigest(filter) },
    key,
  );
}

/**
 * The position a cursor carries, once its signature and filter check out:
 * `malformed` (not two base64url parts), `tampered` (signature), `foreign`
 * (issued for other filters). Nothing of an unverified cursor is trusted.
 */
export function decodeCursor(cursor: string, filter: FeedFilter, key: string): FeedPosition {
  const verified = verifyToken(cursor, key);
  if ('problem' in verified) throw new CursorError(verified.problem);
  const { v, m, a, f } = verified.claims;
  if (
    v !== CURSOR_VERSION ||
    typeof m !== 'string' ||
    !(MONTH_PATTERN.test(m) || m === ALL_TIME) ||
    (a !== undefined && typeof a !== 'string') ||
    typeof f !== 'string'
  ) {
    throw new CursorError('malformed');
  }
  if (f !== filterDigest(filter)) throw new CursorError('foreign');
  return { month: m, ...(a !== undefined ? { after: a } : {}) };
}
