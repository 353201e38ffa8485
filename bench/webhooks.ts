/**
 * `npm run bench:webhooks`: what signed webhook deliveries cost (issue 17.3), on the local stack. Not part of
 * `npm run bench` (it starts its own stack) nor of `npm test`.
 *
 *   BENCH_WEBHOOKS=12        partner webhooks, a third of each tier, every briefing (no filter)
 *   BENCH_PUBLICATIONS=5     briefings published through the editor's route, one after the other
 *
 * Registers the partners (receivers on 127.0.0.1 that check each signature), publishes, and measures per
 * publication what prepare-webhook-deliveries did (invocations and their duration, DynamoDB units) and what
 * was delivered (events, bytes); prices it per million deliveries with bench/cost.ts `webhookCost`, next to
 * the floor of a design on API destinations (one event and one API destination invocation per delivery).
 * Writes bench/webhooks-results.json and .md.
 */
import './env.ts';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DEMO_BRIEFINGS, DEMO_PASSWORD, DEMO_USERS } from '#local/demo-data.ts';
import { CapacityRecorder } from './capacity.ts';
import { webhookCost } from './cost.ts';
import { expectCall, startBenchStack } from './local.ts';
import { median, sum } from './stats.ts';

const PARTNERS = Number(process.env['BENCH_WEBHOOKS'] ?? 12);
const PUBLICATIONS = Number(process.env['BENCH_PUBLICATIONS'] ?? 5);
const TIERS = ['public', 'strategy-circle', 'leadership-alliance'] as const;
const MEMORY_MB = 256;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const { stack, tokens, cleanup } = await startBenchStack();
const received: Array<{ bytes: number; verified: boolean }> = [];
const secrets = new Map<string, string>();
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const secret = secrets.get(String(req.url).slice(1)) ?? '';
    const expected = `v1=${createHmac('sha256', secret).update(`${req.headers['signal-timestamp']}.`).update(raw).digest('hex')}`;
    received.push({ bytes: raw.length, verified: req.headers['signal-signature'] === expected });
    res.writeHead(204).end();
  });
});
try {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const admin = DEMO_USERS.find((u) => (u.groups as readonly string[]).includes('admins'))!;
  const adminToken = (await stack.signIn(admin.email, DEMO_PASSWORD)).accessToken;
  const { ddb } = await import('#functions/commons/clients/dynamodb.ts');
  const recorder = new CapacityRecorder(ddb);
  const prepareMs: number[] = [];
  stack.observeInvocations((fn, ms) => {
    if (fn === 'prepare-webhook-deliveries') prepareMs.push(ms);
  });

  log(`registering ${PARTNERS} partner webhooks (${TIERS.join(', ')} in turn)`);
  for (let i = 0; i < PARTNERS; i++) {
    const path = `partner-${i}`;
    const res = await expectCall(stack, 201, 'POST', '/webhooks', {
      token: adminToken,
      body: { name: `Bench partner ${i}`, url: `http://127.0.0.1:${port}/${path}`, tier: TIERS[i % TIERS.length], rateLimitPerSecond: 50 },
    });
    secrets.set(path, (res.json as { signingSecret: string }).signingSecret);
  }
  await stack.settled();

  const demo = DEMO_BRIEFINGS.find((d) => d.publish === 'editor') ?? DEMO_BRIEFINGS[0]!;
  const { relatedKeys, autoPublish, ...input } = demo.input;
  const deliveryEvents: number[] = [];
  const { calls } = await recorder.window(async () => {
    for (let n = 0; n < PUBLICATIONS; n++) {
      // A fresh draft with one of its real sources, published by the editor: one Briefing Published each.
      const created = await expectCall(stack, 201, 'POST', '/briefings', { token: tokens.analyst, body: { ...input, related: [] } });
      const briefingId = (created.json as { briefingId: string }).briefingId;
      const { expectDuplicate, ...source } = demo.sources[0]!;
      await expectCall(stack, 201, 'POST', '/sources', { token: tokens.analyst, body: { ...source, briefingId } });
      await stack.settled();
      await expectCall(stack, 200, 'POST', `/briefings/${briefingId}/publish`, { token: tokens.editor });
      await stack.settled();
    }
  });
  for (const event of stack.bus.received) {
    if (event.envelope['detail-type'] === 'Webhook Delivery Requested') deliveryEvents.push(Buffer.byteLength(JSON.stringify(event.envelope)));
  }
  const prepareCalls = calls.filter((c) => c.fn === 'prepare-webhook-deliveries');
  const deliveries = received.length;
  if (deliveries !== PARTNERS * PUBLICATIONS) throw new Error(`expected ${PARTNERS * PUBLICATIONS} deliveries, received ${deliveries}`);
  const unverified = received.filter((r) => !r.verified).length;

  // Module init of a consumer of the same shape as measured by the last full bench (a cold start's 1% share; negligible here).
  const resultsFile = fileURLToPath(new URL('./results.json', import.meta.url));
  const coldRows: Array<{ name: string; initMs: number }> = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')).coldStart?.rows ?? [])
    : [];
  const initMs =
    coldRows.find((r) => r.name === 'prepare-webhook-deliveries')?.initMs ?? coldRows.find((r) => r.name === 'alert-followers')?.initMs ?? 60;
  const run = {
    deliveries,
    prepareInvocations: prepareMs.length,
    prepareMs: median(prepareMs),
    prepareInitMs: initMs,
    rcu: sum(prepareCalls.map((c) => c.rcu)),
    wcu: sum(prepareCalls.map((c) => c.wcu)),
    eventBytes: Math.round(sum(deliveryEvents) / Math.max(1, deliveryEvents.length)),
    bodyBytes: Math.round(sum(received.map((r) => r.bytes)) / Math.max(1, deliveries)),
    memoryMb: MEMORY_MB,
  };
  const cost = webhookCost(run);
  const results = { at: new Date().toISOString(), partners: PARTNERS, publications: PUBLICATIONS, unverified, run, cost };
  const dollars = (x: number) => `$${x.toFixed(3)}`;
  const md = [
    `# bench:webhooks (${results.at.slice(0, 10)}): ${PARTNERS} partners × ${PUBLICATIONS} publications`,
    '',
    '| | per million deliveries |',
    '|---|---|',
    `| prepare-webhook-deliveries | ${run.prepareInvocations} invocations (one per publication), median ${run.prepareMs.toFixed(0)} ms: ${dollars(cost.perMillion.lambda)} |`,
    `| DynamoDB (the webhooks and the briefing, read once per publication) | ${run.rcu.toFixed(1)} RCU in all: ${dollars(cost.perMillion.dynamoDb)} |`,
    `| EventBridge events (one per delivery, ${run.eventBytes} B) | ${dollars(cost.perMillion.eventBridge)} |`,
    `| API destination invocations (one per delivery, ${run.bodyBytes} B body) | ${dollars(cost.perMillion.apiDestinations)} |`,
    `| **total** | **${dollars(cost.perMillion.total)}**, ${cost.ratio.toFixed(2)}× the floor (${dollars(cost.floorPerMillion)}: one event and one API destination invocation per delivery) |`,
    `| not in the total: data transfer out of the bodies | ${dollars(cost.dataTransferOutPerMillion)} |`,
    '',
    `${deliveries} deliveries received, ${unverified} failing their receiver's signature check.`,
    '',
  ].join('\n');
  writeFileSync(new URL('./webhooks-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(new URL('./webhooks-results.md', import.meta.url), md);
  console.log(md);
} finally {
  await new Promise((resolve) => server.close(resolve));
  await cleanup();
}
