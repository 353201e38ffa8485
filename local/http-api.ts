/**
 * A local API Gateway HTTP API: routes requests with the manifest's route
 * table, turns each into a payload-2.0 event, emulates the JWT authorizer on
 * `jwt` routes, and maps the function's result back to HTTP the way API
 * Gateway does (including its 401, 413, 500 and 503 answers, which never reach
 * the function). With `corsOrigins` it answers preflights itself and adds CORS
 * headers to responses for allowed origins, as API Gateway's CORS configuration does.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import { verifyToken } from '#functions/commons/auth.ts';
import { problem } from '#functions/commons/problem.ts';
import type { FunctionName, RouteSpec } from '#functions/manifest.ts';
import { isPreflight, preflightHeaders, responseCorsHeaders } from '#infra/cors.ts';
import { BodyTooLargeError, readBody } from './http-body.ts';
import { FunctionTimeoutError, type Invoke } from './lambda-runtime.ts';
import type { Log } from './log.ts';
import { closeServer, listenOnLoopback } from './loopback-server.ts';

/** API Gateway's payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface HttpApiOptions {
  routes: readonly RouteSpec[];
  /** Receives every request no route matches (`$default`). */
  fallback: FunctionName;
  functions: Record<FunctionName, Invoke>;
  /** What the JWT authorizer accepts: the user pool's issuer and the app client id. */
  authorizer: { issuer: string; audience: string };
  region: string;
  log: Log;
  /** GET paths the local API answers itself (the API docs, tools/api-docs.ts); they exist only locally. */
  pages?: Record<string, () => Promise<{ contentType: string; body: string }>>;
  /** Browser origins allowed to call the API (the stage's `corsOrigins`); none by default. */
  corsOrigins?: readonly string[];
}

/** One request that reached a function (authorizer rejections never do): lets tests assert what was invoked. */
export interface Invocation {
  fn: FunctionName;
  routeKey: string;
  status: number;
  /** The claims the authorizer handed to the function (jwt routes). */
  claims?: Record<string, string>;
}

/** Invocations kept in memory; a long-running dev server must not grow without bound. */
const INVOCATION_LOG_SIZE = 200;

interface CompiledRoute {
  spec: RouteSpec;
  routeKey: string;
  regex: RegExp;
  params: string[];
  specificity: number;
}

/** The local HTTP API. */
export class LocalHttpApi {
  /** The latest requests that invoked a function, oldest first. */
  readonly invocations: Invocation[] = [];
  private readonly routes: CompiledRoute[];
  private server: Server | undefined;
  private port = 0;

  constructor(private readonly opts: HttpApiOptions) {
    // API Gateway prefers the most specific route: more literal segments first, greedy paths last.
    this.routes = opts.routes.map(compileRoute).sort((a, b) => b.specificity - a.specificity);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<void> {
    ({ server: this.server, port: this.port } = await listenOnLoopback((req, res) => this.handle(req, res), port));
    this.server.on('clientError', answerClientError);
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const [rawPath = '/', rawQueryString = ''] = splitOnce(req.url ?? '/', '?');
    let status = 500;
    let fn: FunctionName | undefined;
    let routeKey = '$default';
    let claims: Record<string, string> | undefined;
    const headers = req.headers as Record<string, string | undefined>;
    const corsOrigins = this.opts.corsOrigins ?? [];
    try {
      // API Gateway answers a preflight before routing (no function runs) and puts CORS headers on every answer to an allowed origin.
      if (isPreflight(method, headers)) {
        res.writeHead(204, { ...preflightHeaders(corsOrigins, headers), 'apigw-requestid': requestId() });
        res.end();
        status = 204;
        return;
      }
      for (const [name, value] of Object.entries(responseCorsHeaders(corsOrigins, headers['origin']))) res.setHeader(name, value);
      let body: Buffer;
      try {
        body = await readBody(req, MAX_BODY_BYTES);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        status = reply(res, 413, { message: 'Request Entity Too Large' }, { connection: 'close' });
        return;
      }
      const page = method === 'GET' ? this.opts.pages?.[rawPath] : undefined;
      if (page) {
        const served = await page();
        res.writeHead(200, { 'content-type': served.contentType, 'content-length': Buffer.byteLength(served.body), 'cache-control': 'no-store' });
        res.end(served.body);
        status = 200;
        return;
      }
      const match = this.match(method, rawPath);
      fn = match?.route.spec.fn ?? this.opts.fallback;
      routeKey = match?.route.routeKey ?? '$default';
      const event = buildEvent(req, { method, rawPath, rawQueryString, body, routeKey, pathParameters: match?.pathParameters });

      if (match?.route.spec.auth === 'jwt') {
        const denied = await this.authorize(event);
        if (denied) {
          fn = undefined;
          status = reply(res, 401, { message: 'Unauthorized' }, { 'www-authenticate': denied });
          return;
        }
        claims = (event.requestContext as { authorizer?: { jwt: { claims: Record<string, string> } } }).authorizer?.jwt.claims;
      }

      let result: unknown;
      try {
        result = await this.opts.functions[fn](event);
      } catch (error) {
        this.opts.log.error(`${method} ${rawPath}: ${fn} failed`, error);
        status =
          error instanceof FunctionTimeoutError
            ? reply(res, 503, { message: 'Service Unavailable' })
            : reply(res, 500, { message: 'Internal Server Error' });
        return;
      }
      status = this.respond(res, fn, result);
    } catch (error) {
      this.opts.log.error(`${method} ${rawPath}: local HTTP API error`, error);
      if (!res.headersSent) status = reply(res, 500, { message: 'Internal Server Error' });
    } finally {
      if (fn) {
        this.invocations.push({ fn, routeKey, status, ...(claims ? { claims } : {}) });
        if (this.invocations.length > INVOCATION_LOG_SIZE) this.invocations.shift();
      }
      this.opts.log.info(
        `${method} ${rawPath}${rawQueryString ? `?${rawQueryString}` : ''} ${status} ${Date.now() - started}ms${fn ? ` → ${fn}` : ''}`,
      );
    }
  }

  private match(method: string, rawPath: string): { route: CompiledRoute; pathParameters: Record<string, string> | undefined } | undefined {
    for (const route of this.routes) {
      if (route.spec.method !== method) continue;
      const found = route.regex.exec(rawPath);
      if (!found) continue;
      const entries = route.params.map((name, i) => [name, safeDecode(found[i + 1] ?? '')]);
      return { route, pathParameters: entries.length ? Object.fromEntries(entries) : undefined };
    }
    return undefined;
  }

  /**
   * The JWT authorizer: verifies the bearer token against the pool's keys,
   * issuer and client, then hands the claims to the function as strings (API
   * Gateway flattens them). Returns the `www-authenticate` value on denial.
   */
  private async authorize(event: APIGatewayProxyEventV2): Promise<string | undefined> {
    const header = event.headers['authorization'];
    if (!header) return 'Bearer';
    const token = header.replace(/^Bearer\s+/i, '').trim();
    let claims: JWTPayload;
    try {
      claims = await verifyToken(token, this.opts.authorizer);
    } catch {
      return 'Bearer scope="" error="invalid_token" error_description="the token is invalid or has expired"';
    }
    const scopes = typeof claims['scope'] === 'string' ? claims['scope'].split(' ').filter(Boolean) : [];
    Object.assign(event.requestContext, { authorizer: { jwt: { claims: apiGatewayClaims(claims), scopes } } });
    return undefined;
  }

  private respond(res: ServerResponse, fn: FunctionName, result: unknown): number {
    const structured = toStructuredResult(result);
    if (!structured) {
      this.opts.log.error(`${fn} returned a malformed response`, JSON.stringify(result)?.slice(0, 200));
      return reply(res, 500, { message: 'Internal Server Error' });
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name.toLowerCase()] = String(value);
    const multi = (result as { multiValueHeaders?: Record<string, unknown[]> }).multiValueHeaders;
    for (const [name, values] of Object.entries(multi ?? {})) headers[name.toLowerCase()] = values.map(String).join(',');
    if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
    const body = structured.body === undefined ? Buffer.alloc(0) : Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8');
    headers['content-length'] = String(body.length);
    headers['apigw-requestid'] ??= requestId();
    res.writeHead(structured.statusCode ?? 200, headers);
    res.end(body);
    return structured.statusCode ?? 200;
  }
}

function compileRoute(spec: RouteSpec): CompiledRoute {
  const params: string[] = [];
  const segments = spec.path.split('/').filter(Boolean);
  let literal = 0;
  const pattern = segments
    .map((segment) => {
      const param = /^\{([A-Za-z0-9_.-]+)(\+)?\}$/.exec(segment);
      if (!param) {
        literal++;
        return escapeRegex(segment);
      }
      params.push(param[1] as string);
      return param[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  const greedy = spec.path.includes('+}');
  return {
    spec,
    routeKey: `${spec.method} ${spec.path}`,
    regex: new RegExp(`^/${pattern}$`),
    params,
    specificity: literal * 100 + segments.length - (greedy ? 1000 : 0),
  };
}

/** The payload-2.0 event API Gateway would send for this request. */
function buildEvent(
  req: IncomingMessage,
  r: { method: string; rawPath: string; rawQueryString: string; body: Buffer; routeKey: string; pathParameters: Record<string, string> | undefined },
): APIGatewayProxyEventV2 {
  // Null-prototype objects: a header or parameter named `constructor` or `__proto__` is data like any other
  // (an own property, as in the JSON event API Gateway sends), never the prototype's.
  const headers: Record<string, string> = Object.create(null);
  const cookies: string[] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    if (name === 'cookie') {
      cookies.push(...value.split(/;\s*/).filter(Boolean));
      continue;
    }
    // API Gateway joins repeated headers with a comma (no space).
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const host = headers['host'] ?? `127.0.0.1:${req.socket.localPort}`;
  headers['x-forwarded-for'] ??= sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(req.socket.localPort ?? '');
  headers['x-amzn-trace-id'] ??= `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

  const query = new URLSearchParams(r.rawQueryString);
  const queryStringParameters: Record<string, string> = Object.create(null);
  for (const [key, value] of query) queryStringParameters[key] = key in queryStringParameters ? `${queryStringParameters[key]},${value}` : value;

  const now = new Date();
  const isText = isTextContent(headers['content-type']);
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: r.routeKey,
    rawPath: r.rawPath,
    rawQueryString: r.rawQueryString,
    ...(cookies.length ? { cookies } : {}),
    // Plain objects again, with own properties only, as JSON.parse gives the function in AWS.
    headers: Object.fromEntries(Object.entries(headers)),
    ...(Object.keys(queryStringParameters).length ? { queryStringParameters: Object.fromEntries(Object.entries(queryStringParameters)) } : {}),
    ...(r.pathParameters ? { pathParameters: r.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: r.method,
        path: r.rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: requestId(),
      routeKey: r.routeKey,
      stage: '$default',
      time: apiGatewayTime(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: r.body.length > 0 && !isText,
  };
  // API Gateway leaves `body` out when the request has none, and base64-encodes anything it does not consider text.
  if (r.body.length > 0) event.body = isText ? r.body.toString('utf8') : r.body.toString('base64');
  return event;
}

/** What API Gateway passes as text; everything else (and no content-type) arrives base64-encoded. */
function isTextContent(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/xml' ||
    type.endsWith('+xml') ||
    type === 'application/javascript'
  );
}

/**
 * API Gateway hands JWT claims to the function as strings: numbers and
 * booleans stringified, arrays as "[a b]" (so cognito:groups arrives as
 * "[analysts editors]").
 */
export function apiGatewayClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) claims[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

/**
 * Payload 2.0 rules: a result with a statusCode is used as is; any other valid
 * JSON value becomes a 200 `application/json` response whose body is that value.
 */
function toStructuredResult(result: unknown): APIGatewayProxyStructuredResultV2 | undefined {
  if (typeof result === 'object' && result !== null && 'statusCode' in result) {
    const r = result as APIGatewayProxyStructuredResultV2;
    if (!Number.isInteger(r.statusCode) || (r.statusCode as number) < 100 || (r.statusCode as number) > 599) return undefined;
    if (r.body !== undefined && typeof r.body !== 'string') return undefined;
    return r;
  }
  const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body };
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'apigw-requestid': requestId(),
    ...headers,
  });
  res.end(payload);
  return status;
}

/**
 * A request Node's parser refused before any handler saw it (a request line and headers over its
 * 16 KB, a malformed request): answered as problem+json, like every error of the API, instead of
 * Node's default empty 431 or 400.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const answer = tooLarge
    ? problem(431, 'the request line and headers together are too large: shorten the query string or the headers')
    : problem(400, 'the request is not valid HTTP');
  const body = answer.body ?? '';
  socket.end(
    `HTTP/1.1 ${answer.statusCode} ${(JSON.parse(body) as { title: string }).title}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `apigw-requestid: ${requestId()}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** API Gateway's request ids look like `JKJaXmPLvHcESHA=`. */
function requestId(): string {
  return randomBytes(10).toString('base64');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the format of requestContext.time. */
function apiGatewayTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

function splitOnce(value: string, separator: string): [string, string] {
  const index = value.indexOf(separator);
  return index < 0 ? [value, ''] : [value.slice(0, index), value.slice(index + 1)];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
