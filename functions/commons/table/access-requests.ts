/**
 * Requests for a tier (domain/access-request.ts), in the member's partition:
 *
 *   USER#<userId> / ACCESS_REQUEST#<requestId, 6 digits>    a request and its decision
 *       gsi1: ACCESS_REQUESTS#<status> / <requestedAt or decidedAt>#<userId>#<requestId>
 *       so admins page through the open ones (oldest first) or the decided ones (newest first)
 *
 * A step (a request, a decision) writes the request, the member's entitlement
 * record (conditional on the version read), its history entry and the outbox
 * records of its events in one transaction: nothing is half-written, and two
 * steps on one member cannot both land on the same record version. The index
 * projects keys only (and `summary`), so a page of the index is followed by one
 * BatchGetItem of the requests.
 */
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessRequest, AccessRequestStatus, AccessStep } from '#domain/access-request.ts';
import { ValidationError } from '#domain/errors.ts';
import type { OutgoingEvent } from '#events/index.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { entitlementWrites } from './entitlements.ts';
import { type Item, parseItem, storedEntity } from './item.ts';
import { ACCESS_REQUEST_ENTITY, ACCESS_REQUEST_SK, accessRequestIndexKeys, accessRequestKey, accessRequestsPk, userPk } from './keys.ts';
import { TABLE_SCHEMA } from './schema.ts';
import { cancellationCodes } from './transact.ts';
import { VersionConflictError } from './versioning.ts';

/** The most requests `GET /me/access-requests` returns, newest first. */
export const MEMBER_REQUESTS_PAGE = 20;

/** A stored request, as a read checks it. */
const ACCESS_REQUEST = /* @__PURE__ */ storedEntity<AccessRequest>(ACCESS_REQUEST_ENTITY, {
  requestId: 'string',
  userId: 'string',
  tier: 'string',
  status: 'string',
  reason: 'string',
  requestedAt: 'string',
});

export function toItem(r: AccessRequest) {
  return { ...accessRequestKey(r.userId, r.requestId), ...accessRequestIndexKeys(r), entity: ACCESS_REQUEST_ENTITY, ...r };
}

/** The request of an item, or undefined for an item that is not one; MalformedItemError when it lacks what a request holds. */
function fromItem(item: Item | undefined): AccessRequest | undefined {
  return item?.['entity'] === ACCESS_REQUEST_ENTITY ? parseItem(ACCESS_REQUEST, item) : undefined;
}

/** A member's requests, newest first (one consistent Query). */
export async function memberAccessRequests(userId: string, limit = MEMBER_REQUESTS_PAGE): Promise<AccessRequest[]> {
  const { Items = [] } = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': userPk(userId), ':prefix': ACCESS_REQUEST_SK },
      ScanIndexForward: false,
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  return Items.map(fromItem).filter((r): r is AccessRequest => r !== undefined);
}

export async function getAccessRequest(userId: string, requestId: string): Promise<AccessRequest | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName: config.tableName, Key: accessRequestKey(userId, requestId), ConsistentRead: true }));
  return fromItem(Item);
}

/**
 * Writes a step all or nothing: the request (a new one only if absent, a decision only while it is open),
 * the entitlement record (only if still at `recordVersion`), its history entry and the step's events.
 * A step that changes nothing (a repeated request or decision) writes nothing.
 */
export async function saveAccessStep(step: AccessStep, events: readonly OutgoingEvent[], recordVersion: number, now: Date): Promise<void> {
  if (!step.change) return;
  const isNew = step.request.status === 'open';
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          ...entitlementWrites(config.tableName, step.change, recordVersion, events, now),
          {
            Put: {
              TableName: config.tableName,
              Item: toItem(step.request),
              ...(isNew
                ? { ConditionExpression: 'attribute_not_exists(pk)' }
                : {
                    ConditionExpression: '#status = :open',
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: { ':open': 'open' },
                  }),
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (cancellationCodes(error).includes('ConditionalCheckFailed')) {
      throw new VersionConflictError(`the access requests of ${step.request.userId} changed meanwhile`);
    }
    throw error;
  }
}

/** A page cursor: the index sort key of the last request listed, base64url. */
const CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[A-Za-z0-9_-]{1,128}#[1-9][0-9]{0,5}$/;

function startKey(status: AccessRequestStatus, cursor: string) {
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!CURSOR.test(sortKey))
    throw new ValidationError('the cursor is not one this list gave', [{ pointer: 'query:cursor', detail: 'unknown cursor' }]);
  const [, userId = '', requestId = ''] = sortKey.split('#');
  return { ...accessRequestKey(userId, requestId), gsi1pk: accessRequestsPk(status), gsi1sk: sortKey };
}

/**
 * Admins' list: requests with `status`, open ones oldest first (a queue), decided ones newest first.
 * One Query of the index and one BatchGetItem (consistent, unprocessed keys retried) of the requests;
 * a request whose status changed since the index was read is left out of the page.
 */
export async function listAccessRequests(
  status: AccessRequestStatus,
  limit: number,
  cursor?: string,
): Promise<{ items: AccessRequest[]; nextCursor?: string }> {
  const page = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': accessRequestsPk(status) },
      ScanIndexForward: status === 'open',
      Limit: limit,
      ...(cursor ? { ExclusiveStartKey: startKey(status, cursor) } : {}),
    }),
  );
  const listed = page.Items ?? [];
  const byKey = new Map<string, AccessRequest>();
  let keys: Record<string, unknown>[] | undefined = listed.map((i) => ({ pk: i['pk'], sk: i['sk'] }));
  for (let attempt = 0; keys && keys.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 5)));
    if (attempt > 8) throw new Error('access requests could not be read: DynamoDB kept returning unprocessed keys');
    const { Responses, UnprocessedKeys }: BatchGetCommandOutput = await ddb.send(
      new BatchGetCommand({ RequestItems: { [config.tableName]: { Keys: keys, ConsistentRead: true } } }),
    );
    for (const item of Responses?.[config.tableName] ?? []) {
      const request = fromItem(item);
      if (request) byKey.set(`${item['pk']}|${item['sk']}`, request);
    }
    keys = UnprocessedKeys?.[config.tableName]?.Keys;
  }
  const items = listed.map((i) => byKey.get(`${i['pk']}|${i['sk']}`)).filter((r): r is AccessRequest => r?.status === status);
  const last = page.LastEvaluatedKey?.['gsi1sk'];
  return { items, ...(typeof last === 'string' ? { nextCursor: Buffer.from(last, 'utf8').toString('base64url') } : {}) };
}
