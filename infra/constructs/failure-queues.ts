import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** How many times a message may be received from a failure queue (by a redrive or an inspection script) before it is parked. */
export const MAX_RECEIVES_BEFORE_PARKING = 5;

/** A failure queue and what fails into it, for alarms and the runbook. */
export interface FailureQueue {
  queue: Queue;
  /** What lands here, in a few words (`score-briefing invocations that failed after retries`). */
  holds: string;
}

/**
 * Every queue that keeps a failure: events a rule could not deliver, events a
 * consumer failed on after its retries, stream batches the relay could not
 * publish. All are encrypted, TLS-only, and keep messages for 14 days (the
 * SQS maximum, counted from the first enqueue). Each redrives to one shared
 * `Parked` queue: a message that a redrive or an inspection script receives
 * and fails on {@link MAX_RECEIVES_BEFORE_PARKING} times moves out of the way
 * instead of blocking the rest. Monitoring alarms on every queue listed here.
 */
export class FailureQueues extends Construct {
  readonly parked: Queue;
  private readonly queues: FailureQueue[] = [];
  private readonly removalPolicy: RemovalPolicy;

  /** `removalPolicy`: RETAIN in prod, so failures still waiting for a redrive outlive a stack delete. */
  constructor(scope: Construct, id: string, props: { removalPolicy: RemovalPolicy }) {
    super(scope, id);
    this.removalPolicy = props.removalPolicy;
    this.parked = secureQueue(this, 'Parked', this.removalPolicy);
    Validations.of(this.parked).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'Parked is the last queue: the dead-letter queue of the failure queues. A redrive policy would need a queue behind it, ' +
        'and so on; its depth alarm and 14-day retention are the end of the line.',
    });
    this.queues.push({ queue: this.parked, holds: 'failure messages that a redrive or script received and failed on 5 times' });
  }

  /** A new failure queue in `scope` (logical ids stay where the failure happens), redriving to {@link parked}. */
  add(scope: Construct, id: string, holds: string): Queue {
    const queue = secureQueue(scope, id, this.removalPolicy, { queue: this.parked, maxReceiveCount: MAX_RECEIVES_BEFORE_PARKING });
    this.queues.push({ queue, holds });
    return queue;
  }

  /** Every failure queue, the parked one included. */
  get all(): readonly FailureQueue[] {
    return this.queues;
  }
}

function secureQueue(scope: Construct, id: string, removalPolicy: RemovalPolicy, deadLetterQueue?: { queue: Queue; maxReceiveCount: number }): Queue {
  return new Queue(scope, id, {
    removalPolicy,
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    ...(deadLetterQueue ? { deadLetterQueue } : {}),
  });
}
