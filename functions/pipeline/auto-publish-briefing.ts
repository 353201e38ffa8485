/**
 * On Briefing Scored: publishes a draft whose own auto-publish rule, approved by
 * an editor, is met by its current grade and the publisher's floor. It reads the
 * briefing as it is now (the event may be stale or repeated); publishing is
 * conditional on the version it read. The publication names the rule's approver
 * and proposer.
 */

import { dueForAutoPublish, publish, snapshotOf } from '#domain/briefing.ts';
import { briefingPublished } from '#events/announcements.ts';
import { BriefingScored } from '#events/index.ts';
import { autoPublishFloor } from '#functions/commons/auto-publish-floor.ts';
import { eventConsumer } from '#functions/commons/consumer.ts';
import { logger } from '#functions/commons/logger.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { loadBriefing, saveBriefing } from '#functions/commons/table/briefings.ts';
import { withVersionRetry } from '#functions/commons/table/versioning.ts';

export const AUTO_PUBLISHER = 'rule:auto-publish';

export const handler = eventConsumer(BriefingScored, async ({ briefingId }, { now }) =>
  withVersionRetry(async () => {
    const current = (await loadBriefing(briefingId))?.briefing;
    if (!current || !dueForAutoPublish(current, autoPublishFloor())) return;
    const published = publish(current, { by: AUTO_PUBLISHER, now });
    const rule = current.autoPublish!;
    const review = { ...(rule.approvedBy ? { approvedBy: rule.approvedBy } : {}), ...(rule.proposedBy ? { proposedBy: rule.proposedBy } : {}) };
    const snapshot = snapshotOf(published, { action: 'published', by: AUTO_PUBLISHER, now, ...review });
    await saveBriefing(current, published, [briefingPublished(published, now, review)], now, snapshot);
    metrics.addMetric('BriefingsPublished', MetricUnit.Count, 1);
    logger.info('briefing auto-published', { briefingId, grade: published.confidence.grade, approvedBy: rule.approvedBy });
  }),
);
