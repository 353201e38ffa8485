/**
 * GET /briefings/{briefingId} — the briefing shaped for the caller's tier, in
 * the language they asked for (`?lang=`, else Accept-Language, else the
 * original), in one Query of the parts that tier may read.
 * The ETag names the version, whom it was shaped for and, for a translation,
 * its language (functions/commons/etag.ts); If-None-Match with it answers 304.
 * Locked sections say how to unlock them, in the served language (domain/unlock.ts).
 */
import * as z from 'zod/mini';
import { NotFoundError } from '#domain/errors.ts';
import { LanguageQuery, negotiateLanguage } from '#domain/language.ts';
import { unlockOffer } from '#domain/unlock.ts';
import { isVisible, languagesOf, partsFor, viewBriefing } from '#domain/visibility.ts';
import { etagOf, noneMatchHolds } from '#functions/commons/etag.ts';
import { json } from '#functions/commons/http.ts';
import { unlockLinks } from '#functions/commons/lock-screen.ts';
import { publicRoute } from '#functions/commons/public-route.ts';
import { readBriefing } from '#functions/commons/table/briefings.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });
const Query = z.object({ lang: z.optional(LanguageQuery) });

export const handler = publicRoute({ path: Path, query: Query }, async ({ path, query, viewer, event }) => {
  const briefing = await readBriefing(path.briefingId, partsFor(viewer));
  // A draft is indistinguishable from a missing briefing for anyone but staff.
  if (!briefing || !isVisible(briefing, viewer)) throw new NotFoundError(`no briefing ${path.briefingId}`);
  const language = negotiateLanguage({
    original: briefing.language,
    available: languagesOf(briefing),
    ...(query.lang ? { query: query.lang } : {}),
    ...(event.headers?.['accept-language'] ? { acceptLanguage: event.headers['accept-language'] } : {}),
  });
  const etag = etagOf(briefing.version, viewer);
  const headers = {
    'cache-control': viewer.userId ? 'private, no-store' : 'public, max-age=60',
    // The original keeps the plain ETag (the one If-Match takes); a translation is another representation.
    etag: language === briefing.language ? etag : `${etag.slice(0, -1)}-${language}"`,
    'content-language': language,
    // The representation depends on the token and on the language asked for: a shared cache must key on both.
    vary: 'authorization, accept-language',
  };
  if (noneMatchHolds(event.headers?.['if-none-match'], headers.etag)) return { statusCode: 304, headers };
  const links = unlockLinks();
  return json(
    200,
    viewBriefing(briefing, viewer, language, (tier, served) => unlockOffer(tier, served, links)),
    headers,
  );
});
