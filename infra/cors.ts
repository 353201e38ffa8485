/**
 * The API's CORS policy, one definition for API Gateway (infra/constructs/api.ts)
 * and the local HTTP API (local/http-api.ts). Only the allowed origins
 * differ per stage (infra/stage.ts). Tokens travel in `Authorization`, never in
 * cookies, so credentials are not allowed.
 */

/** Methods a browser on an allowed origin may send. */
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Request headers the API reads: the bearer token, bodies, conditional requests, language, correlation. */
export const CORS_REQUEST_HEADERS = ['authorization', 'content-type', 'if-match', 'if-none-match', 'accept-language', 'x-correlation-id'] as const;

/** Response headers a browser script may read, beyond the CORS-safelisted ones. */
export const CORS_EXPOSED_HEADERS = ['etag', 'location', 'content-language', 'x-correlation-id', 'www-authenticate', 'allow'] as const;

/** How long a browser may reuse a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 3600;

/** A preflight request: `OPTIONS` with `Origin` and `Access-Control-Request-Method`. */
export function isPreflight(method: string, headers: Record<string, string | undefined>): boolean {
  return method === 'OPTIONS' && headers['origin'] !== undefined && headers['access-control-request-method'] !== undefined;
}

/**
 * The CORS headers of a preflight answer, as API Gateway gives them: none when the origin is
 * not allowed, the method is not allowed or a requested header is not allowed.
 */
export function preflightHeaders(allowedOrigins: readonly string[], headers: Record<string, string | undefined>): Record<string, string> {
  const origin = headers['origin'];
  const method = headers['access-control-request-method']?.toUpperCase();
  if (!origin || !allowedOrigins.includes(origin) || !(CORS_METHODS as readonly string[]).includes(method ?? '')) return {};
  const requested = (headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (requested.some((h) => !(CORS_REQUEST_HEADERS as readonly string[]).includes(h))) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': CORS_METHODS.join(','),
    'access-control-allow-headers': CORS_REQUEST_HEADERS.join(','),
    'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
  };
}

/** The CORS headers API Gateway adds to an actual response for an allowed origin (none otherwise). */
export function responseCorsHeaders(allowedOrigins: readonly string[], origin: string | undefined): Record<string, string> {
  if (!origin || !allowedOrigins.includes(origin)) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(',') };
}
