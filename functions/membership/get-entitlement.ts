/**
 * GET /members/{userId}/entitlement — an admin reads a member's entitlement,
 * its history and the member's requests for a tier (each newest first, bounded). Members read their own with GET /me;
 * this route answers them 403 whoever they ask about, so it reveals nothing.
 */
import * as z from 'zod/mini';
import { adminView, UserId } from '#domain/entitlement.ts';
import { NotFoundError } from '#domain/errors.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { memberAccessRequests } from '#functions/commons/table/access-requests.ts';
import { entitlementHistory, getEntitlement } from '#functions/commons/table/entitlements.ts';

const Path = z.object({ userId: UserId });

export const handler = httpRoute({ access: ['admin'], path: Path }, async ({ path, now }) => {
  const [record, history, accessRequests] = await Promise.all([
    getEntitlement(path.userId),
    entitlementHistory(path.userId),
    memberAccessRequests(path.userId),
  ]);
  if (!record && history.length === 0) throw new NotFoundError(`no entitlement recorded for member ${path.userId}`);
  return json(200, { ...adminView(path.userId, record, now), history, accessRequests }, { 'cache-control': 'private, no-store' });
});
