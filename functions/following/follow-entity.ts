/**
 * PUT /me/watchlist/{entityId} — the caller follows an entity. Idempotent:
 * following again answers 200 with the entry as first stored. Unknown entity,
 * or one not yet public: 404; a watchlist is capped (409 at the cap).
 */
import * as z from 'zod/mini';
import { EntityId, isPublicProfile } from '#domain/entity.ts';
import { NotFoundError } from '#domain/errors.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getProfile } from '#functions/commons/table/entities.ts';
import { follow } from '#functions/commons/table/watchlist.ts';

const Path = z.object({ entityId: EntityId });

export const handler = httpRoute({ access: 'member', path: Path }, async ({ path, viewer, now }) => {
  // Consistent: an entity whose profile was just written must not answer 404.
  const profile = await getProfile(path.entityId, { consistent: true });
  // Only a public profile can be followed: one only a draft knows answers as an unknown entity (for staff too).
  if (!profile || !isPublicProfile(profile)) throw new NotFoundError(`no entity ${path.entityId}`);
  const { entry } = await follow(viewer.userId!, {
    entityId: profile.entityId,
    name: profile.name,
    kind: profile.kind,
    followedAt: now.toISOString(),
  });
  return json(200, entry, { 'cache-control': 'private, no-store' });
});
