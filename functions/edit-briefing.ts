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
import { viewBriefing } from '../domain/visibility.ts';
import { etagOf } from './commons/etag.ts';
import { httpRoute, json } from './commons/http.ts';
import { MetricUnit, metrics } from './commons/metrics.ts';
import { changeOnVersionRead } from './commons/versioned-change.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ access: ['analyst'], path: Path, body: BriefingPatch }, async ({ body, path, viewer, now, event }) => {
  const by = viewer.userId!;
  const briefing = await changeOnVersionRead(path.briefingId, event.headers?.['if-match'], now, (current) => {
    const { briefing, changes } = editBriefing(current, body, { by, now });
    // A published briefing stays published: the edit is its new published version, announced again.
    const events = [briefingEdited(briefing, changes, now), ...(briefing.status === 'published' ? [briefingPublished(briefing, now)] : [])];
    return { briefing, events, snapshot: snapshotOf(briefing, { action: 'edited', by, now }) };
  });
  if (briefing.status === 'published') metrics.addMetric('BriefingsPublished', MetricUnit.Count, 1);
  return json(200, viewBriefing(briefing, viewer), { etag: etagOf(briefing.version, viewer), 'cache-control': 'private, no-store' });
});
