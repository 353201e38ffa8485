/**
 * On Source Ingested, Source Updated (a correction, withdrawal or restoration)
 * and Briefing Edited (content, event date, an analyst's override): re-scores the briefing from all of its sources (read with the
 * briefing in one consistent Query; withdrawn sources do not count) and,
 * when score or grade changed, announces Briefing Scored in the same write
 * (saveScore: without a transaction when only what scoring derives changes).
 * Scoring reads the current evidence, not the event, so duplicates and
 * reordering converge on the same result.
 *
 * A score covers every source it was computed from, so the scorer confirms the
 * Source Ingested of each source its write newly covers, in one request, and
 * none of a source an earlier score already covered: that scoring confirmed it
 * (or crashed first, and the reconciler, finding the source in the stored score,
 * confirms it then). Under a burst, one scoring covers several sources and the
 * later scorings of the same briefing write nothing at all.
 */

import { dueForAutoPublish, rescore } from '#domain/briefing.ts';
import { briefingScored, ingestedEventId } from '#events/announcements.ts';
import { BriefingEdited, SOURCE_INGESTED, SourceIngested, SourceUpdated } from '#events/index.ts';
import { autoPublishFloor } from '#functions/commons/auto-publish-floor.ts';
import { CONFIRMED_BY_HANDLER, eventConsumer } from '#functions/commons/consumer.ts';
import { logger } from '#functions/commons/logger.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { loadBriefing } from '#functions/commons/table/briefings.ts';
import { confirmConsequences } from '#functions/commons/table/pending-changes.ts';
import { saveScore } from '#functions/commons/table/scores.ts';
import { withVersionRetry } from '#functions/commons/table/versioning.ts';

export const handler = eventConsumer([SourceIngested, SourceUpdated, BriefingEdited], async (detail, { now, event }) => {
  const { briefingId } = detail;
  const covered = await withVersionRetry(async () => {
    const loaded = await loadBriefing(briefingId);
    if (!loaded) return logger.warn('no such briefing; nothing to score', { briefingId });
    const { briefing: current, sources } = loaded;
    const before = new Set(current.sourceNotes.map((n) => n.sourceId));
    const coverage = { fresh: sources.map((s) => s.sourceId).filter((id) => !before.has(id)), all: new Set(sources.map((s) => s.sourceId)) };
    const { briefing, changed } = rescore(current, sources, now);
    if (briefing === current) return { ...coverage, stored: false };
    // Rescoring is not an editorial action: it writes no snapshot to the version history.
    await saveScore(
      current,
      briefing,
      changed ? briefingScored(current, briefing, now, dueForAutoPublish(briefing, autoPublishFloor())) : undefined,
      now,
    );
    if (changed) metrics.addMetric('ScoreChanges', MetricUnit.Count, 1);
    logger.info('briefing scored', { briefingId, score: briefing.confidence.score, grade: briefing.confidence.grade, changed });
    return { ...coverage, stored: true };
  });
  if (!covered) return;
  const own = event['detail-type'] === SOURCE_INGESTED ? (detail as { sourceId: string }).sourceId : undefined;
  // A score this invocation stored counts its own source even when the notes listed it already: notes
  // written by a scoring that stopped before its head (saveScore) are ahead of the score they belong to.
  const confirmed =
    covered.stored && own !== undefined && covered.all.has(own) && !covered.fresh.includes(own) ? [...covered.fresh, own] : covered.fresh;
  // After the score is stored: a confirmation never runs ahead of its consequence.
  await confirmConsequences(confirmed.map((sourceId) => ingestedEventId(briefingId, sourceId)));
  return own !== undefined && covered.all.has(own) ? CONFIRMED_BY_HANDLER : undefined;
});
