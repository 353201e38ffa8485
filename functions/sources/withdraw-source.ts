/**
 * DELETE /briefings/{briefingId}/sources/{sourceId} — an analyst or editor
 * withdraws a source, with a reason in the body, conditional on the version
 * read (If-Match). Withdrawn is not erased: the source stays stored with who,
 * when and why, and no longer counts; Source Updated re-scores the briefing.
 * PATCH with `state: "active"` restores it.
 */

import { NotFoundError } from '#domain/errors.ts';
import { SourceWithdrawal, sourceVersion, withdrawSource } from '#domain/source.ts';
import { sourceUpdated } from '#events/announcements.ts';
import { assertSourceIfMatch, requireIfMatch, sourceEtag, staleSource } from '#functions/commons/etag.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { SOURCE_IF_MATCH_HINT, SourcePath } from '#functions/commons/source-route.ts';
import { getSource, saveSource } from '#functions/commons/table/sources.ts';
import { VersionConflictError } from '#functions/commons/table/versioning.ts';

export const handler = httpRoute(
  { access: ['analyst', 'editor'], path: SourcePath, body: SourceWithdrawal },
  async ({ body, path, viewer, now, event }) => {
    const ifMatch = requireIfMatch(event.headers?.['if-match'], SOURCE_IF_MATCH_HINT);
    const current = await getSource(path.briefingId, path.sourceId);
    if (!current) throw new NotFoundError(`no source ${path.sourceId} in briefing ${path.briefingId}`);
    assertSourceIfMatch(ifMatch, sourceVersion(current));
    const source = withdrawSource(current, body, { by: viewer.userId!, now });
    try {
      await saveSource(current, source, sourceUpdated(source, 'withdrawn', now), now);
    } catch (error) {
      if (error instanceof VersionConflictError) throw staleSource();
      throw error;
    }
    metrics.addMetric('SourcesWithdrawn', MetricUnit.Count, 1);
    return json(200, source, { etag: sourceEtag(sourceVersion(source)), 'cache-control': 'private, no-store' });
  },
);
