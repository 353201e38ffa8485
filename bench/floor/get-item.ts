/**
 * The cold-start floor: the least a function that reads one briefing can be.
 * One DynamoDB GetItem of the briefing's head item with the plain SDK client,
 * no validation, logging or auth. The bench bundles it with the same construct
 * as the real functions.
 *
 * The key is written out here rather than imported from
 * functions/commons/table/briefings.ts: the floor must bundle nothing of ours
 * (the key module would bring the document client, config and the domain with
 * it). It is that module's head key: `BRIEFING#<id>` / `P`, the public part.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});

export const handler = async (event: { pathParameters?: { briefingId?: string } }) => {
  const id = event.pathParameters?.briefingId ?? '';
  const { Item } = await client.send(
    new GetItemCommand({ TableName: process.env['TABLE_NAME'], Key: { pk: { S: `BRIEFING#${id}` }, sk: { S: 'P' } } }),
  );
  return Item ? { statusCode: 200, body: JSON.stringify(Item) } : { statusCode: 404, body: '' };
};
