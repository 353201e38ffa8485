/**
 * Spec: the local HTTP API serves the generated documents and a rendered,
 * self-contained docs page (the machine may be offline: no CDN).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_FUNCTION, FUNCTIONS, type FunctionName, ROUTES } from '#functions/manifest.ts';
import { LocalHttpApi } from '#local/http-api.ts';
import { createLog } from '#local/log.ts';
import { apiDocsPages } from '#tools/api-docs.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'api-docs-'));
const invoked: FunctionName[] = [];
const functions = Object.fromEntries(
  Object.keys(FUNCTIONS).map((fn) => [
    fn,
    async () => {
      invoked.push(fn as FunctionName);
      return { statusCode: 404, body: '' };
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
  pages: apiDocsPages({ dataDir, apiUrl: (): string => api.url }),
});

beforeAll(() => api.start(0));
afterAll(async () => {
  await api.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the local API docs', () => {
  it('serve the OpenAPI document with this stack as its server, without invoking a function', async () => {
    // Act
    const res = await fetch(`${api.url}/openapi.json`);
    const doc = (await res.json()) as { openapi: string; servers: Array<{ url: string }>; paths: Record<string, unknown> };
    // Assess
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0]!.url).toBe(api.url);
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(ROUTES.map((r) => r.path))].sort());
    expect(invoked).toEqual([]);
  });

  it('serve the AsyncAPI document', async () => {
    const res = await fetch(`${api.url}/asyncapi.json`);
    expect(((await res.json()) as { asyncapi: string }).asyncapi).toBe('3.1.0');
  });

  it('render the HTTP API as one self-contained page: no script, style or font from elsewhere', async () => {
    // Act
    const res = await fetch(`${api.url}/docs`);
    const html = await res.text();
    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('Signal Briefings API');
    expect(html.match(/<(script|link|img)\b[^>]*\b(src|href)="(https?:)?\/\/[^"]*"/g) ?? []).toEqual([]);
    expect(html).toContain('"disableTelemetry":true');
  });

  it('leave every other request to the routes', async () => {
    // Act
    const res = await fetch(`${api.url}/docs/nothing-here`);
    // Assess
    expect(res.status).toBe(404);
    expect(invoked).toEqual([FALLBACK_FUNCTION]);
  });
});
