/**
 * The Powertools tracer, for the bus consumers and the stream relay only: the
 * X-Ray SDK it brings adds ~125 KB to a bundle, which the API functions'
 * cold-start budget (≤ 1.3× the floor) has no room for; their traces are the
 * segment Lambda's active tracing records. Import this module from consumer
 * code only (functions/commons/consumer.ts, functions/pipeline/relay-events.ts, a
 * consumer-only client): test/unit/tracer-bundles.test.ts fails when an API
 * bundle contains it.
 *
 * Off outside Lambda, and wherever POWERTOOLS_TRACE_ENABLED=false (unit tests,
 * the local stack): then `traced` leaves a client as it is.
 */
import { Tracer } from '@aws-lambda-powertools/tracer';

/** One tracer per function; the `Service` annotation comes from POWERTOOLS_SERVICE_NAME. */
export const tracer = new Tracer();

/** Records each call of an AWS SDK v3 client (a document client too) as a subsegment; returns the same client. */
export const traced = <C>(client: C): C => tracer.captureAWSv3Client(client);
