/** POST /sources — an analyst adds a source; a repeat of a stored canonical URL is refused as a duplicate. */
import { sourceIngested } from '../domain/announcements.ts';
import { ConflictError, ValidationError } from '../domain/errors.ts';
import { newSource, SourceInput } from '../domain/source.ts';
import { httpRoute, json } from './commons/http.ts';
import { MetricUnit, metrics } from './commons/metrics.ts';
import { addSource } from './commons/table/sources.ts';

export const handler = httpRoute({ access: ['analyst'], body: SourceInput }, async ({ body, viewer, now }) => {
  const source = newSource(body, viewer.userId!, now);
  const outcome = await addSource(source, sourceIngested(source, now), now);
  if (outcome === 'no-such-briefing') {
    throw new ValidationError('the briefing does not exist', [{ pointer: '#/briefingId', detail: `no briefing ${body.briefingId}` }]);
  }
  if (outcome === 'duplicate') {
    metrics.addMetric('DuplicateSources', MetricUnit.Count, 1);
    throw new ConflictError('this source is already stored for the briefing', {
      sourceId: source.sourceId,
      canonicalUrl: source.canonicalUrl,
    });
  }
  metrics.addMetric('SourcesIngested', MetricUnit.Count, 1);
  return json(201, source, { location: `/briefings/${source.briefingId}` });
});
