/**
 * Loads the handlers listed in functions/manifest.ts and invokes them the way
 * the Lambda runtime does: one module instance per function (module-scope
 * clients live across invocations), an event, and a context object.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { FUNCTIONS, type FunctionName } from '../../functions/manifest.ts';

/** A loaded function: call it with an event; it rejects with the init error if its module failed to load. */
export type Invoke = (event: unknown) => Promise<unknown>;

type Handler = (event: unknown, context: Context) => unknown;

/**
 * The function whose code is running, for whatever it calls: the local IAM check
 * (infra/local/local-iam.ts) evaluates each SDK call against this function's role.
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
  opts: { region: string; timeoutMs?: number; onInitError?: (fn: FunctionName, error: unknown) => void },
): Promise<Record<FunctionName, Invoke>> {
  const names = Object.keys(FUNCTIONS) as FunctionName[];
  const loaded = await Promise.all(
    names.map(async (fn): Promise<[FunctionName, Invoke]> => {
      const url = pathToFileURL(resolve(repoRoot, FUNCTIONS[fn].entry)).href;
      try {
        const mod = (await import(url)) as { handler?: unknown };
        if (typeof mod.handler !== 'function') throw new Error(`${FUNCTIONS[fn].entry} does not export a handler function`);
        const handler = mod.handler as Handler;
        return [fn, (event) => invoke(fn, handler, event, opts)];
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
