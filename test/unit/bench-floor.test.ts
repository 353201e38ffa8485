/**
 * The bench's cold-start floor (bench/floor/get-item.ts) writes the head
 * item's key out instead of importing the key module (it must bundle nothing of
 * ours): it must still be the key the table module builds, or the floor would
 * read an item that does not exist.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler } from '#bench/floor/get-item.ts';
import { briefingKey } from '#functions/commons/table/keys.ts';

const dynamodb = mockClient(DynamoDBClient);

describe('bench floor (one GetItem)', () => {
  afterEach(() => dynamodb.reset());

  it("reads the briefing's head item, by the key the table module builds", async () => {
    // Prepare
    dynamodb.on(GetItemCommand).resolves({ Item: marshall({ ...briefingKey('b-1'), status: 'published' }) });

    // Act
    const res = await handler({ pathParameters: { briefingId: 'b-1' } });

    // Assess
    expect(res.statusCode).toBe(200);
    expect(dynamodb.commandCalls(GetItemCommand)[0]!.args[0].input.Key).toEqual(marshall(briefingKey('b-1')));
  });
});
