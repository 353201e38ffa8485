/**
 * The daily digest's planning (docs/email.md): the schedule starts a run, the run splits into one task per shard,
 * and each task pages its shard's members (the sparse index partition of the daily members), enqueuing them in
 * batches for the sender, until its page budget or time budget is spent; what is left of the shard goes on in the
 * next task, after the last member enqueued. So no invocation handles more than `MAX_MEMBERS_PER_TASK` members or
 * runs past its budget, however many members there are: 1,000,000 members are ~16 parallel chains of ~4 tasks.
 *
 * Pure: the pages, the queue and the clock are ports handed in (functions/email/plan-daily-digests.ts wires them).
 */
import { DIGEST_SHARDS } from './email.ts';

/** Members per send message: a sender invocation's work per message (each member is ~6 table requests and one SendEmail). */
export const MEMBERS_PER_MESSAGE = 50;
/** Members read per index Query: keys only (~80 B each), so one Query reads ~80 KB (20 RCU). */
export const PLAN_PAGE = 1000;
/** Members one task plans at most; the rest of the shard goes on in a continuation. */
export const MAX_MEMBERS_PER_TASK = 20_000;
/** Wall time a task plans into: a third of its 30 s timeout. A page starts only while the budget allows another. */
export const PLAN_TIME_BUDGET_MS = 10_000;

/** A message of the plan queue: the start of a day's run, or one shard's task. */
export type PlanTask = { kind: 'start'; day: string } | { kind: 'shard'; day: string; shard: number; after?: string };

/** A message of the send queue: a batch of a day's digests, or one instant alert. */
export type SendTask =
  | { kind: 'daily'; day: string; userIds: string[] }
  | { kind: 'instant'; userId: string; briefingId: string; briefingVersion: number };

/** The shard tasks of a day's run. */
export function shardTasks(day: string): PlanTask[] {
  return Array.from({ length: DIGEST_SHARDS }, (_, shard) => ({ kind: 'shard' as const, day, shard }));
}

/** What planning one shard task needs: its pages, the queues, and the clock (ms). */
export interface PlanPorts {
  page(shard: number, after: string | undefined, limit: number): Promise<{ userIds: string[]; more: boolean }>;
  enqueueSends(tasks: SendTask[]): Promise<void>;
  enqueuePlan(task: PlanTask): Promise<void>;
  clock(): number;
}

export interface PlanReport {
  members: number;
  messages: number;
  pages: number;
  /** Set when the shard goes on in another task, after this member. */
  continuedAfter?: string;
}

/**
 * Plans one shard task within the budgets: pages of members become send messages of MEMBERS_PER_MESSAGE, each
 * page enqueued before the next is read (so a crash loses no member: a redelivered task re-enqueues, and the
 * sender's claim per member and day sends each digest once). A page starts only if the slowest page so far
 * could still finish within the time budget.
 */
export async function planShard(
  task: Extract<PlanTask, { kind: 'shard' }>,
  ports: PlanPorts,
  budget: { maxMembers: number; timeMs: number } = { maxMembers: MAX_MEMBERS_PER_TASK, timeMs: PLAN_TIME_BUDGET_MS },
): Promise<PlanReport> {
  const started = ports.clock();
  const deadline = started + budget.timeMs;
  let after = task.after;
  let members = 0;
  let messages = 0;
  let pages = 0;
  let slowestPageMs = 0;
  let more = true;
  while (more && members < budget.maxMembers && (pages === 0 || ports.clock() + slowestPageMs <= deadline)) {
    const pageStarted = ports.clock();
    const page = await ports.page(task.shard, after, Math.min(PLAN_PAGE, budget.maxMembers - members));
    pages++;
    const sends: SendTask[] = [];
    for (let i = 0; i < page.userIds.length; i += MEMBERS_PER_MESSAGE) {
      sends.push({ kind: 'daily', day: task.day, userIds: page.userIds.slice(i, i + MEMBERS_PER_MESSAGE) });
    }
    if (sends.length > 0) await ports.enqueueSends(sends);
    members += page.userIds.length;
    messages += sends.length;
    after = page.userIds.at(-1) ?? after;
    more = page.more && page.userIds.length > 0;
    slowestPageMs = Math.max(slowestPageMs, ports.clock() - pageStarted);
  }
  if (!more) return { members, messages, pages };
  await ports.enqueuePlan({ kind: 'shard', day: task.day, shard: task.shard, ...(after !== undefined ? { after } : {}) });
  return { members, messages, pages, ...(after !== undefined ? { continuedAfter: after } : {}) };
}
