/**
 * Every key of the single table, and the `entity` attribute of each kind of item: the one place a key
 * string is built (the table modules, the local stack and the tests import them from here). The
 * partitions are named by the prefix of their partition key: functions/manifest.ts names them in each
 * function's table grant, which IAM enforces with `dynamodb:LeadingKeys`
 * (test/unit/functions/partitions.test.ts holds every key to its partition). docs/data-model.md lists
 * the access patterns. A key's string shape is stored data: never change one.
 *
 *   BRIEFING#<id> / L, L#REVISION, L#explanation, M, M#<lang>, P, P#<lang>   a briefing's parts (briefings.ts)
 *   BRIEFING#<id> / SOURCE#<sourceId>                  a source (sources.ts)
 *   BRIEFING#<id> / V#<version, 9 digits>              an editorial snapshot (briefings.ts)
 *   ENTITY#<id> / PROFILE, REL#<slug>#<to>, INV#<slug>#<from>   an entity's profile and links (entities.ts)
 *   USER#<userId> / ENTITLEMENT, ENTITLEMENT#<version, 6 digits>  the entitlement record and its history (entitlements.ts)
 *   USER#<userId> / ACCESS_REQUEST#<requestId, 6 digits>           a request for a tier (access-requests.ts)
 *       gsi1: ACCESS_REQUESTS#<status> / <requestedAt or decidedAt>#<userId>#<requestId>
 *   MEMBER#<userId> / WATCH#<entityId>, WATCHLIST, ALERT#<alertedAt>#<briefingId>#<version, 6 digits>  (watchlist.ts)
 *       gsi1 of a watch item: FOLLOWERS#<entityId> / <userId>
 *   MEMBER#<userId> / EMAIL_PREFERENCES      the member's email preference (email.ts)
 *       gsi1 while the preference is daily: DIGEST#daily#<shard> / <userId> (sparse: only daily members)
 *   MEMBER#<userId> / EMAIL_SENT#daily#<day>, EMAIL_SENT#instant#<briefingId>#<version, 6 digits>   a send's claim (email.ts)
 *   EMAIL#<address digest> / SUPPRESSION     an address that bounced or complained (email.ts)
 *   FEED#<dimension>=<value>#<bucket> / <publishedAt>#<briefingId>   a feed entry (feed.ts)
 *   OUTBOX#<eventId> / OUTBOX      an outbox record (outbox.ts); gsi1: PENDING#<shard> / <at>#<eventId>
 *   WEBHOOK#registry / WEBHOOK#<webhookId>   a partner's webhook and its signing secret (webhooks.ts)
 */
import type { AccessRequest } from '#domain/access-request.ts';
import { type Relation, relationSlug } from '#domain/entity.ts';
import type { FeedDimension, FeedEntry } from '#domain/feed.ts';

const BRIEFING = 'BRIEFING#';
const ENTITY = 'ENTITY#';
const USER = 'USER#';
const MEMBER = 'MEMBER#';
const FEED = 'FEED#';
const OUTBOX = 'OUTBOX#';
const FOLLOWERS = 'FOLLOWERS#';
const PENDING = 'PENDING#';
const ACCESS_REQUESTS = 'ACCESS_REQUESTS#';
const EMAIL = 'EMAIL#';
const DIGEST = 'DIGEST#';
const WEBHOOK = 'WEBHOOK#';

/** The single table's partitions, by the prefix of their partition key. */
export const PARTITIONS = {
  /** A briefing: its head, parts, versions and sources (briefings.ts, sources.ts). */
  briefing: BRIEFING,
  /** An entity's profile and relationships (entities.ts). */
  entity: ENTITY,
  /** A user's entitlement record and its history: written by admins and the sign-up trigger only (entitlements.ts). */
  user: USER,
  /** A member's own items: the watchlist, its count and the alerts (watchlist.ts); the email preference and send claims (email.ts). */
  member: MEMBER,
  /** The published feed's entries (feed.ts). */
  feed: FEED,
  /** Outbox records, which the table stream relays to the bus (outbox.ts). */
  outbox: OUTBOX,
  /** Email addresses that bounced or complained, by a digest of the address (email.ts). */
  email: EMAIL,
  /** Partners' webhooks and their signing secrets: only the webhook functions are granted it (webhooks.ts). */
  webhook: WEBHOOK,
} as const;
export type Partition = keyof typeof PARTITIONS;

/** The partitions of the index (gsi1), by the prefix of its partition key. */
export const INDEX_PARTITIONS = {
  /** An entity's followers (watchlist.ts). */
  followers: FOLLOWERS,
  /** Outbox records whose consequence is not confirmed yet (outbox.ts). */
  pending: PENDING,
  /** Members' requests for a tier, by status (access-requests.ts). */
  accessRequests: ACCESS_REQUESTS,
  /** Members with a daily email digest, by planning shard (email.ts). */
  digests: DIGEST,
} as const;
export type IndexPartition = keyof typeof INDEX_PARTITIONS;

// ---- the `entity` attribute of each kind of item (a read checks it: functions/commons/table/item.ts) ----

/** A briefing's head (`P`); also what the relay's stream filter matches (schema.ts). */
export const BRIEFING_ENTITY = 'briefing';
/** A briefing's other parts (`L…`, `M…`, `P#<lang>`). */
export const BRIEFING_PART_ENTITY = 'briefing-part';
export const BRIEFING_VERSION_ENTITY = 'briefing-version';
export const SOURCE_ENTITY = 'source';
export const PROFILE_ENTITY = 'entity-profile';
export const LINK_ENTITY = 'entity-link';
export const MIRROR_ENTITY = 'entity-link-mirror';
export const ENTITLEMENT_ENTITY = 'entitlement';
export const ENTITLEMENT_CHANGE_ENTITY = 'entitlement-change';
export const ACCESS_REQUEST_ENTITY = 'access-request';
export const WATCH_ENTITY = 'watch';
export const WATCHLIST_COUNT_ENTITY = 'watchlist-count';
export const ALERT_ENTITY = 'alert';
export const OUTBOX_ENTITY = 'outbox';
export const EMAIL_PREFERENCES_ENTITY = 'email-preferences';
export const EMAIL_SENT_ENTITY = 'email-sent';
export const EMAIL_SUPPRESSION_ENTITY = 'email-suppression';
export const WEBHOOK_ENTITY = 'webhook';

// ---- a briefing's partition ----

export const briefingPk = (briefingId: string) => `${BRIEFING}${briefingId}`;

/**
 * The sort keys of a briefing's parts. Their order is what lets each reader read its parts with one Query
 * over a contiguous range (briefings.ts `partsRange`): public `P…`, members `M` to `P~`, staff `L` to `P~`,
 * a write's read (parts and sources) `L` to `SOURCE#~`.
 */
export const BRIEFING_SK = {
  staff: 'L',
  revision: 'L#REVISION',
  explanation: 'L#explanation',
  member: 'M',
  head: 'P',
  /** Above every `P#<lang>`: the end of the readers' ranges. */
  end: 'P~',
  source: 'SOURCE#',
  /** Above every source: the end of a write's read. */
  sourcesEnd: 'SOURCE#~',
  version: 'V#',
} as const;
/** `M` (source notes), or `M#<lang>` (member sections in a language). */
export const memberSk = (language?: string) => (language ? `${BRIEFING_SK.member}#${language}` : BRIEFING_SK.member);
/** `P` (the head), or `P#<lang>` (public sections in a language). */
export const publicSk = (language?: string) => (language ? `${BRIEFING_SK.head}#${language}` : BRIEFING_SK.head);

/** The head item: its existence is the briefing's, its `version` the condition of every save. */
export const briefingKey = (briefingId: string) => ({ pk: briefingPk(briefingId), sk: BRIEFING_SK.head });
export const briefingPartKey = (briefingId: string, sk: string) => ({ pk: briefingPk(briefingId), sk });
export const briefingVersionKey = (briefingId: string, version: number) => ({
  pk: briefingPk(briefingId),
  sk: `${BRIEFING_SK.version}${String(version).padStart(9, '0')}`,
});
/** A source, under its briefing (sourceId derives from the canonical URL). */
export const sourceKey = (briefingId: string, sourceId: string) => ({ pk: briefingPk(briefingId), sk: `${BRIEFING_SK.source}${sourceId}` });

// ---- an entity's partition ----

export const entityPk = (entityId: string) => `${ENTITY}${entityId}`;
export const profileKey = (entityId: string) => ({ pk: entityPk(entityId), sk: 'PROFILE' });
/** A link the entity `from` states, in its partition. */
export const linkKey = (from: string, relation: Relation, to: string) => ({ pk: entityPk(from), sk: `REL#${relationSlug(relation)}#${to}` });
/** The link's mirror, in the partition of its target. */
export const mirrorKey = (from: string, relation: Relation, to: string) => ({ pk: entityPk(to), sk: `INV#${relationSlug(relation)}#${from}` });

// ---- a user's partition: the entitlement record, its history, the requests for a tier ----

export const userPk = (userId: string) => `${USER}${userId}`;
export const entitlementKey = (userId: string) => ({ pk: userPk(userId), sk: 'ENTITLEMENT' });
/** The sort-key prefix of the history entries. */
export const ENTITLEMENT_HISTORY_SK = 'ENTITLEMENT#';
export const entitlementHistoryKey = (userId: string, version: number) => ({
  pk: userPk(userId),
  sk: `${ENTITLEMENT_HISTORY_SK}${String(version).padStart(6, '0')}`,
});
/** The sort-key prefix of a member's requests for a tier. */
export const ACCESS_REQUEST_SK = 'ACCESS_REQUEST#';
export const accessRequestKey = (userId: string, requestId: string) => ({
  pk: userPk(userId),
  sk: `${ACCESS_REQUEST_SK}${requestId.padStart(6, '0')}`,
});
/** The index partition of the requests with a status. */
export const accessRequestsPk = (status: AccessRequest['status']) => `${ACCESS_REQUESTS}${status}`;
/** A request's index keys: by status, then by when it was made or decided. */
export const accessRequestIndexKeys = (r: Pick<AccessRequest, 'status' | 'userId' | 'requestId' | 'requestedAt' | 'decidedAt'>) => ({
  gsi1pk: accessRequestsPk(r.status),
  gsi1sk: `${r.decidedAt ?? r.requestedAt}#${r.userId}#${r.requestId}`,
});

// ---- a member's own partition: watchlist and alerts ----

export const memberPk = (userId: string) => `${MEMBER}${userId}`;
/** The sort-key prefixes of the watch items and the alerts. */
export const WATCH_SK = 'WATCH#';
export const ALERT_SK = 'ALERT#';
export const watchKey = (userId: string, entityId: string) => ({ pk: memberPk(userId), sk: `${WATCH_SK}${entityId}` });
/** A watch item's index keys: an entity's followers, by user id. */
export const followerKeys = (userId: string, entityId: string) => ({ gsi1pk: followersPk(entityId), gsi1sk: userId });
export const followersPk = (entityId: string) => `${FOLLOWERS}${entityId}`;
/** How many entities the member follows (the cap). */
export const watchCountKey = (userId: string) => ({ pk: memberPk(userId), sk: 'WATCHLIST' });
/** One alert per briefing version, newest first: every part identifies the change, never the delivery. */
export const alertKey = (userId: string, a: { alertedAt: string; briefingId: string; briefingVersion: number }) => ({
  pk: memberPk(userId),
  sk: `${ALERT_SK}${a.alertedAt}#${a.briefingId}#${String(a.briefingVersion).padStart(6, '0')}`,
});

// ---- email (email.ts) ----

/** A member's email preference, in their own partition. */
export const emailPreferencesKey = (userId: string) => ({ pk: memberPk(userId), sk: 'EMAIL_PREFERENCES' });
/** The index partition of one planning shard of the members with a daily digest. */
export const digestShardPk = (shard: number) => `${DIGEST}daily#${shard}`;
/** A daily member's index keys: their shard, then their user id (the planner pages in user-id order). */
export const digestIndexKeys = (userId: string, shard: number) => ({ gsi1pk: digestShardPk(shard), gsi1sk: userId });
/** The claim of one email: a day's digest, or an instant alert of a briefing version (the idempotency key). */
export const emailSentKey = (
  userId: string,
  send: { kind: 'daily'; day: string } | { kind: 'instant'; briefingId: string; briefingVersion: number },
) => ({
  pk: memberPk(userId),
  sk:
    send.kind === 'daily' ? `EMAIL_SENT#daily#${send.day}` : `EMAIL_SENT#instant#${send.briefingId}#${String(send.briefingVersion).padStart(6, '0')}`,
});
/** An address's suppression, by a digest of the normalised address (no address in a key). */
export const suppressionKey = (addressDigest: string) => ({ pk: `${EMAIL}${addressDigest}`, sk: 'SUPPRESSION' });

// ---- the feed ----

export const feedPartition = (dimension: FeedDimension, value: string, bucket: string) => `${FEED}${dimension}=${value}#${bucket}`;
export const feedSortKey = (publishedAt: string, briefingId: string) => `${publishedAt}#${briefingId}`;
export const feedEntryKey = (e: Pick<FeedEntry, 'dimension' | 'value' | 'month' | 'publishedAt' | 'briefingId'>) => ({
  pk: feedPartition(e.dimension, e.value, e.month),
  sk: feedSortKey(e.publishedAt, e.briefingId),
});

// ---- the outbox ----

export const outboxKey = (eventId: string) => ({ pk: `${OUTBOX}${eventId}`, sk: 'OUTBOX' });
export const pendingPk = (shard: number) => `${PENDING}${shard}`;
/** A pending marker's index keys: which shard, and when (the reconciler's cut-off compares this). */
export const pendingMarkerKeys = (shard: number, eventId: string, at: Date) => ({
  gsi1pk: pendingPk(shard),
  gsi1sk: `${at.toISOString()}#${eventId}`,
});

// ---- partners' webhooks ----

/**
 * Every webhook in one partition: the delivery step reads them all on each event with one Query. Their number is
 * bounded by the account's EventBridge connections (one per webhook; 100 by default), far below a partition's limits.
 */
export const WEBHOOKS_PK = `${WEBHOOK}registry`;
export const WEBHOOK_SK = 'WEBHOOK#';
export const webhookKey = (webhookId: string) => ({ pk: WEBHOOKS_PK, sk: `${WEBHOOK_SK}${webhookId}` });
