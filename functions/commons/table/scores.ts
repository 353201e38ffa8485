/**
 * Saving a re-score (score-briefing): apart from briefings.ts, so that the functions that only read or
 * edit briefings do not bundle the announcing head and the announcements it rebuilds.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Briefing } from '#domain/briefing.ts';
import { stableJson } from '#domain/stable-json.ts';
import type { OutgoingEvent } from '#events/index.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { announcingHead, scoredFromHead } from './announcing-head.ts';
import { SCORING_PARTS, saveBriefing, stateWrites } from './briefings.ts';
import { entityWrites } from './entities.ts';
import { feedWrites } from './feed.ts';
import { awaitsConsequence } from './outbox.ts';
import { VersionConflictError } from './versioning.ts';

type Item = Record<string, unknown>;

/**
 * Saves a re-score. When it changes only what scoring derives (the head's confidence, the source notes `M`,
 * the explanation `L#explanation`) and no consumer of this system awaits its event (a draft that is not due
 * for auto-publishing, so no feed entry, profile or marker is involved), it is written without a
 * transaction or an outbox record: the changed scoring parts first, then the head, conditional on the
 * version read, carrying the Briefing Scored it announces; the head's stream record is that event
 * (relay-events, `scoredFromHead`). A crash between the two leaves the head as it was and the triggering
 * event unconfirmed, so the reconciler re-drives the scoring; a scoring that loses the race on the head
 * re-reads and rewrites the parts. Anything else is saved with saveBriefing.
 */
export async function saveScore(prev: Briefing, next: Briefing, event: OutgoingEvent | undefined, now: Date): Promise<void> {
  const [head, ...parts] = stateWrites(prev, next, prev.version);
  const written: Item = head!.Put!.Item!;
  const announced = event ? announcingHead(written, prev) : written;
  const alone =
    parts.every((w) => w.Put && SCORING_PARTS.has(String(w.Put.Item?.['sk']))) &&
    // The head must announce exactly the event given (the relay rebuilds it from the head alone).
    (!event || (!awaitsConsequence(event) && stableJson(scoredFromHead(announced)) === stableJson(event))) &&
    feedWrites(prev, next).length === 0 &&
    entityWrites(prev, next).length === 0;
  if (!alone) return saveBriefing(prev, next, event ? [event] : [], now);
  await Promise.all(parts.map((w) => ddb.send(new PutCommand(w.Put!))));
  try {
    await ddb.send(new PutCommand({ ...head!.Put!, Item: announced }));
  } catch (error) {
    // Another version landed first, or a transaction on the head is in flight: re-read either way.
    const name = (error as { name?: string }).name;
    if (name === 'ConditionalCheckFailedException' || name === 'TransactionConflictException') {
      throw new VersionConflictError(`briefing ${next.briefingId} changed since version ${prev.version}`);
    }
    throw error;
  }
}
