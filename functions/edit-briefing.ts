/**
 * PATCH /briefings/{briefingId} — an analyst edits the written sections and
 * metadata of a briefing, conditional on the version they read (If-Match):
 * 428 without it, 412 when the briefing has changed since. No retry on a
 * version conflict: a retry would apply the edit over a version the analyst
 * never saw, which is the lost update the precondition exists to prevent.
 */
import * as z from 'zod';
import { briefingPublished, briefingScored } from '../domain/announcements.ts';
import { BriefingPatch, editBriefing } from '../domain/briefing.ts';
import { NotFoundError } from '../domain/errors.ts';
import { viewBriefing } from '../domain/visibility.ts';
import { assertIfMatch, etagOf, requireIfMatch, staleVersion } from './commons/etag.ts';
import { httpRoute, json } from './commons/http.ts';
import { metrics, MetricUnit } from './commons/metrics.ts';
import { getBriefing, saveBriefing, VersionConflictError } from './commons/table/briefings.ts';
import { listSources } from './commons/table/sources.ts';

const Path = z.object({ briefingId: z.string().min(1).max(64) });

export const handler = httpRoute({ access: ['analyst'], path: Path, body: BriefingPatch }, async ({ body, path, viewer, now, event }) => {
  const ifMatch = requireIfMatch(event.headers?.['if-match']);
  const [current, sources] = await Promise.all([getBriefing(path.briefingId, { consistent: true }), listSources(path.briefingId)]);
  if (!current) throw new NotFoundError(`no briefing ${path.briefingId}`);
  assertIfMatch(ifMatch, current.version);
  const { briefing, scoreChanged } = editBriefing(current, body, { by: viewer.userId!, now, sources });
  // A published briefing stays published: the edit is its new published version, announced again.
  const events = [
    ...(scoreChanged ? [briefingScored(current, briefing, now)] : []),
    ...(briefing.status === 'published' ? [briefingPublished(briefing, now)] : []),
  ];
  try {
    await saveBriefing(briefing, current.version, events, now);
  } catch (error) {
    if (error instanceof VersionConflictError) throw staleVersion();
    throw error;
  }
  if (scoreChanged) metrics.addMetric('ScoreChanges', MetricUnit.Count, 1);
  if (briefing.status === 'published') metrics.addMetric('BriefingsPublished', MetricUnit.Count, 1);
  return json(200, viewBriefing(briefing, viewer), { etag: etagOf(briefing.version, viewer), 'cache-control': 'private, no-store' });
});
