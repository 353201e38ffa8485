/**
 * Outbox records: an event written in the same transaction as the state
 * change it announces. The table's stream hands new outbox records to the
 * relay (relay-events), which publishes them; TTL removes them a day later.
 * A record carries the correlation id of the work that wrote it, if any
 * (functions/commons/correlation.ts).
 */
import type { OutgoingEvent } from '../../../events/index.ts';
import { currentCorrelationId } from '../correlation.ts';
import { OUTBOX_ENTITY } from './schema.ts';

const RETENTION_SECONDS = 24 * 60 * 60;

export const outboxKey = (eventId: string) => ({ pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' });

export interface OutboxItem {
  pk: string;
  sk: string;
  entity: typeof OUTBOX_ENTITY;
  detailType: string;
  detail: OutgoingEvent['detail'];
  expiresAt: number;
  correlationId?: string;
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

export function fromOutboxItem(item: Record<string, unknown>): OutgoingEvent & { correlationId?: string } {
  const correlationId = typeof item['correlationId'] === 'string' ? item['correlationId'] : undefined;
  return { detailType: String(item['detailType']), detail: item['detail'] as OutgoingEvent['detail'], ...(correlationId ? { correlationId } : {}) };
}
