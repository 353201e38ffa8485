/** Creates the single table on DynamoDB Local from the shared TABLE_SCHEMA (the CDK app reads the same definition). */
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { TABLE_SCHEMA } from '#functions/commons/table/schema.ts';

/** Creates the table if it does not exist; returns its stream ARN (the relay reads from it). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<{ created: boolean; streamArn: string }> {
  const existing = await describe(client, tableName);
  if (existing) return { created: false, streamArn: requireStream(existing.LatestStreamArn, tableName) };

  const { partitionKey, sortKey, gsi1, timeToLiveAttribute, streamView } = TABLE_SCHEMA;
  const keyAttributes = [partitionKey, sortKey, gsi1.partitionKey, gsi1.sortKey];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: gsi1.indexName,
          KeySchema: [
            { AttributeName: gsi1.partitionKey, KeyType: 'HASH' },
            { AttributeName: gsi1.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...gsi1.projectedAttributes] },
        },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: streamView },
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: tableName });
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: timeToLiveAttribute, Enabled: true },
    }),
  );
  const created = await describe(client, tableName);
  return { created: true, streamArn: requireStream(created?.LatestStreamArn, tableName) };
}

async function describe(client: DynamoDBClient, tableName: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

function requireStream(arn: string | undefined, tableName: string): string {
  if (!arn) throw new Error(`table ${tableName} exists without a stream; reset the local data (npm run reset)`);
  return arn;
}
