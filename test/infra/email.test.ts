/**
 * Spec: the email capability's nested stack (infra/constructs/email.ts, docs/email.md): its own nested stack (the
 * main stack gains the nested stack, not its resources), the SES configuration set whose event destination puts
 * bounces and complaints on the default bus, the rule that hands them to record-email-feedback, the daily
 * schedule sending the plan queue its start message, the queues and their dead-letter queues and mappings, the
 * table stream's new alerts, and the sender's SES grant.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_HOUR_UTC } from '#domain/email.ts';
import { NEW_ALERT_STREAM_FILTER } from '#functions/commons/table/schema.ts';
import { EMAIL, FUNCTIONS, type FunctionName, nestedStackOf } from '#functions/manifest.ts';
import { EmailDigests } from '#infra/constructs/email.ts';
import { MAX_RECEIVE_COUNT, PLAN_MAX_CONCURRENCY, SEND_BATCH_SIZE, SEND_MAX_CONCURRENCY } from '#infra/email-settings.ts';
import { functionId, idsOfType, refId, type Synthesized, synthesize } from './synth.ts';

type Json = Record<string, any>;

let synth: Synthesized;
let nested: Json;
let parent: Json;
beforeAll(() => {
  synth = synthesize({ bundle: false });
  const stack = synth.stack.node.findAll().find((c) => c instanceof EmailDigests) as EmailDigests;
  nested = Template.fromStack(stack).toJSON()['Resources'];
  parent = synth.template.toJSON()['Resources'];
});
const props = (id: string) => synth.resources[id]!['Properties'] as Json;
const ofType = (type: string) => idsOfType(synth.resources, type).map((id) => [id, props(id)] as const);
const EMAIL_FUNCTIONS = (Object.keys(FUNCTIONS) as FunctionName[]).filter((name) => nestedStackOf(name) === 'email');

describe('the email nested stack', () => {
  it('holds every email function of the manifest; the main stack holds none of them, only the nested stack', () => {
    expect(EMAIL_FUNCTIONS.length).toBe(7);
    for (const name of EMAIL_FUNCTIONS) {
      const id = functionId(synth.resources, name);
      expect(nested[id], name).toBeDefined();
      expect(parent[id], name).toBeUndefined();
    }
    // Two nested stacks: this one and the webhooks' (infra/constructs/webhooks.ts).
    expect(idsOfType(parent, 'AWS::CloudFormation::Stack')).toHaveLength(2);
  });

  it('has a configuration set whose event destination sends bounces and complaints to the default bus', () => {
    const [[setId]] = ofType('AWS::SES::ConfigurationSet') as [[string, Json]];
    const [found, ...others] = ofType('AWS::SES::ConfigurationSetEventDestination');
    expect(others).toEqual([]);
    const destination = found![1];
    expect(refId(destination['ConfigurationSetName'])).toBe(setId);
    expect(destination['EventDestination']).toMatchObject({ Enabled: true, MatchingEventTypes: ['bounce', 'complaint'] });
    expect(JSON.stringify(destination['EventDestination']['EventBridgeDestination'])).toContain(':event-bus/default');
    expect(props(setId)['SuppressionOptions']).toEqual({ SuppressedReasons: ['BOUNCE', 'COMPLAINT'] });
  });

  it('hands SES feedback on the default bus to record-email-feedback, with a dead-letter queue and bounded retries', () => {
    const feedback = ofType('AWS::Events::Rule').filter(([, r]) => r['EventPattern']?.['source']?.includes('aws.ses'));
    expect(feedback).toHaveLength(1);
    const [, rule] = feedback[0]!;
    expect(rule['EventBusName']).toBeUndefined();
    expect(rule['EventPattern']).toEqual({ source: ['aws.ses'], 'detail-type': [...EMAIL.feedbackPattern['detail-type']] });
    const [target] = rule['Targets'];
    expect(refId(target['Arn'])).toBe(functionId(synth.resources, EMAIL.feedbackConsumer));
    expect(synth.resources[refId(target['DeadLetterConfig']['Arn'])]?.['Type']).toBe('AWS::SQS::Queue');
    expect(target['RetryPolicy']).toEqual({ MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7200 });
  });

  it('starts the daily run with EventBridge Scheduler: the plan queue gets the start message with the scheduled time', () => {
    const [found, ...others] = ofType('AWS::Scheduler::Schedule');
    expect(others).toEqual([]);
    const schedule = found![1];
    expect(schedule['ScheduleExpression']).toBe(`cron(0 ${DIGEST_HOUR_UTC} * * ? *)`);
    expect(schedule['FlexibleTimeWindow']).toEqual({ Mode: 'OFF' });
    const planQueue = queueConsumedBy(EMAIL.planQueueConsumer);
    expect(refId(schedule['Target']['Arn'])).toBe(planQueue);
    expect(JSON.parse(schedule['Target']['Input'])).toEqual({ kind: 'start', scheduledTime: '<aws.scheduler.scheduled-time>' });
    expect(schedule['Target']['RetryPolicy']).toMatchObject({ MaximumRetryAttempts: 10 });
  });

  it.each([
    [EMAIL.planQueueConsumer, 1, PLAN_MAX_CONCURRENCY],
    [EMAIL.sendQueueConsumer, SEND_BATCH_SIZE, SEND_MAX_CONCURRENCY],
  ] as const)('feeds %s from its queue: batches of %i, at most %i at once, failures reported per message', (fn, batch, concurrency) => {
    const [mapping] = mappingsOf(fn);
    expect(mapping).toMatchObject({
      BatchSize: batch,
      ScalingConfig: { MaximumConcurrency: concurrency },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const queue = props(queueConsumedBy(fn));
    // Six times the consumer's 30 s timeout, as AWS advises; a message failing MAX_RECEIVE_COUNT times is dead-lettered.
    expect(queue['VisibilityTimeout']).toBe(180);
    expect(queue['RedrivePolicy']['maxReceiveCount']).toBe(MAX_RECEIVE_COUNT);
  });

  it('feeds queue-instant-emails the new alerts of the table stream only, isolating poison records', () => {
    const [mapping, ...others] = mappingsOf(EMAIL.newAlertStreamConsumer);
    expect(others).toEqual([]);
    expect(JSON.stringify(mapping!['EventSourceArn'])).toContain('StreamArn');
    expect(mapping!['FilterCriteria']['Filters'].map((f: Json) => JSON.parse(f['Pattern']))).toEqual([NEW_ALERT_STREAM_FILTER]);
    expect(mapping).toMatchObject({ FunctionResponseTypes: ['ReportBatchItemFailures'], BisectBatchOnFunctionError: true, MaximumRetryAttempts: 5 });
    expect(synth.resources[refId(mapping!['DestinationConfig']['OnFailure']['Destination'])]?.['Type']).toBe('AWS::SQS::Queue');
  });

  it('lets only the sender send email, and only from the stage identity with the configuration set', () => {
    const sending = EMAIL_FUNCTIONS.filter((name) => statementsOf(name).some((s) => [s['Action']].flat().some((a: string) => a.startsWith('ses:'))));
    expect(sending).toEqual([EMAIL.sendQueueConsumer]);
    const [statement, ...others] = statementsOf(EMAIL.sendQueueConsumer).filter((s) =>
      [s['Action']].flat().some((a: string) => a.startsWith('ses:')),
    );
    expect(others).toEqual([]);
    expect(statement!['Action']).toBe('ses:SendEmail');
    const resources = JSON.stringify(statement!['Resource']);
    expect(resources).toContain(':identity/signalbriefings.example');
    expect(resources).toContain(':configuration-set/');
  });

  it('gives the unsubscribe key, as a deploy-time reference, to exactly the functions that sign or verify links', () => {
    const holders = EMAIL_FUNCTIONS.filter(
      (name) => 'EMAIL_TOKEN_KEY' in (props(functionId(synth.resources, name))['Environment']?.['Variables'] ?? {}),
    );
    expect(holders.sort()).toEqual(['send-emails', 'unsubscribe']);
    for (const name of holders) {
      expect(JSON.stringify(props(functionId(synth.resources, name))['Environment']['Variables']['EMAIL_TOKEN_KEY'])).toContain(
        'resolve:secretsmanager',
      );
    }
  });
});

function mappingsOf(fn: FunctionName): Json[] {
  const id = functionId(synth.resources, fn);
  return ofType('AWS::Lambda::EventSourceMapping')
    .filter(([, m]) => refId(m['FunctionName']) === id)
    .map(([, m]) => m);
}

function queueConsumedBy(fn: FunctionName): string {
  const [mapping] = mappingsOf(fn);
  return refId(mapping!['EventSourceArn']);
}

function statementsOf(fn: FunctionName): Json[] {
  const roleId = refId(props(functionId(synth.resources, fn))['Role']);
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p['Roles'] as Json[]).some((r) => refId(r) === roleId))
    .flatMap(([, p]) => p['PolicyDocument']['Statement'] as Json[]);
}
