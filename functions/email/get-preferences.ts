/** GET /me/preferences — the caller's email preference (`off` until they choose), and whether their address is suppressed. */
import { preferencesView } from '#domain/email.ts';
import { NotFoundError } from '#domain/errors.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getPreferences, isSuppressed } from '#functions/commons/table/email.ts';

export const handler = httpRoute({ access: 'signed-in' }, async ({ viewer }) => {
  const preferences = await getPreferences(viewer.userId!);
  if (!preferences) throw new NotFoundError('no email preference yet: PUT /me/preferences to choose one');
  return json(200, preferencesView(preferences, await isSuppressed(preferences.email)), { 'cache-control': 'private, no-store' });
});
