/**
 * Entitlement records: the source of truth for a member's tier or staff role
 * (Cognito groups only carry it into tokens). The current record and an
 * append-only history live under the user:
 *
 *   USER#<userId> / ENTITLEMENT                 current grant
 *   USER#<userId> / ENTITLEMENT#<at>#<seq>      every change, oldest first
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { GroupName } from '../../../domain/access.ts';
import { ddb } from '../clients/dynamodb.ts';
import { config } from '../config.ts';

export const ENTITLEMENT_ENTITY = 'entitlement';

export interface Entitlement {
  userId: string;
  groups: GroupName[];
  grantedBy: string;
  origin: 'sign-up' | 'admin' | 'seed';
  validFrom: string;
  validUntil?: string;
  revokedAt?: string;
  revokedBy?: string;
  revokedReason?: string;
}

export const entitlementKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'ENTITLEMENT' });
export const entitlementHistoryKey = (userId: string, at: string, seq: number) => ({
  pk: `USER#${userId}`,
  sk: `ENTITLEMENT#${at}#${String(seq).padStart(4, '0')}`,
});

/** Replaces the current entitlement and appends the change to its history, atomically. */
export async function putEntitlement(e: Entitlement, now: Date, seq = 0): Promise<void> {
  const at = now.toISOString();
  await ddb.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: config.tableName, Item: { ...entitlementKey(e.userId), entity: ENTITLEMENT_ENTITY, ...e } } },
        {
          Put: {
            TableName: config.tableName,
            Item: { ...entitlementHistoryKey(e.userId, at, seq), entity: 'entitlement-change', ...e, changedAt: at },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }),
  );
}

export async function getEntitlement(userId: string): Promise<Entitlement | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName: config.tableName, Key: entitlementKey(userId) }));
  if (!Item) return undefined;
  const { pk, sk, entity, ...e } = Item;
  return e as Entitlement;
}

export async function entitlementHistory(userId: string): Promise<Array<Entitlement & { changedAt: string }>> {
  const { Items = [] } = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'ENTITLEMENT#' },
    }),
  );
  return Items.map(({ pk, sk, entity, ...e }) => e as Entitlement & { changedAt: string });
}
