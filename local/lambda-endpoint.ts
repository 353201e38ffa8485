/**
 * A local Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`)
 * for the manifest's functions, so that cognito-local invokes the user pool's
 * triggers the way Cognito invokes Lambda: cognito-local's `LambdaClient`
 * (AWS SDK v2) points here, and `TriggerFunctions` names the function.
 *
 * RequestResponse only. A handler error is answered as Lambda answers it:
 * 200 with `X-Amz-Function-Error: Unhandled` and `{ errorType, errorMessage }`.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FunctionName } from '#functions/manifest.ts';
import { readBody } from './http-body.ts';
import type { Invoke } from './lambda-runtime.ts';
import type { Log } from './log.ts';
import { closeServer, listenOnLoopback } from './loopback-server.ts';

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

/** One invocation, for tests to assert what ran. */
export interface LambdaInvocation {
  fn: string;
  payload: unknown;
  error?: string;
}

export class LocalLambdaEndpoint {
  readonly invocations: LambdaInvocation[] = [];
  private functions: Partial<Record<FunctionName, Invoke>> = {};
  private server: Server | undefined;
  private port = 0;

  constructor(private readonly opts: { log: Log }) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The functions it can invoke; until then every invocation is a ResourceNotFoundException. */
  attach(functions: Partial<Record<FunctionName, Invoke>>): void {
    this.functions = functions;
  }

  async start(port = 0): Promise<void> {
    ({ server: this.server, port: this.port } = await listenOnLoopback((req, res) => this.handle(req, res), port));
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const name = decodeURIComponent(INVOKE_PATH.exec((req.url ?? '').split('?')[0] ?? '')?.[1] ?? '');
    const invoke = this.functions[name as FunctionName];
    if (req.method !== 'POST' || !name) return send(res, 404, { Type: 'User', message: `unknown path ${req.url}` });
    if (!invoke) {
      return send(res, 404, { Type: 'User', message: `Function not found: ${name}` }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
    }
    const type = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
    if (type !== 'RequestResponse') return send(res, 400, { Type: 'User', message: `only RequestResponse invocations are emulated, not ${type}` });

    let payload: unknown;
    try {
      const body = await readBody(req, MAX_PAYLOAD_BYTES);
      payload = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (error) {
      return send(
        res,
        400,
        { Type: 'User', message: `invalid payload: ${(error as Error).message}` },
        { 'x-amzn-errortype': 'InvalidRequestContentException' },
      );
    }
    try {
      const result = await invoke(payload);
      this.record({ fn: name, payload });
      send(res, 200, result ?? null, { 'x-amz-executed-version': '$LATEST' });
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      this.record({ fn: name, payload, error: err.message });
      this.opts.log.error(`lambda invoke ${name} failed`, err);
      send(
        res,
        200,
        { errorType: err.name, errorMessage: err.message },
        { 'x-amz-function-error': 'Unhandled', 'x-amz-executed-version': '$LATEST' },
      );
    }
  }

  private record(invocation: LambdaInvocation): void {
    this.invocations.push(invocation);
    if (this.invocations.length > 200) this.invocations.shift();
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}
