/**
 * POST /members/{userId}/access-requests/{requestId}/decision — an admin
 * approves a member's request (Leadership Alliance until `validUntil`: the
 * grant of PUT /members/{userId}/entitlement) or declines it with a reason.
 * The decided request, the entitlement record and its history entry, Access
 * Decided and, for an approval, Entitlement Changed are written in one
 * transaction; the group sync then puts the member in the group.
 */
import * as z from 'zod/mini';
import { AccessDecisionInput, AccessRequestId, decideAccess } from '#domain/access-request.ts';
import { UserId } from '#domain/entitlement.ts';
import { accessDecided } from '#events/membership-announcements.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getAccessRequest, saveAccessStep } from '#functions/commons/table/access-requests.ts';
import { getEntitlement } from '#functions/commons/table/entitlements.ts';
import { withVersionRetry } from '#functions/commons/table/versioning.ts';

const Path = z.object({ userId: UserId, requestId: AccessRequestId });

export const handler = httpRoute({ access: ['admin'], path: Path, body: AccessDecisionInput }, async ({ path, body, viewer, now }) => {
  const step = await withVersionRetry(async () => {
    const [request, record] = await Promise.all([getAccessRequest(path.userId, path.requestId), getEntitlement(path.userId)]);
    const next = decideAccess(request, record, body, { by: viewer.userId!, now });
    await saveAccessStep(next, accessDecided(next, now), record?.version ?? 0, now);
    return next;
  });
  return json(200, step.request, { 'cache-control': 'private, no-store' });
});
