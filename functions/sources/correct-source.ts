/**
 * PATCH /briefings/{briefingId}/sources/{sourceId} — an analyst or editor
 * corrects a source (kind, stance, publisher, title, publishedAt, language,
 * ratings, note) or changes its state (`retracted-by-publisher`, or `active` to
 * restore it), with a reason, conditional on the version read (If-Match
 * `"source-v<version>"`). The new version and its Source Updated event are
 * written in one transaction; scoring re-reads the briefing's sources.
 */

import { NotFoundError } from '#domain/errors.ts';
import { correctSource, SourceCorrection, sourceVersion } from '#domain/source.ts';
import { sourceUpdated } from '#events/announcements.ts';
import { assertSourceIfMatch, requireIfMatch, sourceEtag, staleSource } from '#functions/commons/etag.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { SOURCE_IF_MATCH_HINT, SourcePath } from '#functions/commons/source-route.ts';
import { getSource, saveSource } from '#functions/commons/table/sources.ts';
import { VersionConflictError } from '#functions/commons/table/versioning.ts';

export const handler = httpRoute(
  { access: ['analyst', 'editor'], path: SourcePath, body: SourceCorrection },
  async ({ body, path, viewer, now, event }) => {
    const ifMatch = requireIfMatch(event.headers?.['if-match'], SOURCE_IF_MATCH_HINT);
    const current = await getSource(path.briefingId, path.sourceId);
    if (!current) throw new NotFoundError(`no source ${path.sourceId} in briefing ${path.briefingId}`);
    assertSourceIfMatch(ifMatch, sourceVersion(current));
    const { source, change } = correctSource(current, body, { by: viewer.userId!, now });
    if (change) {
      try {
        await saveSource(current, source, sourceUpdated(source, change, now), now);
      } catch (error) {
        if (error instanceof VersionConflictError) throw staleSource();
        throw error;
      }
      metrics.addMetric('SourceChanges', MetricUnit.Count, 1);
    }
    return json(200, source, { etag: sourceEtag(sourceVersion(source)), 'cache-control': 'private, no-store' });
  },
);
