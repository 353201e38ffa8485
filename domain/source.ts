/**
 * Sources: the evidence behind a briefing. A source is identified by its
 * canonical URL, so the same article twice (tracking parameters, fragments,
 * host case, default ports, trailing slashes, mobile and AMP variants, share
 * parameters of messaging apps) is recognised as a duplicate; its text is
 * fingerprinted at ingest so that copies of one story under other URLs are
 * grouped into one origin when the briefing is scored.
 */
import { createHash } from 'node:crypto';
import normalizeUrl from 'normalize-url';
import * as z from 'zod/mini';
import { SOURCE_CHANGES, type SourceChange } from './changes.ts';
import { ConflictError, type FieldIssue, ValidationError } from './errors.ts';
import { Fingerprint, fingerprint } from './fingerprint.ts';
import { creditLine, creditsIn, publisherLine, SOURCINGS, sourcingOf } from './outlets.ts';
import { schema } from './schema.ts';
import {
  CREDIBILITY_LEVELS,
  Credibility,
  compareIds,
  type Evidence,
  type KeyedEvidence,
  RELIABILITY_GRADES,
  Reliability,
  SOURCE_KINDS,
  STANCES,
} from './scoring.ts';
import { stableJson } from './stable-json.ts';

const instant = /* @__PURE__ */ schema(() =>
  z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-06-20T08:00:00Z' }),
);
const nonEmpty = (max: number) => z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max));

/**
 * What an analyst sends to ingest a source. Unknown fields are rejected.
 * `text` (the article) or `excerpt` is required: it is fingerprinted to
 * recognise copies. The full text is not stored; the excerpt is.
 */

export const SourceInput = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      briefingId: z.string().check(z.minLength(1), z.maxLength(64)),
      url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).check(z.maxLength(2048)),
      publisher: nonEmpty(200),
      kind: z.enum(SOURCE_KINDS),
      stance: z._default(z.enum(STANCES), 'supports'),
      title: nonEmpty(500),
      language: z._default(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or zh-Hans')), 'en'),
      publishedAt: z.optional(instant),
      /** When the analyst retrieved it; the time of ingest when absent. Kept for the record: scoring judges time by publication against the event. */
      retrievedAt: z.optional(instant),
      /** What the source credits (outlets such as "Reuters", or documents: "memo", "letter", "document"); detected in the text when absent. */
      credits: z.optional(z.array(nonEmpty(200)).check(z.maxLength(10))),
      /** Whether it rests on named people or documents (`on-record`) or unnamed people (`unnamed`); detected in the text when absent. */
      sourcing: z.optional(z.enum(SOURCINGS)),
      text: z.optional(nonEmpty(50_000)),
      excerpt: z.optional(nonEmpty(5000)),
      /** Admiralty source reliability set by the analyst, with why. */
      reliability: z.optional(z.strictObject({ grade: z.enum(RELIABILITY_GRADES), reason: nonEmpty(1000) })),
      /** Admiralty information credibility (1 confirmed … 5 improbable, 6 cannot be judged); kept apart from reliability. */
      credibility: z.optional(z.literal(CREDIBILITY_LEVELS)),
      note: z.optional(z.string().check(z.maxLength(2000))),
    })
    .check(
      z.refine((s) => s.text !== undefined || s.excerpt !== undefined, {
        path: ['text'],
        error: 'send the text of the source or an excerpt of it: it is fingerprinted to recognise copies',
      }),
    ),
);
export type SourceInput = z.infer<typeof SourceInput>;

/** Why a stored source no longer counts: an analyst withdrew it, or its publisher retracted the article. */
export const SOURCE_STATUSES = ['withdrawn', 'retracted-by-publisher'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export const SourceState = /* @__PURE__ */ schema(() =>
  z
    .object({
      status: z.enum(SOURCE_STATUSES),
      by: z.string().check(z.describe('Who withdrew it, or recorded its retraction by the publisher')),
      at: z.iso.datetime(),
      reason: z.string(),
    })
    .check(z.describe('Why a source no longer counts as evidence; absent on an active source.')),
);
export type SourceState = z.output<typeof SourceState>;

/** The fields an analyst may correct; the URL is not one of them (it is the source's identity). */
export const CORRECTABLE_FIELDS = [
  'kind',
  'stance',
  'publisher',
  'title',
  'publishedAt',
  'language',
  'reliability',
  'credibility',
  'credits',
  'sourcing',
  'note',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** One correction or change of state; `action` is what Source Updated announces as its `change`. */
export const SourceHistoryEntry = /* @__PURE__ */ schema(() =>
  z.object({
    action: z.enum(SOURCE_CHANGES),
    by: z.string(),
    at: z.iso.datetime(),
    reason: z.string(),
    // For a correction: each field changed, with its value before and after (absent: it was or became unset).
    changed: z.optional(z.array(z.object({ field: z.enum(CORRECTABLE_FIELDS), from: z.optional(z.unknown()), to: z.optional(z.unknown()) }))),
  }),
);
export type SourceHistoryEntry = z.output<typeof SourceHistoryEntry>;

/**
 * A stored source. `retrievedAt` and `fingerprint` are absent only on sources stored before scoring
 * model v2; `credits` and `sourcing` are set by the analyst or detected at ingest; `version` is the
 * basis of If-Match.
 */
export const Source = /* @__PURE__ */ schema(() =>
  z.object({
    briefingId: z.string(),
    sourceId: z.string().check(z.describe('Derived from the canonical URL')),
    canonicalUrl: z.string(),
    url: z.string(),
    publisher: z.string(),
    kind: z.enum(SOURCE_KINDS),
    stance: z.enum(STANCES),
    title: z.string(),
    language: z.string(),
    publishedAt: z.optional(z.string()),
    retrievedAt: z.optional(z.string()),
    excerpt: z.optional(z.string()),
    reliability: z.optional(z.object({ grade: Reliability, reason: z.string() })),
    credibility: z.optional(Credibility),
    fingerprint: z.optional(Fingerprint).check(z.describe('Of the text (or excerpt): how copies, paraphrases and translations are recognised')),
    credits: z.optional(z.array(z.string())).check(z.describe('What it credits: outlets, or `document:<kind>`')),
    sourcing: z.optional(z.enum(SOURCINGS)),
    note: z.optional(z.string()),
    ingestedAt: z.iso.datetime(),
    ingestedBy: z.string(),
    state: z.optional(SourceState),
    version: z.optional(z.int().check(z.positive())).check(z.describe('Absent until the first change: 1. The ETag is `"source-v<version>"`')),
    history: z.optional(z.array(SourceHistoryEntry)).check(z.describe('Every correction and change of state, oldest first')),
  }),
);
export type Source = z.output<typeof Source>;

/**
 * Query parameters that never identify an article, on any host: campaign and click tracking, and the
 * parameters messaging apps and share buttons append (WeChat's `isappinstalled`, `from=singlemessage`
 * further down, share-sheet `share`/`sharer_*`, referral `ref`/`cmpid`). Matched on the whole name.
 */
const TRACKING_PARAMS =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|igsh|mibextid|ref|ref_src|ref_url|referrer|cmpid|cmp|smid|_hsenc|_hsmi|mkt_tok|_ga|_gl|spm|share|shared|share_source|share_medium|share_from|share_token|sharer_.*|isappinstalled|wt_mc|amp)$/i;

/** `from` is content on some sites; only the values WeChat and QQ append when an article is forwarded are dropped. */
const SHARED_FROM = /^(singlemessage|groupmessage|timeline|message)$/i;

/**
 * Share parameters particular to one site, dropped on its hosts only (elsewhere the same names can
 * identify content): the share-sheet token `s`/`t` on X; `si` (share id) and `feature` on YouTube and
 * Spotify; WeChat article links, whose article is `__biz`, `mid`, `idx` and `sn`, carry the reader's
 * session (`chksm`, `scene`, `mpshare`, `srcid`, `clicktime`, `enterid`, `sessionid`, `ascene`,
 * `subscene`, `devicetype`, `version`, `nettype`, `lang`, `exportkey`, `pass_ticket`, `wx_header`, `key`).
 */
const SITE_SHARE_PARAMS: ReadonlyArray<{ host: RegExp; params: RegExp }> = [
  { host: /^(x|twitter)\.com$/, params: /^(s|t)$/ },
  { host: /^(youtube\.com|youtu\.be|music\.youtube\.com|open\.spotify\.com)$/, params: /^(si|feature|pp)$/ },
  {
    host: /^mp\.weixin\.qq\.com$/,
    params:
      /^(chksm|scene|mpshare|srcid|clicktime|enterid|sessionid|ascene|subscene|devicetype|version|nettype|lang|exportkey|pass_ticket|wx_header|key|sharer_.*|from)$/,
  },
];

/**
 * Subdomains that serve the same article to phones or through AMP: `m.example.com`, `mobile.example.com`
 * and `amp.example.com` are `example.com` (as `www.` is). Only one such label is removed, and never when
 * it would leave a bare top-level domain.
 */
const VARIANT_HOST = /^(m|mobile|amp|www)\.(?=[^.]+\.[^.]+)/;

/** AMP caches serve a page under their own host: `<dashed-host>.cdn.ampproject.org/c/s/<host>/<path>`, `google.com/amp/s/<host>/<path>`. */
function unwrapAmpCache(url: URL): URL {
  const cached = /\.cdn\.ampproject\.org$/i.test(url.hostname)
    ? /^\/[cvi]\/(?:s\/)?(.+)$/.exec(url.pathname)
    : /^(www\.)?google\.[a-z.]+$/i.test(url.hostname)
      ? /^\/amp\/(?:s\/)?(.+)$/.exec(url.pathname)
      : null;
  if (!cached?.[1]) return url;
  try {
    return new URL(`https://${cached[1]}${url.search}`);
  } catch {
    return url;
  }
}

function isShareParam(host: string, key: string, value: string): boolean {
  if (TRACKING_PARAMS.test(key) || (key === 'outputType' && value === 'amp') || (key === 'from' && SHARED_FROM.test(value))) return true;
  return SITE_SHARE_PARAMS.some((site) => site.host.test(host) && site.params.test(key));
}

/**
 * The canonical form of a URL: the key under which a source is stored once (docs/scoring.md,
 * "Canonical URLs"). `normalize-url` does the general part (scheme, case, default ports, percent
 * escapes, duplicate slashes, `www.`, fragments, credentials); the rules above add what it does not
 * know: mobile and AMP variants, AMP caches, and share parameters. The query is then written as
 * sorted `application/x-www-form-urlencoded`, the form earlier versions stored, so the id of a URL
 * that was already canonical does not change.
 */
export function canonicalUrl(raw: string): string {
  const url = new URL(
    normalizeUrl(unwrapAmpCache(new URL(raw)).toString(), {
      forceHttps: true,
      stripHash: true,
      stripWWW: true,
      removeExplicitPort: false,
      removeQueryParameters: false,
      removeSingleSlash: false,
      sortQueryParameters: false,
    }),
  );
  url.hostname = url.hostname.replace(VARIANT_HOST, '');
  const host = url.hostname;
  const kept = [...url.searchParams].filter(([key, value]) => !isShareParam(host, key, value)).sort(([a], [b]) => compareIds(a, b));
  url.search = new URLSearchParams(kept).toString();
  url.pathname =
    url.pathname
      .replace(/^\/amp(?=\/)/, '')
      .replace(/\/amp\/?$/, '/')
      .replace(/\.amp(\.html?)?$/, '$1')
      .replace(/\/+$/, '') || '/';
  return url.toString();
}

/** A stable id derived from the canonical URL, so a duplicate maps to the same record. */
export function sourceIdFor(canonical: string): string {
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

/** Clocks of analysts' tools and ours may differ a little; more than this ahead is the future. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Dates the schema cannot check without the clock: nothing in the future, nothing retrieved before it was published. */
function checkDates(input: SourceInput, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const published = input.publishedAt ? Date.parse(input.publishedAt) : undefined;
  const retrieved = input.retrievedAt ? Date.parse(input.retrievedAt) : undefined;
  if (published !== undefined && published > latest) issues.push({ pointer: '#/publishedAt', detail: 'must not be in the future' });
  if (retrieved !== undefined && retrieved > latest) issues.push({ pointer: '#/retrievedAt', detail: 'must not be in the future' });
  if (published !== undefined && retrieved !== undefined && retrieved < published) {
    issues.push({ pointer: '#/retrievedAt', detail: 'must not be before publishedAt' });
  }
  return issues;
}

/** The source to store, from valid input. Throws a ValidationError (field paths) for dates `now` rules out. */
export function newSource(input: SourceInput, by: string, now: Date): Source {
  const issues = checkDates(input, now);
  if (issues.length > 0) throw new ValidationError('the request body is invalid', issues);
  const { text, credits, sourcing, ...kept } = input;
  const canonical = canonicalUrl(input.url);
  const body = text ?? input.excerpt ?? '';
  const own = publisherLine(input.publisher, canonical);
  const detected = credits ? credits.map(creditOf) : creditsIn(body, own);
  return {
    ...kept,
    ...(detected.length > 0 ? { credits: detected } : {}),
    sourcing: sourcing ?? sourcingOf(body),
    sourceId: sourceIdFor(canonical),
    canonicalUrl: canonical,
    retrievedAt: input.retrievedAt ?? now.toISOString(),
    fingerprint: fingerprint(text ?? input.excerpt ?? ''),
    ingestedAt: now.toISOString(),
    ingestedBy: by,
  };
}

const DOCUMENT_KINDS = new Set(['memo', 'letter', 'document']);

/** A credit as stored: an outlet's name as given, or `document:<kind>` for a memo, letter or document. */
const creditOf = (c: string) => (DOCUMENT_KINDS.has(c.toLowerCase()) ? `document:${c.toLowerCase()}` : c);
/**
 * What an analyst sends to correct a source (PATCH): any of the correctable
 * fields (`null` unsets an optional one), or a change of state: `state:
 * "retracted-by-publisher"` when the publisher retracted the article, `state:
 * "active"` to restore a withdrawn or retracted source. Never both in one
 * request, and always a `reason`. The URL cannot be corrected.
 */
export const SourceCorrection = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      kind: z.optional(z.enum(SOURCE_KINDS)),
      stance: z.optional(z.enum(STANCES)),
      publisher: z.optional(nonEmpty(200)),
      title: z.optional(nonEmpty(500)),
      language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or zh-Hans'))),
      publishedAt: z.optional(z.nullable(instant)),
      reliability: z.optional(z.nullable(z.strictObject({ grade: z.enum(RELIABILITY_GRADES), reason: nonEmpty(1000) }))),
      credibility: z.optional(z.nullable(z.literal(CREDIBILITY_LEVELS))),
      /** What it credits (outlets, or memo / letter / document); `null` or `[]`: it credits nothing. */
      credits: z.optional(z.nullable(z.array(nonEmpty(200)).check(z.maxLength(10)))),
      sourcing: z.optional(z.nullable(z.enum(SOURCINGS))),
      note: z.optional(z.nullable(z.string().check(z.maxLength(2000)))),
      state: z.optional(z.enum(['active', 'retracted-by-publisher'])),
      /** Why: recorded in the source's history. */
      reason: nonEmpty(1000),
      /** Accepted only to be refused with a clear word: a wrong URL is withdrawn and the right one ingested. */
      url: z.optional(z.unknown()),
    })
    .check(
      z.superRefine((c, ctx) => {
        if (c.url !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['url'],
            message: 'the URL identifies the source and cannot be corrected: withdraw this source (DELETE) and ingest the right URL',
          });
        }
        const fields = CORRECTABLE_FIELDS.filter((f) => c[f] !== undefined);
        if (c.state !== undefined && fields.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['state'],
            message: `change the state or correct fields, not both in one request (sent ${fields.join(', ')})`,
          });
        }
        if (c.state === undefined && fields.length === 0 && c.url === undefined) {
          ctx.addIssue({ code: 'custom', path: [], message: `send at least one of ${CORRECTABLE_FIELDS.join(', ')}, or a state` });
        }
      }),
    ),
);
export type SourceCorrection = z.infer<typeof SourceCorrection>;

/** What an analyst sends to withdraw a source (DELETE). */
export const SourceWithdrawal = /* @__PURE__ */ schema(() => z.strictObject({ reason: nonEmpty(1000) }));
export type SourceWithdrawal = z.infer<typeof SourceWithdrawal>;

/** False for a source withdrawn by an analyst or retracted by its publisher: it stays stored and listed, but is no evidence. */
export function countsAsEvidence(s: Source): boolean {
  return s.state === undefined;
}

/** The version of a stored source (1 until its first change). */
export const sourceVersion = (s: Source): number => s.version ?? 1;

interface ChangeContext {
  by: string;
  now: Date;
}

/** The source with one more history entry and the next version. */
function recorded(s: Source, entry: SourceHistoryEntry): Source {
  return { ...s, version: sourceVersion(s) + 1, history: [...(s.history ?? []), entry] };
}

const sameValue = (x: unknown, y: unknown) => stableJson(x ?? null) === stableJson(y ?? null);

/**
 * Applies a correction (or a change of state sent by PATCH) to a stored
 * source. Returns the source itself when nothing would change (no new version,
 * nothing to announce), else the next version with its history entry and what
 * changed. A withdrawn source is restored before it is corrected
 * (`ConflictError`); dates are checked against `now` as at ingest.
 */
export function correctSource(s: Source, c: SourceCorrection, ctx: ChangeContext): { source: Source; change?: SourceChange } {
  const at = ctx.now.toISOString();
  if (c.state === 'active') {
    if (!s.state) throw new ConflictError(`source ${s.sourceId} is active: there is nothing to restore`, { sourceId: s.sourceId });
    const { state: _, ...active } = s;
    return { source: recorded(active, { action: 'restored', by: ctx.by, at, reason: c.reason }), change: 'restored' };
  }
  if (c.state === 'retracted-by-publisher') {
    if (s.state) throw new ConflictError(`source ${s.sourceId} is already ${s.state.status}`, { sourceId: s.sourceId, state: s.state });
    const state: SourceState = { status: 'retracted-by-publisher', by: ctx.by, at, reason: c.reason };
    return {
      source: recorded({ ...s, state }, { action: 'retracted-by-publisher', by: ctx.by, at, reason: c.reason }),
      change: 'retracted-by-publisher',
    };
  }
  if (s.state?.status === 'withdrawn') {
    throw new ConflictError(`source ${s.sourceId} is withdrawn: restore it (state "active") before correcting it`, {
      sourceId: s.sourceId,
      state: s.state,
    });
  }
  if (c.publishedAt) {
    const published = Date.parse(c.publishedAt);
    const retrieved = Date.parse(s.retrievedAt ?? s.ingestedAt);
    if (published > ctx.now.getTime() + CLOCK_SKEW_MS) {
      throw new ValidationError('the request body is invalid', [{ pointer: '#/publishedAt', detail: 'must not be in the future' }]);
    }
    if (published > retrieved) {
      throw new ValidationError('the request body is invalid', [
        { pointer: '#/publishedAt', detail: `must not be after the source was retrieved (${s.retrievedAt ?? s.ingestedAt})` },
      ]);
    }
  }
  const next: Record<string, unknown> = { ...s };
  const changed: NonNullable<SourceHistoryEntry['changed']> = [];
  for (const field of CORRECTABLE_FIELDS) {
    const value = field === 'credits' && c.credits ? (c.credits.length > 0 ? c.credits.map(creditOf) : null) : c[field];
    if (value === undefined || sameValue(value, s[field])) continue;
    changed.push({ field, ...(s[field] !== undefined ? { from: s[field] } : {}), ...(value !== null ? { to: value } : {}) });
    if (value === null) delete next[field];
    else next[field] = value;
  }
  if (changed.length === 0) return { source: s };
  return { source: recorded(next as unknown as Source, { action: 'corrected', by: ctx.by, at, reason: c.reason, changed }), change: 'corrected' };
}

/**
 * An analyst withdraws a source entered by mistake: it is kept, with who, when
 * and why, and no longer counts as evidence. Withdrawing a withdrawn source is
 * a `ConflictError`; a source its publisher retracted may still be withdrawn.
 */
export function withdrawSource(s: Source, w: SourceWithdrawal, ctx: ChangeContext): Source {
  if (s.state?.status === 'withdrawn') {
    throw new ConflictError(`source ${s.sourceId} is already withdrawn`, { sourceId: s.sourceId, state: s.state });
  }
  const at = ctx.now.toISOString();
  const state: SourceState = { status: 'withdrawn', by: ctx.by, at, reason: w.reason };
  return recorded({ ...s, state }, { action: 'withdrawn', by: ctx.by, at, reason: w.reason });
}

/** What of a stored source its assessment rests on (an analyst's override is lifted when any of it changes). */
export function keyedEvidenceOf(s: Source): KeyedEvidence {
  return {
    sourceId: s.sourceId,
    kind: s.kind,
    stance: s.stance,
    ...(s.reliability ? { reliability: s.reliability.grade } : {}),
    ...(s.credibility ? { credibility: s.credibility } : {}),
    ...(s.publishedAt ? { publishedAt: s.publishedAt } : {}),
    ...(s.credits?.length ? { credits: s.credits } : {}),
    ...(s.sourcing ? { sourcing: s.sourcing } : {}),
  };
}

/** A stored source as the scoring model sees it. */
export function evidenceOf(s: Source): Evidence {
  return {
    ...keyedEvidenceOf(s),
    ...(s.fingerprint ? { fingerprint: s.fingerprint } : {}),
    line: publisherLine(s.publisher, s.canonicalUrl),
    ...(s.credits?.length ? { credits: s.credits.map(creditLine) } : {}),
    label: s.publisher,
  };
}
