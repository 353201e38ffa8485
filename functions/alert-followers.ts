/**
 * On Briefing Published: writes one alert per follower of the entities the
 * briefing names, once per briefing version. It reads the briefing as it is
 * now (a retracted or missing one alerts nobody); a member following several
 * of its entities gets one alert naming them all. Alerts are conditional Puts
 * keyed by what identifies the change (briefing, version and the version's own
 * time), never by the delivery's `occurredAt`, so a repeated, replayed or
 * re-emitted event writes nothing new.
 */
import type { Briefing } from '../domain/briefing.ts';
import { summarize } from '../domain/visibility.ts';
import { BriefingPublished, type BriefingPublishedDetail } from '../events/index.ts';
import { eventConsumer } from './commons/consumer.ts';
import { logger } from './commons/logger.ts';
import { MetricUnit, metrics } from './commons/metrics.ts';
import { readBriefing } from './commons/table/briefings.ts';
import { type Alert, followersOf, putAlert } from './commons/table/watchlist.ts';

/** Conditional Puts in flight at once: enough to be quick, few enough not to throttle a small table. */
export const WRITE_CONCURRENCY = 10;

/**
 * The one read of the briefing: its public parts only (an alert carries the public summary), strongly
 * consistent, since the event may have overtaken an eventually consistent copy.
 */
const readPublicParts = (briefingId: string): Promise<Briefing | undefined> => readBriefing(briefingId, 'public', { consistent: true });

/**
 * The version's own time, which orders alerts newest first: `versionAt`, or for an event from before
 * that field, `publishedAt` (also fixed by the change; an edited version then sorts at the first publication).
 */
export const versionTimeOf = (detail: Pick<BriefingPublishedDetail, 'versionAt' | 'publishedAt'>): string => detail.versionAt ?? detail.publishedAt;

export const handler = eventConsumer(BriefingPublished, async (detail, { now }) => {
  const briefing = await readPublicParts(detail.briefingId);
  if (briefing?.status !== 'published') {
    return logger.info('briefing not published now; no alerts', { briefingId: detail.briefingId, status: briefing?.status ?? 'missing' });
  }
  // The entities of the announced version (the event), each follower once with every entity of theirs it names.
  const because = new Map<string, string[]>();
  for (const entityId of new Set(detail.entityIds)) {
    for await (const page of followersOf(entityId)) {
      for (const userId of page) because.set(userId, [...(because.get(userId) ?? []), entityId]);
    }
  }
  const summary = summarize(briefing);
  const pending = [...because];
  let written = 0;
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const [userId, entityIds] = next;
      const alert: Alert = {
        briefingId: detail.briefingId,
        briefingVersion: detail.briefingVersion,
        alertedAt: versionTimeOf(detail),
        entityIds,
        briefing: summary,
      };
      if (await putAlert(userId, alert, now)) written++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, pending.length) }, worker));
  if (written > 0) metrics.addMetric('AlertsWritten', MetricUnit.Count, written);
  logger.info('followers alerted', { briefingId: detail.briefingId, briefingVersion: detail.briefingVersion, followers: because.size, written });
});
