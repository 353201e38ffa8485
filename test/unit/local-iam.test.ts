/**
 * Spec: the local IAM check splits an SDK call into what IAM authorizes, with
 * the partition keys it touches (local/local-iam.ts).
 */
import { describe, expect, it } from 'vitest';
import { authorizationRequests, keyPrefix } from '#local/local-iam.ts';

const LOCAL = { region: 'us-east-1', account: '000000000000', tableName: 't', busName: 'b', userPoolId: 'p' };
const TABLE = 'arn:aws:dynamodb:us-east-1:000000000000:table/t';

describe('authorization requests of a DynamoDB call', () => {
  it('authorizes each part of a transaction as its own item action, marshalled or not', () => {
    // Act
    const requests = authorizationRequests(
      'dynamodb',
      'TransactWriteItems',
      {
        TransactItems: [
          { Put: { TableName: 't', Item: { pk: { S: 'MEMBER#u' }, sk: { S: 'WATCH#e' } } } },
          { Update: { TableName: 't', Key: { pk: 'MEMBER#u', sk: 'WATCHLIST' } } },
          { Delete: { TableName: 't', Key: { pk: 'FEED#all=all#2026-12', sk: 'x' } } },
          { ConditionCheck: { TableName: 't', Key: { pk: 'BRIEFING#b', sk: 'P' } } },
        ],
      },
      LOCAL,
    );
    // Assess
    expect(requests).toEqual([
      { action: 'dynamodb:PutItem', resource: TABLE, leadingKeys: ['MEMBER#u'] },
      { action: 'dynamodb:UpdateItem', resource: TABLE, leadingKeys: ['MEMBER#u'] },
      { action: 'dynamodb:DeleteItem', resource: TABLE, leadingKeys: ['FEED#all=all#2026-12'] },
      { action: 'dynamodb:ConditionCheckItem', resource: TABLE, leadingKeys: ['BRIEFING#b'] },
    ]);
  });

  it("reads a query's partition key from its key condition: the table's, or the index's on an index", () => {
    // Act
    const onTable = authorizationRequests(
      'dynamodb',
      'Query',
      {
        TableName: 't',
        KeyConditionExpression: '#k = :pk AND begins_with(sk, :p)',
        ExpressionAttributeNames: { '#k': 'pk' },
        ExpressionAttributeValues: { ':pk': 'USER#u', ':p': 'E' },
      },
      LOCAL,
    );
    const onIndex = authorizationRequests(
      'dynamodb',
      'Query',
      {
        TableName: 't',
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk > :s',
        ExpressionAttributeValues: { ':pk': { S: 'FOLLOWERS#e' }, ':s': { S: 'a' } },
      },
      LOCAL,
    );
    // Assess
    expect(onTable).toEqual([{ action: 'dynamodb:Query', resource: TABLE, leadingKeys: ['USER#u'] }]);
    expect(onIndex).toEqual([{ action: 'dynamodb:Query', resource: `${TABLE}/index/gsi1`, leadingKeys: ['FOLLOWERS#e'] }]);
  });

  it('gives a batch every partition key it names, and a scan none', () => {
    // Act
    const batch = authorizationRequests(
      'dynamodb',
      'BatchGetItem',
      { RequestItems: { t: { Keys: [{ pk: 'ENTITY#a' }, { pk: 'ENTITY#b' }] } } },
      LOCAL,
    );
    const scan = authorizationRequests('dynamodb', 'Scan', { TableName: 't' }, LOCAL);
    // Assess
    expect(batch).toEqual([{ action: 'dynamodb:BatchGetItem', resource: TABLE, leadingKeys: ['ENTITY#a', 'ENTITY#b'] }]);
    expect(scan).toEqual([{ action: 'dynamodb:Scan', resource: TABLE }]);
  });

  it('names the bus and the user pool a call is made on', () => {
    expect(authorizationRequests('events', 'PutEvents', { Entries: [{ EventBusName: 'b' }] }, LOCAL)).toEqual([
      { action: 'events:PutEvents', resource: 'arn:aws:events:us-east-1:000000000000:event-bus/b' },
    ]);
    expect(authorizationRequests('cognito-idp', 'AdminAddUserToGroup', { UserPoolId: 'p' }, LOCAL)).toEqual([
      { action: 'cognito-idp:AdminAddUserToGroup', resource: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/p' },
    ]);
  });

  it("names a webhook's connection, API destination and rule, and the role a target passes (functions/webhooks/destinations.ts)", () => {
    const arn = (resource: string) => `arn:aws:events:us-east-1:000000000000:${resource}`;
    expect(authorizationRequests('events', 'CreateConnection', { Name: 'p-wh_1' }, LOCAL)).toEqual([
      { action: 'events:CreateConnection', resource: arn('connection/p-wh_1') },
    ]);
    expect(authorizationRequests('events', 'DeleteApiDestination', { Name: 'p-wh_1' }, LOCAL)).toEqual([
      { action: 'events:DeleteApiDestination', resource: arn('api-destination/p-wh_1') },
    ]);
    expect(authorizationRequests('events', 'PutRule', { Name: 'p-wh_1', EventBusName: 'b' }, LOCAL)).toEqual([
      { action: 'events:PutRule', resource: arn('rule/b/p-wh_1') },
    ]);
    expect(
      authorizationRequests(
        'events',
        'PutTargets',
        { Rule: 'p-wh_1', EventBusName: 'b', Targets: [{ Id: 't', RoleArn: 'arn:aws:iam::000000000000:role/R' }] },
        LOCAL,
      ),
    ).toEqual([
      { action: 'events:PutTargets', resource: arn('rule/b/p-wh_1') },
      { action: 'iam:PassRole', resource: 'arn:aws:iam::000000000000:role/R' },
    ]);
  });

  it('caches decisions by key prefix, up to the first #', () => {
    expect([keyPrefix('USER#u-1'), keyPrefix('FEED#all=all#2026-12'), keyPrefix('plain')]).toEqual(['USER#', 'FEED#', 'plain']);
  });
});
