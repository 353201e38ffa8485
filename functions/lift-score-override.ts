/**
 * DELETE /briefings/{briefingId}/score/override — an analyst or editor lifts an
 * analyst's override on the version they read (If-Match); 404 when none stands.
 * Announced as Briefing Edited: scoring puts the model's score back (202).
 */
import * as z from 'zod/mini';
import { briefingEdited } from '../domain/announcements.ts';
import { liftOverride, snapshotOf } from '../domain/briefing.ts';
import { NotFoundError } from '../domain/errors.ts';
import { assertIfMatch, etagOf, requireIfMatch, staleVersion } from './commons/etag.ts';
import { httpRoute, json } from './commons/http.ts';
import { loadBriefing, saveBriefing } from './commons/table/briefings.ts';
import { VersionConflictError } from './commons/table/versioning.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ access: ['analyst', 'editor'], path: Path }, async ({ path, viewer, now, event }) => {
  const ifMatch = requireIfMatch(event.headers?.['if-match']);
  const loaded = await loadBriefing(path.briefingId);
  if (!loaded) throw new NotFoundError(`no briefing ${path.briefingId}`);
  const { briefing: current } = loaded;
  assertIfMatch(ifMatch, current.version);
  const by = viewer.userId!;
  const briefing = liftOverride(current, { by, now });
  try {
    await saveBriefing(
      current,
      briefing,
      [briefingEdited(briefing, ['override'], now)],
      now,
      snapshotOf(briefing, { action: 'unassessed', by, now }),
    );
  } catch (error) {
    if (error instanceof VersionConflictError) throw staleVersion();
    throw error;
  }
  return json(202, { briefingId: briefing.briefingId, version: briefing.version }, { etag: etagOf(briefing.version, viewer) });
});
