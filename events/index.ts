/** Every event this system emits, by detail-type. */
import { AccessDecided } from './access-decided.ts';
import { AccessRequested } from './access-requested.ts';
import { AlertFanOutContinued } from './alert-fan-out-continued.ts';
import { BriefingEdited } from './briefing-edited.ts';
import { BriefingPublished } from './briefing-published.ts';
import { BriefingRetracted } from './briefing-retracted.ts';
import { BriefingScored } from './briefing-scored.ts';
import { EntitlementChanged } from './entitlement-changed.ts';
import { SourceIngested } from './source-ingested.ts';
import { SourceUpdated } from './source-updated.ts';

export { ACCESS_DECIDED, ACCESS_OUTCOMES, type AccessDecidedDetail, type AccessOutcome } from './access-decided.ts';
export { ACCESS_REQUESTED, type AccessRequestedDetail } from './access-requested.ts';
export { ALERT_FAN_OUT_CONTINUED, type AlertFanOutContinuedDetail } from './alert-fan-out-continued.ts';
export { BRIEFING_CHANGES, BRIEFING_EDITED, type BriefingChange, type BriefingEditedDetail } from './briefing-edited.ts';
export { BRIEFING_PUBLISHED, type BriefingPublishedDetail } from './briefing-published.ts';
export { BRIEFING_RETRACTED, type BriefingRetractedDetail } from './briefing-retracted.ts';
export { BRIEFING_SCORED, type BriefingScoredDetail } from './briefing-scored.ts';
export { EVENT_SOURCE, type EventContract, type EventPattern, patternFor } from './contract.ts';
export { ENTITLEMENT_CHANGED, ENTITLEMENT_CHANGES, type EntitlementChange, type EntitlementChangedDetail } from './entitlement-changed.ts';
export { SOURCE_INGESTED, type SourceIngestedDetail } from './source-ingested.ts';
export { SOURCE_CHANGES, SOURCE_UPDATED, type SourceChange, type SourceUpdatedDetail } from './source-updated.ts';
export {
  AccessDecided,
  AccessRequested,
  AlertFanOutContinued,
  BriefingEdited,
  BriefingPublished,
  BriefingRetracted,
  BriefingScored,
  EntitlementChanged,
  SourceIngested,
  SourceUpdated,
};

export const CONTRACTS = [
  SourceIngested,
  SourceUpdated,
  BriefingEdited,
  BriefingScored,
  BriefingPublished,
  BriefingRetracted,
  AlertFanOutContinued,
  EntitlementChanged,
  AccessRequested,
  AccessDecided,
] as const;

/** An event about to be published: what the outbox stores and the relay sends. */
export interface OutgoingEvent {
  detailType: string;
  detail: { eventId: string } & Record<string, unknown>;
}
