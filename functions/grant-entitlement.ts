/**
 * PUT /members/{userId}/entitlement — an admin grants a member a tier
 * (Leadership Alliance with an end date) and staff roles. The record, its
 * history entry and Entitlement Changed are written in one transaction; the
 * group sync then puts the member in the matching Cognito groups.
 */
import { AdminGetUserCommand, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import * as z from 'zod/mini';
import { adminView, entitlementChanged, GrantInput, grantEntitlement, UserId } from '../domain/entitlement.ts';
import { NotFoundError } from '../domain/errors.ts';
import { cognito } from './commons/clients/cognito.ts';
import { config } from './commons/config.ts';
import { httpRoute, json } from './commons/http.ts';
import { getEntitlement, saveEntitlement } from './commons/table/entitlements.ts';
import { withVersionRetry } from './commons/table/versioning.ts';

const Path = z.object({ userId: UserId });

/** A grant for a user the pool does not know would never reach a token; refuse it instead of storing it. */
async function assertUserExists(userId: string): Promise<void> {
  try {
    await cognito.send(new AdminGetUserCommand({ UserPoolId: config.userPoolId, Username: userId }));
  } catch (error) {
    if (error instanceof UserNotFoundException) throw new NotFoundError(`no user ${userId} in the user pool`);
    throw error;
  }
}

export const handler = httpRoute({ access: ['admin'], path: Path, body: GrantInput }, async ({ path, body, viewer, now }) => {
  await assertUserExists(path.userId);
  const record = await withVersionRetry(async () => {
    const current = await getEntitlement(path.userId);
    const next = grantEntitlement(current, body, { userId: path.userId, by: viewer.userId!, now });
    if (next !== current) {
      await saveEntitlement(
        { ...next, change: 'granted', changedBy: viewer.userId! },
        current?.version,
        [entitlementChanged(next, 'granted', now)],
        now,
      );
    }
    return next;
  });
  return json(200, adminView(path.userId, record, now), { 'cache-control': 'private, no-store' });
});
