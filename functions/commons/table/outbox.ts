/**
 * Outbox records: an event written in the same transaction as the state
 * change it announces. The table's stream hands new outbox records to the
 * relay (relay-events), which publishes them; TTL removes them a day later.
 * A record carries the correlation id of the work that wrote it, if any
 * (functions/commons/correlation.ts).
 *
 * A record of an event that a consumer of this system acts on is also the
 * "pending" marker of its consequence, in a sparse part of gsi1:
 *
 *   OUTBOX#<eventId> / OUTBOX    gsi1: PENDING#<shard 0-3> / <written at>#<eventId>
 *
 * The consumer deletes the record once its work is done (functions/commons/consumer.ts),
 * so the index holds only changes whose consequence is not confirmed yet, and the
 * reconciler (functions/pipeline/reconcile.ts) reads just those older than a few minutes:
 * no scan, and an empty Query per shard when all is well. Reading and clearing
 * markers is in pending-changes.ts (the relay, which imports this module, needs no table client).
 */
import { createHash } from 'node:crypto';
import {
  ALERT_FAN_OUT_CONTINUED,
  BRIEFING_EDITED,
  BRIEFING_PUBLISHED,
  BRIEFING_SCORED,
  ENTITLEMENT_CHANGED,
  type OutgoingEvent,
  SOURCE_INGESTED,
  SOURCE_UPDATED,
} from '#events/index.ts';
import { currentCorrelationId } from '#functions/commons/correlation.ts';
import { type Item, parseItem, storedEntity } from './item.ts';
import { OUTBOX_ENTITY, outboxKey, pendingMarkerKeys } from './keys.ts';

const RETENTION_SECONDS = 24 * 60 * 60;

/**
 * The events whose consequence a consumer of this system confirms (one subscription each, checked in
 * test/unit/functions/reconcile.test.ts against functions/manifest.ts). Others (Briefing Retracted) are
 * for outside consumers: their records carry no marker and simply expire.
 */
export const AWAITED_EVENTS: ReadonlySet<string> = new Set([
  SOURCE_INGESTED,
  BRIEFING_EDITED,
  SOURCE_UPDATED,
  BRIEFING_SCORED,
  BRIEFING_PUBLISHED,
  ALERT_FAN_OUT_CONTINUED,
  ENTITLEMENT_CHANGED,
]);

/**
 * Whether a consumer of this system acts on `event`, so its record carries a pending marker: its type is
 * awaited, and a Briefing Scored only when it makes a draft due for auto-publishing (the one case
 * auto-publish-briefing's rule selects, functions/manifest.ts).
 */
export function awaitsConsequence(event: OutgoingEvent): boolean {
  if (!AWAITED_EVENTS.has(event.detailType)) return false;
  return event.detailType !== BRIEFING_SCORED || (event.detail as { autoPublishDue?: unknown }).autoPublishDue === true;
}

/** Index partitions the markers are spread over, so no one partition takes every change. */
export const PENDING_SHARDS = 4;

const shardOf = (eventId: string) => createHash('sha256').update(eventId).digest().readUInt32BE(0) % PENDING_SHARDS;
/** The marker's index keys (keys.ts): the event's shard, and when (the reconciler's cut-off compares this). */
export const pendingKeys = (eventId: string, at: Date) => pendingMarkerKeys(shardOf(eventId), eventId, at);

export interface OutboxItem {
  pk: string;
  sk: string;
  entity: typeof OUTBOX_ENTITY;
  detailType: string;
  detail: OutgoingEvent['detail'];
  expiresAt: number;
  correlationId?: string;
  /** The pending marker (awaited events only): set until the consumer confirms the consequence. */
  gsi1pk?: string;
  gsi1sk?: string;
}

export function toOutboxItem(event: OutgoingEvent, now: Date): OutboxItem {
  const correlationId = currentCorrelationId();
  return {
    ...outboxKey(event.detail.eventId),
    entity: OUTBOX_ENTITY,
    detailType: event.detailType,
    detail: event.detail,
    expiresAt: Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
    ...(correlationId ? { correlationId } : {}),
    ...(awaitsConsequence(event) ? pendingKeys(event.detail.eventId, now) : {}),
  };
}

/** The transaction part that writes an outbox record (once per event id). */
export function outboxPut(tableName: string, event: OutgoingEvent, now: Date) {
  return {
    Put: {
      TableName: tableName,
      Item: toOutboxItem(event, now),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** An outbox record as stored, with its keys (the reconciler puts it back with a new marker). */
export const OUTBOX_RECORD = /* @__PURE__ */ storedEntity<OutboxItem>(OUTBOX_ENTITY, {
  pk: 'string',
  sk: 'string',
  entity: 'string',
  detailType: 'string',
  detail: 'map',
  expiresAt: 'number',
  correlationId: 'string?',
});
/** The event an outbox record holds, as a read checks it. */
const OUTBOX_EVENT = /* @__PURE__ */ storedEntity<OutgoingEvent & { correlationId?: string }>(OUTBOX_ENTITY, {
  detailType: 'string',
  detail: 'map',
  correlationId: 'string?',
});

/** The event of an outbox record (and the correlation id of the work that wrote it); MalformedItemError when it is not one. */
export function fromOutboxItem(item: Item): OutgoingEvent & { correlationId?: string } {
  const { detailType, detail, correlationId } = parseItem(OUTBOX_EVENT, item);
  return { detailType, detail, ...(correlationId ? { correlationId } : {}) };
}
