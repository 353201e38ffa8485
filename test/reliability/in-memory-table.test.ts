/**
 * Spec of the in-memory table the reliability proofs run on: it behaves like
 * DynamoDB wherever the handlers depend on it. The same spec runs against
 * Amazon's DynamoDB Local, so "like DynamoDB" is checked, not assumed; the
 * fake alone also refuses what it does not implement rather than guess.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Engine, LOCAL_AWS, startDynamoDbLocal, startOnAFreePort } from '#local/engines.ts';
import { ensureTable } from '#local/table.ts';
import { InMemoryTable } from './in-memory-table.ts';

type Item = Record<string, unknown>;
interface Backend {
  ddb: DynamoDBDocumentClient;
  TableName: string;
  /** Every item, sorted by key. */
  items(): Promise<Item[]>;
}

const mock = mockClient(DynamoDBDocumentClient);
let fake: InMemoryTable;
const byKey = (a: Item, b: Item) => (`${a['pk']} ${a['sk']}` < `${b['pk']} ${b['sk']}` ? -1 : 1);

const inMemory = async (): Promise<Backend> => {
  mock.reset();
  fake = new InMemoryTable('briefings-test');
  fake.install(mock);
  return { ddb: DynamoDBDocumentClient.from(new DynamoDBClient({})), TableName: 'briefings-test', items: async () => fake.snapshot() };
};

let engine: Engine | undefined;
let dataDir = '';
let tables = 0;
const dynamoDbLocal = async (): Promise<Backend> => {
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: engine!.endpoint });
  const TableName = `conformance-${++tables}`;
  await ensureTable(client, TableName);
  const ddb = DynamoDBDocumentClient.from(client);
  return { ddb, TableName, items: async () => ((await ddb.send(new ScanCommand({ TableName, ConsistentRead: true }))).Items ?? []).sort(byKey) };
};

// The parts only the fake has (its stream, its refusals). Before the shared spec, whose DynamoDB Local run restores the real client.
describe('the in-memory table alone', () => {
  let b: Backend;
  beforeEach(async () => {
    b = await inMemory();
  });
  const put = (Item: Item, extra: Item = {}) => b.ddb.send(new PutCommand({ TableName: b.TableName, Item, ...extra }));
  const versioned = (version: number) => ({ pk: 'BRIEFING#b', sk: 'BRIEFING', version });

  it('streams every committed write in commit order, and nothing for a refused one', async () => {
    await put(versioned(1));
    await put(versioned(1), { ConditionExpression: 'attribute_not_exists(pk)' }).catch(() => undefined);
    await put(versioned(2));
    expect(fake.stream.map((r) => [r.eventName, (r.newImage as { version: number }).version])).toEqual([
      ['INSERT', 1],
      ['MODIFY', 2],
    ]);
  });

  it('refuses what it does not implement instead of guessing', async () => {
    await expect(b.ddb.send(new UpdateCommand({ TableName: b.TableName, Key: { pk: 'x', sk: 'y' }, UpdateExpression: 'REMOVE a' }))).rejects.toThrow(
      /unsupported/,
    );
    await expect(
      put(versioned(1), { ConditionExpression: 'attribute_not_exists(pk) OR version = :v', ExpressionAttributeValues: { ':v': 1 } }),
    ).rejects.toThrow(/unsupported/);
    await expect(b.ddb.send(new GetCommand({ TableName: 'another-table', Key: { pk: 'x', sk: 'y' } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});

/** The same spec, on the fake and on the real engine. */
describe.each([
  ['the in-memory table', inMemory],
  ['DynamoDB Local', dynamoDbLocal],
] as const)('%s', (name, backend) => {
  let b: Backend;
  beforeAll(async () => {
    if (name !== 'DynamoDB Local') return;
    mock.restore(); // from here on the document client talks to the real engine
    dataDir = mkdtempSync(join(tmpdir(), 'signal-briefings-conformance-'));
    engine = await startOnAFreePort(undefined, (port) => startDynamoDbLocal({ dir: dataDir, port }));
  });
  afterAll(async () => {
    if (name !== 'DynamoDB Local') return;
    await engine?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    b = await backend();
  });

  const put = (Item: Item, extra: Item = {}) => b.ddb.send(new PutCommand({ TableName: b.TableName, Item, ...extra }));
  const versioned = (version: number) => ({ pk: 'BRIEFING#b', sk: 'BRIEFING', version });
  it('applies conditions like DynamoDB: attribute_not_exists, attribute_exists, version = :expected', async () => {
    await put(versioned(1), { ConditionExpression: 'attribute_not_exists(pk)' });
    await expect(put(versioned(1), { ConditionExpression: 'attribute_not_exists(pk)' })).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    await expect(put(versioned(2), { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': 7 } })).rejects.toBeInstanceOf(
      ConditionalCheckFailedException,
    );
    await put(versioned(2), {
      ConditionExpression: '#v = :v AND attribute_exists(pk)',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':v': 1 },
    });
    expect((await b.ddb.send(new GetCommand({ TableName: b.TableName, Key: { pk: 'BRIEFING#b', sk: 'BRIEFING' } }))).Item).toEqual(versioned(2));
  });

  it('writes a transaction all or nothing, with one cancellation reason per item, in order', async () => {
    // Prepare
    await put(versioned(1));
    const transaction = (expected: number) =>
      b.ddb.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: b.TableName,
                Item: versioned(expected + 1),
                ConditionExpression: 'version = :e',
                ExpressionAttributeValues: { ':e': expected },
              },
            },
            { Put: { TableName: b.TableName, Item: { pk: 'OUTBOX#e', sk: 'OUTBOX' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    // Act
    const stale = await transaction(0).catch((e: unknown) => e);
    await transaction(1);
    const replayed = await transaction(1).catch((e: unknown) => e);
    // Assess
    expect(stale).toBeInstanceOf(TransactionCanceledException);
    expect((stale as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(['ConditionalCheckFailed', 'None']);
    expect((replayed as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual([
      'ConditionalCheckFailed',
      'ConditionalCheckFailed',
    ]);
    expect(await b.items()).toEqual([versioned(2), { pk: 'OUTBOX#e', sk: 'OUTBOX' }]);
  });

  it('refuses two operations on one item in a transaction, as DynamoDB does', async () => {
    const twice = new TransactWriteCommand({
      TransactItems: [{ Put: { TableName: b.TableName, Item: versioned(1) } }, { Put: { TableName: b.TableName, Item: versioned(2) } }],
    });
    await expect(b.ddb.send(twice)).rejects.toMatchObject({ name: 'ValidationException' });
    expect(await b.items()).toEqual([]);
  });

  it('updates with SET like DynamoDB: creates from the key, if_not_exists keeps a value, + and - count, in a transaction too', async () => {
    // Prepare
    const key = { pk: 'ENTITY#acme', sk: 'PROFILE' };
    const keep = (name: string) =>
      b.ddb.send(
        new UpdateCommand({
          TableName: b.TableName,
          Key: key,
          UpdateExpression: 'SET #name = if_not_exists(#name, :name), #n = if_not_exists(#n, :zero) + :one',
          ExpressionAttributeNames: { '#name': 'name', '#n': 'followers' },
          ExpressionAttributeValues: { ':name': name, ':zero': 0, ':one': 1 },
        }),
      );
    // Act
    await keep('Acme');
    await keep('Renamed');
    await b.ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: b.TableName,
              Key: key,
              UpdateExpression: 'SET followers = followers - :one, kind = :kind',
              ExpressionAttributeValues: { ':one': 1, ':kind': 'company' },
            },
          },
          { Put: { TableName: b.TableName, Item: { pk: 'ENTITY#acme', sk: 'OTHER' } } },
        ],
      }),
    );
    // Assess
    expect((await b.ddb.send(new GetCommand({ TableName: b.TableName, Key: key }))).Item).toEqual({
      ...key,
      name: 'Acme',
      followers: 1,
      kind: 'company',
    });
  });

  it('queries a partition by sort-key prefix, and the index newest first with its projection and pages', async () => {
    // Prepare
    for (const [sk, at] of [
      ['SOURCE#a', '1'],
      ['SOURCE#b', '3'],
      ['NOTE#c', '2'],
    ] as const) {
      await put({ pk: 'BRIEFING#b', sk, gsi1pk: 'FEED#published', gsi1sk: at, summary: { at }, secret: 'not projected' });
    }
    // Act
    const sources = await b.ddb.send(
      new QueryCommand({
        TableName: b.TableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': 'BRIEFING#b', ':p': 'SOURCE#' },
      }),
    );
    const feed = (ExclusiveStartKey?: Record<string, unknown>) =>
      b.ddb.send(
        new QueryCommand({
          TableName: b.TableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :f',
          ExpressionAttributeValues: { ':f': 'FEED#published' },
          ScanIndexForward: false,
          Limit: 2,
          ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
        }),
      );
    const first = await feed();
    const second = await feed(first.LastEvaluatedKey);
    // Assess
    expect(sources.Items?.map((i) => i['sk'])).toEqual(['SOURCE#a', 'SOURCE#b']);
    expect(first.Items?.map((i) => i['gsi1sk'])).toEqual(['3', '2']);
    expect(first.Items?.[0]).not.toHaveProperty('secret');
    expect(second.Items?.map((i) => i['gsi1sk'])).toEqual(['1']);
    expect(second.LastEvaluatedKey).toBeUndefined();
  });
});
