/**
 * The API and event documentation, generated from the code whenever it is
 * asked for, never committed:
 *
 *   GET /openapi.json   the OpenAPI 3.1 document (tools/openapi.ts), listing this stack as a server
 *   GET /asyncapi.json  the AsyncAPI 3.1 document of the bus (tools/asyncapi.ts)
 *   GET /docs           the HTTP API rendered by Redoc (`redocly build-docs`)
 *   GET /docs/events    the events rendered by Redoc
 *
 * The pages are self-contained (`--inlineBundle`: no CDN, no fonts, no
 * telemetry), rendered on first request and kept under `<dataDir>/api/`.
 * Local only: the deployed API has no such routes.
 *
 *   npm run docs [-- <dir>]   writes the same files (and each event's JSON Schema) to .data/api/ or <dir>
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CONTRACTS } from '#events/index.ts';
import { contractSlug, detailSchema, eventBridgeSchema } from '#events/schemas.ts';
import { asyncApiDocument } from './asyncapi.ts';

// Imported when first needed: the generator loads every handler, and handlers must be loaded
// only after the stack has set their environment (service name, log level, endpoints).
const openApiGenerator = () => import('./openapi.ts');

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const REDOCLY = join(REPO_ROOT, 'node_modules/@redocly/cli/bin/cli.js');
/** Redocly CLI phones home and checks for updates unless told not to. */
const REDOCLY_ENV = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

/** A response the local HTTP API serves itself, without a function. */
export interface Page {
  contentType: string;
  body: string;
}

/** The documentation routes of the local HTTP API, by path. */
export function apiDocsPages(opts: { dataDir: string; apiUrl: () => string }): Record<string, () => Promise<Page>> {
  const dir = join(opts.dataDir, 'api');
  const openapi = once(async () => {
    const { generateOpenApi } = await openApiGenerator();
    const { document } = await generateOpenApi({ servers: [{ url: opts.apiUrl(), description: 'This local stack' }] });
    return `${JSON.stringify(document, null, 2)}\n`;
  });
  const asyncapi = once(async () => `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
  const rendered = (name: string, kind: 'openapi' | 'asyncapi', source: () => Promise<string>) =>
    once(async () => {
      mkdirSync(dir, { recursive: true });
      const input = join(dir, `${name}.json`);
      writeFileSync(input, await source());
      return renderDocs(input, join(dir, `${name}.html`), kind);
    });
  const docs = rendered('openapi', 'openapi', openapi);
  const eventDocs = rendered('asyncapi', 'asyncapi', asyncapi);
  const json = (text: () => Promise<string>) => async () => ({ contentType: 'application/json', body: await text() });
  const html = (text: () => Promise<string>) => async () => ({ contentType: 'text/html; charset=utf-8', body: await text() });
  return {
    '/openapi.json': json(openapi),
    '/asyncapi.json': json(asyncapi),
    '/docs': html(docs),
    '/docs/events': html(eventDocs),
  };
}

/** Renders an OpenAPI or AsyncAPI document to one self-contained HTML page with Redoc. */
export async function renderDocs(input: string, output: string, kind: 'openapi' | 'asyncapi'): Promise<string> {
  await promisify(execFile)(
    process.execPath,
    [REDOCLY, 'build-docs', input, '--output', output, '--inlineBundle', `--${kind}.disableTelemetry=true`, '--lint-config', 'off'],
    { cwd: REPO_ROOT, env: REDOCLY_ENV, maxBuffer: 16 * 1024 * 1024 },
  );
  return readFileSync(output, 'utf8');
}

/** Memoises a successful result; a failure is retried on the next call. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** `npm run docs`: every generated document, in one directory. */
async function writeAll(dir: string): Promise<void> {
  mkdirSync(join(dir, 'events'), { recursive: true });
  const { generateOpenApi } = await openApiGenerator();
  const { document, gaps } = await generateOpenApi();
  for (const gap of gaps) console.warn(`warning: ${gap}`);
  const files: Array<[string, unknown]> = [
    ['openapi.json', document],
    ['asyncapi.json', asyncApiDocument()],
    ...CONTRACTS.flatMap(
      (c): Array<[string, unknown]> => [
        [`events/${contractSlug(c)}.v${c.schemaVersion}.json`, detailSchema(c)],
        [`events/${contractSlug(c)}.v${c.schemaVersion}.eventbridge.json`, eventBridgeSchema(c)],
      ],
    ),
  ];
  for (const [name, content] of files) writeFileSync(join(dir, name), `${JSON.stringify(content, null, 2)}\n`);
  await Promise.all([
    renderDocs(join(dir, 'openapi.json'), join(dir, 'openapi.html'), 'openapi'),
    renderDocs(join(dir, 'asyncapi.json'), join(dir, 'asyncapi.html'), 'asyncapi'),
  ]);
  console.log(`wrote ${files.length + 2} files to ${dir}: ${[...files.map(([n]) => n), 'openapi.html', 'asyncapi.html'].join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true'; // before the handlers (and their SDK clients) load
  await writeAll(resolve(process.argv[2] ?? join(REPO_ROOT, '.data', 'api')));
}
