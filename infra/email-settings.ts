/**
 * How the email queues are consumed (docs/email.md), CDK-free so the local stack applies the same numbers
 * (infra/constructs/email.ts deploys them).
 */

/** Messages a sender invocation takes at once (50 members each). */
export const SEND_BATCH_SIZE = 2;
/** Sender invocations at once at most: with ~50 emails a second each, well within a production SES send rate once raised; lower it to the account's rate. */
export const SEND_MAX_CONCURRENCY = 20;
/** Shard tasks planned at once (one per shard). */
export const PLAN_MAX_CONCURRENCY = 16;
/** Deliveries of a message before it is dead-lettered. */
export const MAX_RECEIVE_COUNT = 5;
