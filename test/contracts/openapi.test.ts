/**
 * Spec: the OpenAPI document is generated from the handlers themselves,
 * documents every route of the manifest as its handler enforces it, and is
 * linted clean by Redocly CLI (redocly.yaml).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ROUTES } from '#functions/manifest.ts';
import { buildOpenApi, type DocumentedRoute, type GeneratedOpenApi, loadRoutes } from '#tools/openapi.ts';

type Json = Record<string, any>;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let routes: DocumentedRoute[];
let generated: GeneratedOpenApi;
let doc: Json;
const dir = mkdtempSync(join(tmpdir(), 'openapi-'));

beforeAll(async () => {
  routes = await loadRoutes();
  generated = buildOpenApi(routes);
  doc = generated.document;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const operation = (route: (typeof ROUTES)[number]): Json | undefined => doc['paths'][route.path]?.[route.method.toLowerCase()];

describe('the OpenAPI document', () => {
  it('documents every route of the manifest, and nothing else', () => {
    // Assess: a gap names the file to change (a new route needs its entry in contracts/responses.ts).
    expect(generated.gaps, generated.gaps.join('\n')).toEqual([]);
    for (const route of ROUTES) expect(operation(route), `${route.method} ${route.path}`).toBeDefined();
    const documented = Object.entries(doc['paths'] as Json).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: security, parameters, body and failures as its handler enforces them',
    (_, route) => {
      // Prepare
      const spec = routes.find((r) => r.route === route)!.spec!;
      // Act
      const op = operation(route)!;
      const params = (op['parameters'] ?? []) as Json[];
      // Assess: jwt routes require a bearer token, optional ones accept none, `none` routes read no token
      expect(op['security']).toEqual({ jwt: [{ bearer: [] }], optional: [{}, { bearer: [] }], none: [] }[route.auth]);
      const templated = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(params.filter((p) => p['in'] === 'path').map((p) => [p['name'], p['required']])).toEqual(templated.map((name) => [name, true]));
      const query = spec.query instanceof z.core.$ZodObject ? Object.keys(spec.query._zod.def.shape) : [];
      expect(params.filter((p) => p['in'] === 'query').map((p) => p['name'])).toEqual(query);
      // the request body is the handler's own schema, converted
      if (spec.body) {
        const media = op['requestBody']['content']['application/json'] as Json;
        const { $schema: _s, ...expected } = z.toJSONSchema(spec.body, { io: 'input' }) as Json;
        expect(doc['components']['schemas'][(media['schema']['$ref'] as string).split('/').pop()!]).toEqual(expected);
        // an example, when given, is one the handler accepts
        if (media['example'] !== undefined) expect(z.safeParse(spec.body, media['example']).error).toBeUndefined();
      } else {
        expect(op['requestBody']).toBeUndefined();
      }
      const statuses = Object.keys(op['responses']);
      expect(statuses.some((s) => s.startsWith('2'))).toBe(true);
      if (spec.body || spec.path || spec.query) expect(statuses).toContain('400');
      expect(statuses.includes('403')).toBe(Array.isArray(spec.access) || spec.access === 'member');
      expect(statuses.includes('413') && statuses.includes('415')).toBe(Boolean(spec.body));
    },
  );

  it('is linted clean by Redocly CLI (recommended-strict)', async () => {
    // Prepare
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    // Act
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'],
      { cwd: ROOT, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' } },
    ).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr }));
    // Assess
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { totals: Json; problems: Json[] };
    const problems = report.problems.map((p) => `${p['severity']} ${p['ruleId']}: ${p['message']} at ${p['location']?.[0]?.['pointer']}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
