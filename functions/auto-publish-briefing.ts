/**
 * On Briefing Scored: publishes a draft whose own auto-publish rule is met by
 * its current grade. It reads the briefing as it is now (the event may be
 * stale or repeated); publishing is conditional on the version it read.
 */
import { briefingPublished } from '../domain/announcements.ts';
import { dueForAutoPublish, publish } from '../domain/briefing.ts';
import { BriefingScored } from '../events/index.ts';
import { eventConsumer } from './commons/consumer.ts';
import { logger } from './commons/logger.ts';
import { metrics, MetricUnit } from './commons/metrics.ts';
import { getBriefing, saveBriefing, withVersionRetry } from './commons/table/briefings.ts';

export const AUTO_PUBLISHER = 'rule:auto-publish';

export const handler = eventConsumer(BriefingScored, async ({ briefingId }, { now }) =>
  withVersionRetry(async () => {
    const current = await getBriefing(briefingId, { consistent: true });
    if (!current || !dueForAutoPublish(current)) return;
    const published = publish(current, { by: AUTO_PUBLISHER, now });
    await saveBriefing(published, current.version, [briefingPublished(published, now)], now);
    metrics.addMetric('BriefingsPublished', MetricUnit.Count, 1);
    logger.info('briefing auto-published', { briefingId, grade: published.confidence.grade });
  }),
);
