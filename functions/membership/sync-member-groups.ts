/**
 * On Entitlement Changed: puts the member in exactly the Cognito groups their
 * record grants now (groups this system does not manage are left alone) and,
 * when the record is revoked, signs them out everywhere, so no refresh token
 * can mint a new token. Reads the record rather than trusting the event, so
 * repeated or reordered events converge on the same groups.
 */
import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { GROUP_NAMES, groupsForGrant } from '#domain/access.ts';
import { grantOf } from '#domain/entitlement.ts';
import { EntitlementChanged } from '#events/entitlement-changed.ts';
import { cognito } from '#functions/commons/clients/cognito.ts';
import { traced } from '#functions/commons/clients/tracer.ts';
import { config } from '#functions/commons/config.ts';
import { eventConsumer } from '#functions/commons/consumer.ts';
import { logger } from '#functions/commons/logger.ts';
import { getEntitlement } from '#functions/commons/table/entitlements.ts';

// The client module is shared with grant-entitlement (an API function), so this consumer wraps it itself.
traced(cognito);

async function groupsOfUser(userPoolId: string, username: string): Promise<string[]> {
  const groups: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username, NextToken: nextToken }));
    groups.push(...(page.Groups ?? []).map((g) => g.GroupName ?? ''));
    nextToken = page.NextToken;
  } while (nextToken);
  return groups;
}

export const handler = eventConsumer(EntitlementChanged, async ({ userId, recordVersion, change }, { now }) => {
  const record = await getEntitlement(userId);
  if (!record) return logger.warn('no entitlement record for this member; nothing to sync', { userId });
  // The consistent read should always see the change; if not, fail so the event is retried.
  if (record.version < recordVersion)
    throw new Error(`entitlement of ${userId} is at version ${record.version}, older than the event's ${recordVersion}`);

  const UserPoolId = config.userPoolId;
  const desired: string[] = groupsForGrant(grantOf(record, now));
  let current: string[];
  try {
    current = await groupsOfUser(UserPoolId, userId);
  } catch (error) {
    if (error instanceof UserNotFoundException) return logger.warn('the member is no longer in the user pool; nothing to sync', { userId });
    throw error;
  }
  const managed = current.filter((g) => (GROUP_NAMES as string[]).includes(g));
  const added = desired.filter((g) => !current.includes(g));
  const removed = managed.filter((g) => !desired.includes(g));
  // One at a time: a member has a handful of groups, and ordering keeps the log readable.
  for (const GroupName of added) await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: userId, GroupName }));
  for (const GroupName of removed) await cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username: userId, GroupName }));

  // Only while the record is still revoked: a revocation delivered after a new grant signs nobody out.
  const signOut = change === 'revoked' && Boolean(record.revokedAt);
  if (signOut) await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: userId }));
  logger.info('member groups in step with the entitlement record', { userId, version: record.version, added, removed, signedOut: signOut });
});
