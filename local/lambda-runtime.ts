/**
 * Loads the handlers listed in functions/manifest.ts and invokes them the way
 * the Lambda runtime does: one module instance per function (module-scope
 * clients live across invocations), an event, and a context object. A
 * function with reserved concurrency in the deployed stack
 * (infra/reserved-concurrency.ts) runs at most that many invocations at once
 * here too; the others wait for a free instance, as Lambda keeps a throttled
 * asynchronous event in its queue and invokes it later (those functions are
 * only ever invoked asynchronously, by the bus).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { FUNCTIONS, type FunctionName } from '#functions/manifest.ts';

/** A loaded function: call it with an event; it rejects with the init error if its module failed to load. */
export type Invoke = (event: unknown) => Promise<unknown>;

type Handler = (event: unknown, context: Context) => unknown;

/** Invocations of one function since the stack started, for the bench's breakdown (cheap counters, always on). */
export interface InvocationStats {
  count: number;
  errors: number;
  /** Summed duration, ms. */
  ms: number;
  /** Invocations that waited for a free instance (reserved concurrency), and the summed wait, ms. */
  throttled: number;
  throttledMs: number;
}

/** At most `limit` at once; the rest wait, first come first served. */
class Slots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Resolves with a release function once a slot is free; `queued` says whether it had to wait. */
  async acquire(): Promise<{ release: () => void; queued: boolean }> {
    const queued = this.running >= this.limit;
    if (queued) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    let released = false;
    return {
      queued,
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiting.shift();
        if (next)
          next(); // the slot passes to the next waiter as it is
        else this.running--;
      },
    };
  }
}

/**
 * The function whose code is running, for whatever it calls: the local IAM check
 * (local/local-iam.ts) evaluates each SDK call against this function's role.
 */
export const runningFunction = new AsyncLocalStorage<FunctionName>();

/** The function ran past its timeout (API Gateway answers 503 for the integration timing out). */
export class FunctionTimeoutError extends Error {
  override name = 'FunctionTimeoutError';
}

/**
 * Imports every handler module. The environment (endpoints, table, bus,
 * issuer) must be set before this runs, because handlers create their SDK
 * clients and read configuration at module scope. A module that fails to load
 * does not stop the stack: like a Lambda with an init error, each invocation
 * of it fails (API Gateway answers 500) and the error is logged.
 */
export async function loadFunctions(
  repoRoot: string,
  opts: {
    region: string;
    timeoutMs?: number;
    onInitError?: (fn: FunctionName, error: unknown) => void;
    /** Filled in as functions run: count, errors and summed duration per function. */
    stats?: Partial<Record<FunctionName, InvocationStats>>;
    /** Reserved concurrency per function, as deployed: invocations beyond it wait for a free instance. */
    reservedConcurrency?: Partial<Record<FunctionName, number>>;
    /** Called after each invocation with its duration (ms, from its start on an instance, not counting a wait for one). */
    onInvoked?: (fn: FunctionName, ms: number) => void;
  },
): Promise<Record<FunctionName, Invoke>> {
  const names = Object.keys(FUNCTIONS) as FunctionName[];
  const loaded = await Promise.all(
    names.map(async (fn): Promise<[FunctionName, Invoke]> => {
      const url = pathToFileURL(resolve(repoRoot, FUNCTIONS[fn].entry)).href;
      try {
        const mod = (await import(url)) as { handler?: unknown };
        if (typeof mod.handler !== 'function') throw new Error(`${FUNCTIONS[fn].entry} does not export a handler function`);
        const handler = mod.handler as Handler;
        const stats: InvocationStats = { count: 0, errors: 0, ms: 0, throttled: 0, throttledMs: 0 };
        if (opts.stats) opts.stats[fn] = stats;
        const reserved = opts.reservedConcurrency?.[fn];
        const slots = reserved ? new Slots(reserved) : undefined;
        return [
          fn,
          async (event) => {
            const arrived = performance.now();
            const slot = await slots?.acquire();
            const started = performance.now();
            if (slot?.queued) {
              stats.throttled++;
              stats.throttledMs += started - arrived;
            }
            stats.count++;
            try {
              return await invoke(fn, handler, event, opts);
            } catch (error) {
              stats.errors++;
              throw error;
            } finally {
              const ms = performance.now() - started;
              stats.ms += ms;
              slot?.release();
              opts.onInvoked?.(fn, ms);
            }
          },
        ];
      } catch (error) {
        opts.onInitError?.(fn, error);
        return [fn, () => Promise.reject(new Error(`${fn} failed to initialise: ${error instanceof Error ? error.message : String(error)}`))];
      }
    }),
  );
  return Object.fromEntries(loaded) as Record<FunctionName, Invoke>;
}

async function invoke(fn: FunctionName, handler: Handler, event: unknown, opts: { region: string; timeoutMs?: number }): Promise<unknown> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const context = lambdaContext(fn, opts.region, Date.now() + timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimeoutError(`${fn} timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    // Promise.resolve(): a handler may return a plain value as well as a promise.
    return await Promise.race([runningFunction.run(fn, () => Promise.resolve().then(() => handler(event, context))), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A Lambda context with the fields handlers and Powertools read. */
export function lambdaContext(fn: string, region: string, deadline: number): Context {
  const functionName = `signal-briefings-local-${fn}`;
  const unsupported = () => {
    throw new Error('callback-style completion is not supported; return a value or a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
