/**
 * PUT /entities/{entityId} — an analyst (or editor) writes an entity's profile
 * and every relationship it states, replacing what was there: links no longer
 * listed are removed with their mirrors, all in one transaction. Targets are
 * read first (entities are never deleted, so they still exist at the write);
 * an unknown one is a 400 naming `#/relationships/<i>/target`. `publish: true` (editors only) makes
 * the profile public; otherwise readers learn of it only once a published briefing names it.
 */
import * as z from 'zod/mini';
import { hasAnyRole } from '#domain/access.ts';
import { EntityId, EntityProfileInput, replaceProfile } from '#domain/entity.ts';
import { viewEntity } from '#domain/visibility.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getEntity, profileNames, saveProfile } from '#functions/commons/table/entities.ts';
import { withVersionRetry } from '#functions/commons/table/versioning.ts';

const Path = z.object({ entityId: EntityId });

export const handler = httpRoute({ access: ['analyst', 'editor'], path: Path, body: EntityProfileInput }, async ({ path, body, viewer, now }) => {
  // A PUT states the whole profile, so when another write lands in between it is simply applied again over it.
  const view = await withVersionRetry(async () => {
    const [prev, names] = await Promise.all([getEntity(path.entityId, { consistent: true }), profileNames(body.relationships.map((r) => r.target))]);
    const { profile, relationships } = replaceProfile(path.entityId, body, prev.profile, {
      by: viewer.userId!,
      now,
      names,
      mayPublish: hasAnyRole(viewer, ['editor']),
    });
    await saveProfile(prev, profile, relationships);
    return viewEntity(profile, [...relationships, ...prev.incoming], viewer);
  });
  return json(200, view, { 'cache-control': 'private, no-store' });
});
