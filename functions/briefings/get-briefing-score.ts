/** GET /briefings/{briefingId}/score — staff read a briefing's confidence with its full explanation. */
import * as z from 'zod/mini';
import { scoreReport } from '#domain/briefing.ts';
import { NotFoundError } from '#domain/errors.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { readBriefing } from '#functions/commons/table/briefings.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ access: ['analyst', 'editor'], path: Path }, async ({ path, now }) => {
  const briefing = await readBriefing(path.briefingId, 'staff');
  if (!briefing) throw new NotFoundError(`no briefing ${path.briefingId}`);
  return json(200, scoreReport(briefing, now), { 'cache-control': 'private, no-store' });
});
