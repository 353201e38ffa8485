/**
 * Reserved concurrency of the functions that write the table on their own schedule rather than a
 * person's; kept free of the CDK so the local stack applies the same caps (local/lambda-runtime.ts).
 */
import { FOLLOWER_SEGMENTS } from '#domain/fan-out.ts';
import type { FunctionName } from '#functions/manifest.ts';

/**
 * Each consumer invocation is a consistent read plus a two-item transaction on one briefing; without a
 * cap, an archive replay or a DLQ redrive of thousands of events would start up to the account's whole
 * concurrency at once, throttle on the briefing's partition, burn retries on version conflicts and
 * starve the API of concurrency. Throttled asynchronous events are not lost: Lambda keeps them for up to
 * 6 hours (maxEventAge) and the Backlog alarm fires after 5 minutes. The relay needs no cap: the stream
 * runs one invocation per shard.
 */
export const RESERVED_CONCURRENCY: Partial<Record<FunctionName, number>> = {
  'score-briefing': 10,
  'auto-publish-briefing': 5,
  // One per segment of a large following (domain/fan-out.ts), so a million followers go on 16 at a time.
  'alert-followers': FOLLOWER_SEGMENTS,
};
