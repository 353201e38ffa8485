/**
 * Spec: every key the table modules build falls in the partition IAM grants name
 * (functions/commons/table/keys.ts), so a grant of `MEMBER#*` covers
 * exactly the member's items and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { toItem as toAccessRequestItem } from '#functions/commons/table/access-requests.ts';
import {
  accessRequestKey,
  alertKey,
  briefingKey,
  briefingVersionKey,
  digestIndexKeys,
  emailPreferencesKey,
  emailSentKey,
  entitlementHistoryKey,
  entitlementKey,
  feedEntryKey,
  INDEX_PARTITIONS,
  linkKey,
  mirrorKey,
  outboxKey,
  PARTITIONS,
  type Partition,
  profileKey,
  sourceKey,
  suppressionKey,
  watchCountKey,
  watchKey,
  webhookKey,
} from '#functions/commons/table/keys.ts';
import { pendingKeys } from '#functions/commons/table/outbox.ts';
import { toWatchItem } from '#functions/commons/table/watchlist.ts';

const KEYS: Array<[string, Partition, { pk: string }]> = [
  ['briefing head', 'briefing', briefingKey('b-1')],
  ['briefing version', 'briefing', briefingVersionKey('b-1', 2)],
  ['source', 'briefing', sourceKey('b-1', 's-1')],
  ['entity profile', 'entity', profileKey('e-1')],
  ['entity link', 'entity', linkKey('e-1', 'partner of', 'e-2')],
  ['entity link mirror', 'entity', mirrorKey('e-1', 'partner of', 'e-2')],
  ['entitlement record', 'user', entitlementKey('u-1')],
  ['entitlement history', 'user', entitlementHistoryKey('u-1', 3)],
  ['access request', 'user', accessRequestKey('u-1', '1')],
  ['watch item', 'member', watchKey('u-1', 'e-1')],
  ['watchlist count', 'member', watchCountKey('u-1')],
  ['alert', 'member', alertKey('u-1', { alertedAt: '2026-12-02T10:00:00.000Z', briefingId: 'b-1', briefingVersion: 2 })],
  [
    'feed entry',
    'feed',
    feedEntryKey({ dimension: 'all', value: 'all', month: '2026-12', publishedAt: '2026-12-02T10:00:00.000Z', briefingId: 'b-1' }),
  ],
  ['outbox record', 'outbox', outboxKey('ev-1')],
  ['email preference', 'member', emailPreferencesKey('u-1')],
  ['daily digest claim', 'member', emailSentKey('u-1', { kind: 'daily', day: '2026-12-03' })],
  ['instant email claim', 'member', emailSentKey('u-1', { kind: 'instant', briefingId: 'b-1', briefingVersion: 2 })],
  ['address suppression', 'email', suppressionKey('0123456789abcdef0123456789abcdef')],
  ['webhook', 'webhook', webhookKey('wh_1')],
];

describe('table partitions', () => {
  it.each(KEYS)('a %s is in the %s partition', (_, partition, key) => {
    expect(key.pk.startsWith(PARTITIONS[partition])).toBe(true);
  });

  it('keeps the member partition apart from the entitlement records', () => {
    expect(watchKey('u-1', 'e-1').pk).not.toBe(entitlementKey('u-1').pk);
  });

  it('puts followers and pending markers in the index partitions grants name', () => {
    const watch = toWatchItem('u-1', { entityId: 'e-1', name: 'E', kind: 'company', followedAt: '2026-12-02T10:00:00.000Z' });
    expect(watch.gsi1pk.startsWith(INDEX_PARTITIONS.followers)).toBe(true);
    expect(pendingKeys('ev-1', new Date()).gsi1pk.startsWith(INDEX_PARTITIONS.pending)).toBe(true);
    const request = toAccessRequestItem({
      userId: 'u-1',
      requestId: '1',
      status: 'open',
      tier: 'leadership-alliance',
      reason: 'r',
      requestedAt: '2026-12-02T10:00:00.000Z',
    } as never);
    expect(String(request.gsi1pk).startsWith(INDEX_PARTITIONS.accessRequests)).toBe(true);
    expect(digestIndexKeys('u-1', 7).gsi1pk.startsWith(INDEX_PARTITIONS.digests)).toBe(true);
  });
});
