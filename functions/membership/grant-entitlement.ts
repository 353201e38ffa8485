/**
 * PUT /members/{userId}/entitlement — an admin grants a member a tier
 * (Leadership Alliance with an end date) and staff roles. The record, its
 * history entry and Entitlement Changed are written in one transaction; the
 * group sync then puts the member in the matching Cognito groups.
 *
 * Only members are granted: a user has an entitlement record from the moment
 * they confirm their sign-up (functions/membership/confirm-sign-up.ts), so a user id
 * without one is a 404. The record is the member directory here: asking the
 * user pool instead would put the Cognito client (~33 KB) in this bundle.
 */
import * as z from 'zod/mini';
import { adminView, GrantInput, grantEntitlement, UserId } from '#domain/entitlement.ts';
import { NotFoundError } from '#domain/errors.ts';
import { entitlementChanged } from '#events/membership-announcements.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getEntitlement, saveEntitlement } from '#functions/commons/table/entitlements.ts';
import { withVersionRetry } from '#functions/commons/table/versioning.ts';

const Path = z.object({ userId: UserId });

export const handler = httpRoute({ access: ['admin'], path: Path, body: GrantInput }, async ({ path, body, viewer, now }) => {
  const record = await withVersionRetry(async () => {
    const current = await getEntitlement(path.userId);
    // A grant for someone who never confirmed a sign-up would never reach a token; refuse it instead of storing it.
    if (!current) throw new NotFoundError(`no member ${path.userId}: members have a record once they confirm their sign-up`);
    const next = grantEntitlement(current, body, { userId: path.userId, by: viewer.userId!, now });
    if (next !== current) {
      await saveEntitlement(
        { ...next, change: 'granted', changedBy: viewer.userId! },
        current.version,
        [entitlementChanged(next, 'granted', now)],
        now,
      );
    }
    return next;
  });
  return json(200, adminView(path.userId, record, now), { 'cache-control': 'private, no-store' });
});
