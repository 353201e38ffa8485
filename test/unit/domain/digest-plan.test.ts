/**
 * The daily digest's planning (domain/digest-plan.ts): walking a shard task by task reaches every member exactly
 * once, whatever the page results, and no task plans past its member budget or its time budget (on a fake clock).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEMBERS_PER_MESSAGE, PLAN_PAGE, type PlanPorts, type PlanTask, planShard, type SendTask, shardTasks } from '#domain/digest-plan.ts';
import { DIGEST_SHARDS } from '#domain/email.ts';

type ShardTask = Extract<PlanTask, { kind: 'shard' }>;

/** A shard's members in the index, a clock that advances `msPerPage` per page read, and what was enqueued. */
function fakes(members: readonly string[], msPerPage = 10) {
  const sorted = [...members].sort();
  let now = 0;
  const sends: SendTask[] = [];
  const plans: PlanTask[] = [];
  let queries = 0;
  const ports: PlanPorts = {
    async page(_shard, after, limit) {
      queries++;
      now += msPerPage;
      const start = sorted.filter((u) => after === undefined || u > after);
      return { userIds: start.slice(0, limit), more: start.length > limit };
    },
    async enqueueSends(tasks) {
      sends.push(...tasks);
    },
    async enqueuePlan(task) {
      plans.push(task);
    },
    clock: () => now,
  };
  return { ports, sends, plans, queries: () => queries };
}

/** Runs a shard's tasks to the end, as the plan queue would; returns every member enqueued and the tasks run. */
async function runShard(members: readonly string[], budget: { maxMembers: number; timeMs: number }, msPerPage = 10) {
  const f = fakes(members, msPerPage);
  let tasks = 0;
  let next: ShardTask | undefined = { kind: 'shard', day: '2026-12-03', shard: 3 };
  while (next) {
    tasks++;
    const before = f.plans.length;
    const report = await planShard(next, f.ports, budget);
    expect(report.members).toBeLessThanOrEqual(budget.maxMembers);
    next = f.plans.length > before ? (f.plans.at(-1) as ShardTask) : undefined;
  }
  const enqueued = f.sends.flatMap((s) => (s.kind === 'daily' ? s.userIds : []));
  return { enqueued, tasks, sends: f.sends };
}

describe('planning a shard', () => {
  it('enqueues every member exactly once, in messages of at most MEMBERS_PER_MESSAGE, whatever the budgets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 4, maxLength: 8 }), { maxLength: 3000 }),
        fc.integer({ min: 1, max: 5000 }),
        async (members, maxMembers) => {
          const { enqueued, sends } = await runShard(members, { maxMembers, timeMs: 10_000 });
          expect(enqueued.sort()).toEqual([...members].sort());
          for (const s of sends) expect(s.kind === 'daily' && s.userIds.length).toBeLessThanOrEqual(MEMBERS_PER_MESSAGE);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hands the rest of the shard to a continuation after the member budget, after the last member enqueued', async () => {
    const members = Array.from({ length: 2500 }, (_, i) => `m${String(i).padStart(5, '0')}`);
    const f = fakes(members);
    const report = await planShard({ kind: 'shard', day: '2026-12-03', shard: 0 }, f.ports, { maxMembers: 1000, timeMs: 10_000 });
    expect(report).toMatchObject({ members: 1000, messages: 1000 / MEMBERS_PER_MESSAGE, continuedAfter: 'm00999' });
    expect(f.plans).toEqual([{ kind: 'shard', day: '2026-12-03', shard: 0, after: 'm00999' }]);
  });

  it('starts no page that the slowest page so far could not finish within the time budget', async () => {
    const members = Array.from({ length: 20 * PLAN_PAGE }, (_, i) => `m${String(i).padStart(6, '0')}`);
    // Each page takes 3 s on the fake clock: within 10 s, three pages (the fourth would end at 12 s).
    const f = fakes(members, 3000);
    const report = await planShard({ kind: 'shard', day: '2026-12-03', shard: 0 }, f.ports, { maxMembers: 1_000_000, timeMs: 10_000 });
    expect(f.queries()).toBe(3);
    expect(report.members).toBe(3 * PLAN_PAGE);
    expect(report.continuedAfter).toBeDefined();
  });

  it('always reads one page, so a slow table still makes progress', async () => {
    const f = fakes(['a', 'b'], 60_000);
    const report = await planShard({ kind: 'shard', day: '2026-12-03', shard: 0 }, f.ports, { maxMembers: 10, timeMs: 1000 });
    expect(report).toMatchObject({ members: 2, pages: 1 });
    expect(f.plans).toEqual([]);
  });

  it('plans 1,000,000 members in at most ~4 tasks per shard with the deployed budgets', async () => {
    const perShard = Math.ceil(1_000_000 / DIGEST_SHARDS);
    const members = Array.from({ length: perShard }, (_, i) => `m${String(i).padStart(7, '0')}`);
    const { enqueued, tasks } = await runShard(members, { maxMembers: 20_000, timeMs: 10_000 }, 100);
    expect(enqueued).toHaveLength(perShard);
    expect(tasks).toBeLessThanOrEqual(4);
  });

  it('starts a day with one task per shard', () => {
    expect(shardTasks('2026-12-03')).toHaveLength(DIGEST_SHARDS);
    expect(new Set(shardTasks('2026-12-03').map((t) => t.kind === 'shard' && t.shard)).size).toBe(DIGEST_SHARDS);
  });
});
