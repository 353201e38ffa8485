/** GET /briefings/{briefingId}/versions — staff read a briefing's version history, newest first, one line per editorial action. */
import * as z from 'zod/mini';
import { summarizeSnapshot } from '#domain/briefing.ts';
import { NotFoundError } from '#domain/errors.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { listVersions } from '#functions/commons/table/briefings.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ access: ['analyst', 'editor'], path: Path }, async ({ path }) => {
  const snapshots = await listVersions(path.briefingId);
  if (!snapshots) throw new NotFoundError(`no briefing ${path.briefingId}`);
  return json(200, { briefingId: path.briefingId, versions: snapshots.map(summarizeSnapshot) }, { 'cache-control': 'private, no-store' });
});
