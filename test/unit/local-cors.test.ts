/**
 * Spec: the local HTTP API applies the stage's CORS policy as API Gateway does: it answers a
 * preflight itself (no function runs) with the allowed methods and headers for an allowed origin,
 * gives any other origin no CORS headers, and marks actual responses to allowed origins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_FUNCTION, FUNCTIONS, type FunctionName, ROUTES } from '#functions/manifest.ts';
import { CORS_EXPOSED_HEADERS, CORS_MAX_AGE_SECONDS, CORS_METHODS, CORS_REQUEST_HEADERS } from '#infra/cors.ts';
import { LocalHttpApi } from '#local/http-api.ts';
import { createLog } from '#local/log.ts';

const ALLOWED = 'https://app.example.com';
const invoked: FunctionName[] = [];
const functions = Object.fromEntries(
  Object.keys(FUNCTIONS).map((fn) => [
    fn,
    async () => {
      invoked.push(fn as FunctionName);
      return { statusCode: 200, headers: { 'content-type': 'application/json', etag: '"v1"' }, body: '{}' };
    },
  ]),
) as Record<FunctionName, () => Promise<unknown>>;
const api = new LocalHttpApi({
  routes: ROUTES,
  fallback: FALLBACK_FUNCTION,
  functions,
  authorizer: { issuer: 'http://127.0.0.1:1/pool', audience: 'client' },
  region: 'eu-west-1',
  log: createLog({ quiet: true }),
  corsOrigins: [ALLOWED],
});

beforeAll(() => api.start(0));
afterAll(() => api.stop());

const corsHeadersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')));

function preflight(path: string, origin: string, requestHeaders = 'authorization,content-type') {
  return fetch(`${api.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': requestHeaders },
  });
}

describe('CORS on the local HTTP API', () => {
  it('answers the preflight of an allowed origin itself, with the methods, headers and max age of infra/cors.ts', async () => {
    // Prepare
    invoked.length = 0;
    // Act
    const res = await preflight('/briefings/b-1', ALLOWED);
    // Assess
    expect(res.status).toBe(204);
    expect(corsHeadersOf(res)).toEqual({
      'access-control-allow-origin': ALLOWED,
      'access-control-allow-methods': CORS_METHODS.join(','),
      'access-control-allow-headers': CORS_REQUEST_HEADERS.join(','),
      'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
    });
    expect(invoked).toEqual([]);
  });

  it.each([
    ['another origin', 'https://evil.example', 'authorization'],
    ['the allowed origin with a path', `${ALLOWED}/`, 'authorization'],
    ['a request header the API does not read', ALLOWED, 'x-api-key'],
  ])('gives %s no CORS headers, so the browser refuses', async (_case, origin, requestHeaders) => {
    // Act
    const res = await preflight('/briefings/b-1', origin, requestHeaders);
    // Assess
    expect(res.status).toBe(204);
    expect(corsHeadersOf(res)).toEqual({});
  });

  it('marks an actual response to an allowed origin, exposing the headers a client reads', async () => {
    // Act
    const res = await fetch(`${api.url}/briefings`, { headers: { origin: ALLOWED } });
    // Assess
    expect(res.status).toBe(200);
    expect(corsHeadersOf(res)).toEqual({
      'access-control-allow-origin': ALLOWED,
      'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(','),
    });
  });

  it('adds nothing for a request from another origin or from no browser at all', async () => {
    // Act
    const other = await fetch(`${api.url}/briefings`, { headers: { origin: 'https://evil.example' } });
    const none = await fetch(`${api.url}/briefings`);
    // Assess
    expect(corsHeadersOf(other)).toEqual({});
    expect(corsHeadersOf(none)).toEqual({});
  });

  it('routes an OPTIONS that is not a preflight like any other method (to the fallback)', async () => {
    // Prepare
    invoked.length = 0;
    // Act
    await fetch(`${api.url}/briefings`, { method: 'OPTIONS' });
    // Assess
    expect(invoked).toEqual([FALLBACK_FUNCTION]);
  });
});
