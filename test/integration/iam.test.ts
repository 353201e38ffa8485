/**
 * Spec: on the local stack, a handler's AWS SDK calls are evaluated against its
 * function's role as the CDK app synthesizes it, and what that role does not
 * allow fails as AWS fails it: AccessDeniedException, HTTP 400, AWS's message,
 * and nothing written. (Every other integration test passing is the proof that
 * the roles allow what the handlers do.)
 */
import { AdminAddUserToGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionName } from '#functions/manifest.ts';
import { LOCAL_AWS } from '#local/engines.ts';
import { runningFunction } from '#local/lambda-runtime.ts';
import { type LocalStack, startTestStack } from './harness.ts';

let stack: LocalStack;
let raw: DynamoDBDocumentClient;
// The clients every handler shares, which the local stack checks (imported once the stack has set their endpoints).
let handlerClients: {
  ddb: DynamoDBDocumentClient;
  eventBridge: import('@aws-sdk/client-eventbridge').EventBridgeClient;
  cognito: import('@aws-sdk/client-cognito-identity-provider').CognitoIdentityProviderClient;
};

beforeAll(async () => {
  stack = await startTestStack();
  raw = DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_AWS, endpoint: stack.endpoints.dynamodb }));
  const [{ ddb }, { eventBridge }, { cognito }] = await Promise.all([
    import('#functions/commons/clients/dynamodb.ts'),
    import('#functions/commons/clients/eventbridge.ts'),
    import('#functions/commons/clients/cognito.ts'),
  ]);
  handlerClients = { ddb, eventBridge, cognito };
});
afterAll(async () => {
  raw?.destroy();
  await stack?.stop();
});

/** Runs `call` as the code of `fn` runs in the local Lambda runtime. */
const as = <T>(fn: FunctionName, call: () => Promise<T>): Promise<T> => runningFunction.run(fn, call);
const entitlementItem = (userId: string) => ({ pk: `USER#${userId}`, sk: 'ENTITLEMENT', entity: 'entitlement', userId, tier: 'leadership-alliance' });
const TABLE_ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/signal-briefings';

async function denial(call: Promise<unknown>): Promise<Record<string, any>> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e as Record<string, any>,
  );
  if (!error) throw new Error('the call was allowed');
  return error;
}

describe('a call the role does not allow', () => {
  it('follow-entity writing an entitlement record is AccessDeniedException, as AWS answers, and nothing is written', async () => {
    // Prepare
    const put = new PutCommand({ TableName: stack.tableName, Item: entitlementItem('iam-intruder') });
    // Act
    const error = await denial(as('follow-entity', () => handlerClients.ddb.send(put)));
    // Assess
    expect(error['name']).toBe('AccessDeniedException');
    expect(error['$fault']).toBe('client');
    expect(error['$metadata'].httpStatusCode).toBe(400);
    expect(error['message']).toMatch(
      new RegExp(
        '^User: arn:aws:sts::000000000000:assumed-role/\\w+/signal-briefings-local-follow-entity is not authorized to perform: ' +
          `dynamodb:PutItem on resource: ${TABLE_ARN} because no identity-based policy allows the dynamodb:PutItem action$`,
      ),
    );
    const { Item } = await raw.send(new GetCommand({ TableName: stack.tableName, Key: { pk: 'USER#iam-intruder', sk: 'ENTITLEMENT' } }));
    expect(Item).toBeUndefined();
  });

  it('is denied inside a transaction too, and the transaction writes none of its items', async () => {
    // Prepare: an allowed part (the member's own watch item) beside a denied one (an entitlement record)
    const transaction = new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: stack.tableName, Item: { pk: 'MEMBER#iam-intruder', sk: 'WATCH#x', entity: 'watch' } } },
        { Put: { TableName: stack.tableName, Item: entitlementItem('iam-intruder') } },
      ],
    });
    // Act
    const error = await denial(as('follow-entity', () => handlerClients.ddb.send(transaction)));
    // Assess
    expect(error['name']).toBe('AccessDeniedException');
    const { Item } = await raw.send(new GetCommand({ TableName: stack.tableName, Key: { pk: 'MEMBER#iam-intruder', sk: 'WATCH#x' } }));
    expect(Item).toBeUndefined();
  });

  it('is denied per action: get-watchlist reads its member partition and may not write it', async () => {
    // Prepare
    const query = new QueryCommand({
      TableName: stack.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'MEMBER#iam-reader' },
    });
    const put = new PutCommand({ TableName: stack.tableName, Item: { pk: 'MEMBER#iam-reader', sk: 'WATCH#x', entity: 'watch' } });
    // Act
    const read = await as('get-watchlist', () => handlerClients.ddb.send(query));
    const error = await denial(as('get-watchlist', () => handlerClients.ddb.send(put)));
    // Assess
    expect(read.Items).toEqual([]);
    expect(error['message']).toContain('dynamodb:PutItem');
  });

  it('covers the bus and the user pool: grant-entitlement may neither put events nor change Cognito groups', async () => {
    // Prepare
    const putEvents = new PutEventsCommand({
      Entries: [{ EventBusName: stack.busName, Source: 'signal-briefings', DetailType: 'Briefing Published', Detail: '{}' }],
    });
    const addToGroup = new AdminAddUserToGroupCommand({ UserPoolId: stack.userPoolId, Username: 'nobody', GroupName: 'editors' });
    // Act
    const busError = await denial(as('grant-entitlement', () => handlerClients.eventBridge.send(putEvents)));
    const poolError = await denial(as('grant-entitlement', () => handlerClients.cognito.send(addToGroup)));
    // Assess
    expect(busError['name']).toBe('AccessDeniedException');
    expect(busError['message']).toContain(`events:PutEvents on resource: arn:aws:events:us-east-1:000000000000:event-bus/${stack.busName}`);
    expect(poolError['name']).toBe('AccessDeniedException');
    expect(poolError['message']).toContain(
      `cognito-idp:AdminAddUserToGroup on resource: arn:aws:cognito-idp:us-east-1:000000000000:userpool/${stack.userPoolId}`,
    );
  });
});

describe('a call the role allows', () => {
  it('goes through: grant-entitlement may write an entitlement record', async () => {
    // Act
    await as('grant-entitlement', () =>
      handlerClients.ddb.send(new PutCommand({ TableName: stack.tableName, Item: entitlementItem('iam-granted') })),
    );
    // Assess
    const { Item } = await raw.send(new GetCommand({ TableName: stack.tableName, Key: { pk: 'USER#iam-granted', sk: 'ENTITLEMENT' } }));
    expect(Item?.['tier']).toBe('leadership-alliance');
  });
});
