/**
 * POST /briefings/{briefingId}/publish — an editor publishes a complete draft, or the pending revision
 * of a published briefing (announced as Briefing Edited, for scoring, and Briefing Published, naming
 * who proposed the revision and who approved it).
 */
import * as z from 'zod/mini';
import { publish, snapshotOf } from '#domain/briefing.ts';
import { NotFoundError } from '#domain/errors.ts';
import { viewBriefing } from '#domain/visibility.ts';
import { briefingEdited, briefingPublished } from '#events/announcements.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { loadBriefing, saveBriefing } from '#functions/commons/table/briefings.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ access: ['editor'], path: Path }, async ({ path, viewer, now }) => {
  const current = (await loadBriefing(path.briefingId))?.briefing;
  if (!current) throw new NotFoundError(`no briefing ${path.briefingId}`);
  const by = viewer.userId!;
  const published = publish(current, { by, now });
  const revision = current.pendingRevision;
  const review = { approvedBy: by, ...(revision ? { proposedBy: revision.proposedBy } : {}) };
  const events = [
    ...(revision ? [briefingEdited(published, revision.changes, now, { editedBy: by, proposedBy: revision.proposedBy })] : []),
    briefingPublished(published, now, review),
  ];
  await saveBriefing(current, published, events, now, snapshotOf(published, { action: 'published', by, now, ...review }));
  metrics.addMetric('BriefingsPublished', MetricUnit.Count, 1);
  return json(200, viewBriefing(published, viewer));
});
