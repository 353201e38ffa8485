/** The email queues' messages (domain/digest-plan.ts), as the consumers parse them. */
import * as z from 'zod/mini';
import { DIGEST_SHARDS, DigestDay } from '#domain/email.ts';

/**
 * The plan queue: the schedule's start (EventBridge Scheduler sends `{ "kind": "start", "scheduledTime": "<aws.scheduler.scheduled-time>" }`;
 * `npm run digest` locally), or a shard's task.
 */
export const PlanMessage = z.union([
  z.object({ kind: z.literal('start'), scheduledTime: z.optional(z.iso.datetime({ offset: true })), day: z.optional(DigestDay) }),
  z.object({
    kind: z.literal('shard'),
    day: DigestDay,
    shard: z.number().check(z.int(), z.minimum(0), z.maximum(DIGEST_SHARDS - 1)),
    after: z.optional(z.string()),
  }),
]);

export const SendMessage = z.union([
  z.object({ kind: z.literal('daily'), day: DigestDay, userIds: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(100)) }),
  z.object({
    kind: z.literal('instant'),
    userId: z.string().check(z.minLength(1)),
    briefingId: z.string().check(z.minLength(1)),
    briefingVersion: z.number().check(z.int(), z.minimum(1)),
  }),
]);
