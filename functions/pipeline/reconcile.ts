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
 * an entitlement never synced to the groups. One event's consequence is read
 * rather than assumed: a Source Ingested is done when the briefing, read whole,
 * counts its source and its stored score is what its sources make it now (a
 * re-score would change nothing); it is confirmed here instead of re-driven (the
 * scorer confirms the sources a score newly covers after storing it, so a crash
 * between the two leaves exactly this). The source notes alone do not prove it:
 * a scoring that stopped between its notes and its head leaves notes ahead of the
 * score. Reads per run: one Query per shard of the sparse index (empty when all is
 * well) plus one GetItem per pending change, and one consistent Query per briefing
 * of a pending Source Ingested.
 * Idempotent: two runs re-drive the same event twice at worst, which consumers absorb.
 *
 * Reports each re-driven change (a warning line), the `ChangesRedriven` metric
 * (an alarm fires on any) and `RedriveFailures`; fails the invocation if an event
 * could not be put, so the error alarm fires and the next run tries again.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod/mini';
import { rescore } from '#domain/briefing.ts';
import { type OutgoingEvent, SOURCE_INGESTED, type SourceIngestedDetail } from '#events/index.ts';
import { config } from '#functions/commons/config.ts';
import { correlationIdOf } from '#functions/commons/correlation.ts';
import { logger } from '#functions/commons/logger.ts';
import { MetricUnit, metrics, metricsMiddleware } from '#functions/commons/metrics.ts';
import { publishEvents } from '#functions/commons/publisher.ts';
import { loadBriefing } from '#functions/commons/table/briefings.ts';
import { fromOutboxItem } from '#functions/commons/table/outbox.ts';
import { confirmConsequences, markRedriven, pendingChanges, readOutboxItem } from '#functions/commons/table/pending-changes.ts';

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
  /** Pending, but their consequence was there (a source the stored, current score counts): confirmed, not re-driven. */
  alreadyDone: number;
}

/** The pending Source Ingested whose consequence is there (see above). */
async function done(events: ReadonlyArray<OutgoingEvent>, now: Date): Promise<Set<OutgoingEvent>> {
  const ingested = events.filter((e) => e.detailType === SOURCE_INGESTED) as Array<OutgoingEvent & { detail: SourceIngestedDetail }>;
  const briefings = [...new Set(ingested.map((e) => e.detail.briefingId))];
  const scored = new Map(await Promise.all(briefings.map(async (id) => [id, await scoredSources(id, now)] as const)));
  return new Set(ingested.filter((e) => scored.get(e.detail.briefingId)?.has(e.detail.sourceId)));
}

/** The sources a briefing's stored score reflects: all of them when a re-score would change nothing, else none. */
async function scoredSources(briefingId: string, now: Date): Promise<ReadonlySet<string>> {
  const loaded = await loadBriefing(briefingId);
  if (!loaded || rescore(loaded.briefing, loaded.sources, now).briefing !== loaded.briefing) return new Set();
  return new Set(loaded.sources.map((s) => s.sourceId));
}

async function reconcile(event: unknown): Promise<ReconcileReport> {
  const parsed = Input.safeParse(event ?? {});
  const wait = (parsed.success ? parsed.data.olderThanSeconds : undefined) ?? RECONCILE_AFTER_SECONDS;
  const now = new Date();
  const pending = await pendingChanges(new Date(now.getTime() - wait * 1000), MAX_PER_SHARD);
  const found = (await Promise.all(pending.map(async (p) => ({ ...p, item: await readOutboxItem(p.eventId) })))).filter((p) => p.item);
  const all = found.map(({ item }) => {
    const e = fromOutboxItem({ ...item! });
    return { ...e, correlationId: e.correlationId ?? correlationIdOf(e.detail.eventId) };
  });
  const finished = await done(all, now);
  if (finished.size > 0) {
    await confirmConsequences([...finished].map((e) => e.detail.eventId));
    for (const e of finished) logger.info('change confirmed: its consequence was there', { eventId: e.detail.eventId, detailType: e.detailType });
  }
  const events = all.filter((e) => !finished.has(e));
  const notPut = new Set(await publishEvents(events, { busName: config.eventBusName }));
  let redriven = 0;
  for (const [i, change] of found.filter((_, j) => !finished.has(all[j]!)).entries()) {
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
  const report = {
    pending: pending.length,
    redriven,
    failed: notPut.size,
    alreadyConfirmed: pending.length - found.length,
    alreadyDone: finished.size,
  };
  metrics.addMetric('ChangesRedriven', MetricUnit.Count, redriven);
  metrics.addMetric('RedriveFailures', MetricUnit.Count, notPut.size);
  logger.info('reconciled', { ...report });
  if (notPut.size > 0) throw new Error(`${notPut.size} pending change(s) could not be re-driven; the next run tries again`);
  return report;
}

export const handler = middy(reconcile)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(metricsMiddleware());
