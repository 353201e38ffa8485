/**
 * Sources: the evidence behind a briefing. A source is identified by its
 * canonical URL, so the same article twice (tracking parameters, fragments,
 * host case, default ports, trailing slashes) is recognised as a duplicate.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { SOURCE_KINDS, STANCES, type SourceKind, type Stance } from './scoring.ts';

/** What an analyst sends to ingest a source. Unknown fields are rejected. */
export const SourceInput = z.strictObject({
  briefingId: z.string().min(1).max(64),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048),
  publisher: z.string().trim().min(1).max(200),
  kind: z.enum(SOURCE_KINDS),
  stance: z.enum(STANCES).default('supports'),
  title: z.string().trim().min(1).max(500),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or zh-Hans').default('en'),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  excerpt: z.string().max(5000).optional(),
  note: z.string().max(2000).optional(),
});
export type SourceInput = z.infer<typeof SourceInput>;

export interface Source {
  briefingId: string;
  sourceId: string;
  canonicalUrl: string;
  url: string;
  publisher: string;
  kind: SourceKind;
  stance: Stance;
  title: string;
  language: string;
  publishedAt?: string;
  excerpt?: string;
  note?: string;
  ingestedAt: string;
  ingestedBy: string;
}

const TRACKING_PARAMS = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src|_hsenc|_hsmi)$/i;

/** The canonical form of a URL: the key under which a source is stored once. */
export function canonicalUrl(raw: string): string {
  const url = new URL(raw);
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) url.port = '';
  url.protocol = 'https:';
  const kept = [...url.searchParams].filter(([key]) => !TRACKING_PARAMS.test(key)).sort(([a], [b]) => a.localeCompare(b));
  url.search = new URLSearchParams(kept).toString();
  url.pathname = url.pathname.replace(/\/amp\/?$/, '/').replace(/\/+$/, '') || '/';
  return url.toString();
}

/** A stable id derived from the canonical URL, so a duplicate maps to the same record. */
export function sourceIdFor(canonical: string): string {
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

export function newSource(input: SourceInput, by: string, now: Date): Source {
  const canonical = canonicalUrl(input.url);
  return {
    ...input,
    sourceId: sourceIdFor(canonical),
    canonicalUrl: canonical,
    ingestedAt: now.toISOString(),
    ingestedBy: by,
  };
}
