/**
 * GET /entities/{entityId} — an entity's page shaped for the caller's tier: its
 * profile, its relationships in both directions (evidence locked below
 * Leadership Alliance) and its recent briefings. One Query on the entity's
 * partition plus one Query of its feed partition (the newest few, no cursor).
 * Locked evidence says how to unlock it, as a briefing's locked sections do, in
 * the reader's Accept-Language when the lock screen is written in it, else English.
 */
import * as z from 'zod/mini';
import { EntityId } from '#domain/entity.ts';
import { NotFoundError } from '#domain/errors.ts';
import { negotiatedUnlockLanguage, unlockOffer } from '#domain/unlock.ts';
import { canSeeEntity, viewEntity, visibleLinks } from '#domain/visibility.ts';
import { audienceOf, digestEtag, noneMatchHolds } from '#functions/commons/etag.ts';
import { json } from '#functions/commons/http.ts';
import { unlockLinks } from '#functions/commons/lock-screen.ts';
import { publicRoute } from '#functions/commons/public-route.ts';
import { getEntity, publicAmong } from '#functions/commons/table/entities.ts';
import { recentForEntity } from '#functions/commons/table/feed.ts';

export const RECENT_BRIEFINGS = 10;

const Path = z.object({ entityId: EntityId });

export const handler = publicRoute({ path: Path }, async ({ path, viewer, event }) => {
  const [record, recent] = await Promise.all([getEntity(path.entityId), recentForEntity(path.entityId, RECENT_BRIEFINGS)]);
  // An entity only a draft (or an analyst's unpublished profile) knows answers exactly as one nobody named.
  if (!canSeeEntity(record.profile, viewer)) throw new NotFoundError(`no entity ${path.entityId}`);
  const links = [...record.outgoing, ...record.incoming];
  // Readers' pages name only public entities at the other end of a link: one BatchGetItem of those ends' heads.
  const ends =
    viewer.roles.length > 0 || links.length === 0 ? new Set<string>() : await publicAmong(links.flatMap((r) => [r.from.entityId, r.to.entityId]));
  const shown = visibleLinks(path.entityId, links, viewer, (id) => ends.has(id));
  const language = negotiatedUnlockLanguage(event.headers?.['accept-language']);
  const pages = unlockLinks();
  const page = { ...viewEntity(record.profile, shown, viewer, (tier) => unlockOffer(tier, language, pages)), recentBriefings: recent };
  const body = JSON.stringify(page);
  // The page joins records that change on their own (the profile, other entities' links, the feed), so no one
  // version names it: the tag is a digest of the representation, per audience like a briefing's.
  const headers = {
    'cache-control': viewer.userId ? 'private, no-store' : 'public, max-age=60',
    etag: digestEtag(body, audienceOf(viewer)),
    // The lock screen's language follows Accept-Language: a shared cache must key on it too.
    vary: 'authorization, accept-language',
  };
  if (noneMatchHolds(event.headers?.['if-none-match'], headers.etag)) return { statusCode: 304, headers };
  return json(200, page, headers);
});
