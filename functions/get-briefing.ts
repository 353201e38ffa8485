/** GET /briefings/{briefingId} — the briefing shaped for the caller's tier, in one read. */
import * as z from 'zod';
import { NotFoundError } from '../domain/errors.ts';
import { isVisible, viewBriefing } from '../domain/visibility.ts';
import { httpRoute, json } from './commons/http.ts';
import { getBriefing } from './commons/table/briefings.ts';

const Path = z.object({ briefingId: z.string().min(1).max(64) });

export const handler = httpRoute({ access: 'public', path: Path }, async ({ path, viewer }) => {
  const briefing = await getBriefing(path.briefingId);
  // A draft is indistinguishable from a missing briefing for anyone but staff.
  if (!briefing || !isVisible(briefing, viewer)) throw new NotFoundError(`no briefing ${path.briefingId}`);
  const cache = viewer.userId ? 'private, no-store' : 'public, max-age=60';
  return json(200, viewBriefing(briefing, viewer), { 'cache-control': cache });
});
