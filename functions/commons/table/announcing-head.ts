/**
 * Briefing heads that announce their own re-score (scores.ts `saveScore`): a re-score that changes
 * only what scoring derives is written without an outbox record, and the head's stream record is the
 * Briefing Scored (schema.ts ANNOUNCING_HEAD_STREAM_FILTER). Apart from outbox.ts, so the API functions
 * that write outbox records do not bundle the announcements.
 */

import type { Briefing } from '#domain/briefing.ts';
import { briefingScored } from '#events/announcements.ts';
import { BRIEFING_SCORED, type OutgoingEvent } from '#events/index.ts';
import { currentCorrelationId } from '#functions/commons/correlation.ts';
import { fromOutboxItem } from './outbox.ts';
import { BRIEFING_ENTITY } from './schema.ts';

/**
 * A re-scored head that announces its own Briefing Scored (scores.ts `saveScore`): the head item with
 * what the event needs beyond it (the score it replaces, and the work's correlation id).
 */
export function announcingHead(head: Record<string, unknown>, prev: Pick<Briefing, 'confidence'>): Record<string, unknown> {
  const correlationId = currentCorrelationId();
  const { score, grade, modelVersion } = prev.confidence;
  return { ...head, announces: BRIEFING_SCORED, scoredFrom: { score, grade, modelVersion }, ...(correlationId ? { correlationId } : {}) };
}

/** The Briefing Scored a head written by `announcingHead` announces (it is never due for auto-publishing). */
export function scoredFromHead(item: Record<string, unknown>): OutgoingEvent {
  const before = { confidence: item['scoredFrom'] } as Briefing;
  const after = { briefingId: item['briefingId'], version: item['version'], confidence: item['confidence'] } as Briefing;
  return briefingScored(before, after, new Date(String(item['updatedAt'])), false);
}

/** The event a stream record the relay receives stands for (schema.ts RELAY_STREAM_FILTERS): an outbox record, or an announcing head. */
export function eventOfStreamImage(item: Record<string, unknown>): OutgoingEvent & { correlationId?: string } {
  if (item['entity'] === BRIEFING_ENTITY && item['announces'] === BRIEFING_SCORED) {
    const correlationId = typeof item['correlationId'] === 'string' ? item['correlationId'] : undefined;
    return { ...scoredFromHead(item), ...(correlationId ? { correlationId } : {}) };
  }
  return fromOutboxItem(item);
}
