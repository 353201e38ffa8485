/**
 * `npm run bench:digest`: the daily email digest for many members (issue 17 point 2, docs/email.md), on the local
 * stack with its real SES v2 endpoint (aws-ses-v2-local) and local queues. Not part of `npm run bench` nor of `npm test`.
 *
 *   BENCH_MEMBERS=10000   members with a daily preference (written straight to the table, as PUT /me/preferences would)
 *
 * Seeds the members (a third each public, Strategy Circle, Leadership Alliance: their entitlement records), each with
 * two alerts in the digest's window on the seeded demo briefings, starts the day's run as the schedule does, and
 * measures until the pipeline is quiet: members mailed per second, invocations of the planner and the sender (each
 * timed: the longest is what the 30 s timeout must cover), emails received by the SES endpoint and any address mailed
 * twice, DynamoDB work, and the cost per million emails next to its floor (bench/cost.ts `emailCost`).
 * Writes bench/digest-results.json and .md.
 */
import './env.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { MEMBERS_PER_MESSAGE } from '#domain/digest-plan.ts';
import { DIGEST_SHARDS, digestDayCovering, digestShard } from '#domain/email.ts';
import type { Entitlement } from '#domain/entitlement.ts';
import { EMAIL } from '#functions/manifest.ts';
import { deadLetterFile } from '#local/dead-letters.ts';
import { CapacityRecorder, rawDocumentClient } from './capacity.ts';
import { emailCost } from './cost.ts';
import { startBenchStack } from './local.ts';
import { inPool } from './pipeline.ts';
import { median, quantile, sum } from './stats.ts';

const MEMBERS = Number(process.env['BENCH_MEMBERS'] ?? 10_000);
const LAMBDA_TIMEOUT_S = 30;
const TIERS = ['public', 'strategy-circle', 'leadership-alliance'] as const;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const { stack, cleanup } = await startBenchStack();
try {
  const { ddb } = await import('#functions/commons/clients/dynamodb.ts');
  const { alertKey, digestIndexKeys, emailPreferencesKey, EMAIL_PREFERENCES_ENTITY, ALERT_ENTITY } = await import('#functions/commons/table/keys.ts');
  const { toItem: entitlementItem } = await import('#functions/commons/table/entitlements.ts');
  const { SEND_CONCURRENCY } = await import('#functions/email/send-emails.ts');
  const recorder = new CapacityRecorder(ddb);
  const raw = rawDocumentClient(stack);
  const timings: Record<string, number[]> = { [EMAIL.planQueueConsumer]: [], [EMAIL.sendQueueConsumer]: [] };
  stack.observeInvocations((fn, ms) => timings[fn]?.push(ms));

  const now = new Date();
  const day = digestDayCovering(now);
  const briefingIds = [stack.briefings['scale-ai-en'], stack.briefings['meta-ai-talent']].filter((id): id is string => Boolean(id));
  if (briefingIds.length !== 2) throw new Error('the demo briefings scale-ai-en and meta-ai-talent were not seeded');
  const userId = (i: number) => `${(((i + 1) * 2654435761) >>> 0).toString(16).padStart(8, '0')}-digest-${i}`;
  const address = (i: number) => `member-${i}@bench.signal.local`;

  log(`seeding ${MEMBERS} daily members (preference, entitlement, two alerts each; BatchWriteItem, straight to the table)`);
  const seedStart = performance.now();
  const itemsOf = (i: number) => {
    const u = userId(i);
    const tier = TIERS[i % 3]!;
    const at = new Date(now.getTime() - 60_000 - (i % 600) * 1000).toISOString();
    const items: Record<string, unknown>[] = [
      {
        ...emailPreferencesKey(u),
        ...digestIndexKeys(u, digestShard(u)),
        entity: EMAIL_PREFERENCES_ENTITY,
        userId: u,
        delivery: 'daily',
        language: ['en', 'zh', 'zh-Hant'][i % 5 === 0 ? 1 : 0],
        email: address(i),
        updatedAt: at,
      },
      ...briefingIds.map((briefingId) => ({
        ...alertKey(u, { alertedAt: at, briefingId, briefingVersion: 1 }),
        entity: ALERT_ENTITY,
        userId: u,
        briefingId,
        briefingVersion: 1,
        alertedAt: at,
        entityIds: new Set(['scale-ai']),
        briefing: { briefingId },
      })),
    ];
    if (tier !== 'public') {
      const record: Entitlement = {
        userId: u,
        tier,
        roles: [],
        origin: 'admin',
        grantedBy: 'bench',
        validFrom: '2026-01-01T00:00:00.000Z',
        validUntil: new Date(now.getTime() + 30 * 24 * 3600_000).toISOString(),
        version: 1,
        updatedAt: '2026-01-01T00:00:00.000Z',
      };
      items.push(entitlementItem(record));
    }
    return items;
  };
  const items = Array.from({ length: MEMBERS }, (_, i) => itemsOf(i)).flat();
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, b) => items.slice(b * 25, b * 25 + 25));
  await inPool(batches, 16, async (batch) => {
    let request: Record<string, any> | undefined = { [stack.tableName]: batch.map((Item) => ({ PutRequest: { Item } })) };
    while (request && Object.keys(request).length > 0) request = (await raw.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
  });
  log(`seeded ${items.length} items in ${((performance.now() - seedStart) / 1000).toFixed(0)} s; starting the daily run of ${day}`);
  await fetch(`${stack.endpoints.ses}/clear-store`, { method: 'POST' });

  const { result: run, calls } = await recorder.window(async () => {
    for (const list of Object.values(timings)) list.length = 0;
    const started = performance.now();
    stack.startDigest({ day });
    await stack.settled(3_600_000);
    return { seconds: (performance.now() - started) / 1000 };
  });

  const store = (await (await fetch(`${stack.endpoints.ses}/store`)).json()) as {
    emails: Array<{ destination: { to: string[] }; subject: string; body: { text?: string } }>;
  };
  const perAddress = new Map<string, number>();
  for (const m of store.emails) for (const to of m.destination.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
  const benchMails = store.emails.filter((m) => m.destination.to.some((to) => to.endsWith('@bench.signal.local')));
  const mailedTwice = [...perAddress.values()].filter((n) => n > 1).length;
  // The tier at send time shapes each email: a sample of each tier's copy says which sections it opens.
  const tierOf = (to: string) => TIERS[Number(/member-(\d+)@/.exec(to)?.[1] ?? 0) % 3]!;
  const lockedLines = Object.fromEntries(
    TIERS.map((tier) => {
      const mail = benchMails.find((m) => tierOf(m.destination.to[0]!) === tier && !m.subject.includes('每日'));
      return [tier, (mail?.body.text?.match(/Locked:/g) ?? []).length];
    }),
  );
  const deadLetters = existsSync(deadLetterFile(stack.dataDir))
    ? readFileSync(deadLetterFile(stack.dataDir), 'utf8')
        .split('\n')
        .filter((l) => l.includes(EMAIL.sendQueueConsumer) || l.includes(EMAIL.planQueueConsumer)).length
    : 0;
  const byFn = (fn: string) => calls.filter((c) => c.fn.includes(fn));
  const requests: Record<string, Record<string, number>> = {};
  for (const c of calls) {
    requests[c.fn] ??= {};
    requests[c.fn]![c.command] = (requests[c.fn]![c.command] ?? 0) + 1;
  }
  const planner = timings[EMAIL.planQueueConsumer]!;
  const sender = timings[EMAIL.sendQueueConsumer]!;
  const sent = benchMails.length;
  const cost = emailCost({
    emails: sent,
    rru: sum(calls.map((c) => c.rcu)),
    wru: sum(calls.map((c) => c.wcu)),
    invocations: [
      { count: planner.length, ms: sum(planner) },
      { count: sender.length, ms: sum(sender) },
    ],
    sqsMessages: sum(Object.values(stack.queues.stats).map((q) => q.sent)),
    sqsDeliveries: sum(Object.values(stack.queues.stats).map((q) => q.invocations)),
  });
  const results = {
    ranAt: new Date().toISOString(),
    cpus: availableParallelism(),
    node: process.version,
    members: MEMBERS,
    day,
    shards: DIGEST_SHARDS,
    membersPerMessage: MEMBERS_PER_MESSAGE,
    sendConcurrency: SEND_CONCURRENCY,
    emails: sent,
    mailedTwice,
    deadLetters,
    lockedSectionsPerTier: lockedLines,
    seconds: run.seconds,
    membersPerSecond: sent / run.seconds,
    queues: stack.queues.stats,
    invocations: {
      planner: { count: planner.length, p50: median(planner), max: Math.max(...planner) },
      sender: { count: sender.length, p50: median(sender), p99: quantile(sender, 0.99), max: Math.max(...sender) },
      timeoutMs: LAMBDA_TIMEOUT_S * 1000,
    },
    dynamoDb: {
      rcuPerEmail: sum(calls.map((c) => c.rcu)) / Math.max(1, sent),
      wcuPerEmail: sum(calls.map((c) => c.wcu)) / Math.max(1, sent),
      plannerIndexRcu: sum(byFn('plan-daily-digests').map((c) => c.rcu)),
      requests,
    },
    perMillionEmails: cost,
    projection1M: {
      planTasks: Math.ceil(1_000_000 / DIGEST_SHARDS / 20_000) * DIGEST_SHARDS,
      sendMessages: Math.ceil(1_000_000 / MEMBERS_PER_MESSAGE),
      senderInvocations: Math.ceil(1_000_000 / MEMBERS_PER_MESSAGE / 2),
      minutesAtMeasuredRate: 1_000_000 / (sent / run.seconds) / 60,
    },
  };
  const md = [
    `Run ${results.ranAt}, ${results.cpus} CPUs, Node ${results.node}; ${MEMBERS} daily members (a third each public, Strategy Circle, Leadership Alliance), two briefings each, digest of ${day}.`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| emails received by the SES endpoint / addresses mailed twice | ${sent} of ${MEMBERS} / ${mailedTwice} |`,
    `| start message → pipeline quiet | ${run.seconds.toFixed(1)} s |`,
    `| members mailed per second | ${results.membersPerSecond.toFixed(0)} |`,
    `| planner invocations, wall time p50 / max | ${planner.length}, ${median(planner).toFixed(0)} / ${Math.max(...planner).toFixed(0)} ms (timeout ${LAMBDA_TIMEOUT_S} s) |`,
    `| sender invocations, wall time p50 / p99 / max | ${sender.length}, ${median(sender).toFixed(0)} / ${quantile(sender, 0.99).toFixed(0)} / ${Math.max(...sender).toFixed(0)} ms (timeout ${LAMBDA_TIMEOUT_S} s) |`,
    `| dead-lettered messages | ${deadLetters} |`,
    `| locked-section markers in a sample email, public / Strategy Circle / Leadership Alliance | ${TIERS.map((t) => lockedLines[t]).join(' / ')} |`,
    `| DynamoDB per email | ${results.dynamoDb.rcuPerEmail.toFixed(2)} RCU + ${results.dynamoDb.wcuPerEmail.toFixed(2)} WCU |`,
    `| cost per million emails | $${cost.total.toFixed(2)} (SES $${cost.ses.toFixed(2)}, DynamoDB $${cost.dynamoDb.toFixed(2)}, Lambda $${cost.lambda.toFixed(3)}, SQS $${cost.sqs.toFixed(3)}) |`,
    `| floor (SES, one claim written, preference, tier and alerts read once) | $${cost.floor.toFixed(2)}: ${cost.ratio.toFixed(3)}× |`,
    `| beyond SES: this design / its floor | $${cost.beyondSes.toFixed(2)} / $${cost.floorBeyondSes.toFixed(2)}: ${cost.ratioBeyondSes.toFixed(2)}× |`,
    `| 1,000,000 members (projection) | ${results.projection1M.planTasks} plan tasks (16 shards in parallel), ${results.projection1M.sendMessages} send messages, ~${results.projection1M.senderInvocations} sender invocations; ${results.projection1M.minutesAtMeasuredRate.toFixed(0)} min at this machine's rate |`,
    '',
  ].join('\n');
  const out = (name: string) => fileURLToPath(new URL(name, import.meta.url));
  writeFileSync(out('digest-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(out('digest-results.md'), md);
  console.log(md);
  raw.destroy();
} finally {
  await cleanup();
}
