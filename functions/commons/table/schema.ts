/**
 * The single table's shape: key attributes, the one index, TTL and stream.
 * The CDK app and the local stack both create the table from this.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /**
   * Followers of an entity: watch items carry `FOLLOWERS#<entityId>` / `<userId>`
   * (functions/commons/table/watchlist.ts), so the alert consumer pages through
   * one index partition per entity. It no longer serves the feed (feed entries
   * have their own items, functions/commons/table/feed.ts). Also: outbox records awaiting their
   * consequence (outbox.ts) and requests for a tier by status (access-requests.ts). Projects keys plus `summary`.
   */
  gsi1: { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projectedAttributes: ['summary'] },
  timeToLiveAttribute: 'expiresAt',
  /** The outbox relay reads new images from the stream. */
  streamView: 'NEW_IMAGE',
} as const;

import { BRIEFING_SCORED } from '#events/index.ts';
import { ALERT_ENTITY, BRIEFING_ENTITY, OUTBOX_ENTITY } from './keys.ts';

/**
 * Which stream records the relay receives: inserts of outbox items, and briefing heads that carry the
 * Briefing Scored they announce (a re-score saved without an outbox record, scores.ts `saveScore`).
 * Same syntax as Lambda event-source filter patterns; a record that matches any of them is relayed.
 */
export const OUTBOX_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: [OUTBOX_ENTITY] } } },
};
export const ANNOUNCING_HEAD_STREAM_FILTER = {
  eventName: ['INSERT', 'MODIFY'],
  dynamodb: { NewImage: { entity: { S: [BRIEFING_ENTITY] }, announces: { S: [BRIEFING_SCORED] } } },
};
export const RELAY_STREAM_FILTERS = [OUTBOX_STREAM_FILTER, ANNOUNCING_HEAD_STREAM_FILTER] as const;

/**
 * Which stream records the instant-email consumer receives (functions/email/queue-instant-emails.ts): new alerts only.
 * The fan-out creates an alert with its first UpdateItem (an INSERT) and only adds entities to it afterwards (MODIFY).
 */
export const NEW_ALERT_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: [ALERT_ENTITY] } } },
};
