/**
 * The edge of every HTTP function: body size, JSON and zod validation, the
 * caller's identity and role, and problem+json for every failure. A handler
 * states what it accepts and who may call it, then does only its own work.
 */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { hasAnyRole, isMember, type StaffRole, type Viewer } from '#domain/access.ts';
import { ForbiddenError, UnauthorizedError, ValidationError } from '#domain/errors.ts';
import { CORRELATION_HEADER, correlationIdOf, withCorrelationId } from './correlation.ts';
import { logger } from './logger.ts';
import { metricsMiddleware } from './metrics.ts';
import { HttpError, internalError, issuesOf, problemFor } from './problem.ts';
// English issue messages for every 400 (and the Schema type the specs use).
import './validation.ts';
import type { Schema } from './validation.ts';
import { resolveViewer, type TokenVerifier } from './viewer.ts';

export type { Schema } from './validation.ts';

/**
 * The Powertools tracer, only in deployments that bundle it: esbuild replaces
 * `process.env.API_TRACING` with a constant (BUNDLING in
 * infra/constructs/briefings-function.ts), so when it is off this import is not
 * in the bundle at all. Unbundled (tests, the local stack) it is off unless set.
 */
const apiTracing = process.env['API_TRACING'] === 'on' ? await import('./api-tracing.ts') : undefined;

/** Larger bodies are refused before parsing (API Gateway's own limit is 10 MB). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * `public`: anyone, optional token. `signed-in`: any signed-in user, member or not (their own status, their own
 * data to remove). `member`: a signed-in user whose entitlement grants a tier now (checked against the record like
 * gated sections, so a revocation bites within the cache window). A role list: staff with one of those roles (admins always).
 */
export type Access = 'public' | 'signed-in' | 'member' | readonly StaffRole[];

export type HttpEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'> & {
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'], 'authorizer'> & {
    authorizer?: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'];
  };
};

export interface RouteSpec<B extends Schema, P extends Schema, Q extends Schema> {
  access: Access;
  /**
   * `ignored`: the route answers every caller alike (public access only). A sent
   * token is still verified, but the entitlement record is not read and the
   * handler sees an anonymous viewer. Otherwise a signed-in caller is checked
   * against their entitlement record (functions/commons/viewer.ts).
   */
  viewer?: 'ignored';
  /**
   * How a public route without the API's JWT authorizer verifies an optional
   * bearer token; set by `publicRoute` (functions/commons/public-route.ts) for
   * the functions with `verifiesTokens` in the manifest. Without it no token is
   * read from the headers: routes behind the authorizer get verified claims from API Gateway.
   */
  verifyToken?: TokenVerifier;
  body?: B;
  /**
   * The body is not read at all, whatever its type: for a POST whose body carries nothing the route needs
   * (RFC 8058's one-click unsubscribe sends the form `List-Unsubscribe=One-Click`).
   */
  ignoresBody?: true;
  path?: P;
  query?: Q;
}

export interface Request<B, P, Q> {
  body: B;
  path: P;
  query: Q;
  viewer: Viewer;
  now: Date;
  event: HttpEvent;
}

export type Result = APIGatewayProxyStructuredResultV2;

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): Result {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function authorize(viewer: Viewer, access: Access): void {
  if (access === 'public') return;
  if (!viewer.userId) throw new UnauthorizedError('sign in to call this route');
  if (access === 'signed-in') return;
  if (access === 'member') {
    if (!isMember(viewer)) throw new ForbiddenError('this route is for members, and your membership is not active');
    return;
  }
  if (!hasAnyRole(viewer, access)) {
    throw new ForbiddenError(`this route is for ${access.join(' or ')} staff`);
  }
}

function parse<T extends Schema>(schema: T | undefined, value: unknown, where: 'body' | 'query' | 'path'): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const result = z.safeParse(schema, value);
  if (!result.success) throw new ValidationError(`the request ${where} is invalid`, issuesOf(result.error, where));
  return result.data;
}

function readBody(event: HttpEvent): unknown {
  if (event.body === undefined || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
  const type = event.headers?.['content-type'] ?? 'application/json';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new HttpError(415, 'send the body as application/json');
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError('the body is not valid JSON', [{ pointer: '#', detail: 'invalid JSON' }]);
  }
}

/** Wraps a route handler with validation, identity, access control and error mapping; `handler.route` is the spec it enforces. */
export function httpRoute<B extends Schema = z.ZodMiniUndefined, P extends Schema = z.ZodMiniUndefined, Q extends Schema = z.ZodMiniUndefined>(
  spec: RouteSpec<B, P, Q>,
  fn: (req: Request<z.infer<B>, z.infer<P>, z.infer<Q>>) => Promise<Result>,
) {
  if (spec.viewer === 'ignored' && spec.access !== 'public') throw new Error('a route that ignores the viewer cannot restrict access');
  if (spec.verifyToken && spec.access !== 'public')
    throw new Error('routes that restrict access sit behind the JWT authorizer and verify no token themselves');
  const respond = async (event: HttpEvent): Promise<Result> => {
    try {
      const viewer = await resolveViewer(event, { entitlement: spec.viewer !== 'ignored', verifyToken: spec.verifyToken });
      authorize(viewer, spec.access);
      const body = spec.ignoresBody ? (undefined as z.infer<B>) : parse(spec.body, readBody(event), 'body');
      const path = parse(spec.path, event.pathParameters ?? {}, 'path');
      const query = parse(spec.query, event.queryStringParameters ?? {}, 'query');
      return await fn({ body, path, query, viewer, now: new Date(), event });
    } catch (error) {
      const mapped = problemFor(error);
      if (mapped) {
        logger.info('request refused', { status: mapped.statusCode, reason: (error as Error).message });
        return mapped;
      }
      logger.error('request failed', error as Error);
      return internalError();
    }
  };
  // One correlation id per request (the client's, if well-formed, else API Gateway's request id):
  // in every log line, in every event the request causes, and echoed to the caller.
  const handle = async (event: HttpEvent): Promise<Result> => {
    const id = correlationIdOf(event.headers?.[CORRELATION_HEADER]) ?? event.requestContext.requestId;
    const result = await withCorrelationId(id, () => respond(event));
    return { ...result, headers: { ...result.headers, [CORRELATION_HEADER]: id } };
  };
  // `route` exposes the exact schemas this handler validates with, for the OpenAPI generator (tools/openapi.ts).
  const wrapped = middy(handle);
  if (apiTracing) wrapped.use(apiTracing.tracingMiddleware());
  return Object.assign(wrapped.use(injectLambdaContext(logger, { resetKeys: true })).use(metricsMiddleware()), { route: spec });
}
