/** The floor reads the bench measures next to the API: built from the table's own key module and schema. */
import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { briefingKey, FEED_PUBLISHED } from '../functions/commons/table/briefings.ts';
import { TABLE_SCHEMA } from '../functions/commons/table/schema.ts';

/** One eventually consistent read of a whole briefing item. */
export const briefingGetItem = (tableName: string, briefingId: string) =>
  new GetItemCommand({ TableName: tableName, Key: marshall(briefingKey(briefingId)) });

/** One page of the published feed, newest first, as GET /briefings reads it. */
export const feedPageQuery = (tableName: string, limit = 20) =>
  new QueryCommand({
    TableName: tableName,
    IndexName: TABLE_SCHEMA.gsi1.indexName,
    KeyConditionExpression: `${TABLE_SCHEMA.gsi1.partitionKey} = :feed`,
    ExpressionAttributeValues: { ':feed': { S: FEED_PUBLISHED } },
    ScanIndexForward: false,
    Limit: limit,
  });
