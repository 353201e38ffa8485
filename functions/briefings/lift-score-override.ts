/**
 * DELETE /briefings/{briefingId}/score/override — an analyst or editor lifts an
 * analyst's override on the version they read (If-Match); 404 when none stands.
 * Announced as Briefing Edited: scoring puts the model's score back (202).
 */
import * as z from 'zod/mini';
import { liftOverride, snapshotOf } from '#domain/briefing.ts';
import { briefingEdited } from '#events/announcements.ts';
import { etagOf } from '#functions/commons/etag.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { changeOnVersionRead } from '#functions/commons/versioned-change.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ access: ['analyst', 'editor'], path: Path }, async ({ path, viewer, now, event }) => {
  const by = viewer.userId!;
  const briefing = await changeOnVersionRead(path.briefingId, event.headers?.['if-match'], now, (current) => {
    const next = liftOverride(current, { by, now });
    return { briefing: next, events: [briefingEdited(next, ['override'], now)], snapshot: snapshotOf(next, { action: 'unassessed', by, now }) };
  });
  return json(202, { briefingId: briefing.briefingId, version: briefing.version }, { etag: etagOf(briefing.version, viewer) });
});
