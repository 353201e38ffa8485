/**
 * On Briefing Scored: publishes a draft whose own auto-publish rule is met by
 * its current grade. It reads the briefing as it is now (the event may be
 * stale or repeated); publishing is conditional on the version it read.
 */
import { briefingPublished } from '../domain/announcements.ts';
import { dueForAutoPublish, publish, snapshotOf } from '../domain/briefing.ts';
import { BriefingScored } from '../events/index.ts';
import { eventConsumer } from './commons/consumer.ts';
import { logger } from './commons/logger.ts';
import { MetricUnit, metrics } from './commons/metrics.ts';
import { loadBriefing, saveBriefing } from './commons/table/briefings.ts';
import { withVersionRetry } from './commons/table/versioning.ts';

export const AUTO_PUBLISHER = 'rule:auto-publish';

export const handler = eventConsumer(BriefingScored, async ({ briefingId }, { now }) =>
  withVersionRetry(async () => {
    const current = (await loadBriefing(briefingId))?.briefing;
    if (!current || !dueForAutoPublish(current)) return;
    const published = publish(current, { by: AUTO_PUBLISHER, now });
    const snapshot = snapshotOf(published, { action: 'published', by: AUTO_PUBLISHER, now });
    await saveBriefing(current, published, [briefingPublished(published, now)], now, snapshot);
    metrics.addMetric('BriefingsPublished', MetricUnit.Count, 1);
    logger.info('briefing auto-published', { briefingId, grade: published.confidence.grade });
  }),
);
