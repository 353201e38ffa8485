/**
 * GET /confidence/legend — the six confidence bands (range, grade, label) in
 * each language served, and what "Disputed" and "Analyst-assessed" mean, from
 * the scorer's own definitions (domain/legend.ts). The same for every caller
 * and changed only by a deploy: no token read, no table, cacheable for a day,
 * with a strong ETag of its content (If-None-Match answers 304).
 */
import * as z from 'zod/mini';
import { confidenceLegend } from '#domain/legend.ts';
import { digestEtag, noneMatchHolds } from '#functions/commons/etag.ts';
import { httpRoute, json } from '#functions/commons/http.ts';

const body = JSON.stringify(confidenceLegend());
const headers = {
  'cache-control': 'public, max-age=86400',
  etag: digestEtag(body),
};

export const handler = httpRoute({ access: 'public', viewer: 'ignored', query: z.strictObject({}) }, async ({ event }) => {
  if (noneMatchHolds(event.headers?.['if-none-match'], headers.etag)) return { statusCode: 304, headers };
  return { ...json(200, {}, headers), body };
});
