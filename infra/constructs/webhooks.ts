import { Aws, CfnParameter, Duration, NestedStack, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { ComparisonOperator } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENV, WEBHOOK_ENV } from '#functions/commons/env.ts';
import { FUNCTIONS, type FunctionName, type FunctionSpec, nestedStackOf, ROUTES, SUBSCRIPTIONS } from '#functions/manifest.ts';
import { pascalCase } from '#infra/naming.ts';
import type { Api } from './api.ts';
import type { BriefingsFunction, TokenTrust } from './briefings-function.ts';
import type { Events } from './events.ts';
import type { FailureQueues } from './failure-queues.ts';
import { BriefingsFunctions } from './functions.ts';
import { type AlarmSpec, conventionalAlarm, sumOf } from './monitoring.ts';

/** Props of {@link Webhooks}: what the main stack hands the nested one (each becomes a parameter of its template). */
export interface WebhooksProps {
  table: ITableV2;
  bus: IEventBus;
  events: Events;
  api: Api;
  failures: FailureQueues;
  /** Where the webhook alarms notify (the main stack's alarm topic). */
  alarmTopic: ITopic;
  tokens: TokenTrust;
  /** Required by the shared functions construct; no webhook function is bound to it. */
  userPool: IUserPool;
  removalPolicy: RemovalPolicy;
  logRetention: RetentionDays;
}

/** The EventBridge actions on each partner's resources that registering and removing a webhook send (functions/webhooks/destinations.ts). */
export const DESTINATION_ACTIONS = {
  connection: ['events:CreateConnection', 'events:DeleteConnection'],
  apiDestination: ['events:CreateApiDestination', 'events:DeleteApiDestination'],
  rule: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
  // EventBridge keeps a connection's API key in a Secrets Manager secret it names `events!connection/<name>/…`, with the caller's rights.
  connectionSecret: [
    'secretsmanager:CreateSecret',
    'secretsmanager:PutSecretValue',
    'secretsmanager:UpdateSecret',
    'secretsmanager:DescribeSecret',
    'secretsmanager:GetSecretValue',
    'secretsmanager:DeleteSecret',
  ],
} as const;

/** cdk-nag's IAM5 finding ids of the grants on `<namePrefix>-*` resources (the infra spec lists them as reviewed). */
export function prefixGrantFindings(namePrefix: string) {
  const events = (resource: string) => `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:${resource}]`;
  return {
    connection: events(`connection/${namePrefix}-*`),
    apiDestination: events(`api-destination/${namePrefix}-*`),
    rule: events(`rule/<EventBusName>/${namePrefix}-*`),
    secret: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:events!connection/${namePrefix}-*]`,
  };
}

/** A webhook resource's name prefix: the stack's name, cut so `<prefix>-wh_<26>` fits a connection's 64 characters. */
export const webhookNamePrefix = (stackName: string) => `${stackName.slice(0, 30)}-wh`;

/**
 * Signed webhooks for partner systems (issue 17.3), in a nested stack of their own: the main stack is
 * near CloudFormation's 500 resources, and this keeps it one resource larger. Holds the webhook functions
 * of functions/manifest.ts (`nestedStack: 'webhooks'`) with their routes on the main API and their bus
 * subscriptions, the role EventBridge assumes to call partners' API destinations, and the dead-letter
 * queue of deliveries whose retries are spent.
 *
 * Each partner's connection, API destination and rule are not in this template: the admin route makes
 * them when a partner is registered (docs/webhooks.md), named `<namePrefix>-<webhookId>`, and the
 * grants here allow those names only.
 */
export class Webhooks extends NestedStack {
  readonly functions: BriefingsFunctions;
  /** Deliveries EventBridge gave up on (retries spent or the event too old), with the reason in message attributes. */
  readonly deadLetters: Queue;
  /** The role a partner's rule target uses to invoke its API destination. */
  readonly invocationRole: Role;
  /** The start of every partner resource's name. */
  readonly namePrefix: string;

  constructor(scope: Construct, id: string, props: WebhooksProps) {
    super(scope, id, {
      description: 'Signal Briefings: signed webhooks for partner systems',
      parameters: { EventBusName: props.bus.eventBusName },
    });
    // A parameter of our own naming (not CDK's generated reference), so the grants' resource names are predictable.
    const busName = new CfnParameter(this, 'EventBusName', { type: 'String', description: 'The main stack event bus' }).valueAsString;
    // A connection's name is at most 64 characters: the prefix leaves room for `-wh_` and 26 characters.
    this.namePrefix = webhookNamePrefix(Stack.of(scope).stackName);
    const arn = (resource: string) => `arn:${Aws.PARTITION}:events:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;
    const ruleArns = arn(`rule/${busName}/${this.namePrefix}-*`);

    this.deadLetters = props.failures.add(this, 'DeliveriesDeadLettered', 'webhook deliveries EventBridge gave up on after its retries');
    this.deadLetters.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('events.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [this.deadLetters.queueArn],
        conditions: { ArnLike: { 'aws:SourceArn': ruleArns } },
      }),
    );
    this.invocationRole = new Role(this, 'DeliveryRole', {
      assumedBy: new ServicePrincipal('events.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
      description: "Assumed by EventBridge to POST a partner's webhook deliveries to its API destination",
    });
    this.invocationRole.addToPolicy(
      new PolicyStatement({ actions: ['events:InvokeApiDestination'], resources: [arn(`api-destination/${this.namePrefix}-*`)] }),
    );
    this.acknowledgePrefixGrants(this.invocationRole, ['apiDestination']);

    this.functions = new BriefingsFunctions(this, 'Functions', {
      table: props.table,
      bus: props.bus,
      tokens: props.tokens,
      userPool: props.userPool,
      removalPolicy: props.removalPolicy,
      logRetention: props.logRetention,
      nestedStack: 'webhooks',
    });
    for (const [name, fn] of this.functions.all) {
      if ((FUNCTIONS[name] as FunctionSpec).managesWebhookDestinations) this.bindDestinations(fn, props.bus, arn, ruleArns);
    }
    const nested = (fn: FunctionName) => nestedStackOf(fn) === 'webhooks';
    props.api.addRoutesIn(
      this,
      ROUTES.filter((r) => nested(r.fn)),
      (name) => this.functions.get(name),
    );
    for (const subscription of SUBSCRIPTIONS.filter((s) => nested(s.fn))) {
      props.events.subscribe(subscription, this.functions.get(subscription.fn), this);
    }

    // The main stack's alarm conventions (infra/constructs/monitoring.ts), for what lives here; Monitoring alarms on what was made before it.
    const notify = new SnsAction(props.alarmTopic);
    const alarm = (alarmId: string, spec: AlarmSpec) => {
      const made = conventionalAlarm(this, alarmId, spec);
      made.addAlarmAction(notify);
      made.addOkAction(notify);
    };
    for (const { queue, holds } of props.failures.all.filter((q) => Stack.of(q.queue) === this)) {
      alarm(`${queue.node.id}NotEmpty`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `Messages in a failure queue: ${holds} (docs/webhooks.md#failures).`,
      });
    }
    for (const [name, fn] of this.functions.all) {
      alarm(`${pascalCase(name)}Errors`, {
        metric: fn.metricErrors({ statistic: 'Sum', period: Duration.minutes(5) }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        description: `${name} failed (an unhandled error or a timeout). Its logs carry the correlationId to follow.`,
      });
    }
    for (const name of new Set(SUBSCRIPTIONS.filter((s) => nested(s.fn)).map((s) => s.fn))) {
      alarm(`${pascalCase(name)}Backlog`, {
        metric: this.functions.get(name).metric('AsyncEventAge', { statistic: 'Maximum', period: Duration.minutes(1) }),
        threshold: Duration.minutes(5).toMilliseconds(),
        evaluationPeriods: 5,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `${name} has events waiting more than 5 minutes (throttled or retrying); after 6 hours they go to its failure queue.`,
      });
    }
    // As the main stack's: none of these has reserved concurrency, so any throttle is an alarm, summed in one.
    const all = this.functions.all;
    alarm('FunctionThrottles', {
      metric: sumOf(
        all.map(([, fn]) => fn.metricThrottles({ statistic: 'Sum', period: Duration.minutes(5) })),
        `Throttles of ${all.map(([name]) => name).join(', ')}`,
      ),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      description: `Lambda throttled one of ${all.map(([name]) => name).join(', ')} (the alarm's graph shows which).`,
    });
  }

  /** cdk-nag's IAM5 findings on the `<namePrefix>-*` resources, each acknowledged by its exact id. */
  private acknowledgePrefixGrants(scope: Construct, kinds: ReadonlyArray<keyof ReturnType<typeof prefixGrantFindings>>): void {
    const ids = prefixGrantFindings(this.namePrefix);
    Validations.of(scope).acknowledge(
      ...kinds.map((kind) => ({
        id: ids[kind],
        reason:
          "Partners' connections, API destinations and rules are made when an admin registers a webhook, named " +
          '<namePrefix>-<webhookId>: the grant names that prefix, so it reaches this deployment’s webhook resources and nothing else.',
      })),
    );
  }

  /** Env and grants of a function that makes and removes partners' delivery paths: on `<namePrefix>-*` names only. */
  private bindDestinations(fn: BriefingsFunction, bus: IEventBus, arn: (resource: string) => string, ruleArns: string): void {
    fn.addEnvironment(WEBHOOK_ENV.namePrefix, this.namePrefix);
    fn.addEnvironment(WEBHOOK_ENV.deadLetterQueueArn, this.deadLetters.queueArn);
    fn.addEnvironment(WEBHOOK_ENV.invocationRoleArn, this.invocationRole.roleArn);
    fn.addEnvironment(ENV.eventBusName, bus.eventBusName);
    fn.addToRolePolicy(new PolicyStatement({ actions: [...DESTINATION_ACTIONS.connection], resources: [arn(`connection/${this.namePrefix}-*`)] }));
    fn.addToRolePolicy(
      new PolicyStatement({ actions: [...DESTINATION_ACTIONS.apiDestination], resources: [arn(`api-destination/${this.namePrefix}-*`)] }),
    );
    fn.addToRolePolicy(new PolicyStatement({ actions: [...DESTINATION_ACTIONS.rule], resources: [ruleArns] }));
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [...DESTINATION_ACTIONS.connectionSecret],
        resources: [`arn:${Aws.PARTITION}:secretsmanager:${Aws.REGION}:${Aws.ACCOUNT_ID}:secret:events!connection/${this.namePrefix}-*`],
      }),
    );
    this.invocationRole.grantPassRole(fn.role!);
    this.acknowledgePrefixGrants(fn.role!, ['connection', 'apiDestination', 'rule', 'secret']);
  }
}
