/**
 * GET /me/alerts — the caller's latest alerts, newest first, each with the
 * briefing's public summary and which of its sections the caller's tier
 * unlocks NOW (not when the alert was written), so a member whose tier was
 * revoked is not promised locked content. One page, no cursor.
 */
import * as z from 'zod/mini';
import { sectionAccess } from '../domain/visibility.ts';
import { httpRoute, json } from './commons/http.ts';
import { listAlerts } from './commons/table/watchlist.ts';

export const MAX_ALERTS = 50;
export const DEFAULT_ALERTS = 20;

const Query = z.strictObject({ limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_ALERTS)), DEFAULT_ALERTS) });

export const handler = httpRoute({ access: 'member', query: Query }, async ({ query, viewer }) => {
  const access = sectionAccess(viewer);
  const alerts = await listAlerts(viewer.userId!, query.limit);
  return json(200, { viewerTier: viewer.tier, items: alerts.map((a) => ({ ...a, sections: access })) }, { 'cache-control': 'private, no-store' });
});
