/**
 * GET /me/alerts — the caller's latest alerts, newest first, each with the
 * briefing's public summary and which of its sections the caller's tier
 * unlocks NOW (not when the alert was written), so a member whose tier was
 * revoked is not promised locked content. Likewise each briefing's status is
 * read NOW (one BatchGetItem of the page's briefing heads): a briefing
 * retracted since its alert shows as retracted, without its headline or
 * summary. One page, no cursor. Each locked section says how to unlock it, in
 * the reader's Accept-Language when the lock screen is written in it, else in
 * the language of the alert's headline.
 */
import * as z from 'zod/mini';
import { negotiatedUnlockLanguage, unlockOffer } from '#domain/unlock.ts';
import { sectionAccess } from '#domain/visibility.ts';
import { alertView } from '#domain/watchlist.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { unlockLinks } from '#functions/commons/lock-screen.ts';
import { briefingStatuses } from '#functions/commons/table/briefings.ts';
import { listAlerts } from '#functions/commons/table/watchlist.ts';

export const MAX_ALERTS = 50;
export const DEFAULT_ALERTS = 20;

const Query = z.strictObject({ limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_ALERTS)), DEFAULT_ALERTS) });

export const handler = httpRoute({ access: 'member', query: Query }, async ({ query, viewer, event }) => {
  const alerts = await listAlerts(viewer.userId!, query.limit);
  const statuses = alerts.length > 0 ? await briefingStatuses(alerts.map((a) => a.briefingId)) : new Map();
  const links = unlockLinks();
  const accept = event.headers?.['accept-language'];
  const items = alerts.map((a) => {
    const language = negotiatedUnlockLanguage(accept, a.briefing.language);
    return alertView(
      a,
      statuses.get(a.briefingId),
      sectionAccess(viewer, (tier) => unlockOffer(tier, language, links)),
    );
  });
  return json(200, { viewerTier: viewer.tier, items }, { 'cache-control': 'private, no-store' });
});
