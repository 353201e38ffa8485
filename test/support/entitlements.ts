/**
 * Entitlement records for handler unit tests. A signed-in request reads the
 * caller's record (functions/commons/viewer.ts) at most once per cache window;
 * `primeEntitlements` makes that read happen before the test, so the test's
 * own table mocks and call counts are about the handler alone.
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { type Entitlement, provisionedEntitlement } from '#domain/entitlement.ts';
import { toItem } from '#functions/commons/table/entitlements.ts';
import { entitlements, groupsClaim } from '#functions/commons/viewer.ts';
import { inDays } from './clock.ts';

type DdbMock = AwsClientStub<DynamoDBDocumentClient>;

/**
 * A record that grants exactly what these claims' groups carry, from now until
 * a year from now: handlers judge it against the wall clock, so its dates come
 * from that clock too (a fixed date would expire it on some future run).
 */
export function recordFor(claims: Record<string, string>): Entitlement {
  const now = new Date();
  return provisionedEntitlement(claims['sub']!, groupsClaim(claims['cognito:groups']), { now, validUntil: new Date(inDays(365, now)) });
}

/**
 * Empties the entitlement cache, then reads each caller's record through the
 * mock (a record agreeing with their token, or the one given) and resets the mock.
 */
export async function primeEntitlements(
  ddb: DdbMock,
  callers: Array<Record<string, string> | { userId: string; record?: Entitlement }>,
): Promise<void> {
  entitlements.clear();
  for (const caller of callers) {
    const userId = 'userId' in caller ? String(caller.userId) : caller['sub']!;
    const record = 'userId' in caller ? (caller.record as Entitlement | undefined) : recordFor(caller as Record<string, string>);
    ddb.on(GetCommand).resolves({ Item: record ? toItem(record) : undefined });
    await entitlements.get(userId);
  }
  ddb.reset();
}
