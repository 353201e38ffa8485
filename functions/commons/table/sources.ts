/**
 * Source records, stored under their briefing so that scoring reads all of a
 * briefing's evidence with one query:
 *
 *   BRIEFING#<briefingId> / SOURCE#<sourceId>     sourceId derives from the canonical URL
 *
 * A source is never deleted: a correction or a withdrawal rewrites its item
 * (conditional on the version read) together with its Source Updated event.
 */

import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Source, sourceVersion } from '#domain/source.ts';
import type { OutgoingEvent } from '#events/index.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { type Item, parseItem, storedEntity } from './item.ts';
import { briefingKey, SOURCE_ENTITY, sourceKey } from './keys.ts';
import { outboxPut } from './outbox.ts';
import { cancellationCodes } from './transact.ts';
import { VersionConflictError } from './versioning.ts';

/** A stored source: what a read checks (keys.ts `sourceKey`). */
const SOURCE = /* @__PURE__ */ storedEntity<Source>(SOURCE_ENTITY, {
  briefingId: 'string',
  sourceId: 'string',
  canonicalUrl: 'string',
  url: 'string',
  publisher: 'string',
  kind: 'string',
  stance: 'string',
  title: 'string',
  language: 'string',
  ingestedAt: 'string',
  ingestedBy: 'string',
  version: 'number?',
});

/** The source an item holds; MalformedItemError when it is not one. */
export const fromItem = (item: Item): Source => parseItem(SOURCE, item);

export type AddSourceOutcome = 'added' | 'duplicate' | 'no-such-briefing';

/**
 * Stores a source and its Source Ingested event in one transaction, only if
 * the briefing exists and the same canonical URL is not already stored.
 */
export async function addSource(source: Source, event: OutgoingEvent, now: Date): Promise<AddSourceOutcome> {
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { ConditionCheck: { TableName: config.tableName, Key: briefingKey(source.briefingId), ConditionExpression: 'attribute_exists(pk)' } },
          {
            Put: {
              TableName: config.tableName,
              Item: { ...sourceKey(source.briefingId, source.sourceId), entity: SOURCE_ENTITY, ...source },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          outboxPut(config.tableName, event, now),
        ],
      }),
    );
    return 'added';
  } catch (error) {
    const [briefing, duplicate] = cancellationCodes(error);
    if (briefing === 'ConditionalCheckFailed') return 'no-such-briefing';
    if (duplicate === 'ConditionalCheckFailed') return 'duplicate';
    throw error;
  }
}

/** One source of a briefing (strongly consistent: a correction is checked against the latest version). */
export async function getSource(briefingId: string, sourceId: string): Promise<Source | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName: config.tableName, Key: sourceKey(briefingId, sourceId), ConsistentRead: true }));
  return Item ? fromItem(Item) : undefined;
}

/**
 * Writes the next version of a source and its Source Updated event in one
 * transaction, only if the stored source is still at the version `next` was
 * made from (sources stored before versioning carry none: version 1).
 * Throws VersionConflictError when it moved on.
 */
export async function saveSource(previous: Source, next: Source, event: OutgoingEvent, now: Date): Promise<void> {
  const expected = sourceVersion(previous);
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: config.tableName,
              Item: { ...sourceKey(next.briefingId, next.sourceId), entity: SOURCE_ENTITY, ...next },
              ConditionExpression:
                expected === 1 ? 'attribute_exists(pk) AND (attribute_not_exists(version) OR version = :v)' : 'attribute_exists(pk) AND version = :v',
              ExpressionAttributeValues: { ':v': expected },
            },
          },
          outboxPut(config.tableName, event, now),
        ],
      }),
    );
  } catch (error) {
    if (cancellationCodes(error)[0] === 'ConditionalCheckFailed') throw new VersionConflictError(`source ${next.sourceId} changed since it was read`);
    throw error;
  }
}
