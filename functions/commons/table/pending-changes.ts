/**
 * The pending markers of outbox records (keys in outbox.ts): confirming a
 * consequence (the consumer), finding the changes still pending and re-marking
 * the ones re-driven (the reconciler).
 */
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { parseAttributes, storedEntity } from './item.ts';
import { OUTBOX_ENTITY, outboxKey, pendingPk } from './keys.ts';
import { OUTBOX_RECORD, type OutboxItem, PENDING_SHARDS, pendingKeys } from './outbox.ts';
import { TABLE_SCHEMA } from './schema.ts';

/** A page of pending markers: the index's keys only (`<marked at>#<eventId>` is its sort key). */
const MARKER = /* @__PURE__ */ storedEntity<{ gsi1sk: string }>(OUTBOX_ENTITY, { gsi1sk: 'string' });

/**
 * Confirms an event's consequence: deletes its outbox record, and with it the pending marker (a delete,
 * so the relay, which the stream feeds inserts only, never sees it). Idempotent: a second delivery deletes nothing.
 */
export async function confirmConsequence(eventId: string): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName: config.tableName, Key: outboxKey(eventId) }));
}

/** Requests a BatchWriteItem takes at most. */
const BATCH_LIMIT = 25;

/**
 * Confirms several consequences in as few requests as it can (BatchWriteItem, 25 deletes each; what DynamoDB
 * leaves unprocessed is sent once more). A delete still unprocessed after that stays pending: the reconciler
 * finds its consequence done and confirms it then (reconcile.ts), so nothing is lost, only confirmed later.
 */
export async function confirmConsequences(eventIds: readonly string[]): Promise<void> {
  for (let i = 0; i < eventIds.length; i += BATCH_LIMIT) {
    let requests = eventIds.slice(i, i + BATCH_LIMIT).map((eventId) => ({ DeleteRequest: { Key: outboxKey(eventId) } }));
    for (let attempt = 0; attempt < 2 && requests.length > 0; attempt++) {
      const { UnprocessedItems } = await ddb.send(new BatchWriteCommand({ RequestItems: { [config.tableName]: requests } }));
      requests = (UnprocessedItems?.[config.tableName] ?? []) as typeof requests;
    }
  }
}

/** A change whose consequence is not confirmed: its outbox record's key and when it was marked. */
export interface PendingChange {
  eventId: string;
  markedAt: string;
}

/**
 * The pending markers written before `before`, oldest first, at most `limit` per shard: one Query
 * per shard on gsi1 (eventually consistent; a marker just cleared may show once more, which is harmless).
 */
export async function pendingChanges(before: Date, limit: number): Promise<PendingChange[]> {
  const shards = Array.from({ length: PENDING_SHARDS }, (_, shard) =>
    ddb.send(
      new QueryCommand({
        TableName: config.tableName,
        IndexName: TABLE_SCHEMA.gsi1.indexName,
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
        ExpressionAttributeValues: { ':pk': pendingPk(shard), ':before': before.toISOString() },
        Limit: limit,
      }),
    ),
  );
  return (await Promise.all(shards)).flatMap(({ Items = [] }) =>
    Items.map((item) => {
      const sk = parseAttributes(MARKER, item).gsi1sk;
      const at = sk.indexOf('#');
      return { markedAt: sk.slice(0, at), eventId: sk.slice(at + 1) };
    }),
  );
}

/** An outbox record as stored (consistent read), or undefined once confirmed or expired. */
export async function readOutboxItem(eventId: string): Promise<OutboxItem | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName: config.tableName, Key: outboxKey(eventId), ConsistentRead: true }));
  return Item?.['entity'] === OUTBOX_ENTITY ? parseAttributes(OUTBOX_RECORD, Item) : undefined;
}

/**
 * Moves a re-driven record's marker to `now`, so the next run re-drives it only if it is still pending
 * a full wait later. Only if the record is still there (its consumer may have confirmed it meanwhile).
 * Returns false when it was gone.
 */
export async function markRedriven(item: OutboxItem, now: Date): Promise<boolean> {
  try {
    await ddb.send(
      new PutCommand({
        TableName: config.tableName,
        Item: { ...item, ...pendingKeys(item.detail.eventId, now), redrivenAt: now.toISOString() },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
