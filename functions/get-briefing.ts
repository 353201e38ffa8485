/**
 * GET /briefings/{briefingId} — the briefing shaped for the caller's tier, in one read.
 * The ETag names the version and whom it was shaped for (functions/commons/etag.ts);
 * If-None-Match with it answers 304 with no body.
 */
import * as z from 'zod';
import { NotFoundError } from '../domain/errors.ts';
import { isVisible, viewBriefing } from '../domain/visibility.ts';
import { etagOf, noneMatchHolds } from './commons/etag.ts';
import { httpRoute, json } from './commons/http.ts';
import { getBriefing } from './commons/table/briefings.ts';

const Path = z.object({ briefingId: z.string().min(1).max(64) });

export const handler = httpRoute({ access: 'public', path: Path }, async ({ path, viewer, event }) => {
  const briefing = await getBriefing(path.briefingId);
  // A draft is indistinguishable from a missing briefing for anyone but staff.
  if (!briefing || !isVisible(briefing, viewer)) throw new NotFoundError(`no briefing ${path.briefingId}`);
  const headers = {
    'cache-control': viewer.userId ? 'private, no-store' : 'public, max-age=60',
    etag: etagOf(briefing.version, viewer),
    // The representation depends on the token: a shared cache must not hand one caller's copy to another.
    vary: 'authorization',
  };
  if (noneMatchHolds(event.headers?.['if-none-match'], headers.etag)) return { statusCode: 304, headers };
  return json(200, viewBriefing(briefing, viewer), headers);
});
