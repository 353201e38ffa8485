import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITableV2, Operation } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, UrlSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '#functions/commons/metrics-namespace.ts';
import { pascalCase } from '#infra/naming.ts';
import type { StageConfig } from '#infra/stage-config.ts';
import { SERVICE_NAME } from './briefings-function.ts';
import type { FailureQueue } from './failure-queues.ts';

/** Where the runbook for every alarm lives. */
const RUNBOOK = 'docs/reliability.md';

/** Props of {@link Monitoring}. */
export interface MonitoringProps {
  /** Every queue that keeps a failure: any message in one is an alarm. */
  failureQueues: readonly FailureQueue[];
  /** Every function, by manifest name: any unhandled error is an alarm. */
  functions: ReadonlyArray<readonly [string, IFunction]>;
  /** Functions invoked asynchronously by the bus: a growing backlog (throttling, retries) is an alarm. */
  busConsumers: ReadonlyArray<readonly [string, IFunction]>;
  /** The stream consumer: records waiting longer than a minute mean the relay is stuck. */
  streamConsumer: IFunction;
  api: HttpApi;
  /** Functions behind the public read routes: a slow p99 is an alarm. */
  readFunctions: ReadonlyArray<readonly [string, IFunction]>;
  /** The public read routes (`GET /briefings/{briefingId}`): a slow p99 at API Gateway, per route, is an alarm. */
  readRoutes: ReadonlyArray<{ method: string; path: string }>;
  /**
   * Functions whose throttling is an alarm: those with no reserved concurrency (a throttled API
   * function is a reader's 429/5xx). Capped consumers are throttled by design in a burst; their
   * Backlog alarm says when that lasts.
   */
  throttledFunctions: ReadonlyArray<readonly [string, IFunction]>;
  /** The table: any throttled request is an alarm. */
  table: ITableV2;
  /** Who is told (the stage's `alarmSubscription`); none: the topic only. */
  subscription?: StageConfig['alarmSubscription'];
  /** Where SNS puts the notifications it could not deliver to that subscriber (required with `subscription`). */
  undeliveredNotifications?: IQueue;
  /** Of the topic's KMS key. */
  removalPolicy: RemovalPolicy;
}

/** CloudWatch's limit on the metrics one alarm may use. */
const MAX_METRICS_PER_ALARM = 10;

/**
 * The sum of metrics at each period. `SUM([…])` rather than `a + b`: arithmetic between series
 * only yields a value where every series has one, and a function or an operation that was not
 * throttled publishes nothing, so `a + b` would stay empty when one of them is throttled.
 */
export function sumOf(metrics: IMetric[], label: string): IMetric {
  const usingMetrics = Object.fromEntries(metrics.map((metric, i) => [`m${i}`, metric]));
  return new MathExpression({ expression: `SUM([${Object.keys(usingMetrics).join(',')}])`, usingMetrics, label, period: Duration.minutes(5) });
}

/** A count the functions publish (Powertools metrics, functions/commons/metrics.ts), summed per 5 minutes. */
function pipelineMetric(metricName: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: SERVICE_NAME },
    statistic: 'Sum',
    period: Duration.minutes(5),
  });
}

/** An API Gateway metric of one route of the default stage (detailed metrics, infra/constructs/api.ts). */
function routeMetric(api: HttpApi, route: { method: string; path: string }, metricName: string, statistic: string): Metric {
  return new Metric({
    namespace: 'AWS/ApiGateway',
    metricName,
    dimensionsMap: { ApiId: api.apiId, Stage: '$default', Method: route.method, Resource: route.path },
    statistic,
    period: Duration.minutes(5),
  });
}

/** p99 duration of a public read function above which readers are waiting too long (a warm read takes tens of ms). */
export const READ_P99_THRESHOLD = Duration.seconds(1);

/** What an alarm of this deployment watches: a metric against a threshold, and what it means to the operator. */
export interface AlarmSpec {
  metric: IMetric;
  threshold: number;
  comparisonOperator: ComparisonOperator;
  description: string;
  evaluationPeriods?: number;
}

/**
 * An alarm by the deployment's conventions (one period unless told, missing data is not breaching: idle queues and
 * functions publish nothing), in `scope`: the main stack's Monitoring and the nested stacks' own alarms make theirs
 * with it, and point it at the alarm topic themselves.
 */
export function conventionalAlarm(scope: Construct, id: string, spec: AlarmSpec): Alarm {
  return new Alarm(scope, id, {
    metric: spec.metric,
    threshold: spec.threshold,
    comparisonOperator: spec.comparisonOperator,
    evaluationPeriods: spec.evaluationPeriods ?? 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: spec.description,
  });
}

/** The table operations the functions send (plus Scan, by the rescore run): their throttled requests are summed. */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.SCAN,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.TRANSACT_GET_ITEMS,
];

/**
 * Failures surface: an alarm on the depth of every failure queue, on every
 * function's errors, on the bus consumers' event age, on the relay's iterator
 * age, on the API's 5xx, on the public reads' p99 duration, on Lambda throttles
 * (functions without reserved concurrency) and on the table's throttled
 * requests; all notify one encrypted SNS topic, which the stage's
 * `alarmSubscription` (an email address or an HTTPS webhook) subscribes to
 * (see the runbook).
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  /** The pipeline (sources in → scored → published → alerted, with lag) and the reads, on one page. */
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // CloudWatch cannot publish to a topic encrypted with the AWS managed SNS key, so the topic gets its own key.
    const key = new Key(this, 'AlarmTopicKey', {
      description: 'Encrypts Signal Briefings alarm notifications',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'Signal Briefings alarms', masterKey: key, enforceSSL: true });
    this.action = new SnsAction(this.topic);
    if (props.subscription) {
      if (!props.undeliveredNotifications) throw new Error('an alarm subscription needs a queue for the notifications SNS cannot deliver');
      const deadLetterQueue = props.undeliveredNotifications;
      if ('email' in props.subscription) {
        this.topic.addSubscription(new EmailSubscription(props.subscription.email, { deadLetterQueue }));
      } else {
        if (!props.subscription.webhookUrl.startsWith('https://')) {
          throw new Error(`the alarm webhook must be an https:// URL, got "${props.subscription.webhookUrl}"`);
        }
        this.topic.addSubscription(new UrlSubscription(props.subscription.webhookUrl, { protocol: SubscriptionProtocol.HTTPS, deadLetterQueue }));
      }
    }

    for (const { queue, holds } of props.failureQueues) {
      this.alarm(`${queue.node.id}NotEmpty`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `Messages in a failure queue: ${holds}. Inspect, fix, then redrive or replay (${RUNBOOK}#failure-queues).`,
      });
    }
    for (const [name, fn] of props.functions) {
      this.alarm(`${pascalCase(name)}Errors`, {
        metric: fn.metricErrors({ statistic: 'Sum', period: Duration.minutes(5) }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        description: `${name} failed (an unhandled error or a timeout). Its logs carry the correlationId to follow (${RUNBOOK}#alarms).`,
      });
    }
    for (const [name, fn] of props.busConsumers) {
      // Lambda's own queue of async events: throttling (reserved concurrency) or retries make it grow.
      this.alarm(`${pascalCase(name)}Backlog`, {
        metric: fn.metric('AsyncEventAge', { statistic: 'Maximum', period: Duration.minutes(1) }),
        threshold: Duration.minutes(5).toMilliseconds(),
        evaluationPeriods: 5,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `${name} has events waiting more than 5 minutes (throttled or retrying); after 6 hours they go to its failure queue (${RUNBOOK}#alarms).`,
      });
    }
    this.alarm('RelayIteratorAge', {
      metric: props.streamConsumer.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(1) }),
      threshold: Duration.minutes(1).toMilliseconds(),
      evaluationPeriods: 5,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      description: `Outbox records wait more than a minute to be published: the relay is failing or behind; after 6 hours a batch goes to FailedBatches (${RUNBOOK}#alarms).`,
    });
    // The reconciler found a change whose consequence was missing and re-drove it: the pipeline lost or failed something.
    this.alarm('ChangesRedriven', {
      metric: pipelineMetric('ChangesRedriven'),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      description: `The reconciler re-drove changes whose consequence was missing; its log lines name each event and the consumer's own alarms say why (${RUNBOOK}#the-reconciler).`,
    });
    for (const [name, fn] of props.readFunctions) {
      this.alarm(`${pascalCase(name)}P99Latency`, {
        metric: fn.metricDuration({ statistic: 'p99', period: Duration.minutes(5) }),
        threshold: READ_P99_THRESHOLD.toMilliseconds(),
        evaluationPeriods: 3,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `${name} (a public read) took more than ${READ_P99_THRESHOLD.toSeconds()} s at p99 for 15 minutes: look at its DynamoDB latency and throttles, and at cold starts (${RUNBOOK}#alarms).`,
      });
    }
    // What a reader waits, per route, as API Gateway measures it (the function's duration plus the integration and a cold start).
    for (const route of props.readRoutes) {
      this.alarm(`Api${pascalCase(`${route.method.toLowerCase()} ${route.path.replace(/[{}]/g, '')}`)}P99Latency`, {
        metric: routeMetric(props.api, route, 'Latency', 'p99'),
        threshold: READ_P99_THRESHOLD.toMilliseconds(),
        evaluationPeriods: 3,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `${route.method} ${route.path} answered in more than ${READ_P99_THRESHOLD.toSeconds()} s at p99 for 15 minutes (API Gateway's Latency): look at the function's duration and cold starts, and the table's latency (${RUNBOOK}#alarms).`,
      });
    }
    this.alarm('RedriveFailures', {
      metric: pipelineMetric('RedriveFailures'),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      description: `The reconciler could not put a pending change back on the bus; it tries again in 5 minutes, and its log names the events (${RUNBOOK}#the-reconciler).`,
    });
    // Grouped, at most 10 functions an alarm (CloudWatch's limit of metrics per alarm): one alarm per function would add
    // ~30 resources to a template that is nearing CloudFormation's 500. The alarm's metrics name each function.
    const throttled = [...props.throttledFunctions];
    for (let group = 0; group * MAX_METRICS_PER_ALARM < throttled.length; group++) {
      const members = throttled.slice(group * MAX_METRICS_PER_ALARM, (group + 1) * MAX_METRICS_PER_ALARM);
      this.alarm(`FunctionThrottles${group + 1}`, {
        metric: sumOf(
          members.map(([, fn]) => fn.metricThrottles({ statistic: 'Sum', period: Duration.minutes(5) })),
          `Throttles of ${members.map(([name]) => name).join(', ')}`,
        ),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        description: `Lambda throttled one of ${members.map(([name]) => name).join(', ')} (the alarm's graph shows which): the account's concurrency is used up (a burst, or reserved concurrency elsewhere). Callers got 429/5xx or a retry (${RUNBOOK}#alarms).`,
      });
    }
    this.alarm('TableThrottledRequests', {
      metric: sumOf(
        TABLE_OPERATIONS.map(
          (operation) =>
            new Metric({
              namespace: 'AWS/DynamoDB',
              metricName: 'ThrottledRequests',
              dimensionsMap: { TableName: props.table.tableName, Operation: operation },
              statistic: 'Sum',
              period: Duration.minutes(5),
            }),
        ),
        'Throttled requests to the table, all operations',
      ),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      description: `DynamoDB throttled requests to the table (a hot partition, or on-demand scaling behind a sudden peak); the SDK retried them, readers waited (${RUNBOOK}#alarms).`,
    });
    this.alarm('Api5xx', {
      metric: props.api.metricServerError({ statistic: 'Sum', period: Duration.minutes(5) }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      description: `The API answered 5xx (a handler error, timeout or an integration failure) (${RUNBOOK}#alarms).`,
    });
    this.dashboard = this.pipelineDashboard(props);
  }

  /** One page for operators: what flows through the pipeline and how late, what readers ask and how fast, what failed. */
  private pipelineDashboard(props: MonitoringProps): Dashboard {
    const dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(6) });
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) => new GraphWidget({ title, left, right, width: 12, height: 6 });
    const readRoutes = props.readRoutes.map((route) => `${route.method} ${route.path}`);
    dashboard.addWidgets(
      new TextWidget({
        markdown: `## Pipeline: sources in → scored → published → alerted\nCounts per 5 minutes; lag is how long events and outbox records wait. Runbook: ${RUNBOOK}.`,
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(
      graph(
        'Flow (per 5 min)',
        ['SourcesIngested', 'ScoreChanges', 'BriefingsPublished', 'AlertsWritten'].map((name) => pipelineMetric(name)),
      ),
      graph('Lag (max, ms): outbox → bus, bus → consumer', [
        props.streamConsumer.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(1), label: 'relay-events IteratorAge' }),
        ...props.busConsumers.map(([name, fn]) =>
          fn.metric('AsyncEventAge', { statistic: 'Maximum', period: Duration.minutes(1), label: `${name} AsyncEventAge` }),
        ),
      ]),
    );
    dashboard.addWidgets(
      graph(
        'Events published and re-driven (per 5 min)',
        ['EventsPublished', 'EventsFailed', 'ChangesRedriven', 'RedriveFailures'].map((name) => pipelineMetric(name)),
      ),
      graph(
        'Failure queues (messages)',
        props.failureQueues.map(({ queue }) =>
          queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5), label: queue.node.id }),
        ),
      ),
    );
    dashboard.addWidgets(new TextWidget({ markdown: `## Reads\n${readRoutes.join(' · ')}`, width: 24, height: 1 }));
    dashboard.addWidgets(
      graph(
        'Read requests per route (per 5 min)',
        props.readRoutes.map((route) => routeMetric(props.api, route, 'Count', 'Sum').with({ label: `${route.method} ${route.path}` })),
      ),
      graph(
        `Read latency per route, p99 (ms; alarm above ${READ_P99_THRESHOLD.toMilliseconds()})`,
        props.readRoutes.map((route) => routeMetric(props.api, route, 'Latency', 'p99').with({ label: `${route.method} ${route.path}` })),
      ),
    );
    dashboard.addWidgets(
      graph('API answers (per 5 min)', [
        props.api.metricCount({ statistic: 'Sum', period: Duration.minutes(5), label: 'requests' }),
        props.api.metricClientError({ statistic: 'Sum', period: Duration.minutes(5), label: '4xx' }),
        props.api.metricServerError({ statistic: 'Sum', period: Duration.minutes(5), label: '5xx' }),
      ]),
      graph(
        'Read functions, duration p99 (ms)',
        props.readFunctions.map(([name, fn]) => fn.metricDuration({ statistic: 'p99', period: Duration.minutes(5), label: name })),
      ),
    );
    return dashboard;
  }

  private alarm(id: string, spec: AlarmSpec): Alarm {
    const alarm = conventionalAlarm(this, id, spec);
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }
}
