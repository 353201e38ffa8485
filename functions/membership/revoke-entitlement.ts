/**
 * DELETE /members/{userId}/entitlement — an admin revokes a member's
 * entitlement, with a reason. Gated reads stop within the entitlement cache
 * window (at most 60 s) even with a still-valid token; the group sync then
 * removes the member's groups and signs them out everywhere.
 */
import * as z from 'zod/mini';
import { adminView, RevokeInput, revokeEntitlement, UserId } from '#domain/entitlement.ts';
import { entitlementChanged } from '#events/membership-announcements.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getEntitlement, saveEntitlement } from '#functions/commons/table/entitlements.ts';
import { withVersionRetry } from '#functions/commons/table/versioning.ts';

const Path = z.object({ userId: UserId });

export const handler = httpRoute({ access: ['admin'], path: Path, body: RevokeInput }, async ({ path, body, viewer, now }) => {
  const record = await withVersionRetry(async () => {
    const current = await getEntitlement(path.userId);
    const next = revokeEntitlement(current, body, { by: viewer.userId!, now });
    if (next !== current) {
      await saveEntitlement(
        { ...next, change: 'revoked', changedBy: viewer.userId! },
        current!.version,
        [entitlementChanged(next, 'revoked', now)],
        now,
      );
    }
    return next;
  });
  return json(200, adminView(path.userId, record, now), { 'cache-control': 'private, no-store' });
});
