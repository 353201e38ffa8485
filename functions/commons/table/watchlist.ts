/**
 * Watchlists and alerts, in the member's own partition, so a member's own reads
 * are one Query each. Not the partition of their entitlement record (USER#): the
 * functions that write here are granted this partition only (dynamodb:LeadingKeys),
 * so none of them can write an entitlement.
 *
 *   MEMBER#<userId> / WATCH#<entityId>    an entity the member follows;
 *       gsi1: FOLLOWERS#<entityId> / <userId>, so the alert consumer finds an
 *       entity's followers with one Query on the index (paged)
 *   MEMBER#<userId> / WATCHLIST           how many entities the member follows (the cap)
 *   MEMBER#<userId> / ALERT#<versionAt>#<briefingId>#<version, 6 digits>
 *       one alert per briefing version, newest first; TTL 90 days. Every part
 *       identifies the change (never the delivery's occurredAt), so a
 *       redelivered or re-emitted event finds its alert; `entityIds` is a
 *       string set each followed entity's page adds to
 *
 * Following writes the watch item and bumps the count in one transaction that
 * refuses a 201st entity, so the cap (domain/watchlist.ts) holds under concurrent requests.
 */

import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type FanOutPart, inPart, rangeOf } from '#domain/fan-out.ts';
import { type Alert, WATCHLIST_CAP, type WatchEntry, watchlistFull } from '#domain/watchlist.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { type Item, parseAttributes, parseItem, storedEntity } from './item.ts';
import {
  ALERT_ENTITY,
  ALERT_SK,
  alertKey,
  followerKeys,
  followersPk,
  memberPk,
  WATCH_ENTITY,
  WATCH_SK,
  WATCHLIST_COUNT_ENTITY,
  watchCountKey,
  watchKey,
} from './keys.ts';
import { TABLE_SCHEMA } from './schema.ts';
import { cancellationCodes } from './transact.ts';

/** How long an alert is kept. */
export const ALERT_TTL_SECONDS = 90 * 24 * 60 * 60;

/** A watch item and an alert, as a read checks them (an alert's `entityIds` read as a sorted list). */
const WATCH = /* @__PURE__ */ storedEntity<WatchEntry>(WATCH_ENTITY, { entityId: 'string', name: 'string', kind: 'string', followedAt: 'string' });
const ALERT = /* @__PURE__ */ storedEntity<Alert>(ALERT_ENTITY, {
  briefingId: 'string',
  briefingVersion: 'number',
  alertedAt: 'string',
  entityIds: 'list',
  briefing: 'map',
});
/** A page of followers: the index's keys only (the user id is its sort key). */
const FOLLOWER = /* @__PURE__ */ storedEntity<{ gsi1sk: string }>(WATCH_ENTITY, { gsi1sk: 'string' });

export function toWatchItem(userId: string, w: WatchEntry) {
  return { ...watchKey(userId, w.entityId), ...followerKeys(userId, w.entityId), entity: WATCH_ENTITY, userId, ...w };
}

/** The entry a watch item holds (without the member's id the item also carries). */
function fromWatchItem(item: Item): WatchEntry {
  const { entityId, name, kind, followedAt } = parseItem(WATCH, item);
  return { entityId, name, kind, followedAt };
}

/**
 * Follows an entity: the watch item and the count, only if not followed yet
 * and under the cap. Returns the stored entry (the earlier one when the
 * member already followed it). ConflictError at the cap.
 */
export async function follow(userId: string, entry: WatchEntry): Promise<{ entry: WatchEntry; created: boolean }> {
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: config.tableName, Item: toWatchItem(userId, entry), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Update: {
              TableName: config.tableName,
              Key: watchCountKey(userId),
              UpdateExpression: 'SET #entity = :entity, #count = if_not_exists(#count, :zero) + :one',
              ConditionExpression: 'attribute_not_exists(#count) OR #count < :cap',
              ExpressionAttributeNames: { '#entity': 'entity', '#count': 'count' },
              ExpressionAttributeValues: { ':entity': WATCHLIST_COUNT_ENTITY, ':zero': 0, ':one': 1, ':cap': WATCHLIST_CAP },
            },
          },
        ],
      }),
    );
    return { entry, created: true };
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes[0] === 'ConditionalCheckFailed') {
      const { Item } = await ddb.send(new GetCommand({ TableName: config.tableName, Key: watchKey(userId, entry.entityId), ConsistentRead: true }));
      return { entry: Item ? fromWatchItem(Item) : entry, created: false };
    }
    if (codes[1] === 'ConditionalCheckFailed') {
      throw watchlistFull();
    }
    throw error;
  }
}

/** Unfollows an entity: the watch item and the count, only if it was followed (so the count stays exact). */
export async function unfollow(userId: string, entityId: string): Promise<boolean> {
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: config.tableName, Key: watchKey(userId, entityId), ConditionExpression: 'attribute_exists(pk)' } },
          {
            Update: {
              TableName: config.tableName,
              Key: watchCountKey(userId),
              UpdateExpression: 'SET #count = #count - :one',
              ConditionExpression: '#count > :zero',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationCodes(error)[0] === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

/** A member's watchlist, by entity id (one consistent Query: the cap keeps it within one page). */
export async function listWatchlist(userId: string): Promise<WatchEntry[]> {
  const { Items = [] } = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': memberPk(userId), ':prefix': WATCH_SK },
      ConsistentRead: true,
    }),
  );
  return Items.filter((item) => item['entity'] === WATCH_ENTITY).map(fromWatchItem);
}

/**
 * One page of an entity's followers in a part (domain/fan-out.ts): gsi1, keys only (the user id is the
 * index sort key), at most `limit` read, in user-id order from the part's start (or after its `after`).
 * `userIds` are those inside the part; `more` is false once the index or the part's segment ends.
 */
export async function followersPage(part: FanOutPart, limit: number): Promise<{ userIds: string[]; read: number; last?: string; more: boolean }> {
  const { from, after } = rangeOf(part);
  const lower =
    after !== undefined
      ? { cond: ' AND gsi1sk > :lower', value: after }
      : from !== undefined
        ? { cond: ' AND gsi1sk >= :lower', value: from }
        : undefined;
  const page = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: `gsi1pk = :pk${lower?.cond ?? ''}`,
      ExpressionAttributeValues: { ':pk': followersPk(part.entityId), ...(lower ? { ':lower': lower.value } : {}) },
      Limit: limit,
    }),
  );
  const read = (page.Items ?? []).map((item) => parseAttributes(FOLLOWER, item).gsi1sk);
  const userIds = read.filter((u) => inPart(part, u));
  const last = userIds.at(-1);
  return {
    userIds,
    read: read.length,
    ...(last !== undefined ? { last } : {}),
    more: page.LastEvaluatedKey !== undefined && userIds.length === read.length,
  };
}

/**
 * Adds one followed entity to the member's alert of a briefing version, creating the alert if absent:
 * one UpdateItem that sets the alert's fields (its summary and expiry only where missing) and adds the
 * entity to a string set, so a repeated page (a retried invocation, a redelivered event) changes nothing
 * and a member following several of the briefing's entities has one alert naming them all, whichever
 * page came first. Returns true when this call created the alert.
 */
export async function addToAlert(userId: string, alert: Omit<Alert, 'entityIds'>, entityId: string, now: Date): Promise<boolean> {
  const update = ddb.send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: alertKey(userId, alert),
      UpdateExpression:
        'SET #entity = :entity, userId = :userId, briefingId = :briefingId, briefingVersion = :version, alertedAt = :alertedAt, ' +
        'briefing = if_not_exists(briefing, :briefing), expiresAt = if_not_exists(expiresAt, :expiresAt) ADD entityIds :entityIds',
      ExpressionAttributeNames: { '#entity': 'entity' },
      ExpressionAttributeValues: {
        ':entity': ALERT_ENTITY,
        ':userId': userId,
        ':briefingId': alert.briefingId,
        ':version': alert.briefingVersion,
        ':alertedAt': alert.alertedAt,
        ':briefing': alert.briefing,
        ':expiresAt': Math.floor(now.getTime() / 1000) + ALERT_TTL_SECONDS,
        ':entityIds': new Set([entityId]),
      },
      ReturnValues: 'UPDATED_OLD',
    }),
  );
  try {
    const { Attributes } = await update;
    return Attributes?.['briefingId'] === undefined;
  } catch (error) {
    // An alert written before the paged fan-out holds `entityIds` as a list, which ADD refuses: it is there already.
    if ((error as { name?: string }).name === 'ValidationException' && /operand|data type/i.test(String((error as Error).message))) return false;
    throw error;
  }
}

/** A member's latest alerts, newest first (one Query; no cursor: older alerts expire after 90 days). */
export async function listAlerts(userId: string, limit: number): Promise<Alert[]> {
  const { Items = [] } = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': memberPk(userId), ':prefix': ALERT_SK },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.filter((item) => item['entity'] === ALERT_ENTITY).map((item) => {
    const { briefingId, briefingVersion, alertedAt, entityIds, briefing } = parseItem(ALERT, { ...item, entityIds: listOf(item['entityIds']) });
    return { briefingId, briefingVersion, alertedAt, entityIds: [...entityIds].sort(), briefing };
  });
}

/** A string set (alerts since the paged fan-out) or a list (before it), as a list; anything else as it is, for the read to refuse. */
function listOf(value: unknown): unknown {
  return value instanceof Set ? [...value] : value;
}
