/**
 * DELETE /me/watchlist/{entityId} — the caller stops following an entity. Idempotent: 204 whether or not they
 * followed it. Open to any signed-in user, so a former member can still remove what they followed.
 */
import * as z from 'zod/mini';
import { EntityId } from '#domain/entity.ts';
import { httpRoute } from '#functions/commons/http.ts';
import { unfollow } from '#functions/commons/table/watchlist.ts';

const Path = z.object({ entityId: EntityId });

export const handler = httpRoute({ access: 'signed-in', path: Path }, async ({ path, viewer }) => {
  await unfollow(viewer.userId!, path.entityId);
  return { statusCode: 204, headers: { 'cache-control': 'private, no-store' } };
});
