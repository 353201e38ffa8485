/**
 * POST /briefings/{briefingId}/retract — an editor retracts a published
 * briefing with a reason: it leaves the feed, readers get 404, staff still see
 * it (status `retracted`), and Briefing Retracted is announced in the same
 * transaction, conditional on the version read.
 */
import * as z from 'zod/mini';
import { RetractionInput, retract, snapshotOf } from '#domain/briefing.ts';
import { NotFoundError } from '#domain/errors.ts';
import { viewBriefing } from '#domain/visibility.ts';
import { briefingRetracted } from '#events/announcements.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { loadBriefing, saveBriefing } from '#functions/commons/table/briefings.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ access: ['editor'], path: Path, body: RetractionInput }, async ({ body, path, viewer, now }) => {
  const current = (await loadBriefing(path.briefingId))?.briefing;
  if (!current) throw new NotFoundError(`no briefing ${path.briefingId}`);
  const by = viewer.userId!;
  const retracted = retract(current, { by, now, reason: body.reason });
  await saveBriefing(current, retracted, [briefingRetracted(retracted, now)], now, snapshotOf(retracted, { action: 'retracted', by, now }));
  return json(200, viewBriefing(retracted, viewer), { 'cache-control': 'private, no-store' });
});
