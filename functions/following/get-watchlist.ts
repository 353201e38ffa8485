/** GET /me/watchlist — the entities the caller follows (at most the cap, so one page). */
import { WATCHLIST_CAP } from '#domain/watchlist.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { listWatchlist } from '#functions/commons/table/watchlist.ts';

export const handler = httpRoute({ access: 'member' }, async ({ viewer }) => {
  const items = await listWatchlist(viewer.userId!);
  return json(200, { items, limit: WATCHLIST_CAP }, { 'cache-control': 'private, no-store' });
});
