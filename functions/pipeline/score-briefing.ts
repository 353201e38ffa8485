/**
 * On Source Ingested, Source Updated (a correction, withdrawal or restoration)
 * and Briefing Edited (content, event date, an analyst's override): re-scores the briefing from all of its sources (read with the
 * briefing in one consistent Query; withdrawn sources do not count) and,
 * when score or grade changed, announces Briefing Scored in the same write
 * (saveScore: without a transaction when only what scoring derives changes).
 * Scoring reads the current evidence, not the event, so duplicates and
 * reordering converge on the same result.
 */

import { dueForAutoPublish, rescore } from '#domain/briefing.ts';
import { briefingScored } from '#events/announcements.ts';
import { BriefingEdited, SourceIngested, SourceUpdated } from '#events/index.ts';
import { autoPublishFloor } from '#functions/commons/auto-publish-floor.ts';
import { eventConsumer } from '#functions/commons/consumer.ts';
import { logger } from '#functions/commons/logger.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { loadBriefing } from '#functions/commons/table/briefings.ts';
import { saveScore } from '#functions/commons/table/scores.ts';
import { withVersionRetry } from '#functions/commons/table/versioning.ts';

export const handler = eventConsumer([SourceIngested, SourceUpdated, BriefingEdited], async ({ briefingId }, { now }) =>
  withVersionRetry(async () => {
    const loaded = await loadBriefing(briefingId);
    if (!loaded) return logger.warn('no such briefing; nothing to score', { briefingId });
    const { briefing: current, sources } = loaded;
    const { briefing, changed } = rescore(current, sources, now);
    if (briefing === current) return;
    // Rescoring is not an editorial action: it writes no snapshot to the version history.
    await saveScore(
      current,
      briefing,
      changed ? briefingScored(current, briefing, now, dueForAutoPublish(briefing, autoPublishFloor())) : undefined,
      now,
    );
    if (changed) metrics.addMetric('ScoreChanges', MetricUnit.Count, 1);
    logger.info('briefing scored', { briefingId, score: briefing.confidence.score, grade: briefing.confidence.grade, changed });
  }),
);
