/**
 * Publishes events to the bus. PutEvents takes at most 10 entries, and a 200
 * response can still hide failed entries (FailedEntryCount > 0): those are
 * retried alone, and whatever still fails is reported, never counted as sent.
 */
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, type OutgoingEvent } from '../../events/index.ts';
import { eventBridge } from './clients/eventbridge.ts';
import { logger } from './logger.ts';

export const MAX_ENTRIES_PER_CALL = 10;

export interface PublishOptions {
  busName: string;
  attempts?: number;
  /** Base delay between attempts, doubled each time. */
  backoffMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Publishes every event; returns the events that could not be published after all attempts. */
export async function publishEvents(events: readonly OutgoingEvent[], opts: PublishOptions): Promise<OutgoingEvent[]> {
  const failed: OutgoingEvent[] = [];
  for (let i = 0; i < events.length; i += MAX_ENTRIES_PER_CALL) {
    failed.push(...(await publishChunk(events.slice(i, i + MAX_ENTRIES_PER_CALL), opts)));
  }
  return failed;
}

async function publishChunk(chunk: OutgoingEvent[], opts: PublishOptions): Promise<OutgoingEvent[]> {
  const attempts = opts.attempts ?? 3;
  let pending = chunk;
  for (let n = 0; n < attempts && pending.length > 0; n++) {
    if (n > 0) await sleep((opts.backoffMs ?? 50) * 2 ** (n - 1));
    const entries: PutEventsRequestEntry[] = pending.map((e) => ({
      EventBusName: opts.busName,
      Source: EVENT_SOURCE,
      DetailType: e.detailType,
      Detail: JSON.stringify(e.detail),
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
