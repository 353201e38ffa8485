/**
 * On Briefing Published: alerts every follower of the entities the briefing names, once per briefing
 * version, a page at a time (issue 14, point 5). An invocation reads at most `PAGE_SIZE` followers from
 * the followers index and adds each to their alert; whatever is left it announces as Alert Fan-out
 * Continued (outbox records, so relayed, retried and reconciled like any change) and handles in later
 * invocations of itself. A large following is split into 16 segments of the user-id space that go on in
 * parallel (domain/fan-out.ts), so a million followers of one entity take about a thousand invocations.
 * An invocation also stops writing after `TIME_BUDGET_MS` (a slow or throttled table) and hands the rest
 * of its page on, so none comes near its timeout.
 *
 * Every invocation reads the briefing as it is now: a retracted or missing one alerts nobody more and
 * ends the fan-out. An alert is keyed by what identifies the change (briefing, version and the version's
 * own time) and written with an UpdateItem that adds the followed entity to a set, so a repeated page, a
 * replayed or re-emitted event, or a second entity's page leaves one alert per member naming every
 * entity of theirs.
 */
import type { Briefing } from '../domain/briefing.ts';
import { continuationId, type FanOutPart, remainderOf, resumeAfter } from '../domain/fan-out.ts';
import { summarize } from '../domain/visibility.ts';
import {
  ALERT_FAN_OUT_CONTINUED,
  AlertFanOutContinued,
  type AlertFanOutContinuedDetail,
  BriefingPublished,
  type BriefingPublishedDetail,
  type OutgoingEvent,
} from '../events/index.ts';
import { eventConsumer } from './commons/consumer.ts';
import { logger } from './commons/logger.ts';
import { MetricUnit, metrics } from './commons/metrics.ts';
import { announce } from './commons/table/announce.ts';
import { readBriefing } from './commons/table/briefings.ts';
import { addToAlert, followersPage } from './commons/table/watchlist.ts';

/** Followers read per invocation: ~0.4 s of writes in AWS at WRITE_CONCURRENCY, far from the 30 s timeout. */
export const PAGE_SIZE = 1000;
/** Alert writes in flight at once within an invocation. */
export const WRITE_CONCURRENCY = 25;
/**
 * Wall time an invocation spends writing before it hands the rest of its page on (a third of the 30 s
 * timeout): a page's writes take well under a second on DynamoDB, but a throttled table or, locally, 16
 * segments sharing one DynamoDB Local can make them slow, and no invocation may come near its timeout.
 */
export const TIME_BUDGET_MS = 10_000;

/**
 * The one read of the briefing per invocation: its public parts only (an alert carries the public summary),
 * strongly consistent, since the event may have overtaken an eventually consistent copy.
 */
const readPublicParts = (briefingId: string): Promise<Briefing | undefined> => readBriefing(briefingId, 'public', { consistent: true });

/**
 * The version's own time, which orders alerts newest first: `versionAt`, or for an event from before
 * that field, `publishedAt` (also fixed by the change; an edited version then sorts at the first publication).
 */
export const versionTimeOf = (detail: Pick<BriefingPublishedDetail, 'versionAt' | 'publishedAt'>): string => detail.versionAt ?? detail.publishedAt;

type Detail = BriefingPublishedDetail | AlertFanOutContinuedDetail;
const isContinuation = (d: Detail): d is AlertFanOutContinuedDetail => 'part' in d;

export const handler = eventConsumer([BriefingPublished, AlertFanOutContinued], async (detail: Detail, { now }) => {
  const { briefingId, briefingVersion } = detail;
  const versionAt = isContinuation(detail) ? detail.versionAt : versionTimeOf(detail);
  const briefing = await readPublicParts(briefingId);
  if (briefing?.status !== 'published') {
    return logger.info('briefing not published now; no alerts', { briefingId, status: briefing?.status ?? 'missing' });
  }
  const alert = { briefingId, briefingVersion, alertedAt: versionAt, briefing: summarize(briefing) };
  const queue: FanOutPart[] = isContinuation(detail)
    ? [detail.part as FanOutPart]
    : [...new Set(detail.entityIds)].sort().map((entityId) => ({ entityId, page: 1 }));
  const deadline = Date.now() + TIME_BUDGET_MS;
  let budget = PAGE_SIZE;
  let followers = 0;
  let written = 0;
  while (queue.length > 0 && budget > 0) {
    const part = queue.shift()!;
    const page = await followersPage(part, budget);
    budget -= page.read;
    const done = await writeUntil(page.userIds, deadline, (userId) => addToAlert(userId, alert, part.entityId, now));
    followers += done.handled;
    written += done.created;
    if (done.handled < page.userIds.length) {
      // Out of time mid-page: the same part goes on after the last follower handled.
      queue.unshift(resumeAfter(part, page.userIds[done.handled - 1]));
      break;
    }
    queue.unshift(...remainderOf(part, { ...page, fullPage: page.read === PAGE_SIZE }));
    if (Date.now() >= deadline) break;
  }
  const continuations: OutgoingEvent[] = queue.map((part) => ({
    detailType: ALERT_FAN_OUT_CONTINUED,
    detail: {
      schemaVersion: 1,
      eventId: continuationId(briefingId, briefingVersion, part),
      occurredAt: now.toISOString(),
      briefingId,
      briefingVersion,
      versionAt,
      part,
    },
  }));
  await announce(continuations, now);
  if (written > 0) metrics.addMetric('AlertsWritten', MetricUnit.Count, written);
  logger.info('followers alerted', { briefingId, briefingVersion, followers, written, continued: continuations.length });
});

/**
 * Runs `write` for the user ids in order, WRITE_CONCURRENCY at a time, until they are done or the deadline
 * has passed (the first batch always runs, so every invocation makes progress). Resolves with how many of
 * the first ids were handled (a prefix: the next invocation goes on after it) and how many writes returned true.
 */
async function writeUntil(userIds: readonly string[], deadline: number, write: (userId: string) => Promise<boolean>) {
  let handled = 0;
  let created = 0;
  while (handled < userIds.length && (handled === 0 || Date.now() < deadline)) {
    const batch = userIds.slice(handled, handled + WRITE_CONCURRENCY);
    created += (await Promise.all(batch.map(write))).filter(Boolean).length;
    handled += batch.length;
  }
  return { handled, created };
}
