/**
 * GET and POST /unsubscribe?token=… — the signed link of every email (no login). POST turns the member's email
 * off at once: the one-click unsubscribe of RFC 8058 (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`, whose
 * form body is not read), or the button of the GET page. GET only shows that page: mail scanners fetch links, so
 * a GET must change nothing. The answer is the same whether or not the member had a preference, and a tampered or
 * foreign token is a 400 on `query:token` (domain/unsubscribe.ts); nothing of an unverified token is read.
 */
import * as z from 'zod/mini';
import { ValidationError } from '#domain/errors.ts';
import { escapeHtml } from '#domain/syndication.ts';
import { UnsubscribeTokenError, verifyUnsubscribeToken } from '#domain/unsubscribe.ts';
import { emailConfig } from '#functions/commons/email-config.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { logger } from '#functions/commons/logger.ts';
import { unsubscribe } from '#functions/commons/table/email.ts';

const Query = z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(1000)) });

function memberOf(token: string): string {
  try {
    return verifyUnsubscribeToken(token, emailConfig.tokenKey);
  } catch (error) {
    if (error instanceof UnsubscribeTokenError) throw new ValidationError(error.message, [{ pointer: 'query:token', detail: error.message }]);
    throw error;
  }
}

/** The page a GET shows: one button that POSTs the same URL. */
const page = (token: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head><body>` +
  '<h1>Unsubscribe from Signal Briefings emails</h1><p>You will receive no more alert or digest emails. You can turn them on again in your preferences.</p>' +
  `<form method="post" action="?token=${escapeHtml(encodeURIComponent(token))}"><button type="submit">Unsubscribe</button></form></body></html>`;

export const handler = httpRoute({ access: 'public', viewer: 'ignored', query: Query, ignoresBody: true }, async ({ query, event, now }) => {
  const userId = memberOf(query.token);
  const headers = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
  if (event.requestContext.http.method === 'GET') {
    return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: page(query.token) };
  }
  const had = await unsubscribe(userId, now);
  logger.info('unsubscribed', { had });
  return json(200, { unsubscribed: true, delivery: 'off' }, headers);
});
