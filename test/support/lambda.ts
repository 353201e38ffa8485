/** Lambda-shaped inputs for handler tests: API Gateway v2 events, EventBridge envelopes, a context. */
import type { Context } from 'aws-lambda';
import type { HttpEvent } from '#functions/commons/http.ts';

export const context = {
  functionName: 'test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:test',
  memoryLimitInMB: '256',
  awsRequestId: 'req-1',
  logGroupName: '/aws/lambda/test',
  logStreamName: 'test',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} satisfies Context;

/** Claims as API Gateway's JWT authorizer passes them: array claims flattened to "[a b]". */
export const claimsFor = (sub: string, groups: string[]) => ({ sub, 'cognito:groups': `[${groups.join(' ')}]` });

export function httpEvent(opts: {
  method: string;
  path: string;
  routeKey?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  claims?: Record<string, string>;
}): HttpEvent {
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  return {
    version: '2.0',
    routeKey: opts.routeKey ?? `${opts.method} ${opts.path}`,
    rawPath: opts.path,
    rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...opts.headers },
    ...(opts.query ? { queryStringParameters: opts.query } : {}),
    ...(opts.pathParameters ? { pathParameters: opts.pathParameters } : {}),
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: opts.method, path: opts.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'r-1',
      routeKey: opts.routeKey ?? `${opts.method} ${opts.path}`,
      stage: '$default',
      time: '20/Jun/2026:08:00:00 +0000',
      timeEpoch: 0,
      ...(opts.claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: opts.claims, scopes: [] } } } : {}),
    },
  };
}

/** `GET /briefings/{briefingId}` (of `b-1` unless told) as API Gateway hands it to get-briefing. */
export const briefingRead = (
  opts: { briefingId?: string; claims?: Record<string, string>; headers?: Record<string, string>; lang?: string } = {},
) => {
  const briefingId = opts.briefingId ?? 'b-1';
  return httpEvent({
    method: 'GET',
    path: `/briefings/${briefingId}`,
    routeKey: 'GET /briefings/{briefingId}',
    pathParameters: { briefingId },
    headers: opts.headers ?? {},
    ...(opts.lang !== undefined ? { query: { lang: opts.lang } } : {}),
    ...(opts.claims ? { claims: opts.claims } : {}),
  });
};

export function busEvent<D>(detailType: string, detail: D) {
  return {
    version: '0',
    id: 'evt-1',
    'detail-type': detailType,
    source: 'signal-briefings',
    account: '000000000000',
    time: '2026-06-20T08:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail,
  };
}

export const parseBody = (result: unknown) => JSON.parse((result as { body: string }).body);
