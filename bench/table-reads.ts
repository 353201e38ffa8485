/**
 * The reads the handlers do, as bare SDK commands, for the floors the bench
 * measures next to the API: built from the table's own key modules and the
 * domain's feed rules, so a key change there changes them too.
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { bucketOf, type FeedFilter, queryDimension } from '#domain/feed.ts';
import type { BriefingParts } from '#domain/visibility.ts';
import { partsRange } from '#functions/commons/table/briefings.ts';
import { briefingKey, feedPartition } from '#functions/commons/table/keys.ts';

/** One eventually consistent Query of the parts a reader may see (every language), as GET /briefings/{id} reads them. */
const briefingPartsQuery = (tableName: string, briefingId: string, parts: BriefingParts) => {
  const range = partsRange(parts);
  return new QueryCommand({
    TableName: tableName,
    KeyConditionExpression: range.KeyConditionExpression,
    ExpressionAttributeValues: marshall({ ':pk': briefingKey(briefingId).pk, ...range.ExpressionAttributeValues }),
  });
};

/** What an anonymous reader's GET /briefings/{id} reads: the head (`P`) and its translations' public parts. */
export const briefingPublicQuery = (tableName: string, briefingId: string) => briefingPartsQuery(tableName, briefingId, 'public');

/** What a member's GET /briefings/{id} reads (besides their entitlement record, cached for a minute): `M`… to `P~`. */
export const briefingMemberQuery = (tableName: string, briefingId: string) => briefingPartsQuery(tableName, briefingId, 'member');

/**
 * One page of the published feed, newest first, as GET /briefings reads it:
 * the current bucket of the dimension the filter queries (`all` without one;
 * the bench publishes now, so the page is full in the first bucket). The
 * projection is the entry's `summary`, the one attribute a list item is made of.
 */
export const feedPageQuery = (tableName: string, opts: { limit?: number; filter?: FeedFilter; now?: Date } = {}) => {
  const { dimension, value } = queryDimension(opts.filter ?? {});
  return new QueryCommand({
    TableName: tableName,
    KeyConditionExpression: 'pk = :feed',
    ExpressionAttributeValues: { ':feed': { S: feedPartition(dimension, value, bucketOf(dimension, opts.now ?? new Date())) } },
    ProjectionExpression: 'summary',
    ScanIndexForward: false,
    Limit: opts.limit ?? 20,
  });
};
