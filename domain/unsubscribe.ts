/**
 * The signed unsubscribe token of every email (issue 17, point 2): whoever holds the link may turn that
 * member's email off, without a login, and nothing else. `base64url(JSON { v, p, u })` "." `base64url(HMAC-SHA256)`
 * under the deployment's email token key: a signed token (domain/signed-token.ts), as the feed's cursors are.
 *
 * The token does not expire: an unsubscribe link in a year-old email must still work (RFC 8058 asks that the
 * one-click link keep working), and what it can do is harmless to repeat. A new key invalidates every link
 * already sent; emails sent after the change carry new ones.
 */
import { signToken, verifyToken } from './signed-token.ts';

const TOKEN_VERSION = 1;
/** Names what the token is for, so no other signed value under the same key reads as one. */
const PURPOSE = 'unsubscribe';

export class UnsubscribeTokenError extends Error {
  constructor(readonly problem: 'malformed' | 'tampered') {
    super(problem === 'tampered' ? 'the unsubscribe link was not issued by this service or was altered' : 'the unsubscribe link is malformed');
    this.name = 'UnsubscribeTokenError';
  }
}

/** The token of a member's unsubscribe link. */
export function signUnsubscribeToken(userId: string, key: string): string {
  return signToken({ v: TOKEN_VERSION, p: PURPOSE, u: userId }, key);
}

/** The member a token names, once its signature checks out; UnsubscribeTokenError otherwise. */
export function verifyUnsubscribeToken(token: string, key: string): string {
  const verified = verifyToken(token, key);
  if ('problem' in verified) throw new UnsubscribeTokenError(verified.problem);
  const { v, p, u } = verified.claims;
  if (v !== TOKEN_VERSION || p !== PURPOSE || typeof u !== 'string' || u === '') throw new UnsubscribeTokenError('malformed');
  return u;
}
