/**
 * POST /me/access-requests — a member asks for Leadership Alliance, with a
 * reason. One open request at a time (409 naming it); the same request again
 * answers the open one (200, nothing written). The request, the entitlement
 * record's history entry and Access Requested are written in one transaction
 * (domain/access-request.ts).
 */
import { AccessRequestInput, memberRequestView, requestAccess } from '#domain/access-request.ts';
import { accessRequested } from '#events/membership-announcements.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { memberAccessRequests, saveAccessStep } from '#functions/commons/table/access-requests.ts';
import { getEntitlement } from '#functions/commons/table/entitlements.ts';
import { withVersionRetry } from '#functions/commons/table/versioning.ts';

export const handler = httpRoute({ access: 'member', body: AccessRequestInput }, async ({ body, viewer, now }) => {
  const userId = viewer.userId!;
  const step = await withVersionRetry(async () => {
    const [record, [latest]] = await Promise.all([getEntitlement(userId), memberAccessRequests(userId, 1)]);
    const next = requestAccess(record, latest, body, { userId, now });
    await saveAccessStep(next, accessRequested(next), record!.version, now);
    return next;
  });
  return json(step.change ? 201 : 200, memberRequestView(step.request), { 'cache-control': 'private, no-store' });
});
