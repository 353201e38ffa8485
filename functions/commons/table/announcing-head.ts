/**
 * Briefing heads that announce their own re-score (scores.ts `saveScore`): a re-score that changes
 * only what scoring derives is written without an outbox record, and the head's stream record is the
 * Briefing Scored (schema.ts ANNOUNCING_HEAD_STREAM_FILTER). Apart from outbox.ts, so the API functions
 * that write outbox records do not bundle the announcements.
 */

import type { Briefing } from '#domain/briefing.ts';
import type { Confidence } from '#domain/scoring.ts';
import { briefingScored } from '#events/announcements.ts';
import { BRIEFING_SCORED, type OutgoingEvent } from '#events/index.ts';
import { currentCorrelationId } from '#functions/commons/correlation.ts';
import { type Item, parseItem, storedEntity } from './item.ts';
import { BRIEFING_ENTITY } from './keys.ts';
import { fromOutboxItem } from './outbox.ts';

/** What the relay reads of an announcing head: the new score, and the one it replaces. */
type AnnouncingHead = Pick<Briefing, 'briefingId' | 'version' | 'confidence' | 'updatedAt'> & {
  scoredFrom: Pick<Confidence, 'score' | 'grade' | 'modelVersion'>;
  correlationId?: string;
};
const ANNOUNCING_HEAD = /* @__PURE__ */ storedEntity<AnnouncingHead>(BRIEFING_ENTITY, {
  briefingId: 'string',
  version: 'number',
  confidence: 'map',
  updatedAt: 'string',
  scoredFrom: 'map',
  correlationId: 'string?',
});

/**
 * A re-scored head that announces its own Briefing Scored (scores.ts `saveScore`): the head item with
 * what the event needs beyond it (the score it replaces, and the work's correlation id).
 */
export function announcingHead(head: Item, prev: Pick<Briefing, 'confidence'>): Item {
  const correlationId = currentCorrelationId();
  const { score, grade, modelVersion } = prev.confidence;
  return { ...head, announces: BRIEFING_SCORED, scoredFrom: { score, grade, modelVersion }, ...(correlationId ? { correlationId } : {}) };
}

/** The Briefing Scored a head written by `announcingHead` announces (it is never due for auto-publishing). */
export function scoredFromHead(item: Item): OutgoingEvent {
  const head = parseItem(ANNOUNCING_HEAD, item);
  return briefingScored({ confidence: head.scoredFrom }, head, new Date(head.updatedAt), false);
}

/** The event a stream record the relay receives stands for (schema.ts RELAY_STREAM_FILTERS): an outbox record, or an announcing head. */
export function eventOfStreamImage(item: Item): OutgoingEvent & { correlationId?: string } {
  if (item['entity'] === BRIEFING_ENTITY && item['announces'] === BRIEFING_SCORED) {
    const { correlationId } = parseItem(ANNOUNCING_HEAD, item);
    return { ...scoredFromHead(item), ...(correlationId ? { correlationId } : {}) };
  }
  return fromOutboxItem(item);
}
