/**
 * The daily digest's planner (docs/email.md), a consumer of the plan queue. The schedule's start message
 * (EventBridge Scheduler, daily at DIGEST_HOUR_UTC) becomes one task per shard; each task pages its shard of the
 * daily members through the sparse index partition `DIGEST#daily#<shard>` (no scan) and enqueues them for the
 * sender, 50 to a message, within its page and time budgets (domain/digest-plan.ts), then hands the rest of the
 * shard to a continuation task. The digest's day is the schedule's date, so a late or repeated run plans the same day.
 */

import { type PlanTask, planShard, shardTasks } from '#domain/digest-plan.ts';
import { digestDay } from '#domain/email.ts';
import { emailConfig } from '#functions/commons/email-config.ts';
import { logger } from '#functions/commons/logger.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { queueConsumer, sendMessages } from '#functions/commons/queues.ts';
import { digestMembersPage } from '#functions/commons/table/email.ts';
import { PlanMessage } from './messages.ts';

/** The consumer's budget: all of the planning's own budget and room for the closing continuation (30 s timeout). */
const TIME_BUDGET_MS = 15_000;

export const handler = queueConsumer(
  PlanMessage,
  async (message, { now }) => {
    if (message.kind === 'start') {
      const day = message.day ?? digestDay(message.scheduledTime ? new Date(message.scheduledTime) : now);
      await sendMessages(emailConfig.planQueueUrl, shardTasks(day));
      logger.info('daily digest run started', { day });
      return true;
    }
    const report = await planShard(message, {
      page: digestMembersPage,
      enqueueSends: (tasks) => sendMessages(emailConfig.sendQueueUrl, tasks),
      enqueuePlan: (task: PlanTask) => sendMessages(emailConfig.planQueueUrl, [task]),
      clock: Date.now,
    });
    metrics.addMetric('DigestMembersPlanned', MetricUnit.Count, report.members);
    logger.info('digest shard planned', { day: message.day, shard: message.shard, ...report });
    return true;
  },
  { timeBudgetMs: TIME_BUDGET_MS },
);
