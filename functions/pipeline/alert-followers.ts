/**
 * On Briefing Published: alerts every follower of the entities the briefing names, once per briefing
 * version, a page at a time (issue 14, point 5). An invocation handles at most `PAGE_SIZE` followers from
 * the followers index and adds each to their alert; whatever is left it announces as Alert Fan-out
 * Continued (outbox records, so relayed, retried and reconciled like any change) and handles in later
 * invocations of itself. A following larger than one invocation handles is split into 16 segments of the
 * user-id space that go on in parallel (domain/fan-out.ts), so a million followers of one entity take
 * about a thousand invocations.
 *
 * An invocation reads only what it can write within `TIME_BUDGET_MS`: its first read is one batch of
 * writes, which measures the table's pace; each later read is sized to what the rest of the budget can
 * write at the slowest pace seen (and at most twice the previous read), and is written before the next
 * read. So a slow or throttled table shortens the reads: a follower is read again only when the table
 * slows down in the middle of a read and the budget runs out there (the rest of that read goes on in the
 * next invocation, after the last follower written). A batch starts only if it can end within the budget
 * at the slowest batch's pace, so the writes end within the budget unless the table slows down during the
 * last batch, and the closing writes (continuations, the confirmation) have the other two thirds of the
 * timeout. (A batch used to start whenever the budget had not run out: on a saturated machine where one
 * write took ~5 s, invocations reached their timeout; docs/performance.md.)
 *
 * Every invocation reads the briefing as it is now: a retracted or missing one alerts nobody more and
 * ends the fan-out. An alert is keyed by what identifies the change (briefing, version and the version's
 * own time) and written with an UpdateItem that adds the followed entity to a set, so a repeated page, a
 * replayed or re-emitted event, or a second entity's page leaves one alert per member naming every
 * entity of theirs.
 */
import type { Briefing } from '#domain/briefing.ts';
import { continuationId, type FanOutPart, remainderOf } from '#domain/fan-out.ts';
import { summarize } from '#domain/visibility.ts';
import {
  ALERT_FAN_OUT_CONTINUED,
  AlertFanOutContinued,
  type AlertFanOutContinuedDetail,
  BriefingPublished,
  type BriefingPublishedDetail,
  type OutgoingEvent,
} from '#events/index.ts';
import { eventConsumer } from '#functions/commons/consumer.ts';
import { logger } from '#functions/commons/logger.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { announce } from '#functions/commons/table/announce.ts';
import { readBriefing } from '#functions/commons/table/briefings.ts';
import { addToAlert, followersPage } from '#functions/commons/table/watchlist.ts';

/** Followers handled per invocation at most: ~0.4 s of writes in AWS at WRITE_CONCURRENCY, far from the 30 s timeout. */
export const PAGE_SIZE = 1000;
/** Alert writes in flight at once within an invocation. */
export const WRITE_CONCURRENCY = 25;
/**
 * Wall time an invocation plans its writes into (a third of the 30 s timeout): a page's writes take well
 * under a second on DynamoDB, but a throttled table or, locally, 16 segments sharing one DynamoDB Local can
 * make them slow; reads are sized to fit it, so no invocation comes near its timeout.
 */
export const TIME_BUDGET_MS = 10_000;
/** The first read of an invocation: one batch of writes, whose time gives the pace the next reads are sized by. */
export const FIRST_READ = WRITE_CONCURRENCY;

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
  let limit = FIRST_READ;
  /** The slowest pace seen so far, ms per follower written (WRITE_CONCURRENCY at a time), and the slowest batch. */
  let msPerFollower = 0;
  let slowestBatchMs = 0;
  /** Parts this invocation read some of and has more of: at the end, their next page goes on. */
  const started = new Set<FanOutPart>();
  while (queue.length > 0 && budget > 0 && limit > 0) {
    const part = queue.shift()!;
    const page = await followersPage(part, Math.min(limit, budget));
    budget -= page.read;
    const writing = Date.now();
    const done = await writeUntil(page.userIds, deadline, slowestBatchMs, (userId) => addToAlert(userId, alert, part.entityId, now));
    slowestBatchMs = done.slowestBatchMs;
    followers += done.handled;
    written += done.created;
    if (done.handled > 0) msPerFollower = Math.max(msPerFollower, (Date.now() - writing) / done.handled);
    if (done.handled < page.userIds.length) {
      // The table slowed down mid-read and the budget ran out: the part goes on after the last follower written.
      const rest = { ...part, after: page.userIds[done.handled - 1]! };
      started.add(rest);
      queue.unshift(rest);
      break;
    }
    if (page.more && page.last !== undefined) {
      const rest = { ...part, after: page.last };
      started.add(rest);
      queue.unshift(rest);
    }
    // What the rest of the budget can write at the slowest pace seen, and at most twice the last read, so a pace
    // measured on a quiet moment cannot commit the invocation to far more than its budget.
    limit = Math.min(Math.max(FIRST_READ, 2 * page.read), Math.floor((deadline - Date.now()) / msPerFollower));
  }
  // A part started here goes on from its next page; a following that outlasted a whole invocation splits into segments.
  const rest = queue.flatMap((part) => (started.has(part) ? remainderOf(part, { last: part.after, more: true, fullPage: true }) : [part]));
  const continuations: OutgoingEvent[] = rest.map((part) => ({
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
 * Runs `write` for the user ids in order, WRITE_CONCURRENCY at a time, while a batch can still end before the
 * deadline at the slowest pace seen (the first batch always runs, so every invocation makes progress). Resolves
 * with how many of the first ids were handled (a prefix: the next invocation goes on after it), how many writes
 * returned true, and the slowest batch's time.
 */
async function writeUntil(userIds: readonly string[], deadline: number, slowestBatchMs: number, write: (userId: string) => Promise<boolean>) {
  let handled = 0;
  let created = 0;
  let slowest = slowestBatchMs;
  while (handled < userIds.length && (handled === 0 || Date.now() + slowest <= deadline)) {
    const batch = userIds.slice(handled, handled + WRITE_CONCURRENCY);
    const started = Date.now();
    created += (await Promise.all(batch.map(write))).filter(Boolean).length;
    slowest = Math.max(slowest, Date.now() - started);
    handled += batch.length;
  }
  return { handled, created, slowestBatchMs: slowest };
}
