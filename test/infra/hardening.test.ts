/**
 * Spec: hardened infra. cdk-nag's AwsSolutions and Serverless packs find nothing
 * that is not acknowledged; every acknowledgement sits on the resource it
 * concerns (never the stack or the app), gives a specific reason and is one of
 * the reviewed rules; the packs run inside synthesis as `cdk synth` runs them.
 * And failures surface: every failure queue is watched by an alarm and ends in
 * one parked queue; every function's errors, the bus consumers' backlog, the
 * relay's iterator age and the API's 5xx raise alarms on one encrypted topic;
 * the bus archives every event for replay; the consumers that write on their
 * own schedule run with reserved concurrency.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_SOURCE } from '#events/index.ts';
import { WEBHOOK_ENV } from '#functions/commons/env.ts';
import { FUNCTIONS, type FunctionName, STREAM_CONSUMER, SUBSCRIPTIONS } from '#functions/manifest.ts';
import { addComplianceChecks, compliancePacks } from '#infra/compliance.ts';
import { MAX_RECEIVES_BEFORE_PARKING } from '#infra/constructs/failure-queues.ts';
import { RESERVED_CONCURRENCY } from '#infra/constructs/functions.ts';
import { prefixGrantFindings, webhookNamePrefix } from '#infra/constructs/webhooks.ts';
import { functionId, idsOfType, refId, type Synthesized, synthesize } from './synth.ts';

type Json = Record<string, any>;
const STAGES = ['dev', 'prod'] as const;
let synths: Record<(typeof STAGES)[number], Synthesized>;
let synth: Synthesized;
let withoutReservations: Synthesized;
beforeAll(() => {
  // `checks: true`: synthesis itself throws on an unacknowledged finding, as `cdk synth` exits 1.
  synths = { dev: synthesize({ stage: 'dev', bundle: false, checks: true }), prod: synthesize({ stage: 'prod', bundle: false, checks: true }) };
  synth = synths.dev;
  withoutReservations = synthesize({ bundle: false, reserveConcurrency: false });
});
afterEach(() => vi.restoreAllMocks());

/**
 * The rules acknowledged somewhere in the stack, each reviewed (reasons in the
 * constructs and in docs/reliability.md). A new acknowledgement fails here
 * until it is added to this list: a deliberate, reviewed decision.
 */
const REVIEWED = [
  'AwsSolutions-APIG4', // public read routes and the 404/405 fallback have no authorizer by design
  'AwsSolutions-COG2', // MFA optional, not mandatory, for self-registered readers
  'AwsSolutions-COG8', // Essentials feature plan
  'AwsSolutions-IAM5[Resource::*]', // X-Ray only; permissions.test.ts proves it
  'AwsSolutions-L1', // nodejs22.x pinned
  'Serverless-LambdaLatestVersion', // nodejs22.x pinned
  'Serverless-LambdaDLQ', // sync (API, stream, Cognito) or on-failure destination instead
  'Serverless-SQSRedrivePolicy', // only the last queue (Parked)
  'AwsSolutions-CFR1', // the edge cache serves readers anywhere
  'AwsSolutions-CFR2', // no WAF yet: API throttling, tokens on everything non-public
  'AwsSolutions-CFR3', // origin requests are in the API access log; CloudFront logging needs us-east-1
  'AwsSolutions-CFR4', // default cloudfront.net certificate until a custom domain
  'AwsSolutions-SMG4', // cursor signing key, unsubscribe link key: deploy-time references, rotated by a new value and a deploy (docs/feeds.md, docs/email.md)
  'Serverless-LambdaEventSourceMappingDestination', // SQS mappings take no on-failure destination: the queue's redrive policy is theirs (docs/email.md)
  // Webhooks: partners' connections, API destinations, rules and connection secrets, made at run time, named <stack>-wh-<webhookId>
  ...STAGES.flatMap((stage) => Object.values(prefixGrantFindings(webhookNamePrefix(`SignalBriefings-${stage}`)))),
];

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
  onStackOrApp: boolean;
}

function acknowledgements(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([qualified, reason]) => ({
        path: construct.node.path,
        id: qualified.replace(/^annotation::/i, ''),
        reason,
        onStackOrApp: Stack.isStack(construct) || construct === root,
      })),
  );
}

describe('cdk-nag', () => {
  it.each(STAGES)('finds nothing unacknowledged in the %s stage', (stage) => {
    // Act
    const findings = compliancePacks().flatMap((pack) =>
      pack
        .validateScope(synths[stage].app)
        .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} on ${r.constructPath}: ${v.description}`)),
    );
    // Assess
    expect(findings).toEqual([]);
  });

  it('runs inside synthesis: an unacknowledged finding fails it, as it fails `cdk synth`', () => {
    // Prepare: the app's checks on a probe stack with a queue that has no redrive policy and allows plain HTTP
    const app = new App();
    addComplianceChecks(app);
    new Queue(new Stack(app, 'Probe'), 'Unwatched');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    // Act
    const synth = () => app.synth();
    // Assess
    expect(synth).toThrow(/Serverless-SQSRedrivePolicy/);
  });

  it('acknowledges on resources only, never on the whole stack or app, with a specific reason', () => {
    for (const stage of STAGES) {
      // Act
      const acks = acknowledgements(synths[stage].app);
      // Assess
      expect(acks.length).toBeGreaterThan(0);
      for (const ack of acks) {
        expect(ack.onStackOrApp, `${ack.id} at ${ack.path}`).toBe(false);
        expect(ack.reason.length, `reason of ${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(80);
      }
    }
  });

  it('acknowledges only the reviewed rules', () => {
    // Act
    const ids = new Set(STAGES.flatMap((stage) => acknowledgements(synths[stage].app).map((ack) => ack.id)));
    // Assess
    expect([...ids].sort()).toEqual([...REVIEWED].sort());
  });
});

const props = (id: string) => synth.resources[id]!['Properties'] as Json;
const alarms = () => idsOfType(synth.resources, 'AWS::CloudWatch::Alarm').map(props);
const topicId = () => {
  const [id, ...others] = idsOfType(synth.resources, 'AWS::SNS::Topic');
  expect(others).toEqual([]);
  return id!;
};
/** Alarms on one metric of one resource (the dimension value is a Ref or GetAtt of it). */
const alarmsOn = (metric: string, resourceId: string) =>
  alarms().filter((a) => a['MetricName'] === metric && (a['Dimensions'] as Json[]).some((d) => refId(d['Value']) === resourceId));
const notifiesTopic = (alarm: Json) => alarm['AlarmActions']?.map(refId).includes(topicId()) && alarm['OKActions']?.map(refId).includes(topicId());

/** Queues that hold work, not failures: the sources of SQS event source mappings (the email queues, docs/email.md). */
const workQueueIds = () =>
  idsOfType(synth.resources, 'AWS::Lambda::EventSourceMapping')
    .map((id) => refId(props(id)['EventSourceArn']))
    .filter((id) => synth.resources[id]?.['Type'] === 'AWS::SQS::Queue');

describe('work queues', () => {
  it('move a message that failed too often to a failure queue, and alarm when one waits over an hour', () => {
    expect(workQueueIds().length).toBeGreaterThan(0);
    for (const queueId of workQueueIds()) {
      const redrive = props(queueId)['RedrivePolicy'];
      expect(synth.resources[refId(redrive['deadLetterTargetArn'])]?.['Type'], queueId).toBe('AWS::SQS::Queue');
      const [age, ...others] = alarmsOn('ApproximateAgeOfOldestMessage', queueId);
      expect(others).toEqual([]);
      expect(age).toMatchObject({ Namespace: 'AWS/SQS', Threshold: 3600, ComparisonOperator: 'GreaterThanThreshold' });
      expect(notifiesTopic(age!)).toBe(true);
    }
  });
});

describe('failure queues', () => {
  const queueIds = () => idsOfType(synth.resources, 'AWS::SQS::Queue').filter((id) => !workQueueIds().includes(id));
  const parkedId = () => {
    const parked = queueIds().filter((id) => props(id)['RedrivePolicy'] === undefined);
    expect(parked, 'exactly one queue without a redrive policy: the parked queue').toHaveLength(1);
    return parked[0]!;
  };

  it('every queue alarms as soon as it holds a message, and tells the alarm topic', () => {
    for (const queueId of queueIds()) {
      // Act
      const watching = alarmsOn('ApproximateNumberOfMessagesVisible', queueId);
      // Assess
      expect(watching, queueId).toHaveLength(1);
      expect(watching[0]).toMatchObject({
        Namespace: 'AWS/SQS',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      });
      expect(notifiesTopic(watching[0]!), `${queueId} alarm notifies the topic`).toBe(true);
    }
  });

  it('every failure queue parks a message received too often, in one parked queue', () => {
    // Prepare
    const parked = parkedId();
    for (const queueId of queueIds().filter((id) => id !== parked)) {
      // Act
      const redrive = props(queueId)['RedrivePolicy'];
      // Assess
      expect(refId(redrive['deadLetterTargetArn']), queueId).toBe(parked);
      expect(redrive['maxReceiveCount']).toBe(MAX_RECEIVES_BEFORE_PARKING);
    }
  });

  it('covers every dead end: rule targets, async consumers, the stream mappings and the work queues all fail into a queue', () => {
    // Act
    const deadEnds = [
      ...idsOfType(synth.resources, 'AWS::Events::Rule').flatMap((id) => props(id)['Targets'].map((t: Json) => refId(t['DeadLetterConfig']['Arn']))),
      ...idsOfType(synth.resources, 'AWS::Lambda::EventInvokeConfig').map((id) => refId(props(id)['DestinationConfig']['OnFailure']['Destination'])),
      ...idsOfType(synth.resources, 'AWS::Lambda::EventSourceMapping')
        .filter((id) => !workQueueIds().includes(refId(props(id)['EventSourceArn'])))
        .map((id) => refId(props(id)['DestinationConfig']['OnFailure']['Destination'])),
      // A work queue's redrive target holds the messages its consumer failed on.
      ...workQueueIds().map((id) => refId(props(id)['RedrivePolicy']['deadLetterTargetArn'])),
      // Partners' webhook rules are made at run time (functions/webhooks/destinations.ts) with this queue as their dead-letter target.
      refId(props(functionId(synth.resources, 'register-webhook'))['Environment']['Variables'][WEBHOOK_ENV.deadLetterQueueArn]),
    ];
    // Assess: each is a queue, and every queue but the parked one is such a dead end
    expect(new Set(deadEnds)).toEqual(new Set(queueIds().filter((id) => id !== parkedId())));
  });
});

describe('alarms', () => {
  it.each(Object.keys(FUNCTIONS).map((name) => [name as FunctionName]))('%s: any error raises an alarm', (name) => {
    // Act
    const watching = alarmsOn('Errors', functionId(synth.resources, name));
    // Assess
    expect(watching).toHaveLength(1);
    expect(watching[0]).toMatchObject({
      Namespace: 'AWS/Lambda',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(notifiesTopic(watching[0]!)).toBe(true);
  });

  it.each([...new Set(SUBSCRIPTIONS.map((s) => s.fn))].map((fn) => [fn]))('%s: events waiting more than 5 minutes raise an alarm', (name) => {
    const [backlog] = alarmsOn('AsyncEventAge', functionId(synth.resources, name));
    expect(backlog).toMatchObject({ Namespace: 'AWS/Lambda', Statistic: 'Maximum', Threshold: 300_000, ComparisonOperator: 'GreaterThanThreshold' });
    expect(notifiesTopic(backlog!)).toBe(true);
  });

  it('the relay falling behind the table stream by more than a minute raises an alarm', () => {
    const [age] = alarmsOn('IteratorAge', functionId(synth.resources, STREAM_CONSUMER));
    expect(age).toMatchObject({ Namespace: 'AWS/Lambda', Statistic: 'Maximum', Threshold: 60_000, EvaluationPeriods: 5 });
    expect(notifiesTopic(age!)).toBe(true);
  });

  it('any 5xx from the API raises an alarm', () => {
    const [apiId] = idsOfType(synth.resources, 'AWS::ApiGatewayV2::Api');
    const [errors] = alarmsOn('5xx', apiId!);
    expect(errors).toMatchObject({ Namespace: 'AWS/ApiGateway', Statistic: 'Sum', Threshold: 1 });
    expect(notifiesTopic(errors!)).toBe(true);
  });

  it('notify one topic, encrypted with a rotating key that CloudWatch may use, published as an output', () => {
    // Prepare
    const topic = props(topicId());
    const key = synth.resources[refId(topic['KmsMasterKeyId'])]!;
    const outputs = synth.template.toJSON()['Outputs'] as Json;
    // Assess
    expect(key).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } });
    expect(key['Properties']['KeyPolicy']['Statement']).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      }),
    );
    expect(refId(outputs['AlarmTopicArn']['Value'])).toBe(topicId());
  });
});

describe('event archive', () => {
  it('archives every event this system emits for 30 days, and publishes what a replay needs', () => {
    // Prepare
    const [busId] = idsOfType(synth.resources, 'AWS::Events::EventBus');
    const [archiveId, ...others] = idsOfType(synth.resources, 'AWS::Events::Archive');
    const outputs = synth.template.toJSON()['Outputs'] as Json;
    // Assess
    expect(others).toEqual([]);
    expect(props(archiveId!)).toMatchObject({ EventPattern: { source: [EVENT_SOURCE] }, RetentionDays: 30 });
    expect(refId(props(archiveId!)['SourceArn'])).toBe(busId);
    expect(refId(outputs['EventArchiveArn']['Value'])).toBe(archiveId);
    expect(refId(outputs['EventBusArn']['Value'])).toBe(busId);
  });
});

describe('reserved concurrency', () => {
  const reserved = (s: Synthesized, name: FunctionName) => s.resources[functionId(s.resources, name)]!['Properties']['ReservedConcurrentExecutions'];

  it('caps the consumers that write the table on their own schedule, and nothing else', () => {
    for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
      expect(reserved(synth, name), name).toBe(RESERVED_CONCURRENCY[name]);
    }
    expect(Object.keys(RESERVED_CONCURRENCY).length).toBeGreaterThan(0);
  });

  it('can be switched off for an account whose concurrency quota is too small to reserve any', () => {
    for (const name of Object.keys(FUNCTIONS) as FunctionName[]) expect(reserved(withoutReservations, name), name).toBeUndefined();
  });
});
