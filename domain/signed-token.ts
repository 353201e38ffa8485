/**
 * A value a client carries and hands back, which only this service can have made: `base64url(JSON)` "."
 * `base64url(HMAC-SHA256 under a key)`. The feed's page cursors (feed.ts) and the emails' unsubscribe links
 * (unsubscribe.ts) are such tokens; each checks its own claims once the signature holds.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenProblem = 'malformed' | 'tampered';

const mac = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

export function signToken(claims: Record<string, unknown>, key: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/**
 * The claims of a token, once its signature checks out, or what is wrong with it: `malformed` (not two base64url
 * parts, or not JSON), `tampered` (the signature). The signature is compared as text in its one canonical encoding
 * (decoding it first would ignore the last character's unused low bits, so an altered character would still match),
 * in constant time, before anything in the payload is read.
 */
export function verifyToken(token: string, key: string): { claims: Record<string, unknown> } | { problem: TokenProblem } {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return { problem: 'malformed' };
  const [payload, signature] = parts as [string, string];
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { problem: 'tampered' };
  try {
    return { claims: (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) ?? {}) as Record<string, unknown> };
  } catch {
    return { problem: 'malformed' };
  }
}
