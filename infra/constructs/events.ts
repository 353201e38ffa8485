import { Duration, Validations } from 'aws-cdk-lib';
import { type Archive, EventBus, type EventPattern, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '#events/index.ts';
import type { ScheduleSpec, SubscriptionSpec } from '#functions/manifest.ts';
import type { FailureQueues } from './failure-queues.ts';

/** How long the bus archive keeps every event this system emits, for replay. */
export const ARCHIVE_RETENTION = Duration.days(30);

/** Props of {@link Events}. */
export interface EventsProps {
  /** Where undeliverable and failed events are kept. */
  failures: FailureQueues;
}

/**
 * The custom event bus, its archive and the manifest's subscriptions to it.
 * Nothing is lost silently: events EventBridge cannot deliver go to the rule
 * target's queue, events the function fails on (after Lambda's async retries)
 * to the function's, and every event is archived for 30 days so that a window
 * can be replayed (docs/reliability.md) once a fault is fixed.
 */
export class Events extends Construct {
  readonly bus: EventBus;
  readonly archive: Archive;
  private readonly failures: FailureQueues;
  private readonly withFailureDestination = new Set<IFunction>();

  constructor(scope: Construct, id: string, props: EventsProps) {
    super(scope, id);
    this.failures = props.failures;
    this.bus = new EventBus(this, 'Bus');
    // Only our own events: replaying them is safe because every consumer recomputes from current state.
    this.archive = this.bus.archive('Archive', {
      description: 'Every signal-briefings event, for replay after a consumer fault',
      eventPattern: { source: [EVENT_SOURCE] },
      retention: ARCHIVE_RETENTION,
    });
  }

  /**
   * One rule with the manifest's pattern, targeting the subscribed function; made in `scope` (default this construct),
   * with its failure queues, so a nested stack's function has its rule in that stack.
   */
  subscribe(subscription: SubscriptionSpec, fn: IFunction, scope: Construct = this): Rule {
    const undelivered = this.failures.add(
      scope,
      `${subscription.rule}Undelivered`,
      `events ${subscription.rule} could not deliver to ${subscription.fn}`,
    );
    const rule = new Rule(scope, subscription.rule, {
      eventBus: this.bus,
      description: `${subscription.fn} on ${subscription.pattern['detail-type'].join(', ')}`,
      eventPattern: toCdkPattern(subscription.pattern),
    });
    rule.addTarget(new LambdaFunction(fn, { deadLetterQueue: undelivered, retryAttempts: 8, maxEventAge: Duration.hours(2) }));
    this.catchFailedInvocations(fn, subscription.fn, scope);
    return rule;
  }

  /**
   * A schedule rule (on the account's default bus, where EventBridge runs schedules) invoking the
   * function every `everyMinutes`; a missed run is retried twice, then kept like a failed event.
   */
  schedule(spec: ScheduleSpec, fn: IFunction): Rule {
    const undelivered = this.failures.add(this, `${spec.rule}Undelivered`, `scheduled runs ${spec.rule} could not deliver to ${spec.fn}`);
    const rule = new Rule(this, spec.rule, {
      description: `${spec.fn} every ${spec.everyMinutes} minutes`,
      schedule: Schedule.rate(Duration.minutes(spec.everyMinutes)),
    });
    // A run older than the next one is worth nothing: the next run does the same work.
    rule.addTarget(new LambdaFunction(fn, { deadLetterQueue: undelivered, retryAttempts: 2, maxEventAge: Duration.minutes(spec.everyMinutes) }));
    this.catchFailedInvocations(fn, spec.fn);
    return rule;
  }

  /** A function's async-invoke config can be set once, however many rules target it. */
  private catchFailedInvocations(fn: IFunction, name: string, scope: Construct = this): void {
    if (this.withFailureDestination.has(fn)) return;
    const failed = this.failures.add(scope, `${fn.node.id}FailedInvocations`, `${name} invocations that failed after Lambda's retries`);
    fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: new SqsDestination(failed) });
    Validations.of(fn).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        `${name} is invoked asynchronously by EventBridge and has an on-failure destination (queue ${failed.node.id}), ` +
        'which records the error with the event; a dead-letter queue as well would hold the same events twice.',
    });
    this.withFailureDestination.add(fn);
  }
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
