/**
 * PUT /briefings/{briefingId}/score/override — an analyst or editor assesses
 * the score or grade in place of the model, with a reason, on the version they
 * read (If-Match). The override is stored with who, when, why and the evidence
 * it rests on, and announced as Briefing Edited; scoring applies it (readers
 * see "Analyst-assessed") and lifts it when the evidence changes. 202: the
 * score follows through Briefing Scored.
 */
import * as z from 'zod/mini';
import { OverrideInput, setOverride, snapshotOf } from '#domain/briefing.ts';
import { briefingEdited } from '#events/announcements.ts';
import { etagOf } from '#functions/commons/etag.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { changeOnVersionRead } from '#functions/commons/versioned-change.ts';

const Path = z.object({ briefingId: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ access: ['analyst', 'editor'], path: Path, body: OverrideInput }, async ({ body, path, viewer, now, event }) => {
  const by = viewer.userId!;
  const briefing = await changeOnVersionRead(path.briefingId, event.headers?.['if-match'], now, (current, sources) => {
    const next = setOverride(current, body, { by, now, sources });
    return { briefing: next, events: [briefingEdited(next, ['override'], now)], snapshot: snapshotOf(next, { action: 'assessed', by, now }) };
  });
  return json(
    202,
    { briefingId: briefing.briefingId, version: briefing.version, override: briefing.override! },
    { etag: etagOf(briefing.version, viewer) },
  );
});
