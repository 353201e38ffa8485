/**
 * Spec: on a publication, prepare-webhook-deliveries puts one signed delivery per partner whose filter
 * matches, shaped for that partner's tier, on the bus under its own source; a briefing no longer published
 * is delivered to nobody; a failed put fails the invocation (Lambda retries it); and it never confirms
 * Briefing Published's consequence (alert-followers does).
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DeleteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { publish, rescore, retract } from '#domain/briefing.ts';
import { verifyDelivery, type Webhook } from '#domain/webhooks.ts';
import { briefingPublished } from '#events/announcements.ts';
import { WEBHOOKS_PK } from '#functions/commons/table/keys.ts';
import { toItem as webhookItem } from '#functions/commons/table/webhooks.ts';
import { bySize, handler, MAX_BATCH_BYTES } from '#functions/webhooks/prepare-webhook-deliveries.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { busEvent, context } from '#test/support/lambda.ts';
import { partitionItems } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const bus = mockClient(EventBridgeClient);

const published = publish(rescore(draft(), [source('direct', 1)], NOW).briefing, { by: 'editor-1', now: NOW });
const partner = (webhookId: string, tier: Webhook['tier'], filter: Webhook['filter'] = {}): Webhook => ({
  webhookId,
  name: webhookId,
  url: `https://${webhookId}.example/`,
  tier,
  filter,
  rateLimitPerSecond: 10,
  createdAt: NOW.toISOString(),
  createdBy: 'admin-1',
  secretRotatedAt: NOW.toISOString(),
  signingSecret: `whsec_${webhookId}`,
});
const WEBHOOKS = [partner('wh_strategy', 'strategy-circle'), partner('wh_elsewhere', 'leadership-alliance', { entityIds: ['nobody'] })];

/** The table: the webhooks' partition and the briefing's, each answering the Query the handler sends. */
function store(briefing: typeof published) {
  const items = [...WEBHOOKS.map(webhookItem), ...partitionItems(briefing)];
  ddb.on(QueryCommand).callsFake((input: { KeyConditionExpression?: string; ExpressionAttributeValues?: Record<string, string> }) => {
    const v = input.ExpressionAttributeValues ?? {};
    const inRange = (sk: string) =>
      /begins_with\(sk, :p(refix)?\)/.test(input.KeyConditionExpression ?? '')
        ? sk.startsWith(v[':p'] ?? v[':prefix']!)
        : sk >= v[':lo']! && sk <= v[':hi']!;
    return { Items: items.filter((i) => i['pk'] === v[':pk'] && inRange(String(i['sk']))) };
  });
}

const event = () => busEvent('Briefing Published', briefingPublished(published, NOW).detail);

beforeEach(() => {
  ddb.reset();
  bus.reset();
  Object.assign(process.env, { TABLE_NAME: 'table-1', EVENT_BUS_NAME: 'bus-1' });
  bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
});

describe('prepare-webhook-deliveries', () => {
  it("puts one signed delivery per matching partner, shaped for the partner's tier, under its own source", async () => {
    // Prepare
    store(published);
    // Act
    await handler(event(), context);
    // Assess
    const entries = bus.commandCalls(PutEventsCommand).flatMap((c) => c.args[0].input.Entries ?? []);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ Source: 'signal-briefings.webhooks', DetailType: 'Webhook Delivery Requested', EventBusName: 'bus-1' });
    const detail = JSON.parse(entry!.Detail!);
    expect(detail).toMatchObject({ webhookId: 'wh_strategy', type: 'briefing.published', eventId: detail.deliveryId });
    const check = verifyDelivery({
      secrets: ['whsec_wh_strategy'],
      body: detail.body,
      timestamp: detail.timestamp,
      signature: detail.signature,
      now: new Date(),
    });
    expect(check.ok).toBe(true);
    expect(detail.body).toContain('CANARY-STRATEGY');
    expect(detail.body).not.toMatch(/CANARY-LEADERSHIP|CANARY-FAILURE/);
    expect(ddb.commandCalls(QueryCommand).some((c) => c.args[0].input.ExpressionAttributeValues?.[':pk'] === WEBHOOKS_PK)).toBe(true);
    // Briefing Published is confirmed by alert-followers: this consumer deletes no outbox record.
    expect(ddb.commandCalls(DeleteCommand)).toEqual([]);
  });

  it('delivers nothing of a briefing no longer published', async () => {
    store(retract(published, { by: 'editor-1', now: NOW, reason: 'withdrawn' }));
    await handler(event(), context);
    expect(bus.commandCalls(PutEventsCommand)).toEqual([]);
  });

  it("puts deliveries a few at a time, below PutEvents' 256 KB a request", () => {
    const event = (kb: number) => ({ detail: { body: 'x'.repeat(kb * 1024) } });
    const sizes = bySize([event(90), event(90), event(90), event(300), event(10)], 200 * 1024).map((b) => b.length);
    expect(sizes).toEqual([2, 1, 1, 1]);
    expect(MAX_BATCH_BYTES).toBeLessThan(256 * 1024);
  });

  it('fails the invocation when a delivery cannot be put, so Lambda retries it', async () => {
    store(published);
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }] });
    await expect(handler(event(), context)).rejects.toThrow(/could not be put/);
  });
});
