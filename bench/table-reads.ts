/** The floor reads the bench measures next to the API: built from the table's own key module and schema. */
import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ALL_VALUE, monthOf } from '../domain/feed.ts';
import { briefingKey, partsRange } from '../functions/commons/table/briefings.ts';
import { feedPartition } from '../functions/commons/table/feed.ts';

/** One eventually consistent read of a briefing's head item (`P`: status, version, public sections). */
export const briefingGetItem = (tableName: string, briefingId: string) =>
  new GetItemCommand({ TableName: tableName, Key: marshall(briefingKey(briefingId)) });

/** What GET /briefings/{id} reads for an anonymous reader: one eventually consistent Query of the public parts (every language). */
export const briefingPublicQuery = (tableName: string, briefingId: string) => {
  const range = partsRange('public');
  return new QueryCommand({
    TableName: tableName,
    KeyConditionExpression: range.KeyConditionExpression,
    ExpressionAttributeValues: marshall({ ':pk': briefingKey(briefingId).pk, ...range.ExpressionAttributeValues }),
  });
};

/**
 * One page of the published feed, newest first, as GET /briefings without
 * filters reads it: this month's bucket of the `all` feed (the bench publishes now).
 */
export const feedPageQuery = (tableName: string, limit = 20, now = new Date()) =>
  new QueryCommand({
    TableName: tableName,
    KeyConditionExpression: 'pk = :feed',
    ExpressionAttributeValues: { ':feed': { S: feedPartition('all', ALL_VALUE, monthOf(now)) } },
    ProjectionExpression: 'summary',
    ScanIndexForward: false,
    Limit: limit,
  });
