/**
 * The events that announce state changes, built from the change itself.
 * Event ids are derived from the change (not random) so that a retried write
 * or a re-published record carries the same id and consumers can deduplicate.
 */

import type { Briefing, Review } from '#domain/briefing.ts';
import type { Confidence } from '#domain/scoring.ts';
import { type Source, sourceVersion } from '#domain/source.ts';
import {
  BRIEFING_EDITED,
  BRIEFING_PUBLISHED,
  BRIEFING_RETRACTED,
  BRIEFING_SCORED,
  type BriefingChange,
  type BriefingEditedDetail,
  type BriefingPublishedDetail,
  type BriefingRetractedDetail,
  type BriefingScoredDetail,
  type OutgoingEvent,
  SOURCE_INGESTED,
  SOURCE_UPDATED,
  type SourceChange,
  type SourceIngestedDetail,
  type SourceUpdatedDetail,
} from './index.ts';

/** The id of a source's Source Ingested: one per source, so the scoring that covers a source can confirm it by name. */
export const ingestedEventId = (briefingId: string, sourceId: string) => `ingested_${briefingId}_${sourceId}`;

export function sourceIngested(s: Source, now: Date): OutgoingEvent {
  const detail: SourceIngestedDetail = {
    schemaVersion: 1,
    eventId: ingestedEventId(s.briefingId, s.sourceId),
    occurredAt: now.toISOString(),
    briefingId: s.briefingId,
    sourceId: s.sourceId,
    kind: s.kind,
    stance: s.stance,
  };
  return { detailType: SOURCE_INGESTED, detail };
}

/** A correction or change of state of a source, one event per source version. */
export function sourceUpdated(s: Source, change: SourceChange, now: Date): OutgoingEvent {
  const version = sourceVersion(s);
  const detail: SourceUpdatedDetail = {
    schemaVersion: 1,
    eventId: `source-updated_${s.briefingId}_${s.sourceId}_${version}`,
    occurredAt: now.toISOString(),
    briefingId: s.briefingId,
    sourceId: s.sourceId,
    change,
    sourceVersion: version,
  };
  return { detailType: SOURCE_UPDATED, detail };
}

/**
 * `autoPublishDue`: whether `after` is a draft its own auto-publish rule now publishes (`dueForAutoPublish`,
 * decided by the caller, which holds the briefing module; this one stays light for the functions that only emit).
 */
export function briefingScored(
  before: { confidence: Pick<Confidence, 'score' | 'grade' | 'modelVersion'> },
  after: Pick<Briefing, 'briefingId' | 'version' | 'confidence'>,
  now: Date,
  autoPublishDue = false,
): OutgoingEvent {
  const detail: BriefingScoredDetail = {
    schemaVersion: 1,
    eventId: `scored_${after.briefingId}_${after.version}`,
    occurredAt: now.toISOString(),
    briefingId: after.briefingId,
    previous: { score: before.confidence.score, grade: before.confidence.grade },
    current: { score: after.confidence.score, grade: after.confidence.grade, label: after.confidence.label },
    modelVersion: after.confidence.modelVersion,
    briefingVersion: after.version,
    // A change of model is the first reason: consumers see why a score moved with no new evidence.
    reasons:
      before.confidence.modelVersion === after.confidence.modelVersion
        ? after.confidence.reasons.slice(0, 3)
        : [
            { code: 'model-change', text: `scored with model ${after.confidence.modelVersion} (was ${before.confidence.modelVersion})` },
            ...after.confidence.reasons.slice(0, 2),
          ],
    autoPublishDue,
  };
  return { detailType: BRIEFING_SCORED, detail };
}

/**
 * An edit of content or metadata, or an override set or lifted: what changed, for scoring to re-read; who
 * made it; whether it waits for an editor (a pending revision); for a published revision, who wrote it.
 */
export function briefingEdited(
  b: Briefing,
  changes: readonly BriefingChange[],
  now: Date,
  review: { editedBy?: string; pendingReview?: boolean; proposedBy?: string } = {},
): OutgoingEvent {
  const detail: BriefingEditedDetail = {
    schemaVersion: 1,
    eventId: `edited_${b.briefingId}_${b.version}`,
    occurredAt: now.toISOString(),
    briefingId: b.briefingId,
    briefingVersion: b.version,
    changes: [...changes],
    ...(review.editedBy ? { editedBy: review.editedBy } : {}),
    ...(review.pendingReview ? { pendingReview: true } : {}),
    ...(review.proposedBy ? { proposedBy: review.proposedBy } : {}),
  };
  return { detailType: BRIEFING_EDITED, detail };
}

/** A version made public, with whose decision it was (`approvedBy`) and who proposed it (`proposedBy`), when known. */
export function briefingPublished(b: Briefing, now: Date, review: Review = {}): OutgoingEvent {
  const detail: BriefingPublishedDetail = {
    schemaVersion: 1,
    eventId: `published_${b.briefingId}_${b.version}`,
    occurredAt: now.toISOString(),
    briefingId: b.briefingId,
    briefingVersion: b.version,
    publishedAt: b.publishedAt ?? now.toISOString(),
    versionAt: b.updatedAt,
    publishedBy: b.publishedBy ?? 'unknown',
    ...(review.approvedBy ? { approvedBy: review.approvedBy } : {}),
    ...(review.proposedBy && review.proposedBy !== review.approvedBy ? { proposedBy: review.proposedBy } : {}),
    language: b.language,
    headline: b.sections.headline,
    entityIds: b.entities.map((e) => e.entityId),
    score: b.confidence.score,
    grade: b.confidence.grade,
  };
  return { detailType: BRIEFING_PUBLISHED, detail };
}

/** A retraction, announced without its reason (editorial text, for staff only). */
export function briefingRetracted(b: Briefing, now: Date): OutgoingEvent {
  const detail: BriefingRetractedDetail = {
    schemaVersion: 1,
    eventId: `retracted_${b.briefingId}_${b.version}`,
    occurredAt: now.toISOString(),
    briefingId: b.briefingId,
    briefingVersion: b.version,
    retractedAt: b.retractedAt ?? now.toISOString(),
    retractedBy: b.retractedBy ?? 'unknown',
  };
  return { detailType: BRIEFING_RETRACTED, detail };
}

/** A request to score a briefing again with the current model: one per briefing and model version, so a repeated run adds nothing. */
export function briefingModelChanged(briefingId: string, version: number, modelVersion: string, now: Date): OutgoingEvent {
  const detail: BriefingEditedDetail = {
    schemaVersion: 1,
    eventId: `model_${briefingId}_${modelVersion}`,
    occurredAt: now.toISOString(),
    briefingId,
    briefingVersion: version,
    changes: ['model'],
  };
  return { detailType: BRIEFING_EDITED, detail };
}
