/** The results as JSON (bench/results.json) and markdown (bench/results.md, also printed). */
import { writeFileSync } from 'node:fs';
import { type ColdStartResult, PARTS } from './cold-start.ts';
import type { CostRow } from './cost.ts';
import type { DynamoDbWorkResult } from './dynamodb-work.ts';
import type { LoadResult } from './http-load.ts';
import type { PipelineResult } from './pipeline.ts';
import { ASSUMPTIONS, PRICES } from './prices.ts';
import type { ReadsUnderIngestionResult } from './reads-under-ingestion.ts';
import { ratio, round, sum, times } from './stats.ts';

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; node: string; platform: string };
  settings: Record<string, number>;
  coldStart: ColdStartResult;
  dynamoDb: DynamoDbWorkResult;
  pipeline: PipelineResult;
  http: LoadResult[];
  readsUnderIngestion: ReadsUnderIngestionResult;
  cost: CostRow[];
  prices: typeof PRICES;
  assumptions: typeof ASSUMPTIONS;
}

const GOAL = 1.3;

function table(head: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const n = (x: number, digits = 1) => (Number.isFinite(x) ? round(x, digits).toLocaleString('en-US') : String(x));
const usd = (x: number) => `$${x < 0.1 ? x.toFixed(3) : x.toFixed(2)}`;
const check = (ok: boolean) => (ok ? '✓' : '✗');

function coldStart(c: ColdStartResult): string {
  const rows = c.rows.map((r) => {
    const goal = r.kind === 'api' ? `${check(r.sizeRatio <= GOAL)} size, ${check(r.initRatio <= GOAL)} init` : '';
    return [
      r.name,
      r.kind,
      n(r.bundleKB),
      times(r.sizeRatio),
      n(r.initMs),
      n(r.initMsP90),
      times(r.initRatio),
      n(r.maxRssMB),
      times(r.rssRatio),
      goal,
    ];
  });
  const bundled = c.rows.filter((r) => r.kind !== 'reference');
  const verified = c.identicalToCdk.identical
    ? `the bench's bundle of ${c.identicalToCdk.function} is byte-identical to the one the CDK construct produced in this run`
    : `**the bench's bundle of ${c.identicalToCdk.function} differs from the CDK construct's: the figures below may not be the deployed bundles**`;
  return [
    `Each function bundled with the CDK app's own options (\`BUNDLING\` of infra/constructs/briefings-function.ts: esbuild, ${c.esbuildTarget}, ESM, minified, SDK bundled in, banner, source map); ${verified}.`,
    `Imported by ${c.runs} fresh \`node ${c.nodeOptions}\` processes each (round-robin, the deployed NODE_OPTIONS); memory setting ${c.memoryMb} MB.`,
    `Init = the dynamic import of the bundle, timed inside the child; its × floor is the median, over the rounds, of each import's time over the floor's import in the same round (a ratio of medians swings with the floor's own median on a shared machine); peak RSS = the child's maxRSS. Goal for API functions: ≤ ${GOAL}× the floor in size and init.`,
    '',
    table(
      ['function', 'kind', 'bundle KB', '× floor', 'init ms (median)', 'init ms (p90)', '× floor', 'peak RSS MB', '× floor', `goal ≤ ${GOAL}×`],
      rows,
    ),
    '',
    "What the bundles are made of (minified KB, from esbuild's metafile):",
    '',
    table(
      ['function', ...PARTS, 'total'],
      bundled.map((r) => [r.name, ...PARTS.map((p) => n(r.contents[p] ?? 0)), n(r.bundleKB)]),
    ),
  ].join('\n');
}

function dynamoDb(d: DynamoDbWorkResult): string {
  const costOf = (rcu: number, wcu: number) => rcu * PRICES.dynamoDbPerMillionReadUnits + wcu * PRICES.dynamoDbPerMillionWriteUnits;
  const rows = d.operations.map((o) => [
    o.name,
    n(o.requests, 2),
    n(o.rcu, 2),
    n(o.wcu, 2),
    n(o.reportedUnits, 2),
    `${n(o.floor.requests, 2)} req, ${n(o.floor.rcu, 2)} RCU, ${n(o.floor.wcu, 2)} WCU`,
    times(ratio(o.requests, o.floor.requests)),
    times(ratio(costOf(o.rcu, o.wcu), costOf(o.floor.rcu, o.floor.wcu))),
  ]);
  const anon = d.operations.find((o) => o.name.startsWith('anonymous'))!;
  const list = d.operations.find((o) => o.name.startsWith('GET /briefings'))!;
  const sizes = Object.entries(d.briefings)
    .map(([k, b]) => `${k} ${b.total} B${b.languages.length ? ` (+${b.languages.join(', ')})` : ''}`)
    .join(', ');
  const t = d.typical;
  const f = d.listPage.filtered;
  return [
    `Typical briefing: **${t.key}**, **${t.itemBytes} bytes** in all its parts, of which the public parts (what an anonymous read queries) ${t.publicBytes} B and the member range ${t.memberBytes} B (median of the untranslated published demo briefings; all parts: ${sizes}).`,
    `Responses: anonymous ${t.anonymousResponseBytes} B, member ${t.memberResponseBytes} B` +
      (d.translated
        ? `, translated (${d.translated.key}, ?lang=${d.translated.languages[0]}) ${d.translated.responseBytes} B from ${d.translated.publicBytes} B of public parts`
        : '') +
      `; list page ${d.listPage.items} items, ${d.listPage.responseBytes} B; filtered by entity ${f.entityId}: ${f.items} items, ${f.responseBytes} B. ` +
      `Publishing wrote ${d.feedEntries.count} feed entries (${d.feedEntries.bytes} B), base-table items in the briefing's transaction.`,
    `RCU/WCU are what AWS bills by its documented rules, from item sizes; "Local" is DynamoDB Local's own ReturnConsumedCapacity total, which counts a multi-item transaction as one item.`,
    '',
    table(['operation', 'requests', 'RCU', 'WCU', 'Local CU', 'floor', 'requests × floor', 'DynamoDB $ × floor'], rows),
    '',
    `Goals: anonymous read = 1 request and 0.5 RCU: ${check(anon.requests === 1 && anon.rcu === 0.5)} (${n(anon.requests, 2)} request, ${n(anon.rcu, 2)} RCU); list page ≤ 1 RCU: ${check(list.rcu <= 1)} (${n(list.rcu, 2)} RCU).`,
    '',
    'Requests seen (costliest instance of each operation):',
    '',
    ...d.operations.flatMap((o) => [`- ${o.name}: ${o.requestsSeen.length ? o.requestsSeen.join('; ') : 'none'}`, `  - floor: ${o.floor.why}`]),
  ].join('\n');
}

function pipeline(p: PipelineResult): string {
  const l = p.latency;
  return [
    `${p.sources} sources (${p.briefings} briefings × ${p.sourcesPerBriefing}: 3 social, 1 reporting, then 1 direct meant to meet the A/B auto-publish rule; distinct texts),`,
    `sources of a briefing sent one after another, ${p.concurrency} briefings in flight. ${p.published} of ${p.briefings} briefings ended in Briefing Published.`,
    '',
    table(
      ['figure', 'value', 'floor (same run)', 'ratio'],
      [
        [
          'throughput, first POST → pipeline quiet',
          `${n(p.sourcesPerSecond)} sources/s (${n(p.seconds)} s)`,
          `${n(p.raw.putsPerSecond)} sequential PutItem/s, one client`,
          times(p.ratioToRawPuts),
        ],
        [
          'API alone, first POST → last 201',
          `${n(p.ingestSourcesPerSecond)} sources/s`,
          'same',
          times(ratio(p.ingestSourcesPerSecond, p.raw.putsPerSecond)),
        ],
        [
          'source POST → its Source Ingested on the bus',
          `p50 ${n(l.sourceToIngestedMs.p50, 0)} ms, p99 ${n(l.sourceToIngestedMs.p99, 0)} ms (max ${n(l.sourceToIngestedMs.max, 0)})`,
          `PutItem p50 ${n(p.raw.putMsP50)} ms`,
          times(ratio(l.sourceToIngestedMs.p50, p.raw.putMsP50)),
        ],
        [
          'briefing: last POST → its last event (Published)',
          `p50 ${n(l.lastSourceToLastEventMs.p50, 0)} ms, p99 ${n(l.lastSourceToLastEventMs.p99, 0)} ms (max ${n(l.lastSourceToLastEventMs.max, 0)})`,
          '',
          '',
        ],
        [
          'DynamoDB requests per source',
          `${n(p.perSource.requests, 2)} (${Object.entries(p.perSource.byFunction)
            .map(([f, x]) => `${f} ${n(x, 2)}`)
            .join(', ')})`,
          '1',
          times(p.perSource.requests),
        ],
        ['capacity per source', `${n(p.perSource.rcu, 2)} RCU + ${n(p.perSource.wcu, 2)} WCU`, '', ''],
        ['failed requests per source (version conflicts, retried)', n(p.perSource.failedRequests, 3), '0', ''],
        [
          'events',
          Object.entries(p.events)
            .map(([t, c]) => `${t} ${c}`)
            .join(', '),
          '',
          '',
        ],
        ['lost', `${l.sourceToIngestedMs.missing} sources never announced, ${p.deadLetters} dead letters`, '0', ''],
      ],
    ),
    '',
    `Raw DynamoDB Local from one client, sequential: ${p.raw.puts} PutItem at ${n(p.raw.putsPerSecond)}/s (p50 ${n(p.raw.putMsP50)} ms), ${p.raw.gets} GetItem at ${n(p.raw.getsPerSecond)}/s (p50 ${n(p.raw.getMsP50)} ms), ${p.raw.itemBytes} B items; feed Query (limit 20) p50 ${n(p.raw.queryMsP50)} ms.`,
    '',
    pipelineBreakdown(p.breakdown),
  ].join('\n');
}

/** Where the pipeline's time went (counters of the local stack's parts over the same window). */
function pipelineBreakdown(b: PipelineResult['breakdown']): string {
  const list = (o: Record<string, number>, digits = 2) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${n(v, digits)}`)
      .join(', ');
  return [
    'Where the time went, over the same window (counters kept by local/; DynamoDB Local applies writes one at a time, so writes per source bound the throughput):',
    '',
    table(
      ['part', 'figure'],
      [
        ['writes per source (failed included)', `${n(sum(Object.values(b.writesByFunction)), 2)}: ${list(b.writesByFunction)}`],
        [
          'CPU per source',
          `this process ${n(b.cpuMsPerSource.node)} ms, DynamoDB Local ${n(b.cpuMsPerSource.dynamodbLocal)} ms; event loop busy ${n(b.eventLoopUtilization * 100, 0)}%`,
        ],
        [
          'functions: invocations per source, mean ms (mean wait for an instance)',
          Object.entries(b.functions)
            .map(([f, x]) => `${f} ${n(x.perSource, 2)}, ${n(x.meanMs, 0)} ms (${n(x.queuedMeanMs, 0)})`)
            .join('; '),
        ],
        [
          'stream relay',
          `${b.relay.polls} polls (${b.relay.emptyPolls} empty), GetRecords ${n(b.relay.getRecordsMeanMs, 0)} ms mean; ${b.relay.batches} batches, ${n(b.relay.invokeMeanMs, 0)} ms mean; ${b.relay.checkpointWrites} checkpoint writes`,
        ],
        [
          'bus',
          `${b.bus.putEvents} PutEvents, ${n(b.bus.journalWaitMeanMs, 0)} ms mean waiting for the journal; ${b.bus.journalSyncs} journal fsyncs (${n(b.bus.linesPerSync)} lines per write, ${n(b.bus.syncMeanMs, 0)} ms mean); ${b.bus.deliveries} deliveries, ${n(b.bus.deliveryMeanMs, 0)} ms mean`,
        ],
        ['failed requests per source', Object.keys(b.failedByFunction).length ? list(b.failedByFunction, 3) : '0'],
      ],
    ),
  ].join('\n');
}

function http(results: LoadResult[]): string {
  const rows = results.map((r) => [
    r.name,
    r.url,
    n(r.requestsPerSecond, 0),
    n(r.p50Ms, 0),
    n(r.p99Ms, 0),
    r.errors,
    r.name.startsWith('floor') ? '(floor)' : times(r.ratioToFloor),
    check(r.errors === 0),
  ]);
  return [
    `autocannon, ${results[0]?.connections} connections, loopback; a non-2xx answer counts as an error.`,
    '',
    table(['run', 'path', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'req/s × floor', 'errors = 0'], rows),
  ].join('\n');
}

function readsUnderIngestion(u: ReadsUnderIngestionResult): string {
  const i = u.ingestion;
  const rows = u.reads.map((r) => [
    r.name,
    r.url,
    r.connections,
    n(r.requestsPerSecond, 0),
    n(r.p50Ms, 0),
    n(r.p99Ms, 0),
    r.errors,
    r.non2xx,
    check(r.errors + r.non2xx === 0),
  ]);
  rows.push([
    '**all reads**',
    '',
    u.connections,
    n(u.total.requestsPerSecond, 0),
    '',
    '',
    u.total.errors,
    u.total.non2xx,
    check(u.total.errors + u.total.non2xx === 0),
  ]);
  return [
    `autocannon, ${u.connections} connections on anonymous reads for ${n(u.seconds, 0)} s, loopback (one child per path), while this process POSTs sources across ${i.briefings} fresh briefings`,
    `(A/B auto-publish rule; a briefing's 5 sources one after another, ${i.concurrency} POSTs in flight, started 1 s before the readers and stopped with them). Goal (issue 6): 0 errors and 0 non-2xx.`,
    '',
    table(['reads', 'path', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'errors = 0'], rows),
    '',
    table(
      ['ingestion during the window', 'value'],
      [
        ['sources ingested (POST /sources → 201)', `${i.sourcesIngested} (${n(i.sourcesPerSecond)} sources/s), ${i.failedPosts} failed POSTs`],
        ['POST /sources latency', `p50 ${n(i.postMs.p50, 0)} ms, p99 ${n(i.postMs.p99, 0)} ms`],
        [
          'announced by Source Ingested',
          `${i.sourceIngestedInWindow} before the readers stopped, ${i.sourceIngested} of ${i.sourcesIngested} after settling`,
        ],
        ['reached Briefing Scored (a Briefing Scored of their briefing followed)', `${i.sourcesReachedScored} of ${i.sourcesIngested}`],
        [
          'events of the ingestion briefings',
          `Briefing Scored ${i.briefingScored} (${i.briefingScoredInWindow} in the window), Briefing Published ${i.briefingPublished}`,
        ],
        [
          'drain after the readers stopped',
          `${n(i.drainSeconds)} s${i.settled ? '' : ' (did not settle within the timeout)'}, ${i.deadLetters} dead letters`,
        ],
      ],
    ),
  ].join('\n');
}

function cost(rows: CostRow[]): string {
  return [
    `US dollars per million operations at the prices of \`bench/prices.ts\` (HTTP API $${PRICES.httpApiPerMillionRequests}/M, Lambda $${PRICES.lambdaPerMillionRequests}/M + $${PRICES.lambdaPerGbSecondArm64}/GB-s arm64,`,
    `DynamoDB $${PRICES.dynamoDbPerMillionReadUnits}/M RRU and $${PRICES.dynamoDbPerMillionWriteUnits}/M WRU, EventBridge $${PRICES.eventBridgePerMillionEvents}/M events).`,
    `Lambda duration: API functions at their measured median latency here, pipeline steps at their summed DynamoDB time, relay-events at ${ASSUMPTIONS.relayDurationMs} ms (stated);`,
    `${ASSUMPTIONS.coldStartShare * 100}% of invocations are cold and also bill their measured init.`,
    '',
    table(
      ['operation', '$ / M', 'floor $ / M', 'ratio', 'HTTP API', 'Lambda req', 'Lambda GB-s', 'DynamoDB', 'EventBridge'],
      rows.map((r) => [
        r.operation,
        usd(r.perMillion.total),
        usd(r.floorPerMillion.total),
        times(r.ratio),
        usd(r.perMillion.httpApi),
        usd(r.perMillion.lambdaRequests),
        usd(r.perMillion.lambdaDuration),
        usd(r.perMillion.dynamoDb),
        usd(r.perMillion.eventBridge),
      ]),
    ),
    '',
    ...rows.flatMap((r) => [`- ${r.operation}: ${r.basis}`, `  - floor: ${r.floorBasis}`]),
  ].join('\n');
}

export function toMarkdown(r: BenchResults): string {
  return [
    `# Benchmark results`,
    '',
    `Run ${r.startedAt}, ${r.machine.cpus} CPUs, Node ${r.machine.node}, ${r.machine.platform}; whole run ${n(r.durationSeconds, 0)} s.`,
    `Settings: ${Object.entries(r.settings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}. Ratios are against a floor measured in the same run.`,
    '',
    '## 1. Cold start',
    '',
    coldStart(r.coldStart),
    '',
    '## 2. DynamoDB work per operation',
    '',
    dynamoDb(r.dynamoDb),
    '',
    '## 3. Pipeline throughput and latency',
    '',
    pipeline(r.pipeline),
    '',
    '## 4. HTTP read load',
    '',
    http(r.http),
    '',
    '## 5. Reads under ingestion',
    '',
    readsUnderIngestion(r.readsUnderIngestion),
    '',
    '## 6. Cost per million operations',
    '',
    cost(r.cost),
    '',
  ].join('\n');
}

export function writeResults(r: BenchResults, files: { json: string; markdown: string }): string {
  const markdown = toMarkdown(r);
  writeFileSync(files.json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(files.markdown, markdown);
  return markdown;
}
