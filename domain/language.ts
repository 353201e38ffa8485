/**
 * Language tags and content negotiation for translated briefings. Pure:
 * the caller hands in the query parameter and the Accept-Language header.
 */
import * as z from 'zod/mini';
import { schema } from './schema.ts';

/** A BCP 47 tag as this API stores it: `en`, `zh`, `zh-Hans`, `pt-BR`. */
export const LanguageTag = /* @__PURE__ */ schema(() =>
  z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or zh-Hans')),
);
export type LanguageTag = z.infer<typeof LanguageTag>;

/** What `?lang=` accepts: a tag in any letter case (it is matched case-insensitively), at most 35 characters. */
export const LanguageQuery = /* @__PURE__ */ schema(() =>
  z.string().check(z.maxLength(35), z.regex(/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as en or zh-CN')),
);

interface Range {
  tag: string;
  q: number;
  order: number;
}

/** The ranges of an Accept-Language header (RFC 9110 §12.5.4), best first; malformed entries are ignored, as HTTP asks. */
export function parseAcceptLanguage(header: string | undefined): Range[] {
  if (!header) return [];
  const ranges: Range[] = [];
  header.split(',').forEach((part, order) => {
    const [rawTag, ...params] = part.split(';').map((p) => p.trim());
    if (!rawTag || !/^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(rawTag)) return;
    let q = 1;
    for (const param of params) {
      const m = /^q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)$/i.exec(param);
      if (m) q = Number(m[1]);
      else if (/^q\s*=/i.test(param)) return;
    }
    if (q > 0) ranges.push({ tag: rawTag.toLowerCase(), q, order });
  });
  return ranges.sort((a, b) => b.q - a.q || a.order - b.order);
}

/**
 * The available tag a range picks: an exact match (case-insensitive), else the
 * longest available tag the range starts with (`zh-CN` → `zh`), else an
 * available tag that starts with the range (`zh` → `zh-Hans`).
 */
function matchRange(range: string, available: readonly string[]): string | undefined {
  const exact = available.find((tag) => tag.toLowerCase() === range);
  if (exact) return exact;
  const subtags = range.split('-');
  for (let n = subtags.length - 1; n >= 1; n--) {
    const prefix = subtags.slice(0, n).join('-');
    const hit = available.find((tag) => tag.toLowerCase() === prefix);
    if (hit) return hit;
  }
  return available.find((tag) => tag.toLowerCase().startsWith(`${range}-`));
}

/**
 * The language to serve: `?lang=` when sent (the original when it names no
 * available language), else the best Accept-Language range that matches
 * (`*` picks the original), else the original language.
 */
export function negotiateLanguage(opts: { original: string; available: readonly string[]; query?: string; acceptLanguage?: string }): string {
  const candidates = [opts.original, ...opts.available.filter((tag) => tag !== opts.original)];
  // An explicit `?lang=` decides alone: when nothing matches it, the original is served.
  if (opts.query) return matchRange(opts.query.toLowerCase(), candidates) ?? opts.original;
  for (const { tag } of parseAcceptLanguage(opts.acceptLanguage)) {
    if (tag === '*') return opts.original;
    const hit = matchRange(tag, candidates);
    if (hit) return hit;
  }
  return opts.original;
}

/** Regions whose Chinese is written in traditional characters. */
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * The language a tag is listed under in the feed (`GET /briefings?language=`),
 * lower case: the primary language and its script, without region or
 * variant. Chinese is simplified unless the tag says otherwise: `zh`,
 * `zh-CN`, `zh-SG`, `zh-Hans` and `zh-Hans-CN` are `zh`; `zh-Hant`, `zh-TW`,
 * `zh-HK` and `zh-MO` are `zh-hant`, a feed of its own (another script, read by
 * other readers). Elsewhere a script subtag is kept (`sr-Latn` is
 * `sr-latn`), regions are dropped (`en-GB` and `pt-BR` are `en` and `pt`).
 */
export function feedLanguage(tag: string): string {
  const [primary = '', ...rest] = tag.trim().toLowerCase().split('-');
  const script = rest.find((s) => /^[a-z]{4}$/.test(s));
  if (primary === 'zh') return script === 'hant' || (!script && rest.some((s) => TRADITIONAL_REGIONS.has(s))) ? 'zh-hant' : 'zh';
  return script ? `${primary}-${script}` : primary;
}
