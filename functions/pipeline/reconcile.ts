/**
 * Every 5 minutes (a schedule in AWS, a timer in the local stack): finds the
 * changes whose consequence no consumer has confirmed, and re-drives each
 * through the normal path: its outbox record's event is put on the bus again,
 * with the same `eventId` and correlation id, so the consumer does the work it
 * missed, or absorbs a duplicate if it was only slow.
 *
 * "Missing" is one rule for every awaited event (functions/commons/table/outbox.ts):
 * its outbox record still carries its pending marker `RECONCILE_AFTER_SECONDS`
 * after it was written (or last re-driven). The consumer deletes the record when
 * its work is done, so a marker that stays means a lost delivery, an event the
 * consumer failed on, or a relay that never published it: a source never scored,
 * a score never auto-published, a publication whose followers were never alerted,
 * an entitlement never synced to the groups. Reads per run: one Query per shard
 * of the sparse index (empty when all is well) plus one GetItem per pending change.
 * Idempotent: two runs re-drive the same event twice at worst, which consumers absorb.
 *
 * Reports each re-driven change (a warning line), the `ChangesRedriven` metric
 * (an alarm fires on any) and `RedriveFailures`; fails the invocation if an event
 * could not be put, so the error alarm fires and the next run tries again.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod/mini';
import { config } from '#functions/commons/config.ts';
import { correlationIdOf } from '#functions/commons/correlation.ts';
import { logger } from '#functions/commons/logger.ts';
import { MetricUnit, metrics, metricsMiddleware } from '#functions/commons/metrics.ts';
import { publishEvents } from '#functions/commons/publisher.ts';
import { fromOutboxItem } from '#functions/commons/table/outbox.ts';
import { markRedriven, pendingChanges, readOutboxItem } from '#functions/commons/table/pending-changes.ts';

/** How long a consequence may take before it counts as missing (a healthy pipeline takes seconds). */
export const RECONCILE_AFTER_SECONDS = 300;
/** Pending changes handled per shard and run: bounded work per invocation; the rest wait for the next run. */
export const MAX_PER_SHARD = 25;

/** An operator (or a test) may invoke it with a shorter wait; the schedule sends nothing of the kind. */
const Input = z.object({ olderThanSeconds: z.optional(z.int().check(z.minimum(0), z.maximum(86_400))) });

export interface ReconcileReport {
  pending: number;
  redriven: number;
  failed: number;
  /** Pending in the (eventually consistent) index, but confirmed or expired by the time they were read. */
  alreadyConfirmed: number;
}

async function reconcile(event: unknown): Promise<ReconcileReport> {
  const parsed = Input.safeParse(event ?? {});
  const wait = (parsed.success ? parsed.data.olderThanSeconds : undefined) ?? RECONCILE_AFTER_SECONDS;
  const now = new Date();
  const pending = await pendingChanges(new Date(now.getTime() - wait * 1000), MAX_PER_SHARD);
  const found = (await Promise.all(pending.map(async (p) => ({ ...p, item: await readOutboxItem(p.eventId) })))).filter((p) => p.item);
  const events = found.map(({ item }) => {
    const e = fromOutboxItem({ ...item! });
    return { ...e, correlationId: e.correlationId ?? correlationIdOf(e.detail.eventId) };
  });
  const notPut = new Set(await publishEvents(events, { busName: config.eventBusName }));
  let redriven = 0;
  for (const [i, change] of found.entries()) {
    const e = events[i]!;
    const line = {
      correlation_id: e.correlationId,
      eventId: change.eventId,
      detailType: e.detailType,
      markedAt: change.markedAt,
      pendingSeconds: Math.round((now.getTime() - Date.parse(change.markedAt)) / 1000),
    };
    if (notPut.has(e)) {
      logger.error('change not re-driven: the event could not be put', line);
      continue;
    }
    await markRedriven(change.item!, now);
    redriven++;
    logger.warn('change re-driven: its consequence was missing', line);
  }
  const report = { pending: pending.length, redriven, failed: notPut.size, alreadyConfirmed: pending.length - found.length };
  metrics.addMetric('ChangesRedriven', MetricUnit.Count, redriven);
  metrics.addMetric('RedriveFailures', MetricUnit.Count, notPut.size);
  logger.info('reconciled', { ...report });
  if (notPut.size > 0) throw new Error(`${notPut.size} pending change(s) could not be re-driven; the next run tries again`);
  return report;
}

export const handler = middy(reconcile)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(metricsMiddleware());
