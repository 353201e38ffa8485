/**
 * Spec: alarms reach someone (the stage's subscription), cover slow public reads, Lambda
 * throttles and DynamoDB throttles, and what operators need after an incident outlives it:
 * logs kept longer in prod, failure queues retained with a prod stack.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#functions/manifest.ts';
import { RESERVED_CONCURRENCY } from '#infra/constructs/functions.ts';
import { STAGE_CONFIG } from '#infra/stage-config.ts';
import { functionId, idsOfType, refId, type Synthesized, synthesize } from './synth.ts';

type Json = Record<string, any>;

let dev: Synthesized;
let prod: Synthesized;
let webhook: Synthesized;
const WEBHOOK = 'https://chat.example/hooks/alarms';
beforeAll(() => {
  dev = synthesize({ stage: 'dev', bundle: false });
  prod = synthesize({ stage: 'prod', bundle: false });
  webhook = synthesize({ stage: 'dev', bundle: false, settings: { alarmSubscription: { webhookUrl: WEBHOOK } } });
});

const alarmTopicOf = (synth: Synthesized) => {
  const topics = idsOfType(synth.resources, 'AWS::SNS::Topic');
  expect(topics).toHaveLength(1);
  return topics[0]!;
};
const subscriptionsOf = (synth: Synthesized) =>
  idsOfType(synth.resources, 'AWS::SNS::Subscription').map((id) => synth.resources[id]!['Properties'] as Json);
const alarms = (synth: Synthesized) => idsOfType(synth.resources, 'AWS::CloudWatch::Alarm').map((id) => synth.resources[id]!['Properties'] as Json);

/** Alarms on one metric of one function, that notify the alarm topic. */
function functionAlarms(synth: Synthesized, metricName: string, fnId: string): Json[] {
  const topic = alarmTopicOf(synth);
  return alarms(synth).filter(
    (a) =>
      a['MetricName'] === metricName &&
      a['Namespace'] === 'AWS/Lambda' &&
      refId(a['Dimensions']?.[0]?.['Value']) === fnId &&
      (a['AlarmActions'] as unknown[]).some((action) => refId(action) === topic),
  );
}

/** The metrics an alarm's math expression reads. */
const metricsOf = (alarm: Json): Json[] => (alarm['Metrics'] as Json[]).filter((m) => m['MetricStat']).map((m) => m['MetricStat']['Metric']);

/**
 * Alarms on the sum of one metric over several series, written `SUM([m0,m1,…])`: unlike `m0 + m1`,
 * it has a value when only some of them have data (an idle function or operation publishes none).
 */
function summedAlarms(synth: Synthesized, namespace: string, metricName: string): Json[] {
  const found = alarms(synth).filter((a) =>
    (a['Metrics'] as Json[] | undefined)?.some((m) => m['MetricStat']?.['Metric']?.['MetricName'] === metricName),
  );
  for (const alarm of found) {
    const metrics = metricsOf(alarm);
    expect(metrics.every((m) => m['Namespace'] === namespace && m['MetricName'] === metricName)).toBe(true);
    const ids = (alarm['Metrics'] as Json[]).filter((m) => m['MetricStat']).map((m) => m['Id']);
    const [expression, ...more] = (alarm['Metrics'] as Json[]).filter((m) => m['Expression']);
    expect(more).toEqual([]);
    expect(expression!['Expression']).toBe(`SUM([${ids.join(',')}])`);
  }
  return found;
}

const PUBLIC_READ_FUNCTIONS = [...new Set(ROUTES.filter((r) => r.method === 'GET' && r.auth !== 'jwt').map((r) => r.fn))];

describe('who hears the alarms', () => {
  it("subscribes the prod stage's address to the alarm topic, with a queue for what cannot be delivered", () => {
    // Prepare
    const topic = alarmTopicOf(prod);
    // Act
    const [subscription, ...others] = subscriptionsOf(prod);
    // Assess
    expect(others).toEqual([]);
    expect(subscription).toMatchObject({ Protocol: 'email', Endpoint: STAGE_CONFIG.prod.alarmSubscription.email });
    expect(refId(subscription!['TopicArn'])).toBe(topic);
    const dlq = prod.resources[refId(subscription!['RedrivePolicy']['deadLetterTargetArn'])]!;
    expect(dlq['Type']).toBe('AWS::SQS::Queue');
  });

  it('subscribes an HTTPS chat webhook when the stage names one instead', () => {
    // Act
    const [subscription, ...others] = subscriptionsOf(webhook);
    // Assess
    expect(others).toEqual([]);
    expect(subscription).toMatchObject({ Protocol: 'https', Endpoint: WEBHOOK });
  });

  it('subscribes no one in dev (its config names no one)', () => {
    expect(subscriptionsOf(dev)).toEqual([]);
  });

  it('refuses a webhook that is not HTTPS', () => {
    expect(() => synthesize({ stage: 'dev', bundle: false, settings: { alarmSubscription: { webhookUrl: 'http://chat.example/x' } } })).toThrow(
      /https:\/\//,
    );
  });
});

describe('alarms', () => {
  it.each(PUBLIC_READ_FUNCTIONS)('alarm when %s (a public read) is slow at p99 for 15 minutes', (fn) => {
    // Act
    const found = functionAlarms(prod, 'Duration', functionId(prod.resources, fn));
    // Assess
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ExtendedStatistic: 'p99',
      Period: 300,
      EvaluationPeriods: 3,
      Threshold: 1000,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('covers the public read routes and no other function with a latency alarm', () => {
    // Act
    const withLatencyAlarm = alarms(prod)
      .filter((a) => a['MetricName'] === 'Duration')
      .map((a) => refId(a['Dimensions'][0]['Value']));
    // Assess
    expect(withLatencyAlarm.sort()).toEqual(PUBLIC_READ_FUNCTIONS.map((fn) => functionId(prod.resources, fn)).sort());
    expect(PUBLIC_READ_FUNCTIONS).toEqual(expect.arrayContaining(['list-briefings', 'get-briefing', 'get-entity']));
  });

  it('alarms on any throttle of a function without reserved concurrency (its callers saw it), summed in alarms of at most 10', () => {
    // Prepare
    const unreserved = idsOfType(prod.resources, 'AWS::Lambda::Function').filter(
      (id) => prod.resources[id]!['Properties']['ReservedConcurrentExecutions'] === undefined,
    );
    expect(unreserved.length).toBeGreaterThan(10);
    // Act
    const found = summedAlarms(prod, 'AWS/Lambda', 'Throttles');
    // Assess
    const covered = found.flatMap((a) => metricsOf(a).map((m) => refId(m['Dimensions'][0]['Value'])));
    expect(covered.sort()).toEqual(unreserved.sort());
    for (const alarm of found) {
      expect(metricsOf(alarm).length).toBeLessThanOrEqual(10);
      expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
      expect((alarm['AlarmActions'] as unknown[]).map(refId)).toEqual([alarmTopicOf(prod)]);
    }
  });

  it("leaves capped consumers' throttling to their Backlog alarm", () => {
    // Prepare
    const covered = summedAlarms(prod, 'AWS/Lambda', 'Throttles').flatMap((a) => metricsOf(a).map((m) => refId(m['Dimensions'][0]['Value'])));
    for (const fn of Object.keys(RESERVED_CONCURRENCY) as (keyof typeof RESERVED_CONCURRENCY)[]) {
      // Act
      const fnId = functionId(prod.resources, fn);
      // Assess
      expect(covered).not.toContain(fnId);
      expect(functionAlarms(prod, 'AsyncEventAge', fnId)).toHaveLength(1);
    }
  });

  it('alarms on any throttled request to the table, whatever the operation', () => {
    // Prepare
    const [tableId] = idsOfType(prod.resources, 'AWS::DynamoDB::GlobalTable');
    // Act
    const [found, ...others] = summedAlarms(prod, 'AWS/DynamoDB', 'ThrottledRequests');
    // Assess
    expect(others).toEqual([]);
    const metrics = metricsOf(found!);
    for (const metric of metrics) expect(refId(metric['Dimensions'].find((d: Json) => d['Name'] === 'TableName')['Value'])).toBe(tableId);
    const operations = metrics.map((m) => m['Dimensions'].find((d: Json) => d['Name'] === 'Operation')['Value']);
    expect(operations).toEqual(expect.arrayContaining(['GetItem', 'Query', 'PutItem', 'TransactWriteItems', 'BatchGetItem']));
    expect(found).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });
});

describe('what outlives an incident', () => {
  it.each([
    ['dev', () => dev, STAGE_CONFIG.dev.logRetentionDays],
    ['prod', () => prod, STAGE_CONFIG.prod.logRetentionDays],
  ])('keeps every log group of the %s stage for its configured days', (_stage, synth, days) => {
    // Act
    const retention = idsOfType(synth().resources, 'AWS::Logs::LogGroup').map((id) => synth().resources[id]!['Properties']['RetentionInDays']);
    // Assess
    expect(retention.length).toBeGreaterThan(10);
    expect(new Set(retention)).toEqual(new Set([days]));
  });

  it('keeps logs longer in prod than in dev', () => {
    expect(STAGE_CONFIG.prod.logRetentionDays).toBeGreaterThan(STAGE_CONFIG.dev.logRetentionDays);
  });

  it('retains every queue when a prod stack is deleted, and removes them with a dev stack', () => {
    // Act
    const policies = (synth: Synthesized) => idsOfType(synth.resources, 'AWS::SQS::Queue').map((id) => synth.resources[id]!['DeletionPolicy']);
    // Assess
    expect(new Set(policies(prod))).toEqual(new Set(['Retain']));
    expect(new Set(policies(dev))).toEqual(new Set(['Delete']));
  });
});

describe('read latency per route and the reconciler', () => {
  const readRoutes = ROUTES.filter((r) => r.method === 'GET' && r.auth !== 'jwt');

  it('turns on per-route metrics on the API stage', () => {
    const stages = idsOfType(dev.resources, 'AWS::ApiGatewayV2::Stage').map((id) => dev.resources[id]!['Properties'] as Json);
    expect(stages.map((s) => s['DefaultRouteSettings']?.['DetailedMetricsEnabled'])).toEqual([true]);
  });

  it.each(readRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('alarms on the p99 latency of %s at API Gateway', (_, route) => {
    // Act
    const found = alarms(dev).filter(
      (a) =>
        a['Namespace'] === 'AWS/ApiGateway' &&
        a['MetricName'] === 'Latency' &&
        a['ExtendedStatistic'] === 'p99' &&
        a['Dimensions'].some((d: Json) => d['Name'] === 'Resource' && d['Value'] === route.path) &&
        a['Dimensions'].some((d: Json) => d['Name'] === 'Method' && d['Value'] === route.method),
    );
    // Assess
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ Threshold: 1000, EvaluationPeriods: 3, ComparisonOperator: 'GreaterThanThreshold' });
    expect(found[0]!['AlarmActions'].map(refId)).toEqual([alarmTopicOf(dev)]);
  });

  it.each(['ChangesRedriven', 'RedriveFailures'])('alarms on the reconciler metric %s', (metricName) => {
    const found = alarms(dev).filter((a) => a['MetricName'] === metricName && a['Namespace'] === 'SignalBriefings');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });
});

describe('the dashboard', () => {
  const bodyOf = (synth: Synthesized) => {
    const ids = idsOfType(synth.resources, 'AWS::CloudWatch::Dashboard');
    expect(ids).toHaveLength(1);
    // The body is a Fn::Join of text and references: its text parts carry the widgets and metric names.
    return JSON.stringify(synth.resources[ids[0]!]!['Properties']['DashboardBody']);
  };

  it('shows the pipeline, sources in → scored → published → alerted, with the lag between its stages', () => {
    const body = bodyOf(dev);
    for (const metric of [
      'SourcesIngested',
      'ScoreChanges',
      'BriefingsPublished',
      'AlertsWritten',
      'IteratorAge',
      'AsyncEventAge',
      'ChangesRedriven',
    ]) {
      expect(body, metric).toContain(`\\"${metric}\\"`);
    }
  });

  it('shows each read route: requests and p99 latency', () => {
    const body = bodyOf(dev);
    for (const route of ROUTES.filter((r) => r.method === 'GET' && r.auth !== 'jwt')) {
      expect(body, route.path).toContain(`\\"Resource\\",\\"${route.path}\\"`);
    }
    expect(body).toContain('\\"Latency\\"');
    expect(body).toContain('\\"Count\\"');
  });
});
