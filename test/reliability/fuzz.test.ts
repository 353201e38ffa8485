/**
 * Proof: no input breaks a write route. 10,000 generated requests (bodies,
 * path parameters, query strings, content types, callers) go to every write
 * route of functions/manifest.ts through its real handler (middy, API Gateway
 * v2 events) against the in-memory table. None may answer 5xx; every error is
 * problem+json with type, title, status and detail; and a refused request
 * writes nothing (no table write at all, so no outbox record either).
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { toItem as entitlementItem } from '#functions/commons/table/entitlements.ts';
import { ROUTES, type RouteSpec } from '#functions/manifest.ts';
import { inDays } from '#test/support/clock.ts';
import { recordFor } from '#test/support/entitlements.ts';
import { briefingInput } from '#test/support/fixtures.ts';
import { claimsFor, context, httpEvent } from '#test/support/lambda.ts';
import { ingestBody, worldFor } from './scenario.ts';
import { handlerOf, type World } from './simulated-aws.ts';

const mocks = { ddb: mockClient(DynamoDBDocumentClient), bus: mockClient(EventBridgeClient) };

const SEED = Number(process.env['FC_SEED'] ?? 20260620);
const RUNS = Number(process.env['FC_RUNS'] ?? 10_000);

const WRITE_ROUTES = ROUTES.filter((r) => r.method !== 'GET');

const CALLERS = {
  nobody: undefined,
  member: claimsFor('member-1', ['strategy-circle']),
  leadership: claimsFor('leader-1', ['leadership-alliance']),
  analyst: claimsFor('analyst-1', ['analysts']),
  editor: claimsFor('editor-1', ['editors']),
  admin: claimsFor('admin-1', ['admins']),
};
type Caller = keyof typeof CALLERS;
/** Who may call each route; most requests come from them, so that they reach validation and the handler's work. */
const ENTITLED: Partial<Record<RouteSpec['fn'], Caller>> = {
  'create-briefing': 'analyst',
  'ingest-source': 'analyst',
  'publish-briefing': 'editor',
  'retract-briefing': 'editor',
  'edit-briefing': 'analyst',
};

/** A plausible body for each route: the starting point of most mutations (unknown routes start from `{}`). */
function validBody(route: RouteSpec, n: number): unknown {
  switch (`${route.method} ${route.path}`) {
    case 'POST /briefings':
      return briefingInput();
    case 'POST /sources':
      return ingestBody({ kind: 'ingest', briefing: n % 3, source: n, sourceKind: 'reporting', stance: 'supports' });
    case 'PATCH /briefings/{briefingId}':
      return { sections: { headline: `Edited headline ${n}`, whatToWatch: ['Permit rulings'] }, related: [`b-${n % 3}`] };
    case 'PUT /members/{userId}/entitlement':
      return { tier: 'leadership-alliance', roles: [], validUntil: inDays(365) };
    case 'DELETE /members/{userId}/entitlement':
      return { reason: 'membership ended' };
    case 'POST /briefings/{briefingId}/retract':
      return { reason: `The central claim was withdrawn (${n})` };
    default:
      return {};
  }
}

/** Replaces, removes or adds one value somewhere inside a JSON value. */
function mutate(value: unknown, pick: number, replacement: unknown, action: 'replace' | 'remove' | 'add'): unknown {
  const paths: Array<Array<string | number>> = [];
  const walk = (v: unknown, path: Array<string | number>) => {
    paths.push(path);
    if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i]);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  const path = paths[pick % paths.length]!;
  if (path.length === 0)
    return action === 'add' && value && typeof value === 'object' && !Array.isArray(value) ? { ...value, unexpected: replacement } : replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const parent = path.slice(0, -1).reduce<any>((v, k) => v[k], copy);
  const key = path.at(-1)!;
  if (action === 'remove') Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
  else if (action === 'add' && parent[key] && typeof parent[key] === 'object' && !Array.isArray(parent[key]))
    parent[key] = { ...parent[key], unexpected: replacement };
  else parent[key] = replacement;
  return copy;
}

const pathParam = fc.oneof(
  fc.constantFrom('b-0', 'b-1', 'b-2', 'b-404', 'analyst-1', 'member-1', 'admin-1', 'nobody-404'),
  fc.string({ minLength: 1, maxLength: 80 }).filter((s) => !s.includes('/')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }).filter((s) => !s.includes('/')),
);

const requestArb = fc.record({
  route: fc.constantFrom(...WRITE_ROUTES),
  caller: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(Object.keys(CALLERS) as Caller[])) },
    { weight: 7, arbitrary: fc.constant('entitled' as const) },
  ),
  params: fc.array(pathParam, { minLength: 2, maxLength: 2 }),
  query: fc.option(fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 4 }), { nil: undefined }),
  body: fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('valid' as const), n: fc.nat(50) }) },
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('mutated' as const),
        n: fc.nat(50),
        pick: fc.nat(),
        action: fc.constantFrom('replace' as const, 'remove' as const, 'add' as const),
        replacement: fc.jsonValue({ maxDepth: 2 }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.string({ unit: 'binary', maxLength: 200 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('none' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge' as const), size: fc.integer({ min: 64 * 1024 - 16, max: 80 * 1024 }) }) },
  ),
  contentType: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/problem+json', undefined) },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data') },
  ),
  base64: fc.boolean(),
  // If-Match (read by PATCH): the staff ETags of the seeded versions, other forms, junk, or none.
  ifMatch: fc.option(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('"v1-staff"', '"v2-staff"', '"v3-staff"', '"v4-staff"') },
      { weight: 1, arbitrary: fc.constantFrom('*', '"v1-public"', 'W/"v1-staff"', '"v1-staff", "v2-staff"') },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    ),
    { nil: undefined, freq: 4 },
  ),
});
type Request = typeof requestArb extends fc.Arbitrary<infer R> ? R : never;

function rawBody(req: Request): string | undefined {
  const b = req.body;
  switch (b.kind) {
    case 'valid':
      return JSON.stringify(validBody(req.route, b.n));
    case 'mutated':
      return JSON.stringify(mutate(validBody(req.route, b.n), b.pick, b.replacement, b.action));
    case 'json':
      return JSON.stringify(b.value);
    case 'raw':
      return b.text;
    case 'huge':
      return JSON.stringify({ pad: 'x'.repeat(b.size) });
    case 'none':
      return undefined;
  }
}

function eventFor(req: Request) {
  const names = [...req.route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const pathParameters = Object.fromEntries(names.map((name, i) => [name, req.params[i]!]));
  let path = req.route.path;
  for (const [name, value] of Object.entries(pathParameters)) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const body = rawBody(req);
  // Admins may call every staff route, so they stand in for routes not listed in ENTITLED.
  const claims = CALLERS[req.caller === 'entitled' ? (ENTITLED[req.route.fn] ?? 'admin') : req.caller];
  const event = httpEvent({
    method: req.route.method,
    path,
    routeKey: `${req.route.method} ${req.route.path}`,
    ...(names.length ? { pathParameters } : {}),
    ...(req.query ? { query: req.query } : {}),
    ...(claims ? { claims } : {}),
    ...(body !== undefined ? { rawBody: req.base64 ? Buffer.from(body).toString('base64') : body } : {}),
  });
  event.isBase64Encoded = body !== undefined && req.base64;
  if (req.ifMatch !== undefined) event.headers['if-match'] = req.ifMatch;
  if (req.contentType) event.headers['content-type'] = req.contentType;
  else delete event.headers['content-type'];
  return event;
}

let world: World;
beforeAll(async () => {
  world = await worldFor({ briefings: [{ complete: true }, { complete: true, autoPublish: 'A' }, { complete: false }] }, { mocks });
  for (const claims of [CALLERS.member, CALLERS.leadership, CALLERS.admin]) world.table.seed(entitlementItem(recordFor(claims)));
});

describe('fuzzing the write routes', () => {
  it(`answers ${RUNS} generated requests without a 5xx, with problem+json errors and no partial writes`, async () => {
    // Prepare
    const statuses = new Map<number, number>();
    const handlers = new Map(await Promise.all(WRITE_ROUTES.map(async (r) => [r.fn, await handlerOf(r.fn)] as const)));

    await fc.assert(
      fc.asyncProperty(requestArb, async (req) => {
        const writesBefore = world.table.stream.length;
        // Act
        const res = (await handlers.get(req.route.fn)!(eventFor(req), context)) as APIGatewayProxyStructuredResultV2;
        // Assess
        const status = res.statusCode!;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status, res.body).toBeLessThan(500);
        if (status >= 400) {
          expect(res.headers?.['content-type']).toBe('application/problem+json');
          const problem = JSON.parse(String(res.body));
          expect(problem).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
          expect(world.table.stream.length, `a ${status} wrote to the table`).toBe(writesBefore);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    // Assess: the generator reached the handlers' work, not only their guards
    const count = (test: (status: number) => boolean) => [...statuses].filter(([s]) => test(s)).reduce((sum, [, n]) => sum + n, 0);
    expect(
      count((s) => s >= 200 && s < 300),
      JSON.stringify([...statuses]),
    ).toBeGreaterThan(RUNS / 100);
    expect(count((s) => s === 400)).toBeGreaterThan(RUNS / 10);
    for (const s of [401, 403, 404, 409, 412, 413, 415, 428]) expect(statuses.get(s) ?? 0, `status ${s}`).toBeGreaterThan(0);
  });
});
