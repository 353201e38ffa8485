/**
 * PUT /briefings/{briefingId}/score/override — an analyst or editor assesses
 * the score or grade in place of the model, with a reason, on the version they
 * read (If-Match). The override is stored with who, when, why and the evidence
 * it rests on, and announced as Briefing Edited; scoring applies it (readers
 * see "Analyst-assessed") and lifts it when the evidence changes. 202: the
 * score follows through Briefing Scored.
 */
import * as z from 'zod/mini';
import { briefingEdited } from '../domain/announcements.ts';
import { OverrideInput, setOverride, snapshotOf } from '../domain/briefing.ts';
import { NotFoundError } from '../domain/errors.ts';
import { assertIfMatch, etagOf, requireIfMatch, staleVersion } from './commons/etag.ts';
import { httpRoute, json } from './commons/http.ts';
import { loadBriefing, saveBriefing } from './commons/table/briefings.ts';
import { VersionConflictError } from './commons/table/versioning.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ access: ['analyst', 'editor'], path: Path, body: OverrideInput }, async ({ body, path, viewer, now, event }) => {
  const ifMatch = requireIfMatch(event.headers?.['if-match']);
  const loaded = await loadBriefing(path.briefingId);
  if (!loaded) throw new NotFoundError(`no briefing ${path.briefingId}`);
  const { briefing: current, sources } = loaded;
  assertIfMatch(ifMatch, current.version);
  const by = viewer.userId!;
  const briefing = setOverride(current, body, { by, now, sources });
  try {
    await saveBriefing(current, briefing, [briefingEdited(briefing, ['override'], now)], now, snapshotOf(briefing, { action: 'assessed', by, now }));
  } catch (error) {
    if (error instanceof VersionConflictError) throw staleVersion();
    throw error;
  }
  return json(
    202,
    { briefingId: briefing.briefingId, version: briefing.version, override: briefing.override! },
    { etag: etagOf(briefing.version, viewer) },
  );
});
