import { Duration } from 'aws-cdk-lib';
import { EventBus, Rule, type EventPattern } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { SubscriptionSpec } from '../../functions/manifest.ts';

/**
 * The custom event bus and the manifest's subscriptions to it. Nothing is lost
 * silently: events EventBridge cannot deliver go to the rule target's queue, and
 * events the function fails on (after Lambda's async retries) to the function's.
 */
export class Events extends Construct {
  readonly bus: EventBus;
  private readonly failedInvocations = new Map<IFunction, Queue>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus');
  }

  /** One rule with the manifest's pattern, targeting the subscribed function. */
  subscribe(subscription: SubscriptionSpec, fn: IFunction): Rule {
    const undelivered = deadLetterQueue(this, `${subscription.rule}Undelivered`);
    const rule = new Rule(this, subscription.rule, {
      eventBus: this.bus,
      description: `${subscription.fn} on ${subscription.pattern['detail-type'].join(', ')}`,
      eventPattern: toCdkPattern(subscription.pattern),
    });
    rule.addTarget(
      new LambdaFunction(fn, { deadLetterQueue: undelivered, retryAttempts: 8, maxEventAge: Duration.hours(2) }),
    );
    this.catchFailedInvocations(fn);
    return rule;
  }

  /** A function's async-invoke config can be set once, however many rules target it. */
  private catchFailedInvocations(fn: IFunction): void {
    if (this.failedInvocations.has(fn)) return;
    const failed = deadLetterQueue(this, `${fn.node.id}FailedInvocations`);
    fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: new SqsDestination(failed) });
    this.failedInvocations.set(fn, failed);
  }
}

/** An encrypted, TLS-only queue that keeps failures for the longest SQS allows. */
export function deadLetterQueue(scope: Construct, id: string): Queue {
  return new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
}

/**
 * The manifest writes patterns as EventBridge JSON (`detail-type`); CDK's
 * EventPattern spells top-level keys in camelCase and dash-cases them again when
 * rendering, so the template carries the manifest's pattern verbatim.
 */
function toCdkPattern(pattern: object): EventPattern {
  return Object.fromEntries(
    Object.entries(pattern).map(([key, value]) => [key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), value]),
  ) as EventPattern;
}
