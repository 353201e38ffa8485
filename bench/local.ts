/**
 * The bench's view of the local stack: start it on a temporary directory with
 * the demo data (seeded through the real API), sign the demo users in, call
 * the API with timing, and observe every event the bus accepts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '#local/demo-data.ts';
import type { EventEnvelope } from '#local/event-envelope.ts';
import { type LocalStack, startLocalStack } from '#local/stack.ts';

export type { LocalStack };

export interface Tokens {
  analyst: string;
  editor: string;
  /** A Leadership Alliance member: every section unlocked, token verified by the function itself. */
  member: string;
}

/** Starts a quiet local stack on ephemeral ports and a fresh directory, seeded with the demo briefings. */
export async function startBenchStack(): Promise<{ stack: LocalStack; tokens: Tokens; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'signal-briefings-bench-'));
  const stack = await startLocalStack({ dataDir, quiet: true, seed: true }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const cleanup = async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const token = async (group: string) => {
      const user = DEMO_USERS.find((u) => (u.groups as readonly string[]).includes(group));
      if (!user) throw new Error(`no demo user in ${group}`);
      return (await stack.signIn(user.email, DEMO_PASSWORD)).accessToken;
    };
    const [analyst, editor, member] = await Promise.all([token('analysts'), token('editors'), token('leadership-alliance')]);
    return { stack, tokens: { analyst, editor, member }, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export interface ApiCall {
  status: number;
  ms: number;
  bytes: number;
  text: string;
  json: any;
}

/** One API call, timed from send to the last byte of the body. */
export async function call(stack: LocalStack, method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<ApiCall> {
  const headers: Record<string, string> = {};
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  const res = await fetch(`${stack.apiUrl}${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  const text = await res.text();
  const ms = performance.now() - started;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, ms, bytes: Buffer.byteLength(text), text, json };
}

/** Like `call`, but throws unless the status is the expected one. */
export async function expectCall(stack: LocalStack, expected: number, method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
  const res = await call(stack, method, path, opts);
  if (res.status !== expected) throw new Error(`${method} ${path} answered ${res.status}, expected ${expected}: ${res.text.slice(0, 300)}`);
  return res;
}

export interface TappedEvent {
  type: string;
  detail: Record<string, any>;
  /** performance.now() when the bus delivered it to the tap, as it would reach any subscriber. */
  at: number;
}

/**
 * An extra rule on the local bus matching every event of the system, as an
 * internal consumer would subscribe: the stack's own `received` log keeps
 * only the latest 1000 events, too few for the pipeline run.
 */
export class EventTap {
  readonly events: TappedEvent[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(stack: LocalStack) {
    stack.bus.subscribe({
      rule: 'BenchEventTap',
      target: 'bench-event-tap',
      pattern: { source: ['signal-briefings'] },
      invoke: async (event: EventEnvelope) => {
        this.events.push({ type: event['detail-type'], detail: event.detail, at: performance.now() });
        for (const wake of this.waiters) wake();
      },
    });
  }

  count(type: string, since = 0): number {
    return this.events.filter((e) => e.type === type && e.at >= since).length;
  }

  /** Resolves when `done()` holds, re-checked on every event; rejects after `timeoutMs`. */
  until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }
}

/** An editor approves a draft's auto-publish rule (issue 16: an analyst's rule is only a proposal): GET the staff ETag, PATCH with it. */
export async function approveRule(stack: LocalStack, editorToken: string, briefingId: string, minGrade: string): Promise<void> {
  const authorization = `Bearer ${editorToken}`;
  const read = await fetch(`${stack.apiUrl}/briefings/${briefingId}`, { headers: { authorization } });
  await read.text();
  const res = await fetch(`${stack.apiUrl}/briefings/${briefingId}`, {
    method: 'PATCH',
    headers: { authorization, 'content-type': 'application/json', 'if-match': read.headers.get('etag') ?? '' },
    body: JSON.stringify({ autoPublish: { minGrade } }),
  });
  if (res.status !== 200) throw new Error(`approving the rule of ${briefingId} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
}
