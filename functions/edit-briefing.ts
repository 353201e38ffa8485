/**
 * PATCH /briefings/{briefingId} — an analyst edits the written sections and
 * metadata of a briefing, conditional on the version they read (If-Match):
 * 428 without it, 412 when the briefing has changed since. No retry on a
 * version conflict: a retry would apply the edit over a version the analyst
 * never saw, which is the lost update the precondition exists to prevent.
 * The edit is announced (Briefing Edited) in the same write; scoring re-reads
 * the briefing, so a change of content gaps or event date reaches the score
 * through the normal events (Briefing Scored), not in this response.
 */
import * as z from 'zod/mini';
import { briefingEdited, briefingPublished } from '../domain/announcements.ts';
import { BriefingPatch, editBriefing, snapshotOf } from '../domain/briefing.ts';
import { NotFoundError } from '../domain/errors.ts';
import { viewBriefing } from '../domain/visibility.ts';
import { assertIfMatch, etagOf, requireIfMatch, staleVersion } from './commons/etag.ts';
import { httpRoute, json } from './commons/http.ts';
import { MetricUnit, metrics } from './commons/metrics.ts';
import { loadBriefing, saveBriefing } from './commons/table/briefings.ts';
import { VersionConflictError } from './commons/table/versioning.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ access: ['analyst'], path: Path, body: BriefingPatch }, async ({ body, path, viewer, now, event }) => {
  const ifMatch = requireIfMatch(event.headers?.['if-match']);
  const loaded = await loadBriefing(path.briefingId);
  if (!loaded) throw new NotFoundError(`no briefing ${path.briefingId}`);
  const { briefing: current } = loaded;
  assertIfMatch(ifMatch, current.version);
  const by = viewer.userId!;
  const { briefing, changes } = editBriefing(current, body, { by, now });
  // A published briefing stays published: the edit is its new published version, announced again.
  const events = [briefingEdited(briefing, changes, now), ...(briefing.status === 'published' ? [briefingPublished(briefing, now)] : [])];
  try {
    await saveBriefing(current, briefing, events, now, snapshotOf(briefing, { action: 'edited', by, now }));
  } catch (error) {
    if (error instanceof VersionConflictError) throw staleVersion();
    throw error;
  }
  if (briefing.status === 'published') metrics.addMetric('BriefingsPublished', MetricUnit.Count, 1);
  return json(200, viewBriefing(briefing, viewer), { etag: etagOf(briefing.version, viewer), 'cache-control': 'private, no-store' });
});
