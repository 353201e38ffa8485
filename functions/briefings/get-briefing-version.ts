/** GET /briefings/{briefingId}/versions/{version} — staff read the full snapshot an editorial action left. */
import * as z from 'zod/mini';
import { NotFoundError } from '#domain/errors.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getVersion } from '#functions/commons/table/briefings.ts';

const Path = z.object({
  briefingId: z.string().check(z.minLength(1), z.maxLength(64)),
  version: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(999_999_999)),
});

export const handler = httpRoute({ access: ['analyst', 'editor'], path: Path }, async ({ path }) => {
  const snapshot = await getVersion(path.briefingId, path.version);
  if (!snapshot) throw new NotFoundError(`no version ${path.version} of briefing ${path.briefingId}`);
  return json(200, snapshot, { 'cache-control': 'private, no-store' });
});
