/**
 * Spec: the bus carries the manifest's SUBSCRIPTIONS verbatim, no failure is lost
 * silently, and the outbox relay is the only reader of the table stream.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FOLLOWER_SEGMENTS } from '#domain/fan-out.ts';
import { CONTRACTS } from '#events/index.ts';
import { RELAY_STREAM_FILTERS } from '#functions/commons/table/schema.ts';
import { SCHEDULES, STREAM_CONSUMER, SUBSCRIPTIONS } from '#functions/manifest.ts';
import { functionId, idsOfType, refId, type Synthesized, synthesize } from './synth.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ bundle: false });
});

const props = (id: string) => synth.resources[id]!['Properties'];
/**
 * The rules that match events on the custom bus (schedule rules have no pattern; the email capability's rule for SES
 * feedback is on the default bus, where SES puts its events: test/infra/email.test.ts).
 */
const rules = () =>
  idsOfType(synth.resources, 'AWS::Events::Rule')
    .map(props)
    .filter((rule) => rule['EventPattern'] && rule['EventBusName']);
const scheduleRules = () =>
  idsOfType(synth.resources, 'AWS::Events::Rule')
    .map(props)
    .filter((rule) => !rule['EventPattern']);

describe('event subscriptions', () => {
  it.each(SUBSCRIPTIONS.map((sub) => [sub.rule, sub] as const))(
    '%s: the manifest pattern, verbatim, on the custom bus, targeting its function',
    (_rule, sub) => {
      // Prepare
      const [busId] = idsOfType(synth.resources, 'AWS::Events::EventBus');
      // Act
      const target = functionId(synth.resources, sub.fn);
      const matching = rules().filter(
        (rule) =>
          JSON.stringify(rule['EventPattern']) === JSON.stringify(sub.pattern) && rule['Targets'].some((t: any) => refId(t['Arn']) === target),
      );
      // Assess
      expect(matching).toHaveLength(1);
      const rule = matching[0]!;
      expect(rule['EventPattern']).toEqual(sub.pattern);
      expect(refId(rule['EventBusName'])).toBe(busId);
      expect(rule['Targets'].map((t: any) => refId(t['Arn']))).toEqual([functionId(synth.resources, sub.fn)]);
    },
  );

  it('runs the alert fan-out through its own continuations: alert-followers takes Briefing Published and Alert Fan-out Continued, up to one invocation per segment at once', () => {
    // Prepare
    const alertFollowers = functionId(synth.resources, 'alert-followers');
    // Act
    const types = rules()
      .filter((rule) => rule['Targets'].some((t: any) => refId(t['Arn']) === alertFollowers))
      .map((rule) => rule['EventPattern']['detail-type'][0]);
    // Assess
    expect(types.sort()).toEqual(['Alert Fan-out Continued', 'Briefing Published']);
    expect(props(alertFollowers)['ReservedConcurrentExecutions']).toBe(FOLLOWER_SEGMENTS);
  });

  it('subscribes only to published contracts, at their current schema version', () => {
    for (const rule of rules()) {
      // Act
      const [detailType] = rule['EventPattern']['detail-type'] as string[];
      const contract = CONTRACTS.find((c) => c.detailType === detailType);
      // Assess
      expect(contract, `a contract for "${detailType}"`).toBeDefined();
      expect(rule['EventPattern']['detail']['schemaVersion']).toEqual([contract!.schemaVersion]);
    }
  });

  it('has no rule the manifest does not declare', () => {
    // Prepare
    const expected = SUBSCRIPTIONS.map((sub) => `${functionId(synth.resources, sub.fn)} <- ${JSON.stringify(sub.pattern)}`);
    // Act
    const deployed = rules().flatMap((rule) => rule['Targets'].map((t: any) => `${refId(t['Arn'])} <- ${JSON.stringify(rule['EventPattern'])}`));
    // Assess
    expect(deployed.sort()).toEqual(expected.sort());
  });

  it('gives every rule target a dead-letter queue and a bounded retry policy', () => {
    for (const target of rules().flatMap((rule) => rule['Targets'])) {
      // Act
      const dlqId = refId(target['DeadLetterConfig']?.['Arn']);
      // Assess
      expect(synth.resources[dlqId]?.['Type']).toBe('AWS::SQS::Queue');
      expect(target['RetryPolicy']).toEqual({ MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7200 });
    }
  });

  it('runs each schedule of the manifest, and nothing else, on the default bus, with a dead-letter queue and bounded retries', () => {
    // Act
    const deployed = scheduleRules();
    // Assess
    expect(deployed.map((rule) => [rule['ScheduleExpression'], rule['Targets'].map((t: any) => refId(t['Arn']))])).toEqual(
      SCHEDULES.map((s) => [`rate(${s.everyMinutes} minutes)`, [functionId(synth.resources, s.fn)]]),
    );
    for (const [i, rule] of deployed.entries()) {
      expect(rule['EventBusName']).toBeUndefined();
      const [target] = rule['Targets'];
      expect(synth.resources[refId(target['DeadLetterConfig']?.['Arn'])]?.['Type']).toBe('AWS::SQS::Queue');
      expect(target['RetryPolicy']).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: SCHEDULES[i]!.everyMinutes * 60 });
    }
  });

  it("raises an alarm as soon as the reconciler re-drives anything (its metric, in the functions' namespace and service)", () => {
    // Act
    const alarms = idsOfType(synth.resources, 'AWS::CloudWatch::Alarm')
      .map(props)
      .filter((a) => a['MetricName'] === 'ChangesRedriven');
    // Assess
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({
      Namespace: 'SignalBriefings',
      Dimensions: [{ Name: 'service', Value: 'signal-briefings' }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarms[0]!['AlarmActions']).toHaveLength(1);
  });

  it.each([...SUBSCRIPTIONS, ...SCHEDULES].map((sub) => [sub.fn]))('keeps events %s fails on after its retries in a queue', (fn) => {
    // Prepare
    const fnId = functionId(synth.resources, fn);
    // Act
    const configs = idsOfType(synth.resources, 'AWS::Lambda::EventInvokeConfig')
      .map(props)
      .filter((config) => refId(config['FunctionName']) === fnId);
    // Assess
    expect(configs).toHaveLength(1);
    const destination = refId(configs[0]!['DestinationConfig']['OnFailure']['Destination']);
    expect(synth.resources[destination]?.['Type']).toBe('AWS::SQS::Queue');
  });

  it('encrypts every failure queue and refuses plain-HTTP access to it', () => {
    // Prepare
    const secureTransportDenied = (queueId: string) =>
      idsOfType(synth.resources, 'AWS::SQS::QueuePolicy')
        .map(props)
        .filter((policy) => policy['Queues'].some((q: unknown) => refId(q) === queueId))
        .flatMap((policy) => policy['PolicyDocument']['Statement'])
        .some((s: any) => s['Effect'] === 'Deny' && s['Condition']?.['Bool']?.['aws:SecureTransport'] === 'false');
    for (const queueId of idsOfType(synth.resources, 'AWS::SQS::Queue')) {
      // Act
      const queue = props(queueId);
      // Assess
      expect(queue['SqsManagedSseEnabled'] === true || queue['KmsMasterKeyId'] !== undefined, `${queueId} encrypted`).toBe(true);
      expect(secureTransportDenied(queueId), `${queueId} denies insecure transport`).toBe(true);
    }
  });
});

/** The event source mappings that invoke the relay. */
const relayMappings = () =>
  idsOfType(synth.resources, 'AWS::Lambda::EventSourceMapping')
    .map(props)
    .filter((m) => refId(m['FunctionName']) === functionId(synth.resources, STREAM_CONSUMER));

describe('outbox relay', () => {
  it('feeds only inserted outbox items and announcing briefing heads from the table stream to the relay', () => {
    // Prepare
    const [tableId] = idsOfType(synth.resources, 'AWS::DynamoDB::GlobalTable');
    // Act: the mappings of the table's stream (the email capability's consumer of new alerts has its own: test/infra/email.test.ts)
    const mappings = relayMappings();
    // Assess
    expect(mappings.map((m) => refId(m['FunctionName']))).toEqual([functionId(synth.resources, STREAM_CONSUMER)]);
    const mapping = mappings[0]!;
    expect(mapping['EventSourceArn']).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
    expect(mapping['FilterCriteria']['Filters'].map((f: any) => JSON.parse(f['Pattern']))).toEqual(RELAY_STREAM_FILTERS);
  });

  it('isolates poison records and keeps failed batches in a queue', () => {
    // Act
    const [mapping] = relayMappings();
    // Assess
    expect(mapping).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
    });
    const destination = refId(mapping!['DestinationConfig']['OnFailure']['Destination']);
    expect(synth.resources[destination]?.['Type']).toBe('AWS::SQS::Queue');
  });
});
