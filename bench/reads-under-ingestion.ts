/**
 * Reads under ingestion (issue 6): 50 concurrent connections on anonymous
 * reads for the whole window, split between GET /briefings/{id} (the typical
 * demo briefing) and GET /briefings (the feed page the pipeline keeps
 * rewriting), each in its own autocannon child, while this process POSTs
 * sources across many fresh briefings with an A/B auto-publish rule (a
 * briefing's 5 sources one after another, as bench/pipeline.ts does; later
 * rounds add evidence to briefings already published, so re-scores rewrite
 * feed entries while the feed is read). Ingestion starts before the
 * readers and stops when they stop; then the pipeline is left to settle
 * (bounded) and the events of the window's sources are counted.
 */

import { type AutocannonJson, autocannon } from './http-load.ts';
import { call, type EventTap, type LocalStack, type Tokens } from './local.ts';
import { createRuleBriefings, deadLetters, KINDS, sourceBody } from './pipeline.ts';
import { quantile } from './stats.ts';

export interface ReadUnderIngestionRun {
  name: string;
  url: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors + timeouts. */
  errors: number;
  non2xx: number;
}

export interface ReadsUnderIngestionResult {
  seconds: number;
  connections: number;
  reads: ReadUnderIngestionRun[];
  total: { requests: number; requestsPerSecond: number; errors: number; non2xx: number };
  ingestion: {
    briefings: number;
    /** POSTs in flight at a time (each on a different briefing). */
    concurrency: number;
    /** POST /sources answered 201 while the readers ran. */
    sourcesIngested: number;
    sourcesPerSecond: number;
    /** POST /sources answered anything but 201. */
    failedPosts: number;
    postMs: { p50: number; p99: number };
    /** The window's sources announced by Source Ingested on the bus (before the readers stopped / after settling). */
    sourceIngestedInWindow: number;
    sourceIngested: number;
    /** The window's sources followed by a Briefing Scored of their briefing (the scorer reads every source of the briefing). */
    sourcesReachedScored: number;
    /** Briefing Scored / Briefing Published events of the ingestion briefings, after settling. */
    briefingScored: number;
    briefingScoredInWindow: number;
    briefingPublished: number;
    /** Readers stopped → pipeline quiet (bounded by the settle timeout). */
    drainSeconds: number;
    settled: boolean;
    deadLetters: number;
  };
}

export async function measureReadsUnderIngestion(opts: {
  stack: LocalStack;
  tap: EventTap;
  tokens: Tokens;
  briefingId: string;
  seconds: number;
  /** Reader connections: itemConnections on GET /briefings/{id}, the rest on GET /briefings. */
  connections: number;
  itemConnections: number;
  briefings: number;
  ingestConcurrency: number;
  settleTimeoutMs: number;
  log: (line: string) => void;
}): Promise<ReadsUnderIngestionResult> {
  const { stack, tap, tokens } = opts;
  // Fresh briefings for the ingestion loop, each with a rule its direct source meets.
  const ids = await createRuleBriefings(stack, tokens, opts.briefings, 8);
  await stack.settled(opts.settleTimeoutMs);
  const mine = new Set(ids);
  const eventsBefore = tap.events.length;
  const deadBefore = deadLetters(stack);

  // Ingestion: each worker claims the next briefing (round-robin, wrapping) and posts its 5 sources one after another.
  let stop = false;
  let claimed = 0;
  const sentAt = new Map<string, { briefingId: string; sent: number }>();
  const postMs: number[] = [];
  let failedPosts = 0;
  const worker = async () => {
    while (!stop) {
      const slot = claimed++;
      const b = slot % ids.length;
      const round = Math.floor(slot / ids.length);
      for (const [k, kind] of KINDS.entries()) {
        if (stop) return;
        const briefingId = ids[b]!;
        const sent = performance.now();
        const res = await call(stack, 'POST', '/sources', {
          token: tokens.analyst,
          body: sourceBody(briefingId, 10_000 + b, round * KINDS.length + k, kind),
        });
        if (res.status !== 201) {
          failedPosts++;
          continue;
        }
        if (!stop) {
          postMs.push(res.ms);
          sentAt.set((res.json as { sourceId: string }).sourceId, { briefingId, sent });
        }
      }
    }
  };
  const t0 = performance.now();
  const workers = Promise.all(Array.from({ length: opts.ingestConcurrency }, worker));
  // Let the ingestion reach its pace before the readers start, so it runs for their whole window.
  await new Promise((r) => setTimeout(r, 1000));

  const pageConnections = opts.connections - opts.itemConnections;
  const runs = [
    { name: 'anonymous GET /briefings/{id}', url: `${stack.apiUrl}/briefings/${opts.briefingId}`, connections: opts.itemConnections },
    ...(pageConnections > 0
      ? [{ name: 'GET /briefings (page of 20)', url: `${stack.apiUrl}/briefings?limit=20`, connections: pageConnections }]
      : []),
  ];
  opts.log(
    `  ${runs.map((r) => `${r.connections} connections on ${r.name}`).join(' + ')}, ${opts.seconds} s, ${opts.ingestConcurrency} source POSTs in flight across ${ids.length} briefings`,
  );
  let answers: AutocannonJson[];
  let tEnd: number;
  try {
    answers = await Promise.all(runs.map((r) => autocannon(r.url, { seconds: opts.seconds, connections: r.connections })));
  } finally {
    tEnd = performance.now();
    stop = true;
    await workers;
  }
  const readersStopped = performance.now();
  let settled = true;
  await stack.settled(opts.settleTimeoutMs).catch((error: Error) => {
    settled = false;
    console.warn(`  warning: ${error.message}; reporting what arrived`);
  });
  const drainSeconds = (performance.now() - readersStopped) / 1000;

  const reads = runs.map((r, i) => {
    const a = answers[i]!;
    return {
      name: r.name,
      url: r.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
      connections: r.connections,
      seconds: a.duration,
      requests: a.requests.total,
      requestsPerSecond: a.requests.total / a.duration,
      p50Ms: a.latency.p50,
      p99Ms: a.latency.p99,
      errors: a.errors + a.timeouts,
      non2xx: a.non2xx,
    };
  });
  const events = tap.events.slice(eventsBefore).filter((e) => mine.has(e.detail['briefingId']));
  const ingested = events.filter((e) => e.type === 'Source Ingested' && sentAt.has(e.detail['sourceId']));
  const scored = events.filter((e) => e.type === 'Briefing Scored');
  const lastScoredAt = new Map<string, number>();
  for (const e of scored) lastScoredAt.set(e.detail['briefingId'], Math.max(lastScoredAt.get(e.detail['briefingId']) ?? 0, e.at));
  const reachedScored = ingested.filter((e) => (lastScoredAt.get(e.detail['briefingId']) ?? 0) > e.at).length;
  const windowSeconds = (tEnd - t0) / 1000;
  const totalRequests = reads.reduce((s, r) => s + r.requests, 0);
  return {
    seconds: Math.max(...reads.map((r) => r.seconds)),
    connections: opts.connections,
    reads,
    total: {
      requests: totalRequests,
      requestsPerSecond: reads.reduce((s, r) => s + r.requestsPerSecond, 0),
      errors: reads.reduce((s, r) => s + r.errors, 0),
      non2xx: reads.reduce((s, r) => s + r.non2xx, 0),
    },
    ingestion: {
      briefings: ids.length,
      concurrency: opts.ingestConcurrency,
      sourcesIngested: sentAt.size,
      sourcesPerSecond: sentAt.size / windowSeconds,
      failedPosts,
      postMs: { p50: quantile(postMs, 0.5), p99: quantile(postMs, 0.99) },
      sourceIngestedInWindow: ingested.filter((e) => e.at <= tEnd).length,
      sourceIngested: ingested.length,
      sourcesReachedScored: reachedScored,
      briefingScored: scored.length,
      briefingScoredInWindow: scored.filter((e) => e.at <= tEnd).length,
      briefingPublished: events.filter((e) => e.type === 'Briefing Published').length,
      drainSeconds,
      settled,
      deadLetters: deadLetters(stack) - deadBefore,
    },
  };
}
