/** POST /briefings/{briefingId}/publish — an editor publishes a complete draft. */
import * as z from 'zod';
import { briefingPublished } from '../domain/announcements.ts';
import { publish } from '../domain/briefing.ts';
import { NotFoundError } from '../domain/errors.ts';
import { viewBriefing } from '../domain/visibility.ts';
import { httpRoute, json } from './commons/http.ts';
import { metrics, MetricUnit } from './commons/metrics.ts';
import { getBriefing, saveBriefing } from './commons/table/briefings.ts';

const Path = z.object({ briefingId: z.string().min(1).max(64) });

export const handler = httpRoute({ access: ['editor'], path: Path }, async ({ path, viewer, now }) => {
  const current = await getBriefing(path.briefingId, { consistent: true });
  if (!current) throw new NotFoundError(`no briefing ${path.briefingId}`);
  const published = publish(current, { by: viewer.userId!, now });
  await saveBriefing(published, current.version, [briefingPublished(published, now)], now);
  metrics.addMetric('BriefingsPublished', MetricUnit.Count, 1);
  return json(200, viewBriefing(published, viewer));
});
