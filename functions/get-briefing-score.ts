/** GET /briefings/{briefingId}/score — staff read a briefing's confidence with its full explanation. */
import * as z from 'zod';
import { NotFoundError } from '../domain/errors.ts';
import { scoreReport } from '../domain/briefing.ts';
import { httpRoute, json } from './commons/http.ts';
import { getBriefing } from './commons/table/briefings.ts';

const Path = z.object({ briefingId: z.string().min(1).max(64) });

export const handler = httpRoute({ access: ['analyst', 'editor'], path: Path }, async ({ path }) => {
  const briefing = await getBriefing(path.briefingId);
  if (!briefing) throw new NotFoundError(`no briefing ${path.briefingId}`);
  return json(200, scoreReport(briefing), { 'cache-control': 'private, no-store' });
});
