/**
 * Token verification. Protected routes get claims from the API's JWT
 * authorizer; public routes accept an optional token and verify it here with
 * the same rules (issuer, audience, signature, expiry). A verified token is
 * not yet a viewer: viewer.ts checks it against the entitlement record.
 *
 * Only the routes that verify tokens themselves (`verifiesTokens` in
 * functions/manifest.ts, through public-route.ts) import this module, so jose
 * stays out of every other bundle.
 */
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { UnauthorizedError } from '#domain/errors.ts';
import { config } from './config.ts';
import type { TokenVerifier } from './viewer.ts';

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

/** Verifies against this deployment's user pool (JWT_ISSUER) and app client (JWT_AUDIENCE). */
export const verifyUserPoolToken: TokenVerifier = (token) => verifyToken(token, { issuer: config.jwtIssuer, audience: config.jwtAudience });
