/**
 * Integration-test harness: one local stack per test file (vitest runs each
 * file in its own worker, and handlers read process.env), on a fresh temporary
 * data directory and ephemeral ports, quiet, without demo data.
 *
 *   let stack: LocalStack;
 *   beforeAll(async () => { stack = await startTestStack(); });
 *   afterAll(() => stack?.stop());
 *
 *   const token = await tokenFor(stack, ['analysts']);
 *   const res = await api(stack, 'POST', '/sources', { token, body: {...} });
 *   await stack.bus.waitFor((e) => e.envelope['detail-type'] === 'Source Ingested');
 */

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiClient, type ApiSchemas, apiClient } from '#contracts/client.ts';
import type { GroupName } from '#domain/access.ts';
import { assertJavaAvailable } from '#local/engines.ts';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '#local/stack.ts';

export type { LocalStack };

/** Password of the users `tokenFor` creates; meets any pool password policy. */
export const TEST_PASSWORD = 'Test-pass-2026!';

/**
 * Starts a local stack for one test file, on a new temporary data directory
 * unless one is given. Fails at once, with the fix, when Java is missing.
 * `stop()` also deletes the temporary data directory.
 */
export async function startTestStack(opts: Partial<LocalStackOptions> = {}): Promise<LocalStack> {
  assertJavaAvailable();
  const ownsDataDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'signal-briefings-it-'));
  return launch({ ...opts, dataDir }, ownsDataDir);
}

/**
 * Stops the stack and starts it again on the same data directory and ports
 * (the handler modules stay loaded in this process, with the same endpoints),
 * as a developer restarting `npm start` would. Returns the new stack.
 */
export async function restartTestStack(stack: LocalStack): Promise<LocalStack> {
  const port = (url: string) => Number(new URL(url).port);
  const options = (stack as StackWithOptions)[OPTIONS];
  await (stack as StackWithOptions)[STOP_ENGINES]();
  return launch(
    {
      ...options.opts,
      apiPort: port(stack.apiUrl),
      dynamoPort: port(stack.endpoints.dynamodb),
      cognitoPort: port(stack.endpoints.cognito),
      busPort: port(stack.endpoints.eventbridge),
    },
    options.ownsDataDir,
  );
}

const OPTIONS = Symbol('test stack options');
const STOP_ENGINES = Symbol('stop without deleting the data');
type StackWithOptions = LocalStack & {
  [OPTIONS]: { opts: LocalStackOptions; ownsDataDir: boolean };
  [STOP_ENGINES]: () => Promise<void>;
};

async function launch(opts: LocalStackOptions, ownsDataDir: boolean): Promise<LocalStack> {
  const stack = (await startLocalStack({
    quiet: true,
    seed: false,
    demoUsers: false,
    // Fast retries keep failure-path tests short; the schedule itself is the same.
    busRetry: { attempts: 3, baseDelayMs: 20 },
    streamRetry: { attempts: 3, baseDelayMs: 20 },
    ...opts,
  })) as StackWithOptions;
  const stopEngines = stack.stop;
  stack[OPTIONS] = { opts, ownsDataDir };
  stack[STOP_ENGINES] = stopEngines;
  // `stop()` also deletes the temporary data directory the harness created.
  stack.stop = async () => {
    await stopEngines();
    if (ownsDataDir) rmSync(opts.dataDir, { recursive: true, force: true });
  };
  return stack;
}

/**
 * Creates a user in the given groups (none = a plain signed-in reader) and
 * returns its access token, as the client would send it.
 */
export async function tokenFor(stack: LocalStack, groups: readonly GroupName[], opts: { token?: 'access' | 'id' } = {}): Promise<string> {
  const email = `${groups.join('-') || 'member'}-${randomUUID().slice(0, 8)}@test.signal.local`;
  await stack.ensureUser({ email, password: TEST_PASSWORD, groups });
  const tokens = await stack.signIn(email, TEST_PASSWORD);
  return opts.token === 'id' ? tokens.idToken : tokens.accessToken;
}

/** The four callers most tests need: an analyst, an editor, and a reader of each member tier. */
export interface UsualTokens {
  analyst: string;
  editor: string;
  strategy: string;
  leadership: string;
}

export async function usualTokens(stack: LocalStack): Promise<UsualTokens> {
  const [analyst, editor, strategy, leadership] = await Promise.all([
    tokenFor(stack, ['analysts']),
    tokenFor(stack, ['editors']),
    tokenFor(stack, ['strategy-circle']),
    tokenFor(stack, ['leadership-alliance']),
  ]);
  return { analyst, editor, strategy, leadership };
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  body: T;
  text: string;
}

/**
 * The typed client (contracts/client.ts) on the local API, as the caller whose token is given (anonymous
 * without one): the calls a real client makes go through it, so they compile only against the contract.
 */
export function client(stack: LocalStack, token?: string): ApiClient {
  return apiClient(stack.apiUrl, token ? { token } : {});
}

/**
 * Calls the local API without the contract's types: for the requests a client of the contract cannot
 * make (malformed bodies, unknown fields, forged headers) and for reading raw answers. A body is sent as
 * JSON unless `rawBody` is given.
 */
export async function api<T = any>(
  stack: LocalStack,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  let body: string | Buffer | undefined = opts.rawBody;
  if (body === undefined && opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${stack.apiUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

/**
 * An editor approves a briefing's auto-publish rule (or sets it) as the API has it: read the staff
 * copy, then PATCH `autoPublish` with its ETag in If-Match. Returns the PATCH's answer.
 */
export async function approveAutoPublish(
  stack: LocalStack,
  editorToken: string,
  briefingId: string,
  minGrade: ApiSchemas['AutoPublishRule']['minGrade'],
): Promise<{ status: number; body: ApiSchemas['BriefingView'] | undefined }> {
  const editor = client(stack, editorToken);
  const read = await editor.GET('/briefings/{briefingId}', { params: { path: { briefingId } } });
  const header = { 'if-match': read.response.headers.get('etag') ?? '' };
  const { data, response } = await editor.PATCH('/briefings/{briefingId}', {
    params: { path: { briefingId }, header },
    body: { autoPublish: { minGrade } },
  });
  return { status: response.status, body: data };
}
