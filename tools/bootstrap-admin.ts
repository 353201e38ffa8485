/**
 * Makes the first admin of a deployment: a fresh stack has no entitlement
 * records, and without one the API grants nothing, not even to a user in the
 * `admins` group. Run once with the operator's AWS credentials, after the user
 * has signed up:
 *
 *   npx tsx tools/bootstrap-admin.ts <TableName> <user sub>
 *
 * Writes the record only if the user has none, with its history entry and an
 * Entitlement Changed event (so the group sync puts the user in `admins`).
 * Every later grant goes through `PUT /members/{userId}/entitlement`.
 */
import { bootstrapAdminEntitlement, UserId } from '#domain/entitlement.ts';
import { entitlementChanged } from '#events/membership-announcements.ts';
import { ENV } from '#functions/commons/env.ts';

const [tableName, userId] = process.argv.slice(2);
if (!tableName || !userId || !UserId.safeParse(userId).success) {
  console.error('usage: npx tsx tools/bootstrap-admin.ts <TableName> <user sub>   (both from the stack outputs and the user pool)');
  process.exit(2);
}
process.env[ENV.tableName] = tableName;
// Imported only now: the table module reads the table name, and creates its client, from the environment.
const { getEntitlement, saveEntitlement } = await import('#functions/commons/table/entitlements.ts');

const existing = await getEntitlement(userId);
if (existing) {
  console.error(
    `${userId} already has an entitlement record (version ${existing.version}, roles ${existing.roles.join(', ') || 'none'}); change it through the API.`,
  );
  process.exit(1);
}
const now = new Date();
const record = bootstrapAdminEntitlement(userId, now);
await saveEntitlement({ ...record, change: 'granted', changedBy: record.grantedBy }, undefined, [entitlementChanged(record, 'granted', now)], now);
console.log(`${userId} is an admin; the group sync adds them to the admins group, and their next token carries it.`);
