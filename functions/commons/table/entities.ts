/**
 * Entity records: a profile and its relationships, in the entity's partition,
 * so one Query reads a whole entity page.
 *
 *   ENTITY#<id> / PROFILE                          the profile
 *   ENTITY#<id> / REL#<relation-slug>#<target>     a relationship the entity states (outgoing)
 *   ENTITY#<id> / INV#<relation-slug>#<source>     its mirror on the target (incoming), same content
 *
 * A link and its mirror are always written and removed in the same
 * transaction, so "Meta — investor in → Scale AI" shows on both pages or on
 * neither. Entities are never deleted, so a target read before a write still
 * exists when the write lands.
 */

import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Briefing } from '#domain/briefing.ts';
import { type EntityProfile, linkOf, type Relationship } from '#domain/entity.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { parseAttributes, parseItem, storedEntity } from './item.ts';
import { entityPk, LINK_ENTITY, linkKey, MIRROR_ENTITY, mirrorKey, PROFILE_ENTITY, profileKey } from './keys.ts';
import { cancellationCodes, type TransactItem } from './transact.ts';
import { VersionConflictError } from './versioning.ts';

/** A stored profile, and a stored link (its mirror holds the same), as a read checks them. */
const PROFILE = /* @__PURE__ */ storedEntity<EntityProfile>(PROFILE_ENTITY, {
  entityId: 'string',
  name: 'string',
  kind: 'string',
  aliases: 'list',
  origin: 'string',
  updatedAt: 'string',
  version: 'number',
});
const LINK_ATTRIBUTES = { from: 'map', relation: 'string', to: 'map', summary: 'string', evidence: 'list' } as const;
const LINK = /* @__PURE__ */ storedEntity<Relationship>(LINK_ENTITY, LINK_ATTRIBUTES);
const MIRROR = /* @__PURE__ */ storedEntity<Relationship>(MIRROR_ENTITY, LINK_ATTRIBUTES);
/** What profileNames and publicAmong project from the profiles. */
const PROFILE_NAME = /* @__PURE__ */ storedEntity<Pick<EntityProfile, 'entityId' | 'name'>>(PROFILE_ENTITY, { entityId: 'string', name: 'string' });
const PROFILE_VISIBILITY = /* @__PURE__ */ storedEntity<Pick<EntityProfile, 'entityId' | 'publishedAt'>>(PROFILE_ENTITY, {
  entityId: 'string',
  publishedAt: 'string?',
});

export const toProfileItem = (p: EntityProfile) => ({ ...profileKey(p.entityId), entity: PROFILE_ENTITY, ...p });
export const toLinkItem = (r: Relationship) => ({ ...linkKey(r.from.entityId, r.relation, r.to.entityId), entity: LINK_ENTITY, ...r });
export const toMirrorItem = (r: Relationship) => ({ ...mirrorKey(r.from.entityId, r.relation, r.to.entityId), entity: MIRROR_ENTITY, ...r });

/** An entity page as stored: the profile (undefined: no such entity) and every link in which it is either end. */
export interface EntityRecord {
  profile?: EntityProfile;
  /** Links the entity states. */
  outgoing: Relationship[];
  /** Links other entities state about it (mirrors). */
  incoming: Relationship[];
}

/**
 * Reads an entity's partition: one Query (continued only if a very linked
 * entity's partition outgrows a 1 MB page). Eventually consistent for reads,
 * consistent before a write.
 */
export async function getEntity(entityId: string, opts: { consistent?: boolean } = {}): Promise<EntityRecord> {
  const record: EntityRecord = { outgoing: [], incoming: [] };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: config.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': entityPk(entityId) },
        ConsistentRead: opts.consistent ?? false,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      if (item['entity'] === PROFILE_ENTITY) record.profile = parseItem(PROFILE, item);
      else if (item['entity'] === LINK_ENTITY) record.outgoing.push(parseItem(LINK, item));
      else if (item['entity'] === MIRROR_ENTITY) record.incoming.push(parseItem(MIRROR, item));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return record;
}

/** A profile alone (one GetItem), or undefined. */
export async function getProfile(entityId: string, opts: { consistent?: boolean } = {}): Promise<EntityProfile | undefined> {
  const { Item } = await ddb.send(
    new GetCommand({ TableName: config.tableName, Key: profileKey(entityId), ConsistentRead: opts.consistent ?? false }),
  );
  return Item && Item['entity'] === PROFILE_ENTITY ? parseItem(PROFILE, Item) : undefined;
}

/** The current names of the entities that exist among `entityIds`, public or not (BatchGetItem, consistent, unprocessed keys retried). */
export async function profileNames(entityIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const unique = [...new Set(entityIds)];
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map(profileKey);
    for (let attempt = 0; keys && keys.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 5)));
      if (attempt > 8) throw new Error('profiles could not be read: DynamoDB kept returning unprocessed keys');
      const { Responses, UnprocessedKeys }: BatchGetCommandOutput = await ddb.send(
        new BatchGetCommand({
          RequestItems: {
            [config.tableName]: {
              Keys: keys,
              ConsistentRead: true,
              ProjectionExpression: 'entityId, #name, entity',
              ExpressionAttributeNames: { '#name': 'name' },
            },
          },
        }),
      );
      for (const item of Responses?.[config.tableName] ?? []) {
        if (item['entity'] !== PROFILE_ENTITY) continue;
        const { entityId, name } = parseAttributes(PROFILE_NAME, item);
        names.set(entityId, name);
      }
      keys = UnprocessedKeys?.[config.tableName]?.Keys;
    }
  }
  return names;
}

/**
 * Which of `entityIds` are public profiles (see EntityProfile.publishedAt): one BatchGetItem per 100
 * ids, eventually consistent. A key DynamoDB leaves unprocessed counts as not public, so a reader's
 * page leaves a link out for once rather than name an entity it could not check.
 */
export async function publicAmong(entityIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(entityIds)];
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 100) {
    const { Responses } = await ddb.send(
      new BatchGetCommand({
        RequestItems: { [config.tableName]: { Keys: ids.slice(i, i + 100).map(profileKey), ProjectionExpression: 'entityId, publishedAt' } },
      }),
    );
    for (const item of Responses?.[config.tableName] ?? []) {
      const { entityId, publishedAt } = parseAttributes(PROFILE_VISIBILITY, item);
      if (publishedAt) found.add(entityId);
    }
  }
  return found;
}

/**
 * The transaction of an analyst's PUT: the profile (if still at the version
 * read, or still absent), each stated link and its mirror, and the removal of
 * the links (and mirrors) no longer stated. At most 1 + 2×20 + 2×20 items.
 */
export function profileWrites(tableName: string, prev: EntityRecord, profile: EntityProfile, relationships: readonly Relationship[]): TransactItem[] {
  const kept = new Set(relationships.map(linkOf));
  const removed = prev.outgoing.filter((r) => !kept.has(linkOf(r)));
  return [
    {
      Put: {
        TableName: tableName,
        Item: toProfileItem(profile),
        // A briefing's publication may make the profile public between the read and this put: then the put
        // (which carries the visibility read) fails and is applied again over the public profile.
        ...(prev.profile
          ? {
              ConditionExpression: `version = :expected${prev.profile.publishedAt ? '' : ' AND attribute_not_exists(publishedAt)'}`,
              ExpressionAttributeValues: { ':expected': prev.profile.version },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
    ...relationships.flatMap((r) => [
      { Put: { TableName: tableName, Item: toLinkItem(r) } },
      { Put: { TableName: tableName, Item: toMirrorItem(r) } },
    ]),
    ...removed.flatMap((r) => [
      { Delete: { TableName: tableName, Key: linkKey(r.from.entityId, r.relation, r.to.entityId) } },
      { Delete: { TableName: tableName, Key: mirrorKey(r.from.entityId, r.relation, r.to.entityId) } },
    ]),
  ];
}

/** Writes {@link profileWrites} all or nothing; VersionConflictError when the profile changed since it was read. */
export async function saveProfile(prev: EntityRecord, profile: EntityProfile, relationships: readonly Relationship[]): Promise<void> {
  try {
    await ddb.send(new TransactWriteCommand({ TransactItems: profileWrites(config.tableName, prev, profile, relationships) }));
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes.includes('ConditionalCheckFailed') || codes.includes('TransactionConflict')) {
      throw new VersionConflictError(`entity ${profile.entityId} changed since version ${prev.profile?.version ?? 'none'}`);
    }
    throw error;
  }
}

/**
 * The writes that give every entity a briefing newly names a profile: a
 * minimal one (name and kind from the briefing's reference, origin
 * `briefing`, version 0) created only where no profile exists. Each attribute
 * is set with if_not_exists, so an analyst's profile is never overwritten and
 * the update never fails the caller's transaction. Entities already named by
 * `prev` get nothing (their profile was ensured then).
 *
 * A draft's profiles stay unknown to readers (no `publishedAt`): when the
 * briefing is published (or a published one names a new entity), each of its
 * entities is made public as well, at the briefing's `updatedAt`, unless it
 * already is.
 */
export function entityWrites(prev: Briefing | undefined, next: Briefing): TransactItem[] {
  const publishing = next.status === 'published';
  const before = new Set(publishing && prev?.status !== 'published' ? [] : (prev?.entities ?? []).map((e) => e.entityId));
  const added = new Map(next.entities.filter((e) => !before.has(e.entityId)).map((e) => [e.entityId, e]));
  const attrs: Record<string, unknown> = {
    entity: PROFILE_ENTITY,
    name: '',
    kind: '',
    aliases: [],
    origin: 'briefing',
    updatedAt: next.updatedAt,
    version: 0,
    ...(publishing ? { publishedAt: next.updatedAt } : {}),
  };
  const names = Object.keys(attrs);
  return [...added.values()].map((e) => ({
    Update: {
      TableName: config.tableName,
      Key: profileKey(e.entityId),
      UpdateExpression: `SET #entityId = if_not_exists(#entityId, :entityId), ${names.map((n) => `#${n} = if_not_exists(#${n}, :${n})`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(['entityId', ...names].map((n) => [`#${n}`, n])),
      ExpressionAttributeValues: {
        ...Object.fromEntries(names.map((n) => [`:${n}`, attrs[n]])),
        ':entityId': e.entityId,
        ':name': e.name,
        ':kind': e.kind,
      },
    },
  }));
}
