/**
 * Routes anyone may call, with an optional bearer token the function verifies
 * itself (no JWT authorizer in front: `auth: 'optional'` and `verifiesTokens`
 * in functions/manifest.ts). Kept apart from http.ts so that only these
 * functions bundle the token verifier (jose); every other route gets verified
 * claims from API Gateway's authorizer.
 */
import type * as z from 'zod/mini';
import { verifyUserPoolToken } from './auth.ts';
import { httpRoute, type Request, type Result, type RouteSpec, type Schema } from './http.ts';

/** `httpRoute` with `access: 'public'`, verifying a sent token against the user pool (a bad one is a 401). */
export function publicRoute<B extends Schema = z.ZodMiniUndefined, P extends Schema = z.ZodMiniUndefined, Q extends Schema = z.ZodMiniUndefined>(
  spec: Omit<RouteSpec<B, P, Q>, 'access' | 'verifyToken'>,
  fn: (req: Request<z.infer<B>, z.infer<P>, z.infer<Q>>) => Promise<Result>,
) {
  return httpRoute<B, P, Q>({ ...spec, access: 'public', verifyToken: verifyUserPoolToken }, fn);
}
