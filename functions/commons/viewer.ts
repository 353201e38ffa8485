/**
 * Who is calling: the verified token (the claims of the API's JWT authorizer,
 * or, on the public routes that verify tokens themselves, a sent token checked
 * by the route's TokenVerifier) checked against the caller's
 * entitlement record, so that a revoked or expired entitlement stops gated
 * access while the token is still valid.
 *
 * Cost: an anonymous request reads nothing. A signed-in request reads the
 * record (one consistent GetItem) at most once per user per cache window
 * (ENTITLEMENT_CACHE_SECONDS, at most and by default 60 s) in each warm
 * execution environment. The end date is compared with the clock on every
 * request, so expiry bites on time whatever the cache holds.
 */
import { ANONYMOUS, type Viewer } from '#domain/access.ts';
import { type Entitlement, entitledViewer } from '#domain/entitlement.ts';
import { UnauthorizedError } from '#domain/errors.ts';
import { config } from './config.ts';
import { getEntitlement } from './table/entitlements.ts';

/**
 * Verifies a bearer token (signature, issuer, audience, expiry) and returns its
 * claims, or throws UnauthorizedError. Only routes without the API's JWT
 * authorizer have one (functions/commons/public-route.ts hands it in), so
 * that jose is bundled only where a token is verified in the function.
 */
export type TokenVerifier = (token: string) => Promise<Record<string, unknown>>;

/**
 * API Gateway's JWT authorizer hands array claims to the function as a string
 * such as "[analysts editors]"; a verified token has a real array. Accept both.
 */
export function groupsClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function bearerToken(headers: Record<string, string | undefined>): string | undefined {
  const value = headers['authorization'] ?? headers['Authorization'];
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  if (!match) throw new UnauthorizedError('the Authorization header must be "Bearer <token>"');
  return match[1];
}

/** The part of an HTTP event viewer resolution reads. */
export interface ViewerSource {
  headers?: Record<string, string | undefined>;
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
}

export interface EntitlementCache {
  get(userId: string): Promise<Entitlement | undefined>;
  clear(): void;
}

/**
 * Records by user, each kept for `ttlSeconds()` from when it was read
 * (misses too: a user without a record is read again after the same window).
 * Bounded, oldest entry evicted first, so a long-lived environment cannot grow it without limit.
 */
export function entitlementCache(opts: {
  load: (userId: string) => Promise<Entitlement | undefined>;
  ttlSeconds: () => number;
  clock?: () => number;
  maxEntries?: number;
}): EntitlementCache {
  const clock = opts.clock ?? Date.now;
  const maxEntries = opts.maxEntries ?? 10_000;
  const entries = new Map<string, { record: Entitlement | undefined; readAt: number }>();
  return {
    async get(userId) {
      const ttlMs = opts.ttlSeconds() * 1000;
      const cached = entries.get(userId);
      if (cached && clock() - cached.readAt < ttlMs) return cached.record;
      const readAt = clock();
      const record = await opts.load(userId);
      entries.delete(userId);
      if (ttlMs > 0) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(userId, { record, readAt });
      }
      return record;
    },
    clear: () => entries.clear(),
  };
}

/** One cache per execution environment, shared by every request it serves. */
export const entitlements = entitlementCache({
  load: (userId) => getEntitlement(userId, { consistent: true }),
  ttlSeconds: () => config.entitlementCacheSeconds,
});

/**
 * The authorizer's claims; else, on a route that verifies tokens itself, the
 * claims of the sent token (a malformed or invalid one is a 401). A route with
 * neither (route-not-found, which answers everyone alike) reads no token.
 */
async function verifiedClaims(event: ViewerSource, verify: TokenVerifier | undefined): Promise<Record<string, unknown> | undefined> {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (claims) return claims;
  if (!verify) return undefined;
  const token = bearerToken(event.headers ?? {});
  if (!token) return undefined;
  return verify(token);
}

/**
 * The caller as the API treats them. `entitlement: false` is for routes that
 * answer everyone alike: a sent token is still verified (a bad one is a 401),
 * but no record is read and the handler sees an anonymous viewer.
 */
export async function resolveViewer(
  event: ViewerSource,
  opts: { entitlement: boolean; verifyToken?: TokenVerifier | undefined; now?: Date },
): Promise<Viewer> {
  const claims = await verifiedClaims(event, opts.verifyToken);
  const sub = claims?.['sub'];
  if (typeof sub !== 'string' || sub === '' || !opts.entitlement) return ANONYMOUS;
  const record = await entitlements.get(sub);
  return entitledViewer(sub, groupsClaim(claims?.['cognito:groups']), record, opts.now ?? new Date());
}
