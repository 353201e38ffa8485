/**
 * Briefing records: key formats, item mapping and access functions.
 *
 *   BRIEFING#<id> / BRIEFING          the whole briefing (one GetItem per read)
 *   gsi1: FEED#published / <publishedAt>#<id>   published briefings, newest first;
 *         the index projects only `summary`, so a list page stays small.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import type { Briefing } from '../../../domain/briefing.ts';
import { ConflictError, ValidationError } from '../../../domain/errors.ts';
import { summarize, type BriefingSummary } from '../../../domain/visibility.ts';
import type { OutgoingEvent } from '../../../events/index.ts';
import { ddb } from '../clients/dynamodb.ts';
import { config } from '../config.ts';
import { outboxPut } from './outbox.ts';
import { TABLE_SCHEMA } from './schema.ts';

export const BRIEFING_ENTITY = 'briefing';
export const FEED_PUBLISHED = 'FEED#published';

export const briefingKey = (briefingId: string) => ({ pk: `BRIEFING#${briefingId}`, sk: 'BRIEFING' });

export function toItem(b: Briefing) {
  return {
    ...briefingKey(b.briefingId),
    entity: BRIEFING_ENTITY,
    ...b,
    ...(b.status === 'published'
      ? { gsi1pk: FEED_PUBLISHED, gsi1sk: `${b.publishedAt}#${b.briefingId}`, summary: summarize(b) }
      : {}),
  };
}

export function fromItem(item: Record<string, unknown>): Briefing {
  const { pk, sk, entity, gsi1pk, gsi1sk, summary, ...briefing } = item;
  return briefing as unknown as Briefing;
}

/** Someone else changed the briefing since it was read. */
export class VersionConflictError extends ConflictError {}

export async function getBriefing(briefingId: string, opts: { consistent?: boolean } = {}): Promise<Briefing | undefined> {
  const { Item } = await ddb.send(
    new GetCommand({ TableName: config.tableName, Key: briefingKey(briefingId), ConsistentRead: opts.consistent ?? false }),
  );
  return Item ? fromItem(Item) : undefined;
}

export async function createBriefing(b: Briefing): Promise<void> {
  await ddb.send(new PutCommand({ TableName: config.tableName, Item: toItem(b), ConditionExpression: 'attribute_not_exists(pk)' }));
}

/**
 * Writes a new version of a briefing and the events that announce it, all or
 * nothing, only if the stored version is still `expectedVersion`.
 */
export async function saveBriefing(b: Briefing, expectedVersion: number, events: readonly OutgoingEvent[], now: Date): Promise<void> {
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: config.tableName,
              Item: toItem(b),
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            },
          },
          ...events.map((e) => outboxPut(config.tableName, e, now)),
        ],
      }),
    );
  } catch (error) {
    // ConditionalCheckFailed: another version landed first. TransactionConflict: another write to the
    // briefing was in flight; either way the caller's read may be stale, so it re-reads (or answers 412).
    const reason = error instanceof TransactionCanceledException ? error.CancellationReasons?.[0]?.Code : undefined;
    if (reason === 'ConditionalCheckFailed' || reason === 'TransactionConflict') {
      throw new VersionConflictError(`briefing ${b.briefingId} changed since version ${expectedVersion}`);
    }
    throw error;
  }
}

/** Runs a read-modify-write until it lands on an unchanged version (optimistic concurrency). */
export async function withVersionRetry<T>(attempt: () => Promise<T>, maxAttempts = 5): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof VersionConflictError) || n >= maxAttempts) throw error;
    }
  }
}

const FeedCursor = z.strictObject({ pk: z.string(), sk: z.string(), gsi1pk: z.literal(FEED_PUBLISHED), gsi1sk: z.string() });

function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    return FeedCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ValidationError('the cursor is not one this API issued', [{ pointer: 'query:cursor', detail: 'malformed cursor' }]);
  }
}

export async function listPublished(opts: { limit: number; cursor?: string }): Promise<{ items: BriefingSummary[]; nextCursor?: string }> {
  const { Items = [], LastEvaluatedKey } = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: 'gsi1pk = :feed',
      ExpressionAttributeValues: { ':feed': FEED_PUBLISHED },
      ScanIndexForward: false,
      Limit: opts.limit,
      ...(opts.cursor ? { ExclusiveStartKey: decodeCursor(opts.cursor) } : {}),
    }),
  );
  return {
    items: Items.map((item) => item['summary'] as BriefingSummary),
    ...(LastEvaluatedKey ? { nextCursor: Buffer.from(JSON.stringify(LastEvaluatedKey)).toString('base64url') } : {}),
  };
}
