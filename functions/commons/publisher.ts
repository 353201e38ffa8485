/**
 * Publishes events to the bus. PutEvents takes at most 10 entries, and a 200
 * response can still hide failed entries (FailedEntryCount > 0): those are
 * retried alone, and whatever still fails is reported, never counted as sent.
 * An event's correlation id, if it has one, goes into its detail as
 * `correlationId` (an optional field every contract tolerates).
 */
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE } from '#events/contract.ts';
import type { OutgoingEvent } from '#events/index.ts';
import { eventBridge } from './clients/eventbridge.ts';
import { logger } from './logger.ts';

export const MAX_ENTRIES_PER_CALL = 10;

/** An event to publish, with the correlation id of the work that caused it. */
export type PublishableEvent = OutgoingEvent & { correlationId?: string };

export interface PublishOptions {
  busName: string;
  /** The events' `source`; default EVENT_SOURCE (webhook deliveries have their own, events/webhook-delivery-requested.ts). */
  source?: string;
  attempts?: number;
  /** Base delay between attempts, doubled each time. */
  backoffMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Publishes every event; returns the events that could not be published after all attempts. */
export async function publishEvents<E extends PublishableEvent>(events: readonly E[], opts: PublishOptions): Promise<E[]> {
  const failed: E[] = [];
  for (let i = 0; i < events.length; i += MAX_ENTRIES_PER_CALL) {
    failed.push(...(await publishChunk(events.slice(i, i + MAX_ENTRIES_PER_CALL), opts)));
  }
  return failed;
}

async function publishChunk<E extends PublishableEvent>(chunk: E[], opts: PublishOptions): Promise<E[]> {
  const attempts = opts.attempts ?? 3;
  let pending = chunk;
  for (let n = 0; n < attempts && pending.length > 0; n++) {
    if (n > 0) await sleep((opts.backoffMs ?? 50) * 2 ** (n - 1));
    const entries: PutEventsRequestEntry[] = pending.map((e) => ({
      EventBusName: opts.busName,
      Source: opts.source ?? EVENT_SOURCE,
      DetailType: e.detailType,
      Detail: JSON.stringify(e.correlationId ? { ...e.detail, correlationId: e.correlationId } : e.detail),
    }));
    try {
      const result = await eventBridge.send(new PutEventsCommand({ Entries: entries }));
      if (!result.FailedEntryCount) return [];
      // Entries come back in request order; the failed ones carry an ErrorCode.
      pending = pending.filter((_, i) => result.Entries?.[i]?.ErrorCode !== undefined || !result.Entries?.[i]?.EventId);
    } catch (error) {
      // Throttling or a network error: the whole chunk is retried.
      logger.warn('PutEvents failed', { attempt: n + 1, error: (error as Error).message });
    }
  }
  return pending;
}
