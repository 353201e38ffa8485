/** POST /briefings — an analyst creates a draft with the sections of the brief (and, optionally, translations). */
import { randomUUID } from 'node:crypto';
import { assessCompleteness, BriefingInput, createDraft, snapshotOf } from '../domain/briefing.ts';
import { viewBriefing } from '../domain/visibility.ts';
import { httpRoute, json } from './commons/http.ts';
import { saveNewDraft } from './commons/table/briefings.ts';

export const handler = httpRoute({ access: ['analyst'], body: BriefingInput }, async ({ body, viewer, now }) => {
  const by = viewer.userId!;
  const briefing = createDraft(body, { briefingId: randomUUID(), by, now });
  await saveNewDraft(briefing, [], now, snapshotOf(briefing, { action: 'created', by, now }));
  return json(
    201,
    { ...viewBriefing(briefing, viewer), completeness: assessCompleteness(briefing) },
    { location: `/briefings/${briefing.briefingId}` },
  );
});
