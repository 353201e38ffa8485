/**
 * POST /briefings — an analyst creates a draft with the sections of the brief (and, optionally, translations).
 * An auto-publish rule sent with it is a proposal until an editor approves it (approved at once when the
 * author is an editor too), and never below the publisher's floor.
 */
import { randomUUID } from 'node:crypto';
import { hasAnyRole } from '#domain/access.ts';
import { assessCompleteness, BriefingInput, createDraft, snapshotOf } from '#domain/briefing.ts';
import { viewBriefing } from '#domain/visibility.ts';
import { autoPublishFloor } from '#functions/commons/auto-publish-floor.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { saveNewDraft } from '#functions/commons/table/briefings.ts';

export const handler = httpRoute({ access: ['analyst'], body: BriefingInput }, async ({ body, viewer, now }) => {
  const by = viewer.userId!;
  const ctx = { briefingId: randomUUID(), by, now, editor: hasAnyRole(viewer, ['editor']), floor: autoPublishFloor() };
  const briefing = createDraft(body, ctx);
  await saveNewDraft(briefing, [], now, snapshotOf(briefing, { action: 'created', by, now }));
  return json(
    201,
    { ...viewBriefing(briefing, viewer), completeness: assessCompleteness(briefing) },
    { location: `/briefings/${briefing.briefingId}` },
  );
});
