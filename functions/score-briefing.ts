/**
 * On Source Ingested: re-scores the briefing from all of its sources and,
 * when score or grade changed, announces Briefing Scored in the same write.
 * Scoring reads the current evidence, not the event, so duplicates and
 * reordering converge on the same result.
 */
import { briefingScored } from '../domain/announcements.ts';
import { rescore } from '../domain/briefing.ts';
import { SourceIngested } from '../events/index.ts';
import { eventConsumer } from './commons/consumer.ts';
import { logger } from './commons/logger.ts';
import { metrics, MetricUnit } from './commons/metrics.ts';
import { getBriefing, saveBriefing, withVersionRetry } from './commons/table/briefings.ts';
import { listSources } from './commons/table/sources.ts';

export const handler = eventConsumer(SourceIngested, async ({ briefingId }, { now }) =>
  withVersionRetry(async () => {
    const [current, sources] = await Promise.all([getBriefing(briefingId, { consistent: true }), listSources(briefingId)]);
    if (!current) return logger.warn('no such briefing; nothing to score', { briefingId });
    const { briefing, changed } = rescore(current, sources, now);
    if (briefing === current) return;
    await saveBriefing(briefing, current.version, changed ? [briefingScored(current, briefing, now)] : [], now);
    if (changed) metrics.addMetric('ScoreChanges', MetricUnit.Count, 1);
    logger.info('briefing scored', { briefingId, score: briefing.confidence.score, grade: briefing.confidence.grade, changed });
  }),
);
