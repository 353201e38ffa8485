/**
 * Crash test (issue 14, point 3): the local stack, as its own process, is killed (SIGKILL, or the
 * documented SIGTERM) at a random moment while concurrent POST /sources are in flight on briefings with
 * an auto-publish rule, round after round on the same data directory. Then it starts again, the pipeline
 * settles and the reconciler runs until it finds nothing to re-drive. Afterwards:
 *
 * - no stuck briefing: every briefing is scored from all its stored sources (re-scoring them changes
 *   nothing) and none is left due for auto-publishing;
 * - no duplicated effect: one event id per change (Source Ingested per source, Briefing Scored and
 *   Briefing Published per version), at most one `published` snapshot per briefing, and the follower
 *   holds exactly one alert per announced published version (none missing, none twice).
 *
 * Random but replayable: the seed is printed; `CRASH_SEED=<n>` replays it, `CRASH_ROUNDS=<n>` sets the
 * rounds (4 in `npm test`; `npm run test:crash` runs 12).
 */
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { dueForAutoPublish, rescore } from '#domain/briefing.ts';
import type { SourceKind } from '#domain/scoring.ts';
import { DEMO_BRIEFINGS } from '#local/demo-data.ts';
import { LOCAL_AWS } from '#local/engines.ts';
import { recordEvents, recordedEvents, seededRandom } from '#test/support/crash.ts';
import { killGroup, type StackChild, startStackChild } from '#test/support/stack-child.ts';
import { startTestStack } from './harness.ts';

const SCRIPT = join(import.meta.dirname, '../support/stack-process.ts');
const SEED = process.env['CRASH_SEED'] ? Number(process.env['CRASH_SEED']) : randomInt(2 ** 31);
const ROUNDS = Number(process.env['CRASH_ROUNDS'] ?? 4);
/** The followed entities: every briefing of the test names both. */
const FOLLOWED = ['scale-ai', 'meta'];
const KINDS: SourceKind[] = ['social', 'social', 'social', 'reporting', 'direct'];
/** The member the crash stack process creates (test/support/stack-process.ts). */
const MEMBER = { email: 'crash-member@test.signal.local', password: 'Test-pass-2026!', groups: ['strategy-circle'] };

const dataDir = mkdtempSync(join(tmpdir(), 'signal-briefings-crash-'));
const children: StackChild[] = [];
afterAll(() => {
  for (const c of children) killGroup(c.child, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const demo = DEMO_BRIEFINGS.find((d) => FOLLOWED.every((e) => d.input.entities?.some((r) => r.entityId === e)) && d.publish === 'auto')!;

const post = (apiUrl: string, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** An editor approves the auto-publish rule the analyst proposed (issue 16): PATCH with the staff ETag just read. */
async function approveRule(apiUrl: string, editor: string, briefingId: string): Promise<void> {
  const etag = (await post(apiUrl, editor, 'GET', `/briefings/${briefingId}`)).headers.get('etag') ?? '';
  const res = await post(apiUrl, editor, 'PATCH', `/briefings/${briefingId}`, { autoPublish: { minGrade: 'A/B' } }, { 'if-match': etag });
  expect(res.status).toBe(200);
}

const sourceBody = (briefingId: string, n: number, kind: SourceKind) => ({
  briefingId,
  url: `https://outlet${n}.example.com/crash/report-${n}`,
  publisher: `Outlet ${n} Desk`,
  kind,
  title: `Crash report ${n}`,
  language: 'en',
  publishedAt: new Date(Date.now() - 24 * 3600 * 1000).toISOString(),
  excerpt: Array.from({ length: 45 }, (_, i) => `w${(n * 7919 + i * 104_729) % 100_003}`).join(' '),
});

/** One round: start the stack process, create briefings, send their sources at once, kill it mid-flight. */
async function round(r: number, random: () => number, briefingIds: string[], counter: { n: number; answered: number; sent: number }) {
  const proc = startStackChild(SCRIPT, [dataDir, 'crash']);
  children.push(proc);
  const ready = JSON.parse((await proc.line(/^ready /)).slice('ready '.length)) as {
    apiUrl: string;
    analyst: string;
    member: string;
    editor: string;
  };
  const { relatedKeys: _, autoPublish: __, ...input } = demo.input;
  const fresh: string[] = [];
  for (let b = 0; b < 2 + Math.floor(random() * 2); b++) {
    // The event is today's: the sources are published yesterday (sourceBody), so time costs them nothing.
    const eventDate = new Date().toISOString().slice(0, 10);
    const res = await post(ready.apiUrl, ready.analyst, 'POST', '/briefings', { ...input, eventDate, related: [], autoPublish: { minGrade: 'A/B' } });
    expect(res.status).toBe(201);
    fresh.push(((await res.json()) as { briefingId: string }).briefingId);
    await approveRule(ready.apiUrl, ready.editor, fresh.at(-1)!);
  }
  if (r === 0) {
    // A draft keeps the entities it names secret (issue 16): an editor publishes their profiles before the member follows them.
    for (const e of FOLLOWED) {
      const profile = { name: e, kind: 'company', coverage: `Crash-test coverage of ${e}.`, publish: true };
      expect((await post(ready.apiUrl, ready.editor, 'PUT', `/entities/${e}`, profile)).status).toBe(200);
      expect((await post(ready.apiUrl, ready.member, 'PUT', `/me/watchlist/${e}`)).status).toBe(200);
    }
  }
  // This round's briefings get their five sources; an earlier one sometimes gets one more (a published briefing re-scored).
  const bodies = fresh.flatMap((id) => KINDS.map((kind) => sourceBody(id, ++counter.n, kind)));
  if (briefingIds.length > 0 && random() < 0.5)
    bodies.push(sourceBody(briefingIds[Math.floor(random() * briefingIds.length)]!, ++counter.n, 'reporting'));
  briefingIds.push(...fresh);
  const delayMs = 100 + Math.floor(random() * 800);
  const signal: NodeJS.Signals = random() < 0.7 ? 'SIGKILL' : 'SIGTERM';
  const sent = bodies.map((body) =>
    post(ready.apiUrl, ready.analyst, 'POST', '/sources', body).then(
      (res) => res.status === 201,
      () => false,
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  killGroup(proc.child, signal);
  await proc.exited;
  const answered = (await Promise.all(sent)).filter(Boolean).length;
  counter.sent += bodies.length;
  counter.answered += answered;
  console.log(`crash round ${r + 1}: ${bodies.length} sources sent, ${answered} answered 201, ${signal} after ${delayMs} ms`);
}

describe('crash test', () => {
  it(
    `kills the stack mid-ingestion over ${ROUNDS} rounds; after a restart and the reconciler: no stuck briefing, no duplicated effect`,
    async () => {
      console.log(`crash test: seed ${SEED}, ${ROUNDS} rounds (replay: CRASH_SEED=${SEED} CRASH_ROUNDS=${ROUNDS} npm run test:crash)`);
      // Prepare / Act: the rounds
      const random = seededRandom(SEED);
      const briefingIds: string[] = [];
      const counter = { n: 0, answered: 0, sent: 0 };
      for (let r = 0; r < ROUNDS; r++) await round(r, random, briefingIds, counter);

      // Act: restart on the same data, let the pipeline settle, reconcile until nothing is missing
      const stack = await startTestStack({ dataDir });
      try {
        recordEvents(stack.bus, dataDir);
        await stack.settled();
        const reports: Array<{ redriven: number; failed: number; pending: number }> = [];
        for (let i = 0; i < 5; i++) {
          const report = (await stack.reconcile({ olderThanSeconds: 0 })) as (typeof reports)[number];
          reports.push(report);
          await stack.settled();
          if (report.redriven === 0 && report.failed === 0) break;
        }
        const { loadBriefing, listVersions } = await import('#functions/commons/table/briefings.ts');
        const { pendingChanges } = await import('#functions/commons/table/pending-changes.ts');
        const unconfirmed = await pendingChanges(new Date(), 1000);
        const { sub } = await stack.ensureUser(MEMBER);
        const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_AWS, endpoint: stack.endpoints.dynamodb }));
        const alerts: Array<Record<string, unknown>> = [];
        let start: Record<string, unknown> | undefined;
        do {
          const page = await ddb.send(
            new QueryCommand({
              TableName: stack.tableName,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :alert)',
              ExpressionAttributeValues: { ':pk': `MEMBER#${sub}`, ':alert': 'ALERT#' },
              ConsistentRead: true,
              ...(start ? { ExclusiveStartKey: start } : {}),
            }),
          );
          alerts.push(...(page.Items ?? []));
          start = page.LastEvaluatedKey;
        } while (start);
        ddb.destroy();
        const events = recordedEvents(dataDir);
        const briefings = await Promise.all(
          briefingIds.map(async (id) => ({ id, loaded: await loadBriefing(id), versions: await listVersions(id) })),
        );
        const published = briefings.filter((b) => b.loaded?.briefing.status === 'published').length;
        const sources = briefings.reduce((n, b) => n + (b.loaded?.sources.length ?? 0), 0);
        console.log(
          `crash test: ${briefingIds.length} briefings, ${counter.sent} sources sent, ${counter.answered} answered, ${sources} stored, ` +
            `${published} published; reconciler re-drove ${reports.map((r) => r.redriven).join(' + ')}; ${alerts.length} alerts`,
        );

        // Assess: the reconciler ends with nothing missing
        expect(reports.at(-1)).toMatchObject({ redriven: 0, failed: 0 });
        expect(unconfirmed, 'every awaited change has its consequence confirmed').toEqual([]);
        expect(sources).toBeGreaterThan(0);
        // Assess: no stuck briefing
        for (const { id, loaded } of briefings) {
          expect(loaded, id).toBeDefined();
          const { briefing, sources: stored } = loaded!;
          // A briefing whose every POST was cut off has no source, so nothing to score it from.
          if (stored.length > 0)
            expect(rescore(briefing, stored, new Date()).briefing, `${id} is scored from all ${stored.length} of its sources`).toBe(briefing);
          expect(dueForAutoPublish(briefing), `${id} (${briefing.confidence.grade}) is not left due for auto-publishing`).toBe(false);
        }
        // Assess: no duplicated effect
        const idsPerChange = new Map<string, Set<string>>();
        for (const e of events) {
          const key = `${e.detailType} ${e.briefingId} ${e.subject}`;
          idsPerChange.set(key, (idsPerChange.get(key) ?? new Set()).add(e.eventId));
        }
        for (const [change, ids] of idsPerChange) expect([...ids], change).toHaveLength(1);
        for (const { id, versions, loaded } of briefings) {
          const publications = (versions ?? []).filter((v) => v.action === 'published');
          expect(publications, `${id}: published once, if at all`).toHaveLength(loaded!.briefing.status === 'published' ? 1 : 0);
        }
        const announced = [...new Set(events.filter((e) => e.detailType === 'Briefing Published').map((e) => `${e.briefingId}#${e.subject}`))].sort();
        const alerted = alerts.map((a) => `${String(a['briefingId'])}#${String(a['briefingVersion'])}`).sort();
        expect(alerted).toEqual(announced); // one alert per announced version: none missing, none twice
        for (const a of alerts) expect([...(a['entityIds'] as string[])].sort()).toEqual([...FOLLOWED].sort());
      } finally {
        await stack.stop();
      }
    },
    180_000 + ROUNDS * 60_000,
  );
});
