/** Every event this system emits, by detail-type. */
import { BriefingPublished } from './briefing-published.ts';
import { BriefingScored } from './briefing-scored.ts';
import { SourceIngested } from './source-ingested.ts';

export { EVENT_SOURCE, patternFor, type EventContract, type EventPattern } from './contract.ts';
export { BriefingPublished, BriefingScored, SourceIngested };
export type { BriefingPublishedDetail } from './briefing-published.ts';
export type { BriefingScoredDetail } from './briefing-scored.ts';
export type { SourceIngestedDetail } from './source-ingested.ts';

export const CONTRACTS = [SourceIngested, BriefingScored, BriefingPublished] as const;

/** An event about to be published: what the outbox stores and the relay sends. */
export interface OutgoingEvent {
  detailType: string;
  detail: { eventId: string } & Record<string, unknown>;
}
