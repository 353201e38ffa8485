/**
 * Feed entries: key formats, item mapping and the feed read.
 *
 *   FEED#<dimension>=<value>#<bucket> / <publishedAt>#<briefingId>
 *
 * One entry per published briefing and dimension value (`all=*`, `type`,
 * `region`, `market`, `entity`, `lang`), in the base table, bucketed by the
 * month of publication (`yyyy-mm`) so no partition key takes every publish,
 * except per entity (`all-time`: an entity's key stays cold; docs/feeds.md).
 * An entry holds the public `summary` (in the entry's language on `lang`), the
 * normalised attributes a read filters on and, where a language filter is
 * evaluated, the translations' headlines (`fHeads`). The value is normalised (case-folded, trimmed); a partition key
 * maps back to exactly one (dimension, value, bucket): the bucket is the
 * suffix after the last `#`, and dimensions contain no `=`.
 */
import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Briefing } from '#domain/briefing.ts';
import { ValidationError } from '#domain/errors.ts';
import {
  ALL_TIME,
  CursorError,
  decodeCursor,
  encodeCursor,
  FEED_QUERY_BUDGET,
  type FeedEntry,
  type FeedFilter,
  type FeedPosition,
  isBucketed,
  localise,
  monthOf,
  planFeedChanges,
  previousMonth,
  queryDimension,
  residualFilter,
  type TranslatedHeadline,
} from '#domain/feed.ts';
import type { BriefingSummary } from '#domain/visibility.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { parseAttributes, storedEntity } from './item.ts';
import { feedEntryKey, feedPartition } from './keys.ts';
import type { TransactItem } from './transact.ts';

export type { FeedFilter } from '#domain/feed.ts';

/**
 * Attribute names on an entry. Short on purpose: an `all` entry is read 20 to
 * a page, and the page must stay within 8 KB (one read unit, eventually consistent).
 */
const ATTR = {
  summary: 'summary',
  gradeRank: 'gradeRank',
  market: 'fMarket',
  region: 'fRegion',
  type: 'fType',
  langs: 'fLangs',
  headlines: 'fHeads',
} as const;

/**
 * What a feed read projects from an entry, as it checks it. Entries carry no `entity` attribute (every
 * byte of an `all` page counts); their partition says what they are. The names are ATTR's, which the
 * type holds them to (computed from ATTR, esbuild would keep this in bundles that never read the feed).
 */
const ENTRY = /* @__PURE__ */ storedEntity<{ [ATTR.summary]: BriefingSummary; [ATTR.headlines]?: Record<string, TranslatedHeadline> }>('feed-entry', {
  summary: 'map',
  fHeads: 'map?',
});

export function toEntryItem(e: FeedEntry): Record<string, unknown> {
  const { gradeRank, market, region, type, langs } = e.filter;
  return {
    ...feedEntryKey(e),
    [ATTR.summary]: e.summary,
    [ATTR.gradeRank]: gradeRank,
    ...(market !== undefined ? { [ATTR.market]: market } : {}),
    ...(region !== undefined ? { [ATTR.region]: region } : {}),
    ...(type !== undefined ? { [ATTR.type]: type } : {}),
    ...(langs !== undefined ? { [ATTR.langs]: langs } : {}),
    ...(e.headlines !== undefined ? { [ATTR.headlines]: e.headlines } : {}),
  };
}

/**
 * The puts and deletes that make a briefing's feed entries match `next`
 * (entries for every dimension while published, none otherwise): entries of
 * `prev` that `next` has not are deleted, new or changed ones are put,
 * unchanged ones are not written. The caller adds them to the transaction that
 * writes the briefing itself, so the feed never shows a half-written change.
 */
export function feedWrites(prev: Briefing | undefined, next: Briefing): TransactItem[] {
  const { puts, deletes } = planFeedChanges(prev, next);
  const TableName = config.tableName;
  return [
    ...deletes.map((e): TransactItem => ({ Delete: { TableName, Key: feedEntryKey(e) } })),
    ...puts.map((e): TransactItem => ({ Put: { TableName, Item: toEntryItem(e) } })),
  ];
}

/** The FilterExpression of what the queried dimension leaves to check, or nothing. */
function filterExpression(
  filter: FeedFilter,
): Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
  const residual = residualFilter(filter);
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const dim of ['market', 'region', 'type'] as const) {
    const value = residual[dim];
    if (value === undefined) continue;
    conditions.push(`#${dim} = :${dim}`);
    names[`#${dim}`] = ATTR[dim];
    values[`:${dim}`] = value;
  }
  if (residual.lang !== undefined) {
    conditions.push('contains(#langs, :lang)');
    names['#langs'] = ATTR.langs;
    values[':lang'] = residual.lang;
  }
  if (residual.minGradeRank !== undefined) {
    conditions.push('#grade >= :grade');
    names['#grade'] = ATTR.gradeRank;
    values[':grade'] = residual.minGradeRank;
  }
  return conditions.length ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values } : {};
}

function positionOf(cursor: string, filter: FeedFilter): FeedPosition {
  try {
    return decodeCursor(cursor, filter, config.cursorSigningKey);
  } catch (error) {
    if (error instanceof CursorError)
      throw new ValidationError('the cursor is not valid for this query', [{ pointer: 'query:cursor', detail: error.message }]);
    throw error;
  }
}

/**
 * One page of published briefings matching `filter`, newest first. Queries the
 * most selective dimension the filter names, month by month back from the
 * cursor's month (or `now`'s), filtering the rest, until the page is full, the
 * query budget is spent or the feed's first month is passed. A page may be
 * short and still carry a `nextCursor`; no cursor means the end.
 */
export async function listFeed(
  filter: FeedFilter,
  page: { limit: number; cursor?: string; now?: Date },
): Promise<{ items: BriefingSummary[]; nextCursor?: string }> {
  const { dimension, value } = queryDimension(filter);
  const bucketed = isBucketed(dimension);
  const startMonth = config.feedStartMonth;
  let position: FeedPosition | undefined = page.cursor
    ? positionOf(page.cursor, filter)
    : { month: bucketed ? monthOf(page.now ?? new Date()) : ALL_TIME };
  const items: BriefingSummary[] = [];
  const residual = filterExpression(filter);
  // A language read on another dimension shows each translated briefing's headline in that language (fHeads).
  const localised = filter.language !== undefined && dimension !== 'lang';
  for (let queries = 0; position && queries < FEED_QUERY_BUDGET && items.length < page.limit; queries++) {
    if (position.month < startMonth) {
      position = undefined;
      break;
    }
    const pk = feedPartition(dimension, value, position.month);
    const { Items = [], LastEvaluatedKey }: QueryCommandOutput = await ddb.send(
      new QueryCommand({
        TableName: config.tableName,
        KeyConditionExpression: 'pk = :pk',
        ...residual,
        ExpressionAttributeValues: { ...residual.ExpressionAttributeValues, ':pk': pk },
        ProjectionExpression: localised ? '#summary, #heads' : '#summary',
        ExpressionAttributeNames: {
          ...residual.ExpressionAttributeNames,
          '#summary': ATTR.summary,
          ...(localised ? { '#heads': ATTR.headlines } : {}),
        },
        ScanIndexForward: false,
        Limit: page.limit - items.length,
        // Built from the verified cursor's month and the request's own filter, never from client data as such.
        ...(position.after !== undefined ? { ExclusiveStartKey: { pk, sk: position.after } } : {}),
      }),
    );
    items.push(
      ...Items.map((item) => {
        const entry = parseAttributes(ENTRY, item);
        return localise(entry[ATTR.summary], entry[ATTR.headlines], filter.language);
      }),
    );
    const last: unknown = LastEvaluatedKey?.['sk'];
    position = typeof last === 'string' ? { month: position.month, after: last } : bucketed ? { month: previousMonth(position.month) } : undefined;
  }
  if (position && position.month < startMonth) position = undefined;
  return { items, ...(position ? { nextCursor: encodeCursor(position, filter, config.cursorSigningKey) } : {}) };
}

/**
 * The newest `limit` published briefings naming an entity: one Query of its
 * all-time partition (entity entries are not bucketed by month), no cursor.
 * For the entity page, which shows the latest few and links to the feed.
 */
export async function recentForEntity(entityId: string, limit: number): Promise<BriefingSummary[]> {
  const { Items = [] }: QueryCommandOutput = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': feedPartition('entity', queryDimension({ entityId }).value, ALL_TIME) },
      ProjectionExpression: '#summary',
      ExpressionAttributeNames: { '#summary': ATTR.summary },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map((item) => parseAttributes(ENTRY, item)[ATTR.summary]);
}
