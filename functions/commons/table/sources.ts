/**
 * Source records, stored under their briefing so that scoring reads all of a
 * briefing's evidence with one query:
 *
 *   BRIEFING#<briefingId> / SOURCE#<sourceId>     sourceId derives from the canonical URL
 */

import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Source } from '../../../domain/source.ts';
import type { OutgoingEvent } from '../../../events/index.ts';
import { ddb } from '../clients/dynamodb.ts';
import { config } from '../config.ts';
import { briefingKey } from './briefings.ts';
import { outboxPut } from './outbox.ts';
import { cancellationCodes } from './transact.ts';

export const SOURCE_ENTITY = 'source';

export const sourceKey = (briefingId: string, sourceId: string) => ({ pk: `BRIEFING#${briefingId}`, sk: `SOURCE#${sourceId}` });

export function fromItem(item: Record<string, unknown>): Source {
  const { pk, sk, entity, ...source } = item;
  return source as unknown as Source;
}

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

/** Every source of a briefing (strongly consistent: scoring must see the source that triggered it). */
export async function listSources(briefingId: string): Promise<Source[]> {
  const sources: Source[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: config.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': briefingKey(briefingId).pk, ':prefix': 'SOURCE#' },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    sources.push(...(page.Items ?? []).map(fromItem));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return sources;
}
