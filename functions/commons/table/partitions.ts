/**
 * The single table's partitions, by the prefix of their partition key. The key
 * modules build the keys (test/unit/functions/partitions.test.ts holds them to
 * these prefixes); functions/manifest.ts names these partitions in each
 * function's table grant, which IAM enforces with `dynamodb:LeadingKeys`.
 */
export const PARTITIONS = {
  /** A briefing: its head, parts, versions and sources (briefings.ts, sources.ts). */
  briefing: 'BRIEFING#',
  /** An entity's profile and relationships (entities.ts). */
  entity: 'ENTITY#',
  /** A user's entitlement record and its history: written by admins and the sign-up trigger only (entitlements.ts). */
  user: 'USER#',
  /** A member's own items: the watchlist, its count and the alerts (watchlist.ts). */
  member: 'MEMBER#',
  /** The published feed's entries (feed.ts). */
  feed: 'FEED#',
  /** Outbox records, which the table stream relays to the bus (outbox.ts). */
  outbox: 'OUTBOX#',
} as const;
export type Partition = keyof typeof PARTITIONS;

/** The partitions of the index (gsi1), by the prefix of its partition key. */
export const INDEX_PARTITIONS = {
  /** An entity's followers (watchlist.ts). */
  followers: 'FOLLOWERS#',
  /** Outbox records whose consequence is not confirmed yet (outbox.ts). */
  pending: 'PENDING#',
  /** Members' requests for a tier, by status (access-requests.ts). */
  accessRequests: 'ACCESS_REQUESTS#',
} as const;
export type IndexPartition = keyof typeof INDEX_PARTITIONS;
