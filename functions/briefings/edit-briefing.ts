/**
 * PATCH /briefings/{briefingId} — staff edit the written sections and metadata
 * of a briefing, conditional on the version they read (If-Match): 428 without
 * it, 412 when the briefing has changed since. No retry on a version conflict:
 * a retry would apply the edit over a version the analyst never saw, which is
 * the lost update the precondition exists to prevent.
 * Who decides what readers see (domain/briefing.ts editBriefing): an analyst's
 * edit of a published briefing becomes its pending revision (announced as
 * Briefing Edited with `pendingReview`, nothing published); an editor's own
 * edit goes live (Briefing Published). An analyst's auto-publish rule is a
 * proposal; an editor's is approved. Scoring re-reads the briefing.
 */
import * as z from 'zod/mini';
import { hasAnyRole } from '#domain/access.ts';
import { BriefingPatch, editBriefing, snapshotOf } from '#domain/briefing.ts';
import { viewBriefing } from '#domain/visibility.ts';
import { briefingEdited, briefingPublished } from '#events/announcements.ts';
import { autoPublishFloor } from '#functions/commons/auto-publish-floor.ts';
import { etagOf } from '#functions/commons/etag.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { changeOnVersionRead } from '#functions/commons/versioned-change.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ access: ['analyst', 'editor'], path: Path, body: BriefingPatch }, async ({ body, path, viewer, now, event }) => {
  const by = viewer.userId!;
  const editor = hasAnyRole(viewer, ['editor']);
  let live = false;
  const briefing = await changeOnVersionRead(path.briefingId, event.headers?.['if-match'], now, (current) => {
    const { briefing, changes, pending } = editBriefing(current, body, { by, now, editor, floor: autoPublishFloor() });
    if (pending) {
      const events = [briefingEdited(briefing, changes, now, { editedBy: by, pendingReview: true })];
      return { briefing, events, snapshot: snapshotOf(briefing, { action: 'proposed', by, now }) };
    }
    // An editor's own edit of a published briefing is its new published version, announced again.
    live = briefing.status === 'published';
    const events = [
      briefingEdited(briefing, changes, now, { editedBy: by }),
      ...(live ? [briefingPublished(briefing, now, { approvedBy: by })] : []),
    ];
    return { briefing, events, snapshot: snapshotOf(briefing, { action: 'edited', by, now, ...(live ? { approvedBy: by } : {}) }) };
  });
  if (live) metrics.addMetric('BriefingsPublished', MetricUnit.Count, 1);
  return json(200, viewBriefing(briefing, viewer), { etag: etagOf(briefing.version, viewer), 'cache-control': 'private, no-store' });
});
