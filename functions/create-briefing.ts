/** POST /briefings — an analyst creates a draft with the sections of the brief. */
import { randomUUID } from 'node:crypto';
import { assessCompleteness, BriefingInput, createDraft } from '../domain/briefing.ts';
import { viewBriefing } from '../domain/visibility.ts';
import { httpRoute, json } from './commons/http.ts';
import { createBriefing } from './commons/table/briefings.ts';

export const handler = httpRoute({ access: ['analyst'], body: BriefingInput }, async ({ body, viewer, now }) => {
  const briefing = createDraft(body, { briefingId: randomUUID(), by: viewer.userId!, now });
  await createBriefing(briefing);
  return json(
    201,
    { ...viewBriefing(briefing, viewer), completeness: assessCompleteness(briefing) },
    { location: `/briefings/${briefing.briefingId}` },
  );
});
