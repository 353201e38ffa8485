/**
 * The signed unsubscribe token of every email (issue 17, point 2): whoever holds the link may turn that
 * member's email off, without a login, and nothing else. `base64url(JSON { v, p, u })` "." `base64url(HMAC-SHA256)`
 * under the deployment's email token key, the feed cursor's construction (domain/feed.ts): the signature is
 * checked, in its one canonical encoding and in constant time, before anything in the payload is read.
 *
 * The token does not expire: an unsubscribe link in a year-old email must still work (RFC 8058 asks that the
 * one-click link keep working), and what it can do is harmless to repeat. A new key invalidates every link
 * already sent; emails sent after the change carry new ones.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN_VERSION = 1;
/** Names what the token is for, so no other signed value under the same key reads as one. */
const PURPOSE = 'unsubscribe';

export class UnsubscribeTokenError extends Error {
  constructor(readonly problem: 'malformed' | 'tampered') {
    super(problem === 'tampered' ? 'the unsubscribe link was not issued by this service or was altered' : 'the unsubscribe link is malformed');
    this.name = 'UnsubscribeTokenError';
  }
}

const mac = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/** The token of a member's unsubscribe link. */
export function signUnsubscribeToken(userId: string, key: string): string {
  const payload = Buffer.from(JSON.stringify({ v: TOKEN_VERSION, p: PURPOSE, u: userId })).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** The member a token names, once its signature checks out; UnsubscribeTokenError otherwise. */
export function verifyUnsubscribeToken(token: string, key: string): string {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) throw new UnsubscribeTokenError('malformed');
  const [payload, signature] = parts as [string, string];
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnsubscribeTokenError('tampered');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new UnsubscribeTokenError('malformed');
  }
  const { v, p, u } = (decoded ?? {}) as Record<string, unknown>;
  if (v !== TOKEN_VERSION || p !== PURPOSE || typeof u !== 'string' || u === '') throw new UnsubscribeTokenError('malformed');
  return u;
}
