import { Duration, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RELAY_STREAM_FILTERS } from '#functions/commons/table/schema.ts';
import type { FailureQueues } from './failure-queues.ts';

/** Props of {@link OutboxRelay}. */
export interface OutboxRelayProps {
  table: ITableV2;
  /** The manifest's STREAM_CONSUMER; its bus access comes from its `putsEvents`. */
  relay: IFunction;
  failures: FailureQueues;
}

/**
 * The transactional outbox's second half: the table stream, filtered to inserted
 * outbox items and briefing heads that announce their re-score, feeds the relay, which publishes them to the bus. Writers never
 * call EventBridge, so a state change and its event cannot part ways.
 */
export class OutboxRelay extends Construct {
  /** Stream batches the relay could not publish after its retries (their stream coordinates). */
  readonly failedBatches: Queue;

  constructor(scope: Construct, id: string, props: OutboxRelayProps) {
    super(scope, id);
    // Lambda writes only the batch's stream coordinates here; the outbox items stay in the table (TTL: a day).
    this.failedBatches = props.failures.add(this, 'FailedBatches', 'stream batches relay-events could not publish after its retries');
    props.relay.addEventSource(
      new DynamoEventSource(props.table, {
        // TRIM_HORIZON: a replaced mapping replays what it missed; consumers deduplicate on eventId.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        // A poison record is isolated by bisecting and reported alone, not retried with its whole batch.
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.failedBatches),
        // Filtered out by Lambda, not the handler: other writes never invoke (or bill) the relay.
        filters: RELAY_STREAM_FILTERS.map((f) => FilterCriteria.filter(f)),
      }),
    );
    Validations.of(props.relay).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'relay-events is invoked synchronously by its stream event source mapping, never asynchronously, so a function DLQ ' +
        "would never receive anything; failed batches go to the mapping's on-failure queue (FailedBatches).",
    });
  }
}
