import { Duration, NestedStack, type NestedStackProps, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey, type IHttpApi, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { type Alarm, ComparisonOperator, MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { SqsSendMessage } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, ConfigurationSetEventDestination, EmailSendingEvent, EventDestination, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { DIGEST_HOUR_UTC } from '#domain/email.ts';
import { EMAIL_ENV, UNLOCK_ENV } from '#functions/commons/env.ts';
import { NEW_ALERT_STREAM_FILTER } from '#functions/commons/table/schema.ts';
import { EMAIL, FUNCTIONS, type FunctionName, type FunctionSpec, nestedStackOf, ROUTES } from '#functions/manifest.ts';
import { MAX_RECEIVE_COUNT, PLAN_MAX_CONCURRENCY, SEND_BATCH_SIZE, SEND_MAX_CONCURRENCY } from '#infra/email-settings.ts';
import { pascalCase } from '#infra/naming.ts';
import { BriefingsFunction } from './briefings-function.ts';
import { MAX_RECEIVES_BEFORE_PARKING } from './failure-queues.ts';
import { bindUserPool } from './functions.ts';
import { type AlarmSpec, conventionalAlarm, READ_P99_THRESHOLD } from './monitoring.ts';

/** Props of {@link EmailDigests}. */
export interface EmailDigestsProps extends NestedStackProps {
  table: ITableV2;
  /** The main stack's HTTP API: the email routes are added to it from here. */
  httpApi: IHttpApi;
  /** The main API's Cognito JWT authorizer, for `/me/preferences`. */
  jwtAuthorizer: IHttpRouteAuthorizer;
  userPool: IUserPool;
  /** The main stack's route-not-found: wrong methods on the email paths reach it, as on every other path. */
  fallback: IFunction;
  /** The API's base URL that emails link to (briefings, the unsubscribe link). */
  publicApiUrl: string;
  /** The stage's sender (StageConfig `email`); absent: a placeholder on `signalbriefings.example` (verify a real one to send). */
  sender?: { fromAddress: string; fromName: string; sesVerifiedDomain: string };
  /** The deployment's parked queue: each failure queue here parks a message received too often there (infra/constructs/failure-queues.ts). */
  parked: IQueue;
  /** The deployment's sign-up and request-access pages, named by lock markers in emails. */
  unlockLinks?: { signUpUrl?: string | undefined; requestAccessUrl?: string | undefined };
  removalPolicy: RemovalPolicy;
  logRetention: RetentionDays;
}

/**
 * Email digests (issue 17 point 2, docs/email.md), in a nested stack of their own so the main stack stays under
 * CloudFormation's 500 resources: the manifest's functions with `nestedStack: 'email'`, their routes on the main
 * API, the plan and send queues (each with a dead-letter queue and an alarm on it), the daily schedule
 * (EventBridge Scheduler → the plan queue), the table stream's new alerts → the instant queue, and SES: a
 * configuration set whose event destination puts bounces and complaints on the default bus, where a rule hands
 * them to the function that suppresses the address.
 */
export class EmailDigests extends NestedStack {
  readonly planQueue: Queue;
  readonly sendQueue: Queue;
  readonly configurationSet: ConfigurationSet;
  readonly schedule: Schedule;
  /** Every alarm of the capability; {@link notify} points them at the deployment's alarm topic. */
  readonly alarms: Alarm[] = [];
  private readonly byName = new Map<FunctionName, BriefingsFunction>();

  constructor(scope: Stack, id: string, props: EmailDigestsProps) {
    super(scope, id, props);
    /** A queue that holds failures (a dead-letter queue, an on-failure destination), kept 14 days, alarmed as soon as it holds one. */
    const failureQueue = (name: string, holds: string) => {
      const failures = new Queue(this, name, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
        removalPolicy: props.removalPolicy,
        deadLetterQueue: { queue: props.parked, maxReceiveCount: MAX_RECEIVES_BEFORE_PARKING },
      });
      this.alarm(`${name}NotEmpty`, {
        metric: failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `Messages in a failure queue: ${holds}. Inspect, fix, then redrive (docs/email.md#operations).`,
      });
      return failures;
    };
    const queue = (name: string, description: string) => {
      const deadLetters = failureQueue(`${name}DeadLetters`, `messages of the ${description} queue that failed ${MAX_RECEIVE_COUNT} times`);
      return new Queue(this, name, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        // Six times the consumer's 30 s timeout (AWS's advice for Lambda event sources).
        visibilityTimeout: Duration.minutes(3),
        deadLetterQueue: { queue: deadLetters, maxReceiveCount: MAX_RECEIVE_COUNT },
        removalPolicy: props.removalPolicy,
      });
    };
    this.planQueue = queue('DigestPlanQueue', 'daily digest planning');
    this.sendQueue = queue('EmailSendQueue', 'email sending');

    const sender = props.sender ?? {
      fromAddress: 'no-reply@signalbriefings.example',
      fromName: 'Signal Briefings',
      sesVerifiedDomain: 'signalbriefings.example',
    };
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // The account-level suppression list as well: SES itself refuses addresses that bounced or complained.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    new ConfigurationSetEventDestination(this, 'FeedbackToDefaultBus', {
      configurationSet: this.configurationSet,
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    const tokenKey = new Secret(this, 'UnsubscribeTokenKey', {
      description: 'HMAC-SHA256 key of the unsubscribe links in emails; a new value invalidates the links already sent',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: props.removalPolicy,
    });
    Validations.of(tokenKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The key signs unsubscribe links, which must keep working for as long as an email is kept (RFC 8058); a rotation would ' +
        'break every link already sent. Functions get it as a deploy-time dynamic reference (no runtime read).',
    });

    for (const [name, spec] of Object.entries(FUNCTIONS) as [FunctionName, FunctionSpec][]) {
      if (spec.nestedStack !== 'email') continue;
      const routed = ROUTES.some((r) => r.fn === name);
      const fn = new BriefingsFunction(this, pascalCase(name), {
        entry: spec.entry,
        description: spec.description,
        kind: routed ? 'api' : 'consumer',
        removalPolicy: props.removalPolicy,
        logRetention: props.logRetention,
      });
      if (spec.table) fn.bindTable({ table: props.table, use: spec.table });
      if (spec.userPool) bindUserPool(fn, props.userPool, spec.userPool);
      if (spec.email?.enqueues?.includes('send')) {
        this.sendQueue.grantSendMessages(fn);
        fn.addEnvironment(EMAIL_ENV.sendQueueUrl, this.sendQueue.queueUrl);
      }
      if (spec.email?.enqueues?.includes('plan')) {
        this.planQueue.grantSendMessages(fn);
        fn.addEnvironment(EMAIL_ENV.planQueueUrl, this.planQueue.queueUrl);
      }
      if (spec.email?.signsLinks) fn.addEnvironment(EMAIL_ENV.tokenKey, tokenKey.secretValue.unsafeUnwrap());
      if (spec.email?.sends) {
        fn.addEnvironment(EMAIL_ENV.from, `${sender.fromName} <${sender.fromAddress}>`);
        fn.addEnvironment(EMAIL_ENV.configurationSet, this.configurationSet.configurationSetName);
        fn.addEnvironment(EMAIL_ENV.publicApiUrl, props.publicApiUrl);
        const arn = (resource: string) => Stack.of(this).formatArn({ service: 'ses', resource, resourceName: undefined });
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['ses:SendEmail'],
            resources: [arn(`identity/${sender.sesVerifiedDomain}`), arn(`configuration-set/${this.configurationSet.configurationSetName}`)],
          }),
        );
      }
      if (spec.rendersLocks && props.unlockLinks?.signUpUrl) fn.addEnvironment(UNLOCK_ENV.signUpUrl, props.unlockLinks.signUpUrl);
      if (spec.rendersLocks && props.unlockLinks?.requestAccessUrl)
        fn.addEnvironment(UNLOCK_ENV.requestAccessUrl, props.unlockLinks.requestAccessUrl);
      this.byName.set(name, fn);
    }

    // Triggers: the two queues, the stream's new alerts, SES feedback on the default bus, the schedule.
    const planner = this.get(EMAIL.planQueueConsumer);
    planner.addEventSource(new SqsEventSource(this.planQueue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: PLAN_MAX_CONCURRENCY }));
    const senderFn = this.get(EMAIL.sendQueueConsumer);
    senderFn.addEventSource(
      new SqsEventSource(this.sendQueue, { batchSize: SEND_BATCH_SIZE, reportBatchItemFailures: true, maxConcurrency: SEND_MAX_CONCURRENCY }),
    );
    const streamFailures = failureQueue('NewAlertBatchesFailed', 'stream batches of new alerts queue-instant-emails failed on after its retries');
    this.get(EMAIL.newAlertStreamConsumer).addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(streamFailures),
        filters: [FilterCriteria.filter(NEW_ALERT_STREAM_FILTER)],
      }),
    );
    const feedbackFailures = failureQueue('FeedbackUndelivered', 'SES feedback events EventBridge could not deliver to record-email-feedback');
    const feedbackFn = this.get(EMAIL.feedbackConsumer);
    const failedFeedback = failureQueue('FeedbackFailedInvocations', "record-email-feedback invocations that failed after Lambda's retries");
    feedbackFn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: new SqsDestination(failedFeedback) });
    Validations.of(feedbackFn).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason: 'record-email-feedback is invoked asynchronously by EventBridge and has an on-failure destination (FeedbackFailedInvocations).',
    });
    new Rule(this, 'SuppressOnBounceOrComplaint', {
      description: 'SES bounces and complaints of the configuration set → record-email-feedback',
      eventPattern: { source: [...EMAIL.feedbackPattern.source], detailType: [...EMAIL.feedbackPattern['detail-type']] },
      targets: [new LambdaFunction(feedbackFn, { deadLetterQueue: feedbackFailures, retryAttempts: 8, maxEventAge: Duration.hours(2) })],
    });
    this.schedule = new Schedule(this, 'DailyDigest', {
      description: 'Starts the daily digest run (docs/email.md)',
      schedule: ScheduleExpression.cron({ minute: '0', hour: String(DIGEST_HOUR_UTC) }),
      target: new SqsSendMessage(this.planQueue, {
        input: ScheduleTargetInput.fromObject({ kind: 'start', scheduledTime: ContextAttribute.scheduledTime }),
        retryAttempts: 10,
        maxEventAge: Duration.hours(2),
      }),
    });

    // Alarms, as the main stack's Monitoring has them for its own functions and queues (docs/reliability.md).
    for (const [name, fn] of this.byName) {
      this.alarm(`${pascalCase(name)}Errors`, {
        metric: fn.metricErrors({ statistic: 'Sum', period: Duration.minutes(5) }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        description: `${name} failed (an unhandled error or a timeout). Its logs carry the correlationId to follow (docs/email.md#operations).`,
      });
    }
    this.alarm('EmailFunctionThrottles', {
      metric: new MathExpression({
        expression: `SUM([${[...this.byName.keys()].map((_, i) => `t${i}`).join(',')}])`,
        usingMetrics: Object.fromEntries(
          [...this.byName.values()].map((fn, i) => [`t${i}`, fn.metricThrottles({ statistic: 'Sum', period: Duration.minutes(5) })]),
        ),
        label: `Throttles of ${[...this.byName.keys()].join(', ')}`,
        period: Duration.minutes(5),
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      description:
        "Lambda throttled an email function: the account's concurrency is used up. Queued messages wait and are retried (docs/email.md#operations).",
    });
    for (const route of ROUTES.filter((r) => nestedStackOf(r.fn) === 'email' && r.method === 'GET' && r.auth !== 'jwt')) {
      this.alarm(`${pascalCase(route.fn)}P99Latency`, {
        metric: this.get(route.fn).metricDuration({ statistic: 'p99', period: Duration.minutes(5) }),
        threshold: READ_P99_THRESHOLD.toMilliseconds(),
        evaluationPeriods: 3,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `${route.fn} (a public read) took more than ${READ_P99_THRESHOLD.toSeconds()} s at p99 for 15 minutes (docs/email.md#operations).`,
      });
    }
    for (const [id, q, what] of [
      ['DigestPlanBacklog', this.planQueue, 'the daily digest planning'],
      ['EmailSendBacklog', this.sendQueue, 'email sending'],
    ] as const) {
      this.alarm(id, {
        metric: q.metricApproximateAgeOfOldestMessage({ statistic: 'Maximum', period: Duration.minutes(5) }),
        threshold: Duration.hours(1).toSeconds(),
        evaluationPeriods: 2,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `A message of ${what} has waited over an hour: the consumer is failing, throttled or the SES rate is too low (docs/email.md#operations).`,
      });
    }

    // Routes on the main API: `/me/preferences` behind a JWT authorizer of the same pool, `/unsubscribe` open (the token is the proof).
    const jwt = props.jwtAuthorizer;
    const none = new HttpNoneAuthorizer();
    const emailRoutes = ROUTES.filter((r) => nestedStackOf(r.fn) === 'email');
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationOf = (name: string, fn: IFunction) => {
      const integration = integrations.get(name) ?? new HttpLambdaIntegration(`${pascalCase(name)}Integration`, fn);
      integrations.set(name, integration);
      return integration;
    };
    const addRoute = (method: HttpMethod, path: string, integration: HttpLambdaIntegration, authorizer: IHttpRouteAuthorizer, reason?: string) => {
      const route = new HttpRoute(this, `${method}${pascalCase(path.replace(/[^a-z]+/gi, ' '))}Route`, {
        httpApi: props.httpApi,
        routeKey: HttpRouteKey.with(path, method),
        integration,
        authorizer,
      });
      if (reason) Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    };
    for (const route of emailRoutes) {
      const fn = this.get(route.fn);
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: `${route.fn} is invoked synchronously by API Gateway; failures go back to the caller as problem+json and raise its Errors alarm.`,
      });
      addRoute(
        HttpMethod[route.method],
        route.path,
        integrationOf(route.fn, fn),
        route.auth === 'jwt' ? jwt : none,
        route.auth === 'jwt'
          ? undefined
          : `${route.method} ${route.path} is the signed unsubscribe link of every email: the token, not a login, is the proof (RFC 8058).`,
      );
    }
    for (const path of new Set(emailRoutes.map((r) => r.path))) {
      addRoute(
        HttpMethod.ANY,
        path,
        integrationOf('route-not-found', props.fallback),
        none,
        `ANY ${path}: reaches only route-not-found, which answers 404 or 405 as problem+json and reads nothing.`,
      );
    }
    for (const name of [EMAIL.planQueueConsumer, EMAIL.sendQueueConsumer]) {
      for (const id of ['Serverless-LambdaDLQ', 'Serverless-LambdaEventSourceMappingDestination']) {
        Validations.of(this.get(name)).acknowledge({
          id,
          reason:
            `${name} is invoked synchronously by its SQS event source mapping, which takes no on-failure destination: a message that ` +
            `fails ${MAX_RECEIVE_COUNT} times moves to its queue's dead-letter queue (redrive policy), which is alarmed.`,
        });
      }
    }
    Validations.of(this.get(EMAIL.newAlertStreamConsumer)).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason: "queue-instant-emails is invoked synchronously by its stream mapping; failed batches go to the mapping's on-failure queue.",
    });
  }

  /** Every alarm here tells the deployment's alarm topic (made after this stack: infra/constructs/monitoring.ts). */
  notify(topic: ITopic): void {
    const action = new SnsAction(topic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }

  private alarm(id: string, spec: AlarmSpec): void {
    this.alarms.push(conventionalAlarm(this, id, spec));
  }

  /** The deployed function of an email manifest entry. */
  get(name: FunctionName): BriefingsFunction {
    const fn = this.byName.get(name);
    if (!fn) throw new Error(`no email function "${name}" in the manifest`);
    return fn;
  }

  /** Every email function, by manifest name. */
  get all(): Array<[FunctionName, BriefingsFunction]> {
    return [...this.byName];
  }
}
