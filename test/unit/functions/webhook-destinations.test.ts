/**
 * Spec: registering a webhook makes the partner's connection, API destination (its URL, its rate limit) and rule,
 * whose target sends the signed body verbatim with the signature headers, retries only within the replay window
 * and dead-letters; a failure part-way removes what was made; removing skips what is already gone.
 */
import {
  CreateApiDestinationCommand,
  CreateConnectionCommand,
  DeleteApiDestinationCommand,
  DeleteConnectionCommand,
  DeleteRuleCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { REPLAY_WINDOW_SECONDS } from '#domain/webhooks.ts';
import { WEBHOOK_SOURCE, WebhookDeliveryRequested } from '#events/webhook-delivery-requested.ts';
import { ENV, WEBHOOK_ENV } from '#functions/commons/env.ts';
import { deliveryPattern, deliveryTarget, provisionDestination, removeDestination } from '#functions/webhooks/destinations.ts';

const bus = mockClient(EventBridgeClient);
const webhook = { webhookId: 'wh_0123456789abcdef0123456789', name: 'Partner', url: 'https://partner.example/hooks', rateLimitPerSecond: 7 };
const NAME = `sb-test-wh-${webhook.webhookId}`;

beforeEach(() => {
  bus.reset();
  Object.assign(process.env, {
    [ENV.eventBusName]: 'bus-1',
    [WEBHOOK_ENV.namePrefix]: 'sb-test-wh',
    [WEBHOOK_ENV.deadLetterQueueArn]: 'arn:aws:sqs:eu-west-1:111122223333:dlq',
    [WEBHOOK_ENV.invocationRoleArn]: 'arn:aws:iam::111122223333:role/delivery',
  });
  bus.onAnyCommand().resolves({});
  bus.on(CreateConnectionCommand).resolves({ ConnectionArn: 'arn:connection' });
  bus.on(CreateApiDestinationCommand).resolves({ ApiDestinationArn: 'arn:api-destination' });
  bus.on(PutRuleCommand).resolves({ RuleArn: 'arn:rule' });
  bus.on(PutTargetsCommand).resolves({ FailedEntryCount: 0 });
});

describe('provisionDestination', () => {
  it("makes the partner's connection, API destination and rule, the rule's target signed, retried and dead-lettered", async () => {
    // Act
    await provisionDestination(webhook, 'token-1');
    // Assess
    expect(bus.commandCalls(CreateConnectionCommand)[0]!.args[0].input).toMatchObject({
      Name: NAME,
      AuthorizationType: 'API_KEY',
      AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'Signal-Webhook-Token', ApiKeyValue: 'token-1' } },
    });
    expect(bus.commandCalls(CreateApiDestinationCommand)[0]!.args[0].input).toEqual({
      Name: NAME,
      ConnectionArn: 'arn:connection',
      InvocationEndpoint: webhook.url,
      HttpMethod: 'POST',
      InvocationRateLimitPerSecond: 7,
    });
    const rule = bus.commandCalls(PutRuleCommand)[0]!.args[0].input;
    expect({ ...rule, EventPattern: JSON.parse(rule.EventPattern!) }).toMatchObject({
      Name: NAME,
      EventBusName: 'bus-1',
      EventPattern: { source: ['signal-briefings.webhooks'], detail: { webhookId: [webhook.webhookId] } },
    });
    const [target] = bus.commandCalls(PutTargetsCommand)[0]!.args[0].input.Targets!;
    expect(target).toEqual({
      Id: 'partner-endpoint',
      Arn: 'arn:api-destination',
      RoleArn: 'arn:aws:iam::111122223333:role/delivery',
      HttpParameters: {
        HeaderParameters: {
          'signal-signature': '$.detail.signature',
          'signal-timestamp': '$.detail.timestamp',
          'signal-delivery-id': '$.detail.deliveryId',
          'signal-event': '$.detail.type',
        },
      },
      InputTransformer: { InputPathsMap: { body: '$.detail.body' }, InputTemplate: '<body>' },
      RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: expect.any(Number) },
      DeadLetterConfig: { Arn: 'arn:aws:sqs:eu-west-1:111122223333:dlq' },
    });
    // A retry re-sends the same timestamp: retries end before a receiver's window would refuse it.
    expect(target!.RetryPolicy!.MaximumEventAgeInSeconds).toBeLessThan(REPLAY_WINDOW_SECONDS);
  });

  it('removes what it made when a step fails, and fails the registration', async () => {
    // Prepare
    bus.on(PutTargetsCommand).resolves({ FailedEntryCount: 1, FailedEntries: [{ ErrorMessage: 'role cannot be assumed' }] });
    bus.on(RemoveTargetsCommand).rejects(new ResourceNotFoundException({ message: 'no target', $metadata: {} }));
    // Act
    const made = provisionDestination(webhook, 'token-1');
    // Assess
    await expect(made).rejects.toThrow(/role cannot be assumed/);
    expect(bus.commandCalls(DeleteRuleCommand)).toHaveLength(1);
    expect(bus.commandCalls(DeleteApiDestinationCommand)[0]!.args[0].input).toEqual({ Name: NAME });
    expect(bus.commandCalls(DeleteConnectionCommand)[0]!.args[0].input).toEqual({ Name: NAME });
  });
});

describe('the delivery event and the rule agree', () => {
  it("every field the rule's target reads is a field of Webhook Delivery Requested, whose example holds to its contract", () => {
    // Prepare
    const target = deliveryTarget('arn:api-destination');
    const paths = [...Object.values(target.HttpParameters!.HeaderParameters!), ...Object.values(target.InputTransformer!.InputPathsMap!)];
    // Assess
    for (const path of paths) expect(Object.keys(WebhookDeliveryRequested.detail.shape)).toContain(path.replace('$.detail.', ''));
    expect(WebhookDeliveryRequested.detail.safeParse(WebhookDeliveryRequested.example).success).toBe(true);
    expect(deliveryPattern('wh_1')).toEqual({
      source: [WEBHOOK_SOURCE],
      'detail-type': [WebhookDeliveryRequested.detailType],
      detail: { webhookId: ['wh_1'] },
    });
  });
});

describe('removeDestination', () => {
  it('skips what is already gone, and fails on anything else', async () => {
    bus.on(DeleteRuleCommand).rejects(new ResourceNotFoundException({ message: 'gone', $metadata: {} }));
    await expect(removeDestination(webhook.webhookId)).resolves.toBeUndefined();
    expect(bus.commandCalls(DeleteConnectionCommand)).toHaveLength(1);
    bus.on(DeleteConnectionCommand).rejects(new Error('throttled'));
    await expect(removeDestination(webhook.webhookId)).rejects.toThrow('throttled');
  });
});
