/**
 * Email digests in the one table (docs/email.md):
 *
 *   MEMBER#<userId> / EMAIL_PREFERENCES     delivery (instant, daily, off), language, address
 *       gsi1 only while daily: DIGEST#daily#<shard> / <userId>: a sparse index partition per planning shard,
 *       so the daily planner pages exactly the daily members (no scan, no filter)
 *   MEMBER#<userId> / EMAIL_SENT#daily#<day> | EMAIL_SENT#instant#<briefingId>#<version>
 *       the claim of one email, written conditionally before it is sent (the idempotency key); TTL 14 days
 *   EMAIL#<sha256(address), 32 hex> / SUPPRESSION   an address that bounced or complained
 */
import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Delivery, digestShard, type Preferences } from '#domain/email.ts';
import type { UnlockLanguage } from '#domain/unlock.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { parseAttributes, parseItem, storedEntity } from './item.ts';
import {
  ALERT_ENTITY,
  ALERT_SK,
  digestIndexKeys,
  digestShardPk,
  EMAIL_PREFERENCES_ENTITY,
  EMAIL_SENT_ENTITY,
  EMAIL_SUPPRESSION_ENTITY,
  emailPreferencesKey,
  emailSentKey,
  memberPk,
  suppressionKey,
} from './keys.ts';
import { TABLE_SCHEMA } from './schema.ts';

/** How long a send's claim is kept: longer than any redelivery of its message. */
export const SENT_TTL_SECONDS = 14 * 24 * 3600;

const PREFERENCES = /* @__PURE__ */ storedEntity<Preferences>(EMAIL_PREFERENCES_ENTITY, {
  userId: 'string',
  delivery: 'string',
  language: 'string',
  email: 'string',
  updatedAt: 'string',
  unsubscribedAt: 'string?',
});
const DIGEST_MEMBER = /* @__PURE__ */ storedEntity<{ gsi1sk: string }>(EMAIL_PREFERENCES_ENTITY, { gsi1sk: 'string' });
const ALERT_REF = /* @__PURE__ */ storedEntity<AlertRef>(ALERT_ENTITY, { briefingId: 'string', briefingVersion: 'number', alertedAt: 'string' });

/** What a digest needs of an alert: which briefing version, and when. */
export interface AlertRef {
  briefingId: string;
  briefingVersion: number;
  alertedAt: string;
}

/** The digest of an address a suppression is kept under: trimmed, lower case, SHA-256, 32 hex characters. */
export const addressDigest = (address: string): string => createHash('sha256').update(address.trim().toLowerCase()).digest('hex').slice(0, 32);

export async function getPreferences(userId: string): Promise<Preferences | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName: config.tableName, Key: emailPreferencesKey(userId), ConsistentRead: true }));
  if (!Item) return undefined;
  const p = parseItem(PREFERENCES, Item);
  return { ...p, delivery: p.delivery as Delivery, language: p.language as UnlockLanguage };
}

/** Stores a preference; only a daily one carries the digest index keys, so the planner's partitions hold daily members only. */
export async function putPreferences(p: Preferences): Promise<void> {
  await ddb.send(
    new PutCommand({
      TableName: config.tableName,
      Item: {
        ...emailPreferencesKey(p.userId),
        ...(p.delivery === 'daily' ? digestIndexKeys(p.userId, digestShard(p.userId)) : {}),
        entity: EMAIL_PREFERENCES_ENTITY,
        ...p,
      },
    }),
  );
}

/**
 * The signed link's one-click unsubscribe: delivery off, out of the digest index. Idempotent; false when the member
 * has no preference (nothing was ever sent to them, so there is nothing to stop).
 */
export async function unsubscribe(userId: string, now: Date): Promise<boolean> {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: emailPreferencesKey(userId),
        UpdateExpression: 'SET delivery = :off, unsubscribedAt = if_not_exists(unsubscribedAt, :now), updatedAt = :now REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':off': 'off', ':now': now.toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** One page of a shard's daily members, in user-id order after `after`: the index's keys only. */
export async function digestMembersPage(shard: number, after: string | undefined, limit: number): Promise<{ userIds: string[]; more: boolean }> {
  const page = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: after === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND gsi1sk > :after',
      ExpressionAttributeValues: { ':pk': digestShardPk(shard), ...(after === undefined ? {} : { ':after': after }) },
      Limit: limit,
    }),
  );
  const userIds = (page.Items ?? []).map((item) => parseAttributes(DIGEST_MEMBER, item).gsi1sk);
  return { userIds, more: page.LastEvaluatedKey !== undefined };
}

/** A member's alerts of versions in [from, to), newest first, at most `limit` (one Query of their partition). */
export async function alertsBetween(userId: string, window: { from: string; to: string }, limit: number): Promise<AlertRef[]> {
  const { Items = [] } = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      // `ALERT#<to>` sorts before every `ALERT#<to>#…`: the upper bound is exclusive.
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': memberPk(userId), ':from': `${ALERT_SK}${window.from}`, ':to': `${ALERT_SK}${window.to}` },
      ProjectionExpression: '#entity, briefingId, briefingVersion, alertedAt',
      ExpressionAttributeNames: { '#entity': 'entity' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map((item) => {
    const { briefingId, briefingVersion, alertedAt } = parseItem(ALERT_REF, item);
    return { briefingId, briefingVersion, alertedAt };
  });
}

export type Send = Parameters<typeof emailSentKey>[1];

/**
 * Claims one email before it is sent: true for the first claim, false when it was claimed already (a redelivered
 * message, a second run of the planner). Keyed by member and day (or briefing version), never by delivery.
 */
export async function claimSend(userId: string, send: Send, now: Date): Promise<boolean> {
  try {
    await ddb.send(
      new PutCommand({
        TableName: config.tableName,
        Item: {
          ...emailSentKey(userId, send),
          entity: EMAIL_SENT_ENTITY,
          sentAt: now.toISOString(),
          expiresAt: Math.floor(now.getTime() / 1000) + SENT_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Gives a claim back when the send failed, so the message's retry sends it. */
export async function releaseSend(userId: string, send: Send): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName: config.tableName, Key: emailSentKey(userId, send) }));
}

export async function isSuppressed(address: string): Promise<boolean> {
  const { Item } = await ddb.send(new GetCommand({ TableName: config.tableName, Key: suppressionKey(addressDigest(address)) }));
  return Item?.['entity'] === EMAIL_SUPPRESSION_ENTITY;
}

/** Marks an address that bounced permanently or complained: the sender skips it from now on. Idempotent (the first reason stays). */
export async function suppress(address: string, reason: 'bounce' | 'complaint', now: Date): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: suppressionKey(addressDigest(address)),
      UpdateExpression: 'SET #entity = :entity, reason = if_not_exists(reason, :reason), suppressedAt = if_not_exists(suppressedAt, :now)',
      ExpressionAttributeNames: { '#entity': 'entity' },
      ExpressionAttributeValues: { ':entity': EMAIL_SUPPRESSION_ENTITY, ':reason': reason, ':now': now.toISOString() },
    }),
  );
}
