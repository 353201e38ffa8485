/**
 * Token verification. Protected routes get claims from the API's JWT
 * authorizer; public routes accept an optional token and verify it here with
 * the same rules (issuer, audience, signature, expiry). A verified token is
 * not yet a viewer: viewer.ts checks it against the entitlement record.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { UnauthorizedError } from '../../domain/errors.ts';

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** Verifies a Cognito token (ID or access). Cognito access tokens carry the client in `client_id`, not `aud`. */
export async function verifyToken(token: string, opts: { issuer: string; audience: string }): Promise<JWTPayload> {
  let jwks = keySets.get(opts.issuer);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(`${opts.issuer}/.well-known/jwks.json`));
    keySets.set(opts.issuer, jwks);
  }
  try {
    const { payload } = await jwtVerify(token, jwks, { issuer: opts.issuer });
    const audience = payload.aud ?? payload['client_id'];
    const audiences = Array.isArray(audience) ? audience : [audience];
    if (!audiences.includes(opts.audience)) throw new Error('audience mismatch');
    return payload;
  } catch {
    throw new UnauthorizedError('the bearer token is invalid or expired');
  }
}

/**
 * API Gateway's JWT authorizer hands array claims to the function as a string
 * such as "[analysts editors]"; a verified token has a real array. Accept both.
 */
export function groupsClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

export function bearerToken(headers: Record<string, string | undefined>): string | undefined {
  const value = headers['authorization'] ?? headers['Authorization'];
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  if (!match) throw new UnauthorizedError('the Authorization header must be "Bearer <token>"');
  return match[1];
}
