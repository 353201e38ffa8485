/**
 * HTTP read load with autocannon against the local API (loopback only), and
 * the floors in the same run: a bare node HTTP server in the same process
 * that answers each request with the one read the handler does (table-reads.ts:
 * the Query of the briefing's public parts, of its member parts, or of the
 * feed page), with no validation, auth, shaping or API Gateway emulation.
 * So each ratio is what the handler adds to the same DynamoDB read. autocannon
 * runs in a child process so it does not share the event loop it is measuring.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_AWS } from '#local/engines.ts';
import type { LocalStack } from './local.ts';
import { ratio } from './stats.ts';
import { briefingMemberQuery, briefingPublicQuery, feedPageQuery } from './table-reads.ts';

export interface LoadResult {
  name: string;
  url: string;
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors + timeouts + non-2xx answers. */
  errors: number;
  /** req/s as a share of the matching floor's. */
  ratioToFloor: number;
}

export interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export function autocannon(url: string, opts: { seconds: number; connections: number; headers?: Record<string, string> }): Promise<AutocannonJson> {
  const args = [AUTOCANNON, '--json', '--no-progress', '-c', String(opts.connections), '-d', String(opts.seconds)];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    // 'close', not 'exit': 'exit' can fire before the child's stdout has been read to the end.
    child.on('close', (code, signal) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code ?? signal}: ${err}`));
      try {
        resolve(JSON.parse(out) as AutocannonJson);
      } catch {
        reject(new Error(`autocannon printed no JSON: ${out.slice(0, 200)} ${err.slice(0, 200)}`));
      }
    });
  });
}

/** The floors: a bare server doing the handler's one read per request with the plain SDK client. */
async function startFloorServer(
  stack: LocalStack,
  briefingId: string,
): Promise<{ itemUrl: string; memberUrl: string; pageUrl: string; stop: () => Promise<void> }> {
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: stack.endpoints.dynamodb });
  const queries = {
    '/item': briefingPublicQuery(stack.tableName, briefingId),
    '/member': briefingMemberQuery(stack.tableName, briefingId),
    '/page': feedPageQuery(stack.tableName),
  };
  const server = createServer((req, res) => {
    const query = queries[(req.url ?? '') as keyof typeof queries] ?? queries['/item'];
    client.send(query).then(
      ({ Items = [] }) => {
        res.writeHead(Items.length ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(Items));
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    itemUrl: `${base}/item`,
    memberUrl: `${base}/member`,
    pageUrl: `${base}/page`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      client.destroy();
    },
  };
}

const FLOORS = {
  item: 'floor: bare server + the public-parts Query',
  member: 'floor: bare server + the member-parts Query',
  page: 'floor: bare server + one feed Query',
} as const;

/** The floor runs before the route runs, in seconds of their own (run.ts budgets them). */
export const FLOOR_RUNS = Object.keys(FLOORS).length;

/** Runs the floors, then each route, one after the other. */
export async function measureHttpLoad(opts: {
  stack: LocalStack;
  briefingId: string;
  memberToken: string;
  seconds: number;
  floorSeconds: number;
  connections: number;
  log: (line: string) => void;
}): Promise<LoadResult[]> {
  const { stack, briefingId, seconds, connections } = opts;
  const floor = await startFloorServer(stack, briefingId);
  const runs: Array<{ name: string; url: string; seconds: number; floor?: string; headers?: Record<string, string> }> = [
    { name: FLOORS.item, url: floor.itemUrl, seconds: opts.floorSeconds },
    { name: FLOORS.member, url: floor.memberUrl, seconds: opts.floorSeconds },
    { name: FLOORS.page, url: floor.pageUrl, seconds: opts.floorSeconds },
    { name: 'anonymous GET /briefings/{id}', url: `${stack.apiUrl}/briefings/${briefingId}`, seconds, floor: FLOORS.item },
    {
      name: 'member GET /briefings/{id}',
      url: `${stack.apiUrl}/briefings/${briefingId}`,
      seconds,
      floor: FLOORS.member,
      headers: { authorization: `Bearer ${opts.memberToken}` },
    },
    { name: 'GET /briefings (page of 20)', url: `${stack.apiUrl}/briefings?limit=20`, seconds, floor: FLOORS.page },
  ];
  const results: Array<Omit<LoadResult, 'ratioToFloor'> & { floor?: string }> = [];
  try {
    for (const run of runs) {
      opts.log(`  ${run.name}: ${run.seconds} s, ${connections} connections`);
      const r = await autocannon(run.url, { seconds: run.seconds, connections, ...(run.headers ? { headers: run.headers } : {}) });
      results.push({
        name: run.name,
        url: run.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
        seconds: r.duration,
        connections,
        requests: r.requests.total,
        requestsPerSecond: r.requests.total / r.duration,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        errors: r.errors + r.timeouts + r.non2xx,
        ...(run.floor ? { floor: run.floor } : {}),
      });
    }
  } finally {
    await floor.stop();
  }
  const rateOf = (name: string | undefined) => results.find((r) => r.name === name)?.requestsPerSecond ?? Number.NaN;
  return results.map(({ floor: floorName, ...r }) => ({ ...r, ratioToFloor: floorName ? ratio(r.requestsPerSecond, rateOf(floorName)) : 1 }));
}
