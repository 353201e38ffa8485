import { CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { UnlockLinks } from '#domain/unlock.ts';
import {
  ROUTES as ALL_ROUTES,
  FALLBACK_FUNCTION,
  nestedStackOf,
  RESCORE_FUNCTION,
  SCHEDULES,
  STREAM_CONSUMER,
  SUBSCRIPTIONS,
  USER_POOL_TRIGGERS,
} from '#functions/manifest.ts';
import { Api } from './constructs/api.ts';
import { Data } from './constructs/data.ts';
import { EdgeCache } from './constructs/edge-cache.ts';
import { EmailDigests } from './constructs/email.ts';
import { EventSchemas } from './constructs/event-schemas.ts';
import { Events } from './constructs/events.ts';
import { FailureQueues } from './constructs/failure-queues.ts';
import { BriefingsFunctions, RESERVED_CONCURRENCY } from './constructs/functions.ts';
import { Identity } from './constructs/identity.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { OutboxRelay } from './constructs/outbox-relay.ts';
import { Webhooks } from './constructs/webhooks.ts';
import type { StageSettings } from './stage.ts';

/** The routes of the main stack's own functions (the email routes are the nested stack's). */
const ROUTES = ALL_ROUTES.filter((route) => !nestedStackOf(route.fn));

/** Props of {@link BriefingsStack}. */
export interface BriefingsStackProps extends StackProps {
  stage: StageSettings;
  /** Reserve concurrency for the bus consumers (default true); see RESERVED_CONCURRENCY. */
  reserveConcurrency?: boolean;
  /** The feed's first month, `yyyy-mm` (see BriefingsFunctionsProps). */
  feedStartMonth?: string;
  /** Bundle the Powertools tracer into the API functions too (see BriefingsFunctionsProps). */
  apiTracing?: boolean;
  /** The publisher's sign-up and request-access pages for lock screens (see BriefingsFunctionsProps). */
  unlockLinks?: UnlockLinks;
}

/**
 * The whole backend, assembled from `functions/manifest.ts`: the table, the user
 * pool, the bus, every function with its grants, and their triggers (HTTP routes,
 * bus subscriptions, the table stream); then the failure queues, the archive and
 * the alarms that make failures visible (docs/reliability.md).
 */
export class BriefingsStack extends Stack {
  constructor(scope: Construct, id: string, props: BriefingsStackProps) {
    super(scope, id, props);
    const { removalPolicy, deletionProtection } = props.stage;

    const data = new Data(this, 'Data', { removalPolicy, deletionProtection });
    const identity = new Identity(this, 'Identity', {
      removalPolicy,
      deletionProtection,
      ...(props.stage.email ? { email: props.stage.email } : {}),
    });
    acknowledgeUserPoolFindings(identity);
    const failures = new FailureQueues(this, 'Failures', { removalPolicy });
    const events = new Events(this, 'Events', { failures });
    const functions = new BriefingsFunctions(this, 'Functions', {
      table: data.table,
      bus: events.bus,
      tokens: { issuer: identity.issuer, audience: identity.client.userPoolClientId },
      userPool: identity.userPool,
      removalPolicy,
      logRetention: props.stage.logRetentionDays as RetentionDays,
      ...(props.reserveConcurrency === undefined ? {} : { reserveConcurrency: props.reserveConcurrency }),
      ...(props.feedStartMonth === undefined ? {} : { feedStartMonth: props.feedStartMonth }),
      ...(props.apiTracing ? { apiTracing: true } : {}),
      ...(props.unlockLinks ? { unlockLinks: props.unlockLinks } : {}),
      ...(props.stage.autoPublishFloor ? { autoPublishFloor: props.stage.autoPublishFloor } : {}),
    });

    const api = new Api(this, 'Api', {
      functions,
      identity,
      removalPolicy,
      logRetention: props.stage.logRetentionDays as RetentionDays,
      corsOrigins: props.stage.corsOrigins,
    });
    identity.onSignUpConfirmed(functions.get(USER_POOL_TRIGGERS.postConfirmation));
    for (const [trigger, name] of Object.entries(USER_POOL_TRIGGERS)) {
      Validations.of(functions.get(name)).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          `${name} is the user pool's ${trigger} trigger, which Cognito invokes synchronously; a dead-letter queue only ` +
          "receives failed asynchronous invocations. A failure fails the sign-up step and raises the function's Errors alarm.",
      });
    }
    Validations.of(functions.get(RESCORE_FUNCTION)).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Operators invoke rescore-briefings synchronously (aws lambda invoke, RequestResponse) and read its answer; a dead-letter ' +
        "queue only receives failed asynchronous invocations. A failed run is run again (it is idempotent) and raises the function's Errors alarm.",
    });
    // The subscriptions of a nested stack's functions are made there (Webhooks below).
    const mainSubscriptions = SUBSCRIPTIONS.filter((s) => nestedStackOf(s.fn) === undefined);
    for (const subscription of mainSubscriptions) events.subscribe(subscription, functions.get(subscription.fn));
    for (const schedule of SCHEDULES) events.schedule(schedule, functions.get(schedule.fn));
    new OutboxRelay(this, 'OutboxRelay', { table: data.table, relay: functions.get(STREAM_CONSUMER), failures });
    new EventSchemas(this, 'EventSchemas');

    const busConsumers = [...new Set(mainSubscriptions.map((s) => s.fn))].map((name) => [name, functions.get(name)] as const);
    // Made before Monitoring, which alarms on every failure queue it is given.
    const undeliveredNotifications = props.stage.alarmSubscription
      ? failures.add(this, 'AlarmNotificationsUndelivered', 'alarm notifications SNS could not deliver to the subscriber')
      : undefined;
    const monitoring = new Monitoring(this, 'Monitoring', {
      failureQueues: failures.all,
      functions: functions.all,
      busConsumers,
      streamConsumer: functions.get(STREAM_CONSUMER),
      api: api.httpApi,
      readFunctions: [...new Set(ROUTES.filter((r) => r.method === 'GET' && r.auth !== 'jwt').map((r) => r.fn))].map(
        (name) => [name, functions.get(name)] as const,
      ),
      // Every public read route, the email capability's too (GET /unsubscribe): API Gateway measures them all.
      readRoutes: ALL_ROUTES.filter((r) => r.method === 'GET' && r.auth !== 'jwt').map(({ method, path }) => ({ method, path })),
      throttledFunctions: functions.all.filter(([name]) => !(props.reserveConcurrency !== false && RESERVED_CONCURRENCY[name])),
      table: data.table,
      ...(props.stage.alarmSubscription ? { subscription: props.stage.alarmSubscription } : {}),
      ...(undeliveredNotifications ? { undeliveredNotifications } : {}),
      removalPolicy,
    });

    // Made after Monitoring, which alarms on the failure queues made so far: the nested stack alarms on its own.
    new Webhooks(this, 'Webhooks', {
      table: data.table,
      bus: events.bus,
      events,
      api,
      failures,
      alarmTopic: monitoring.topic,
      tokens: { issuer: identity.issuer, audience: identity.client.userPoolClientId },
      userPool: identity.userPool,
      removalPolicy,
      logRetention: props.stage.logRetentionDays as RetentionDays,
    });

    const edge = new EdgeCache(this, 'EdgeCache', { api: api.httpApi });

    // Its own nested stack: the main stack's resources stay under CloudFormation's 500.
    const email = new EmailDigests(this, 'EmailDigests', {
      table: data.table,
      httpApi: api.httpApi,
      jwtAuthorizer: api.jwtAuthorizer,
      userPool: identity.userPool,
      fallback: functions.get(FALLBACK_FUNCTION),
      publicApiUrl: api.url,
      parked: failures.parked,
      ...(props.stage.email ? { sender: props.stage.email } : {}),
      ...(props.unlockLinks ? { unlockLinks: props.unlockLinks } : {}),
      removalPolicy,
      logRetention: props.stage.logRetentionDays as RetentionDays,
    });
    email.notify(monitoring.topic);

    new CfnOutput(this, 'ApiUrl', { value: api.url });
    new CfnOutput(this, 'EdgeUrl', {
      value: edge.url,
      description: 'The API through CloudFront: anonymous reads cached at the edge, everything else passed through',
    });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId });
    new CfnOutput(this, 'EventBusName', { value: events.bus.eventBusName });
    new CfnOutput(this, 'EventBusArn', { value: events.bus.eventBusArn, description: 'Destination of an archive replay' });
    new CfnOutput(this, 'EventArchiveArn', {
      value: events.archive.archiveArn,
      description: 'Source of an archive replay (aws events start-replay)',
    });
    new CfnOutput(this, 'DashboardName', {
      value: monitoring.dashboard.dashboardName,
      description: 'CloudWatch dashboard: the pipeline (sources in, scored, published, alerted, with lag) and the reads',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: monitoring.topic.topicArn, description: 'Subscribe an email or pager to receive alarms' });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'EmailConfigurationSet', {
      value: email.configurationSet.configurationSetName,
      description: 'SES configuration set of the digests: bounces and complaints suppress the address (docs/email.md)',
    });
    new CfnOutput(this, 'RescoreFunctionName', {
      value: functions.get(RESCORE_FUNCTION).functionName,
      description: 'After a scoring model change: aws lambda invoke it until it returns no cursor (docs/deploy.md)',
    });
  }
}

/**
 * cdk-nag findings on the user pool, acknowledged here because the Identity
 * construct belongs to the membership work; they can move into it unchanged.
 */
function acknowledgeUserPoolFindings(identity: Identity): void {
  Validations.of(identity.userPool).acknowledge(
    {
      id: 'AwsSolutions-COG2',
      reason:
        'Readers sign themselves up for free public and member tiers; a mandatory second factor would stand in front of ' +
        'reading. MFA is optional (authenticator apps) for anyone who wants it, and tokens live 15 minutes.',
    },
    {
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is billed per monthly active user; the Essentials plan with short-lived ' +
        'tokens and API throttling is the chosen trade-off until sign-up abuse is observed.',
    },
  );
}
