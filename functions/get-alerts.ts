/**
 * GET /me/alerts — the caller's latest alerts, newest first, each with the
 * briefing's public summary and which of its sections the caller's tier
 * unlocks NOW (not when the alert was written), so a member whose tier was
 * revoked is not promised locked content. Likewise each briefing's status is
 * read NOW (one BatchGetItem of the page's briefing heads): a briefing
 * retracted since its alert shows as retracted, without its headline or
 * summary. One page, no cursor.
 */
import * as z from 'zod/mini';
import { alertView, sectionAccess } from '../domain/visibility.ts';
import { httpRoute, json } from './commons/http.ts';
import { briefingStatuses } from './commons/table/briefings.ts';
import { listAlerts } from './commons/table/watchlist.ts';

export const MAX_ALERTS = 50;
export const DEFAULT_ALERTS = 20;

const Query = z.strictObject({ limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_ALERTS)), DEFAULT_ALERTS) });

export const handler = httpRoute({ access: 'member', query: Query }, async ({ query, viewer }) => {
  const access = sectionAccess(viewer);
  const alerts = await listAlerts(viewer.userId!, query.limit);
  const statuses = alerts.length > 0 ? await briefingStatuses(alerts.map((a) => a.briefingId)) : new Map();
  const items = alerts.map((a) => alertView(a, statuses.get(a.briefingId), access));
  return json(200, { viewerTier: viewer.tier, items }, { 'cache-control': 'private, no-store' });
});
