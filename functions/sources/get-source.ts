/**
 * GET /briefings/{briefingId}/sources/{sourceId} — staff read a stored source
 * with its state and history, and its ETag for If-Match on a correction or a
 * withdrawal.
 */
import { NotFoundError } from '#domain/errors.ts';
import { sourceVersion } from '#domain/source.ts';
import { sourceEtag } from '#functions/commons/etag.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { SourcePath } from '#functions/commons/source-route.ts';
import { getSource } from '#functions/commons/table/sources.ts';

export const handler = httpRoute({ access: ['analyst', 'editor'], path: SourcePath }, async ({ path }) => {
  const source = await getSource(path.briefingId, path.sourceId);
  if (!source) throw new NotFoundError(`no source ${path.sourceId} in briefing ${path.briefingId}`);
  return json(200, source, { etag: sourceEtag(sourceVersion(source)), 'cache-control': 'private, no-store' });
});
