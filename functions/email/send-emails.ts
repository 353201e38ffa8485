/**
 * The sender (docs/email.md), a consumer of the send queue: a batch of a day's digests (50 members) or one instant
 * alert. Each email is shaped at send time: the member's preference and address now, their tier now (their
 * entitlement record: a member downgraded since the briefing was published gets the lower tier's copy), the
 * briefings as they are now (retracted ones are left out), each through domain/visibility.ts `viewBriefing` and
 * rendered from that view only (domain/email.ts). A suppressed address (bounce, complaint) is skipped.
 *
 * Sent once: each email is claimed before SendEmail with a conditional write keyed by member and day (or briefing
 * version), so a redelivered message or a second run sends nothing twice; a failed SendEmail gives its claim back
 * and fails the message, which SQS delivers again. Members are handled a few at a time while the time budget lasts;
 * a message whose members did not all finish is left to its next delivery (the claims skip those already sent).
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Viewer } from '#domain/access.ts';
import type { Briefing } from '#domain/briefing.ts';
import type { SendTask } from '#domain/digest-plan.ts';
import { digestWindow, MAX_DIGEST_BRIEFINGS, type Preferences, recipientViewer, renderEmail } from '#domain/email.ts';
import { negotiateLanguage } from '#domain/language.ts';
import { signUnsubscribeToken } from '#domain/unsubscribe.ts';
import { languagesOf, partsFor, viewBriefing } from '#domain/visibility.ts';
import { ses } from '#functions/commons/clients/ses.ts';
import { emailConfig } from '#functions/commons/email-config.ts';
import { unlockLinks } from '#functions/commons/lock-screen.ts';
import { logger } from '#functions/commons/logger.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { queueConsumer } from '#functions/commons/queues.ts';
import { readBriefing } from '#functions/commons/table/briefings.ts';
import { type AlertRef, alertsBetween, claimSend, getPreferences, isSuppressed, releaseSend, type Send } from '#functions/commons/table/email.ts';
import { getEntitlement } from '#functions/commons/table/entitlements.ts';
import { SendMessage } from './messages.ts';

/** Members of a message handled at once. */
export const SEND_CONCURRENCY = 10;
/** Wall time an invocation sends into (a third of the 30 s timeout); a member starts only while it lasts. */
export const SEND_TIME_BUDGET_MS = 10_000;

type Outcome = 'sent' | 'duplicate' | 'no-preference' | 'not-chosen' | 'suppressed' | 'nothing-new';

/**
 * Briefings read in this invocation, by id and the parts a tier reads: a day's digests name the same few briefings,
 * so a batch of members reads each once (an invocation lasts seconds: "as they are now" still holds).
 */
type BriefingReads = Map<string, Promise<Briefing | undefined>>;

/** The briefings of the alerts, as the recipient may read them now: published only, newest version once each. */
async function briefingsFor(alerts: readonly AlertRef[], viewer: Viewer, reads: BriefingReads): Promise<Briefing[]> {
  const ids = [...new Set(alerts.map((a) => a.briefingId))].slice(0, MAX_DIGEST_BRIEFINGS);
  const parts = partsFor(viewer);
  const read = await Promise.all(
    ids.map((id) => {
      const key = `${parts}#${id}`;
      const once = reads.get(key) ?? readBriefing(id, parts);
      reads.set(key, once);
      return once;
    }),
  );
  return read.filter((b): b is Briefing => b?.status === 'published');
}

async function deliver(userId: string, send: Send, now: Date, reads: BriefingReads): Promise<Outcome> {
  const preferences: Preferences | undefined = await getPreferences(userId);
  if (!preferences) return 'no-preference';
  if (preferences.delivery !== send.kind) return 'not-chosen';
  if (await isSuppressed(preferences.email)) return 'suppressed';
  const alerts =
    send.kind === 'daily'
      ? await alertsBetween(userId, digestWindow(send.day), MAX_DIGEST_BRIEFINGS * 2)
      : [{ briefingId: send.briefingId, briefingVersion: send.briefingVersion, alertedAt: '' }];
  if (alerts.length === 0) return 'nothing-new';
  // The tier now: the entitlement record read at send time, consistently.
  const viewer = recipientViewer(userId, await getEntitlement(userId, { consistent: true }), now);
  const briefings = await briefingsFor(alerts, viewer, reads);
  if (briefings.length === 0) return 'nothing-new';
  const views = briefings.map((b) =>
    viewBriefing(b, viewer, negotiateLanguage({ original: b.language, available: languagesOf(b), acceptLanguage: preferences.language })),
  );
  const api = emailConfig.publicApiUrl;
  const unsubscribeUrl = `${api}/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(userId, emailConfig.tokenKey))}`;
  const email = renderEmail({
    kind: send.kind,
    day: send.kind === 'daily' ? send.day : now.toISOString().slice(0, 10),
    tier: viewer.tier,
    language: preferences.language,
    views,
    links: {
      briefing: (id, language) => `${api}/briefings/${encodeURIComponent(id)}?lang=${encodeURIComponent(language)}`,
      unsubscribe: unsubscribeUrl,
      unlock: unlockLinks(),
    },
  });
  if (!(await claimSend(userId, send, now))) return 'duplicate';
  try {
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: emailConfig.from,
        Destination: { ToAddresses: [preferences.email] },
        ConfigurationSetName: emailConfig.configurationSet,
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
            // RFC 8058 one-click unsubscribe: mailbox providers show an Unsubscribe button that POSTs the link.
            Headers: [
              { Name: 'List-Unsubscribe', Value: `<${unsubscribeUrl}>` },
              { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
            ],
          },
        },
        EmailTags: [
          { Name: 'kind', Value: send.kind },
          { Name: 'tier', Value: viewer.tier },
        ],
      }),
    );
  } catch (error) {
    await releaseSend(userId, send);
    throw error;
  }
  return 'sent';
}

/** Runs `deliver` for each member, SEND_CONCURRENCY at a time, while the budget lasts; false when some were left. */
async function deliverAll(userIds: readonly string[], sendOf: (userId: string) => Send, now: Date, deadline: number): Promise<boolean> {
  const outcomes: Record<string, number> = {};
  const reads: BriefingReads = new Map();
  let next = 0;
  while (next < userIds.length && Date.now() < deadline) {
    const batch = userIds.slice(next, next + SEND_CONCURRENCY);
    for (const outcome of await Promise.all(batch.map((u) => deliver(u, sendOf(u), now, reads)))) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    next += batch.length;
  }
  if (outcomes['sent']) metrics.addMetric('EmailsSent', MetricUnit.Count, outcomes['sent']);
  logger.info('emails handled', { outcomes, left: userIds.length - next });
  return next >= userIds.length;
}

export const handler = queueConsumer(
  SendMessage,
  async (message: SendTask, { now, deadline }) =>
    message.kind === 'daily'
      ? deliverAll(message.userIds, () => ({ kind: 'daily', day: message.day }), now, deadline)
      : deliverAll(
          [message.userId],
          () => ({ kind: 'instant', briefingId: message.briefingId, briefingVersion: message.briefingVersion }),
          now,
          deadline,
        ),
  { timeBudgetMs: SEND_TIME_BUDGET_MS },
);
