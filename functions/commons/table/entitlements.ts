/**
 * Entitlement records: the source of truth for a member's tier and staff
 * roles (Cognito groups only carry them into tokens). The current record and
 * an append-only history live under the user:
 *
 *   USER#<userId> / ENTITLEMENT                       the current record (GetItem)
 *   USER#<userId> / ENTITLEMENT#<version, 6 digits>   the record as each change left it
 *
 * A change writes the new record (conditional on the version it read), its
 * history entry and its Entitlement Changed event in one transaction.
 */

import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Entitlement, EntitlementHistoryEntry } from '#domain/entitlement.ts';
import type { OutgoingEvent } from '#events/index.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { type Item, parseItem, storedEntity } from './item.ts';
import { ENTITLEMENT_CHANGE_ENTITY, ENTITLEMENT_ENTITY, ENTITLEMENT_HISTORY_SK, entitlementHistoryKey, entitlementKey, userPk } from './keys.ts';
import { outboxPut } from './outbox.ts';
import { cancellationCodes } from './transact.ts';
import { VersionConflictError } from './versioning.ts';

/** The most history entries one read returns, newest first. */
export const HISTORY_PAGE = 50;

/** The record, and a history entry (the record as a change left it), as a read checks them. */
const RECORD_ATTRIBUTES = {
  userId: 'string',
  tier: 'string',
  roles: 'list',
  origin: 'string',
  grantedBy: 'string',
  validFrom: 'string',
  version: 'number',
  updatedAt: 'string',
} as const;
const ENTITLEMENT = /* @__PURE__ */ storedEntity<Entitlement>(ENTITLEMENT_ENTITY, RECORD_ATTRIBUTES);
// Written out, not spread from RECORD_ATTRIBUTES: esbuild cannot prove a spread pure, and would keep this in every bundle.
const HISTORY_ENTRY = /* @__PURE__ */ storedEntity<EntitlementHistoryEntry>(ENTITLEMENT_CHANGE_ENTITY, {
  userId: 'string',
  tier: 'string',
  roles: 'list',
  origin: 'string',
  grantedBy: 'string',
  validFrom: 'string',
  version: 'number',
  updatedAt: 'string',
  change: 'string',
  changedBy: 'string',
});

export function toItem(e: Entitlement) {
  return { ...entitlementKey(e.userId), entity: ENTITLEMENT_ENTITY, ...e };
}

export function toHistoryItem(entry: EntitlementHistoryEntry) {
  return { ...entitlementHistoryKey(entry.userId, entry.version), entity: ENTITLEMENT_CHANGE_ENTITY, ...entry };
}

/**
 * The record of an item, or undefined for an item that is not one (never trust a key alone).
 * MalformedItemError when it is a record that lacks (or mistypes) an attribute.
 */
export function fromItem(item: Item | undefined): Entitlement | undefined {
  return item?.['entity'] === ENTITLEMENT_ENTITY ? parseItem(ENTITLEMENT, item) : undefined;
}

/** The current record. Consistent by default: an authorization decision must not read an old version. */
export async function getEntitlement(userId: string, opts: { consistent?: boolean } = {}): Promise<Entitlement | undefined> {
  const { Item } = await ddb.send(
    new GetCommand({ TableName: config.tableName, Key: entitlementKey(userId), ConsistentRead: opts.consistent ?? true }),
  );
  return fromItem(Item);
}

/** The transaction items of a change: the record (if still at `expectedVersion`), its history entry, its events. */
export function entitlementWrites(
  tableName: string,
  entry: EntitlementHistoryEntry,
  expectedVersion: number | undefined,
  events: readonly OutgoingEvent[],
  now: Date,
) {
  const { change, changedBy, ...record } = entry;
  return [
    {
      Put: {
        TableName: tableName,
        Item: toItem(record),
        ...(expectedVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
      },
    },
    { Put: { TableName: tableName, Item: toHistoryItem(entry), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...events.map((event) => outboxPut(tableName, event, now)),
  ];
}

/**
 * Writes a change all or nothing, only if the stored record is still at
 * `expectedVersion` (undefined: only if there is none yet).
 */
export async function saveEntitlement(
  entry: EntitlementHistoryEntry,
  expectedVersion: number | undefined,
  events: readonly OutgoingEvent[],
  now: Date,
): Promise<void> {
  try {
    await ddb.send(new TransactWriteCommand({ TransactItems: entitlementWrites(config.tableName, entry, expectedVersion, events, now) }));
  } catch (error) {
    if (cancellationCodes(error).includes('ConditionalCheckFailed')) {
      throw new VersionConflictError(`the entitlement of ${entry.userId} changed since version ${expectedVersion ?? 'none'}`);
    }
    throw error;
  }
}

/** A member's history, newest first, at most {@link HISTORY_PAGE} entries (a bounded query). */
export async function entitlementHistory(userId: string): Promise<EntitlementHistoryEntry[]> {
  const { Items = [] } = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': userPk(userId), ':prefix': ENTITLEMENT_HISTORY_SK },
      ScanIndexForward: false,
      Limit: HISTORY_PAGE,
      ConsistentRead: true,
    }),
  );
  return Items.filter((item) => item['entity'] === ENTITLEMENT_CHANGE_ENTITY).map((item) => parseItem(HISTORY_ENTRY, item));
}

/**
 * Writes a record (and its history entry) only if the member has none, with no
 * event: for users the local stack creates already in their groups. Returns
 * false when a record was there (it is left as it is, whatever an admin made of it).
 */
export async function provisionEntitlement(record: Entitlement, now = new Date()): Promise<boolean> {
  try {
    await saveEntitlement({ ...record, change: 'provisioned', changedBy: record.grantedBy }, undefined, [], now);
    return true;
  } catch (error) {
    if (error instanceof VersionConflictError) return false;
    throw error;
  }
}
