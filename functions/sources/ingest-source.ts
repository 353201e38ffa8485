/**
 * POST /sources — an analyst adds a source; a repeat of a stored canonical URL
 * is refused as a duplicate, and a withdrawn one says so and how to restore it.
 */

import { ConflictError, ValidationError } from '#domain/errors.ts';
import { newSource, SourceInput, sourceVersion } from '#domain/source.ts';
import { sourceIngested } from '#events/announcements.ts';
import { sourceEtag } from '#functions/commons/etag.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { sourcePath } from '#functions/commons/source-route.ts';
import { addSource, getSource } from '#functions/commons/table/sources.ts';

export const handler = httpRoute({ access: ['analyst'], body: SourceInput }, async ({ body, viewer, now }) => {
  const source = newSource(body, viewer.userId!, now);
  const outcome = await addSource(source, sourceIngested(source, now), now);
  if (outcome === 'no-such-briefing') {
    throw new ValidationError('the briefing does not exist', [{ pointer: '#/briefingId', detail: `no briefing ${body.briefingId}` }]);
  }
  if (outcome === 'duplicate') {
    metrics.addMetric('DuplicateSources', MetricUnit.Count, 1);
    throw await duplicate(source.briefingId, source.sourceId, source.canonicalUrl);
  }
  metrics.addMetric('SourcesIngested', MetricUnit.Count, 1);
  return json(201, source, { location: `/briefings/${source.briefingId}`, etag: sourceEtag(sourceVersion(source)) });
});

/** The 409 for a stored URL; a withdrawn or retracted source is named as such, with the request that restores it. */
async function duplicate(briefingId: string, sourceId: string, canonicalUrl: string): Promise<ConflictError> {
  const stored = await getSource(briefingId, sourceId);
  if (!stored?.state) return new ConflictError('this source is already stored for the briefing', { sourceId, canonicalUrl });
  const { status, by, at } = stored.state;
  return new ConflictError(
    `this source is stored for the briefing but ${status === 'withdrawn' ? 'was withdrawn' : 'was retracted by its publisher'} (by ${by} at ${at}); ` +
      `to count it again, restore it: PATCH ${sourcePath(briefingId, sourceId)} with {"state":"active","reason":"…"} and If-Match ${sourceEtag(sourceVersion(stored))}`,
    {
      sourceId,
      canonicalUrl,
      state: stored.state,
      restore: { method: 'PATCH', href: sourcePath(briefingId, sourceId), ifMatch: sourceEtag(sourceVersion(stored)), body: { state: 'active' } },
    },
  );
}
