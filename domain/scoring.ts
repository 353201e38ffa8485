/**
 * Confidence model v3: a briefing's confidence computed from its evidence,
 * with the reasons and each source's share. Pure and deterministic: the same
 * evidence gives the same result in any order. docs/scoring.md explains it
 * for analysts, with worked cases that are checked through the API.
 *
 * 1. Each source weighs  kind × reliability × credibility × time  (at most 0.95).
 *    Reliability is the Admiralty letter (A-F): the analyst's, else the kind's
 *    default. Credibility 4-5 lowers a source; 1-3 set by an analyst are a
 *    floor under the score (below). Time is the distance between the source's
 *    publication and the event the briefing is about (full weight within 30
 *    days, then halving every 180); undated sources weigh 0.8.
 * 2. Lines of evidence (provenance.ts): two sources are dependent when they
 *    share an outlet or ownership group, one credits the other or both credit
 *    the same outlet or document, or one copies, paraphrases or translates the
 *    other. The score counts the best set of mutually independent sources
 *    (each one a line); the others are derivative and add nothing. A source
 *    that copies two lines never joins them, so adding support never lowers
 *    the score.
 * 3. Lines combine like independent chances of being right (noisy-OR), with
 *    diminishing returns within a kind (the k-th line of a kind counts
 *    × 0.75^(k−1)):  support = 1 − Π (1 − w·0.75^rank).
 * 4. Ceilings, each named in the reasons: what the evidence can stand for
 *    (social-only ≤ 0.54, internal-only ≤ 0.34, secondary-only ≤ 0.74, reports
 *    resting on unnamed people ≤ 0.55, below one on-record direct source);
 *    grade A needs a direct source rated at least B2 (else ≤ 0.89); an
 *    incomplete briefing ≤ 0.74; aggregation never passes 0.95 (1.00 is an
 *    analyst's call: an override).
 * 5. Contradiction is applied after the ceilings, so it always shows:
 *    score × Π (1 − w/2) over independent contradicting lines; an on-record
 *    denial (a direct or on-record contradicting source) makes the briefing
 *    disputed (at most 0.74, shown to readers).
 * 6. Export: the Admiralty pair of the leading source (the analyst's letter
 *    and digit when given and consistent with the score) and STIX 2.1
 *    confidence from the digit (1→90, 2→70, 3→50, 4→30, 5→10, 6 none).
 * 7. Shares: each counted source's Shapley value (exact up to 14, leave-one-out
 *    rescaled beyond); shares sum to the score.
 *
 * Every constant of the model is in this file (the outlets table is in
 * outlets.ts); `MODEL_VERSION` is stored with every score.
 */

import * as z from 'zod/mini';
import type { Fingerprint } from './fingerprint.ts';
import { lineName, type Sourcing } from './outlets.ts';
import { DEPENDENCE_RELATIONS, dependence, type Provenance, type Relation } from './provenance.ts';
import { schema } from './schema.ts';

export const MODEL_VERSION = 'v3';

export const SOURCE_KINDS = ['direct', 'reporting', 'secondary', 'social', 'internal'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const STANCES = ['supports', 'contradicts'] as const;
export type Stance = (typeof STANCES)[number];

/** Admiralty source reliability. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];
export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

/** Admiralty information credibility. */
export const CREDIBILITY_LEVELS = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY_LEVELS)[number];
export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/** Base weight of one source of each kind, before reliability, credibility and time. */
export const KIND_WEIGHTS: Record<SourceKind, number> = {
  direct: 0.6, // official statement, filing, first-party data
  reporting: 0.4, // published reporting
  secondary: 0.25, // aggregator, secondary write-up
  social: 0.2, // social / unverified
  internal: 0.05, // internal monitoring
};

/** Reliability assumed for a kind when the analyst sets none. */
export const DEFAULT_RELIABILITY: Record<SourceKind, Reliability> = {
  direct: 'B',
  reporting: 'B',
  secondary: 'C',
  social: 'F',
  internal: 'B',
};

/** Multiplier per reliability letter (B, "usually reliable", is neutral). */
export const RELIABILITY_FACTORS: Record<Reliability, number> = { A: 1.2, B: 1, C: 0.8, D: 0.4, E: 0.2, F: 0.5 };

/** Multiplier per credibility level: doubt (4, 5) lowers a source; 1-3 work as floors, 6 is neutral. */
export const CREDIBILITY_FACTORS: Record<Credibility, number> = { 1: 1, 2: 1, 3: 1, 4: 0.6, 5: 0.3, 6: 1 };

/** An analyst's credibility on a supporting source is a floor under the score: the bottom of its STIX range. */
export const CREDIBILITY_FLOORS: Partial<Record<Credibility, number>> = { 1: 0.8, 2: 0.6, 3: 0.4 };

/** STIX 2.1 confidence per Admiralty credibility (the published mapping); 6 has none. */
export const STIX_BY_CREDIBILITY: Record<Credibility, number | undefined> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: undefined };

/** The score range each credibility digit stands for (STIX 2.1 ranges): [min, max). */
export const CREDIBILITY_RANGES: Record<Exclude<Credibility, 6>, readonly [number, number]> = {
  1: [0.8, 1.01],
  2: [0.6, 0.8],
  3: [0.4, 0.6],
  4: [0.2, 0.4],
  5: [0, 0.2],
};

/** Full weight while a source is published within `fullWeightDays` of the event's window; then it halves every `halfLifeDays`, down to `floor`. */
export const EVENT_TIME = { fullWeightDays: 30, halfLifeDays: 180, floor: 0.25 } as const;

/** Weight of a source whose publication date is unknown. */
export const UNDATED_FACTOR = 0.8;

/** No single source is certainty. */
export const MAX_WEIGHT = 0.95;

/** The k-th line of the same kind counts × this^(k−1): diminishing returns within a kind. */
export const DIMINISHING = 0.75;

/** A contradicting line of weight w multiplies the score by 1 − w × this. */
export const CONTRADICTION_STRENGTH = 0.5;

/** Counting never reaches certainty. */
export const AGGREGATION_CAP = 0.95;

/** Highest score without a direct source rated at least B2 (top of A/B): grade A needs one. */
export const NO_DIRECT_SOURCE_CAP = 0.89;

/** Highest score an incomplete briefing may carry (top of B/C). */
export const INCOMPLETE_CAP = 0.74;

/** Highest score of a disputed briefing (top of B/C). */
export const DISPUTED_CAP = 0.74;

/**
 * What a source can stand for on its own: the score cannot pass the highest ceiling among the
 * supporting sources. A source that is weakly rated (D-F) or doubted (credibility 4-5) stands for
 * no more than social evidence.
 */
export const QUALITY_CEILINGS = {
  direct: 1,
  reporting: 1,
  /** Reporting that rests on unnamed people: below one on-record direct source of usual reliability (0.60). */
  unnamed: 0.55,
  secondary: 0.74,
  social: 0.54,
  internal: 0.34,
} as const;

/** Up to this many counted sources shares are exact Shapley values (2^n coalitions); beyond, leave-one-out rescaled. */
export const SHAPLEY_MAX_ORIGINS = 14;

/** Above this many supporting (or contradicting) sources, the best independent set is searched greedily. */
export const EXACT_SEARCH_STEPS = 200_000;

export const GRADES = ['D', 'C/D', 'B/C', 'A/B', 'A'] as const;
export type Grade = (typeof GRADES)[number];

/** The bands of the brief: closed below, open above; the first match from the top wins. */
export const BANDS: ReadonlyArray<{ min: number; grade: Grade; label: string }> = [
  { min: 0.9, grade: 'A', label: 'High — direct sources' },
  { min: 0.75, grade: 'A/B', label: 'Strong' },
  { min: 0.55, grade: 'B/C', label: 'Medium' },
  { min: 0.35, grade: 'C/D', label: 'Weak–medium' },
  { min: 0.1, grade: 'D', label: 'Weak signal' },
  { min: 0, grade: 'D', label: 'Internal monitoring' },
];

/** The label readers see on a disputed briefing (`confidence.disputed`). */
export const DISPUTED_LABEL = 'Disputed';
/** The label readers see when an analyst set the score or grade (`confidence.analystAssessed`). */
export const ANALYST_ASSESSED_LABEL = 'Analyst-assessed';

/** What makes a briefing's content incomplete; the scoring cap names them. */
export const CONTENT_GAPS = {
  'affected-parties': 'no affected parties',
  'operating-surface': 'no operating surface',
  'market-exposure': 'no market exposure',
  'repeated-text': 'repeated sentences or paragraphs',
  boilerplate: 'boilerplate in place of content',
} as const;
export type ContentGap = keyof typeof CONTENT_GAPS;

/** One source as scoring sees it: no text; its fingerprint and provenance instead. */
export interface Evidence {
  sourceId: string;
  kind: SourceKind;
  stance: Stance;
  /** Analyst's Admiralty reliability; the kind's default otherwise. */
  reliability?: Reliability;
  /** Analyst's Admiralty credibility of the information. */
  credibility?: Credibility;
  publishedAt?: string;
  fingerprint?: Fingerprint;
  /** The publisher's line of evidence (outlets.ts `publisherLine`); the label's when absent. */
  line?: string;
  /** Lines it credits (outlets.ts `creditLine`). */
  credits?: string[];
  /** Whether it rests on unnamed people. */
  sourcing?: Sourcing;
  /** How source reasons name it (its publisher); never used in briefing-level reasons. */
  label?: string;
}

/** What the briefing is about in time: the event's date, or an observation window. */
export const EventWindow = /* @__PURE__ */ schema(() => z.object({ from: z.string(), to: z.optional(z.string()) }));
export type EventWindow = z.output<typeof EventWindow>;

export interface ScoreContext {
  gaps?: readonly ContentGap[];
  event?: EventWindow;
}

/** Why the score is what it is, one code per reason. */
export const REASON_CODES = [
  'no-evidence',
  'capped-incomplete',
  'capped-no-direct',
  'capped-quality',
  'capped-certainty',
  'incomplete',
  'corroboration',
  'provenance',
  'contradiction',
  'disputed',
  'event-time',
  'no-event-date',
  'undated',
  'stale',
  'reliability',
  'credibility',
  'export',
  'analyst-assessed',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

// The shapes scoring hands out (docs/scoring.md), as zod schemas: the types below are inferred from them,
// and the OpenAPI document (contracts/responses.ts) shows them with these descriptions.

export const Reliability = /* @__PURE__ */ schema(() =>
  z.enum(RELIABILITY_GRADES).check(z.describe('Admiralty source reliability (A completely reliable … F cannot be judged)')),
);
export const Credibility = /* @__PURE__ */ schema(() =>
  z.literal(CREDIBILITY_LEVELS).check(z.describe('Admiralty information credibility (1 confirmed … 5 improbable, 6 cannot be judged)')),
);

/** The public confidence section: what any reader sees. A reason never quotes briefing or source content, so it may travel in events. */
export const Confidence = /* @__PURE__ */ schema(() =>
  z
    .object({
      score: z.number().check(z.minimum(0), z.maximum(1)),
      grade: z.enum(GRADES),
      label: z.string(),
      sourceCounts: z.record(z.enum(SOURCE_KINDS), z.number().check(z.int(), z.minimum(0))).check(z.describe('Number of sources of each kind')),
      independentOrigins: z.number().check(z.int(), z.minimum(0), z.describe('Independent lines of evidence that support the signal')),
      reasons: z.array(z.object({ code: z.enum(REASON_CODES), text: z.string() })),
      stix: z
        .optional(z.number().check(z.int(), z.minimum(0), z.maximum(100)))
        .check(z.describe('STIX 2.1 `confidence` from the Admiralty credibility (1→90, 2→70, 3→50, 4→30, 5→10); absent for 6')),
      admiralty: z.object({
        reliability: Reliability,
        credibility: Credibility,
        code: z.string().check(z.describe('The pair as written, e.g. `B2`')),
      }),
      disputed: z
        .optional(z.object({ label: z.string(), reason: z.string() }))
        .check(z.describe('Set when an on-record denial or a contradicting primary source disputes the signal')),
      analystAssessed: z
        .optional(z.object({ label: z.string() }))
        .check(z.describe("Set when the score and grade are an analyst's assessment in place of the model's")),
      lastConfirmedAt: z.optional(z.string()).check(z.describe('Publication of the newest supporting source')),
      modelVersion: z.string(),
    })
    .check(z.describe("The briefing's confidence, computed from its sources (docs/scoring.md).")),
);
export type Confidence = z.output<typeof Confidence>;
export type Reason = Confidence['reasons'][number];
export type Admiralty = Confidence['admiralty'];

/** An analyst's assessment in place of the model's; a change to the evidence it was made on (`evidenceKey`) lifts it. */
export const Override = /* @__PURE__ */ schema(() =>
  z.object({
    score: z.number(),
    grade: z.enum(GRADES),
    reason: z.string(),
    by: z.string(),
    at: z.string(),
    evidenceKey: z.string(),
    model: z.object({ score: z.number(), grade: z.enum(GRADES) }),
  }),
);
export type Override = z.output<typeof Override>;

/** Stored with the score; staff read it at GET /briefings/{id}/score. */
export const Explanation = /* @__PURE__ */ schema(() =>
  z
    .object({
      modelVersion: z.string(),
      method: z.enum(['shapley', 'leave-one-out']).check(z.describe('How shares were computed')),
      raw: z.number().check(z.describe('The combined support before ceilings, floors, contradiction and rounding')),
      caps: z.array(z.object({ cap: z.number(), why: z.string(), binding: z.boolean() })),
      floor: z.optional(z.object({ floor: z.number(), why: z.string(), binding: z.boolean() })),
      origins: z.array(
        z.object({
          originId: z.string(),
          stance: z.enum(STANCES),
          members: z.array(z.string()),
          lead: z.string().check(z.describe('The member whose weight the origin carries')),
          weight: z.number(),
          contribution: z.number(),
          share: z.number(),
        }),
      ),
      sources: z.array(
        z.object({
          sourceId: z.string(),
          originId: z.string(),
          counted: z.boolean().check(z.describe('False for a dependent source: its line is counted through another source')),
          copyOf: z.optional(z.string()),
          dependsOn: z.optional(z.array(z.object({ sourceId: z.string(), relation: z.enum(DEPENDENCE_RELATIONS) }))),
          line: z.optional(z.string()),
          credits: z.optional(z.array(z.string())),
          reliability: Reliability,
          reliabilitySetBy: z.enum(['analyst', 'default']),
          credibility: z.optional(Credibility),
          ageDays: z.number().check(z.int(), z.minimum(0)),
          dated: z.boolean(),
          factors: z.object({ kind: z.number(), reliability: z.number(), credibility: z.number(), recency: z.number() }),
          weight: z.number(),
          contribution: z.number(),
          share: z.number(),
          reasons: z.array(z.string()),
        }),
      ),
      event: z.optional(EventWindow).check(z.describe('The event window recency was judged against')),
      override: z
        .optional(Override)
        .check(z.describe("An analyst's assessment standing in place of the model's, with the model's result it replaced")),
    })
    .check(z.describe('How the score was computed, source by source (docs/scoring.md).')),
);
export type Explanation = z.output<typeof Explanation>;
/** How one source was weighed and what it contributed. */
export type SourceAssessment = Explanation['sources'][number];
export type OriginExplanation = Explanation['origins'][number];

export interface Scoring {
  confidence: Confidence;
  explanation: Explanation;
}

/** Grade and label for a score, with the rule that only a direct source rated at least B2 earns an A. */
export function gradeFor(score: number, hasDirectSource: boolean): { grade: Grade; label: string } {
  const band = BANDS.find((b) => score >= b.min) ?? BANDS[BANDS.length - 1]!;
  if (band.grade === 'A' && !hasDirectSource) return BANDS[1]!;
  return { grade: band.grade, label: band.label };
}

export function gradeRank(grade: Grade): number {
  return GRADES.indexOf(grade);
}

/** The score range of a grade: [min, max). */
export function gradeRange(grade: Grade): readonly [number, number] {
  const i = BANDS.findIndex((b) => b.grade === grade);
  const top = i === 0 ? 1.01 : BANDS[i - 1]!.min;
  const last = BANDS.map((b) => b.grade).lastIndexOf(grade);
  return [BANDS[last]!.min, top];
}

/** STIX 2.1 confidence for an Admiralty credibility digit (the published mapping); none for 6. */
export function stixConfidence(credibility: Credibility): number | undefined {
  return STIX_BY_CREDIBILITY[credibility];
}

/**
 * The model's Admiralty credibility for a score, by the STIX 2.1 ranges (80-100 → 1, 60-79 → 2,
 * 40-59 → 3, 20-39 → 4, 0-19 → 5), except that 1 ("confirmed by other sources") needs two
 * independent supporting lines (or an analyst's own 1 on a supporting source: the only way one line
 * reaches 0.8), and no evidence at all is 6 ("cannot be judged").
 */
export function admiraltyCredibility(score: number, supportingLines: number, anyEvidence: boolean, confirmedByAnalyst = false): Credibility {
  if (!anyEvidence) return 6;
  if (score >= 0.8) return supportingLines >= 2 || confirmedByAnalyst ? 1 : 2;
  if (score >= 0.6) return 2;
  if (score >= 0.4) return 3;
  if (score >= 0.2) return 4;
  return 5;
}

/** True when a score lies in the range a credibility digit stands for (6, "cannot be judged", fits any). */
export function credibilityFits(credibility: Credibility, score: number): boolean {
  if (credibility === 6) return true;
  const [min, max] = CREDIBILITY_RANGES[credibility];
  return score >= min && score < max;
}

const DAY_MS = 86_400_000;
/** Rounded; never -0, which would not survive a round trip through JSON. */
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits || 0;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Multiplier for a source published `days` away from the event's window. */
export function recencyFactor(days: number): number {
  if (days <= EVENT_TIME.fullWeightDays) return 1;
  return Math.max(EVENT_TIME.floor, 0.5 ** ((days - EVENT_TIME.fullWeightDays) / EVENT_TIME.halfLifeDays));
}

/** Whole days between a publication and the event's window (0 inside it). */
export function daysFromEvent(publishedAt: string, event: EventWindow): number {
  const at = Date.parse(publishedAt);
  const from = Date.parse(event.from);
  const to = event.to ? Date.parse(event.to) : from;
  const distance = at < from ? from - at : at > to ? at - to : 0;
  return Math.floor(distance / DAY_MS);
}

interface Weighed {
  evidence: Evidence;
  provenance: Provenance;
  reliability: Reliability;
  ageDays: number;
  factors: SourceAssessment['factors'];
  weight: number;
  /** The most the score may be with this source as the best support. */
  ceiling: number;
  /** The analyst's credibility floor it carries (0 when none). */
  floor: number;
  /** A direct source rated at least B2: it opens grade A. */
  qualifiesForA: boolean;
  onRecordDenial: boolean;
}

function ceilingOf(e: Evidence, reliability: Reliability): number {
  const weak = ['D', 'E', 'F'].includes(reliability) || e.credibility === 4 || e.credibility === 5;
  const own =
    e.kind === 'reporting' && e.sourcing === 'unnamed' ? QUALITY_CEILINGS.unnamed : QUALITY_CEILINGS[e.kind === 'reporting' ? 'reporting' : e.kind];
  return weak ? Math.min(own, QUALITY_CEILINGS.social) : own;
}

function weigh(e: Evidence, event: EventWindow | undefined): Weighed {
  const reliability = e.reliability ?? DEFAULT_RELIABILITY[e.kind];
  const ageDays = e.publishedAt && event ? daysFromEvent(e.publishedAt, event) : 0;
  const factors = {
    kind: KIND_WEIGHTS[e.kind],
    reliability: RELIABILITY_FACTORS[reliability],
    credibility: e.credibility ? CREDIBILITY_FACTORS[e.credibility] : 1,
    recency: e.publishedAt ? recencyFactor(ageDays) : UNDATED_FACTOR,
  };
  const weight = Math.min(MAX_WEIGHT, factors.kind * factors.reliability * factors.credibility * factors.recency);
  const line = e.line ?? `publisher:${(e.label ?? e.sourceId).toLowerCase()}`;
  return {
    evidence: e,
    provenance: { sourceId: e.sourceId, line, credits: [...(e.credits ?? [])].sort(), ...(e.fingerprint ? { fingerprint: e.fingerprint } : {}) },
    reliability,
    ageDays,
    factors,
    weight,
    ceiling: ceilingOf(e, reliability),
    floor: (e.credibility && CREDIBILITY_FLOORS[e.credibility]) || 0,
    qualifiesForA: e.kind === 'direct' && (reliability === 'A' || reliability === 'B') && (e.credibility === undefined || e.credibility <= 2),
    onRecordDenial: e.stance === 'contradicts' && (e.kind === 'direct' || e.sourcing === 'on-record'),
  };
}

/** Noisy-OR with diminishing returns within a kind: 1 − Π (1 − w · DIMINISHING^rank-in-kind). */
function combine(members: readonly Weighed[], strength = 1): number {
  const byKind = new Map<SourceKind, number[]>();
  for (const m of members) byKind.set(m.evidence.kind, [...(byKind.get(m.evidence.kind) ?? []), m.weight]);
  let doubt = 1;
  for (const weights of byKind.values()) {
    weights.sort((a, b) => b - a);
    weights.forEach((w, rank) => {
      doubt *= 1 - w * strength * DIMINISHING ** rank;
    });
  }
  return 1 - doubt;
}

/**
 * The set of mutually independent sources that gives the most support: branch and bound over
 * sources in order of weight (the bound: every remaining source compatible with the set so far);
 * greedy when the search would exceed EXACT_SEARCH_STEPS.
 */
function bestIndependent(items: readonly Weighed[], conflicts: (a: number, b: number) => boolean, strength: number): number[] {
  // Strongest first; among equals the first published (the original), then the smallest id.
  const published = (i: number) => (items[i]!.evidence.publishedAt ? Date.parse(items[i]!.evidence.publishedAt!) : Number.POSITIVE_INFINITY);
  const order = items
    .map((_, i) => i)
    .sort(
      (a, b) =>
        items[b]!.weight - items[a]!.weight || published(a) - published(b) || compareIds(items[a]!.evidence.sourceId, items[b]!.evidence.sourceId),
    );
  const greedy: number[] = [];
  for (const i of order) if (greedy.every((j) => !conflicts(i, j))) greedy.push(i);
  let best = greedy;
  let bestValue = combine(
    greedy.map((i) => items[i]!),
    strength,
  );
  let steps = 0;
  const search = (k: number, chosen: number[]) => {
    if (++steps > EXACT_SEARCH_STEPS) return;
    const open = order.slice(k).filter((i) => chosen.every((j) => !conflicts(i, j)));
    const bound = combine(
      [...chosen, ...open].map((i) => items[i]!),
      strength,
    );
    if (bound <= bestValue + 1e-12) return;
    if (open.length === 0) {
      best = [...chosen];
      bestValue = bound;
      return;
    }
    const next = open[0]!;
    const at = order.indexOf(next);
    search(at + 1, [...chosen, next]);
    search(at + 1, chosen);
  };
  search(0, []);
  return [...best].sort((a, b) => compareIds(items[a]!.evidence.sourceId, items[b]!.evidence.sourceId));
}

interface Outcome {
  support: number;
  ceiling: number;
  ceilingWhy: Array<{ cap: number; why: string }>;
  floor: number;
  base: number;
  against: number;
  disputed: boolean;
  score: number;
  qualifiedDirect: boolean;
}

/**
 * The score of independent supporting and contradicting sets. Ceilings and floors come from every
 * supporting source, the disputed state from every contradicting one (whichever are counted), so
 * that adding a source can only lift a ceiling, raise a floor or dispute.
 */
function outcome(
  supportSet: readonly Weighed[],
  allSupporting: readonly Weighed[],
  contradicting: readonly Weighed[],
  gaps: readonly ContentGap[],
  allContradicting: readonly Weighed[] = contradicting,
): Outcome {
  const support = combine(supportSet);
  const quality = allSupporting.reduce((c, w) => Math.max(c, w.ceiling), 0);
  const qualifiedDirect = allSupporting.some((w) => w.qualifiesForA);
  const ceilingWhy: Array<{ cap: number; why: string }> = [{ cap: AGGREGATION_CAP, why: 'counting never reaches certainty' }];
  if (allSupporting.length > 0 && quality < 1) ceilingWhy.push({ cap: quality, why: qualityWhy(quality) });
  if (!qualifiedDirect) ceilingWhy.push({ cap: NO_DIRECT_SOURCE_CAP, why: 'no direct source rated at least B2' });
  if (gaps.length > 0) ceilingWhy.push({ cap: INCOMPLETE_CAP, why: `incomplete: ${gaps.map((g) => CONTENT_GAPS[g]).join(', ')}` });
  const ceiling = Math.min(...ceilingWhy.map((c) => c.cap));
  const floor = allSupporting.reduce((f, w) => Math.max(f, w.floor), 0);
  const base = Math.min(ceiling, Math.max(support, floor));
  const against = combine(contradicting, CONTRADICTION_STRENGTH);
  const disputed = allContradicting.some((w) => w.onRecordDenial);
  let score = base * (1 - against);
  if (disputed) score = Math.min(score, DISPUTED_CAP);
  return { support, ceiling, ceilingWhy, floor, base, against, disputed, score, qualifiedDirect };
}

function qualityWhy(cap: number): string {
  if (cap === QUALITY_CEILINGS.internal) return 'internal monitoring only';
  if (cap === QUALITY_CEILINGS.social) return 'only social posts or weakly rated sources';
  if (cap === QUALITY_CEILINGS.unnamed) return 'reporting that rests on unnamed people, nothing on record';
  return 'secondary write-ups only';
}

/**
 * Exact Shapley values over up to SHAPLEY_MAX_ORIGINS players; beyond, the
 * leave-one-out differences rescaled to the total, or (when a ceiling makes every
 * difference 0) the total split by `fallback` weights.
 */
function sharesOf(
  n: number,
  value: (included: (i: number) => boolean) => number,
  fallback: readonly number[],
): { method: Explanation['method']; phi: number[] } {
  if (n === 0) return { method: 'shapley', phi: [] };
  if (n <= SHAPLEY_MAX_ORIGINS) {
    const size = 1 << n;
    const v = new Float64Array(size);
    for (let mask = 0; mask < size; mask++) v[mask] = value((i) => (mask & (1 << i)) !== 0);
    const factorial = [1];
    for (let k = 1; k <= n; k++) factorial.push(factorial[k - 1]! * k);
    const coalitionWeight = (s: number) => (factorial[s]! * factorial[n - s - 1]!) / factorial[n]!;
    const popcount = (m: number) => {
      let c = 0;
      for (; m; m &= m - 1) c++;
      return c;
    };
    const phi = new Array<number>(n).fill(0);
    for (let mask = 0; mask < size; mask++) {
      const w = coalitionWeight(popcount(mask));
      for (let i = 0; i < n; i++) if (!(mask & (1 << i))) phi[i]! += w * (v[mask | (1 << i)]! - v[mask]!);
    }
    return { method: 'shapley', phi };
  }
  const all = value(() => true);
  const loo = Array.from({ length: n }, (_, k) => all - value((i) => i !== k));
  const sum = loo.reduce((a, b) => a + Math.abs(b), 0);
  if (sum > 0) return { method: 'leave-one-out', phi: loo.map((d) => (d * all) / loo.reduce((a, b) => a + b, 0) || 0) };
  const total = fallback.reduce((a, b) => a + b, 0);
  return { method: 'leave-one-out', phi: fallback.map((w) => (total > 0 ? (w * all) / total : 0)) };
}

const RELATION_TEXT: Record<Relation, string> = {
  'same outlet': 'same outlet or ownership group as',
  credits: 'credits or is credited by',
  'same credit': 'credits the same origin as',
  copy: 'same text as',
  paraphrase: 'a paraphrase of',
  translation: 'a translation of',
};

interface Counted {
  weighed: Weighed;
  dependents: Array<{ weighed: Weighed; relation: Relation }>;
}

function reasonsFor(args: {
  all: readonly Weighed[];
  supporting: readonly Counted[];
  contradicting: readonly Counted[];
  result: Outcome;
  event: EventWindow | undefined;
  lowering: number;
}): Reason[] {
  const { all, supporting, contradicting, result, event, lowering } = args;
  if (all.length === 0) return [{ code: 'no-evidence', text: 'no sources yet' }];
  const reasons: Reason[] = [];
  if (result.disputed) {
    reasons.push({
      code: 'disputed',
      text: `disputed: an on-record denial or a primary source contradicts the signal (score at most ${DISPUTED_CAP})`,
    });
  }
  const binding = result.ceilingWhy.filter((c) => c.cap === result.ceiling && Math.max(result.support, result.floor) > c.cap);
  for (const c of binding) {
    const code: ReasonCode =
      c.cap === AGGREGATION_CAP && c.why.startsWith('counting')
        ? 'capped-certainty'
        : c.why.startsWith('incomplete')
          ? 'capped-incomplete'
          : c.why.startsWith('no direct')
            ? 'capped-no-direct'
            : 'capped-quality';
    reasons.push({ code, text: `capped at ${c.cap}: ${c.why}` });
  }
  const incomplete = result.ceilingWhy.find((c) => c.why.startsWith('incomplete'));
  if (incomplete && !binding.includes(incomplete)) {
    reasons.push({
      code: 'incomplete',
      text: `the briefing is ${incomplete.why.replace('incomplete: ', 'incomplete (')}): its score cannot exceed ${INCOMPLETE_CAP}`,
    });
  }
  const sources = supporting.reduce((n, c) => n + 1 + c.dependents.length, 0);
  const derivative = sources - supporting.length;
  const derivedText = derivative > 0 ? `; ${plural(derivative, 'dependent source')} counted through them` : '';
  if (supporting.length === 0) reasons.push({ code: 'corroboration', text: 'no source supports the signal' });
  else if (supporting.length === 1) {
    reasons.push({ code: 'corroboration', text: `a single line of evidence supports the signal (${plural(sources, 'source')}${derivedText})` });
  } else {
    reasons.push({
      code: 'corroboration',
      text: `${supporting.length} independent lines of evidence support the signal (${plural(sources, 'source')}${derivedText}); each further line of the same kind counts less`,
    });
  }
  const relations = new Map<Relation, number>();
  for (const c of [...supporting, ...contradicting]) for (const d of c.dependents) relations.set(d.relation, (relations.get(d.relation) ?? 0) + 1);
  if (relations.size > 0) {
    const parts = [...relations.entries()].sort(([a], [b]) => compareIds(a, b)).map(([r, n]) => `${n} by ${r === 'credits' ? 'credit line' : r}`);
    reasons.push({ code: 'provenance', text: `dependent sources found (${parts.join(', ')}): one line each, never joining independent lines` });
  }
  if (result.floor > 0 && result.floor > result.support) {
    reasons.push({ code: 'credibility', text: `an analyst's credibility rating holds the score at ${result.floor} or more` });
  }
  if (contradicting.length > 0) {
    const by = round(lowering, 2);
    reasons.push({
      code: 'contradiction',
      text: `${plural(contradicting.length, 'contradicting line')} of evidence lower${contradicting.length === 1 ? 's' : ''} the score by ${by.toFixed(2)}`,
    });
  }
  const counted = [...supporting, ...contradicting].map((c) => c.weighed);
  if (!event) reasons.push({ code: 'no-event-date', text: 'no event date on the briefing: sources are not judged by their distance from the event' });
  else {
    const far = counted.filter((w) => w.evidence.publishedAt && w.factors.recency < 1).length;
    if (far > 0)
      reasons.push({
        code: 'event-time',
        text: `${plural(far, 'source')} published over ${EVENT_TIME.fullWeightDays} days from the event: weight reduced`,
      });
  }
  const undated = counted.filter((w) => !w.evidence.publishedAt).length;
  if (undated > 0) reasons.push({ code: 'undated', text: `${plural(undated, 'source')} without a publication date: weight ×${UNDATED_FACTOR}` });
  const rated = all.filter((w) => w.evidence.reliability !== undefined);
  if (rated.length > 0) {
    const letters = [...new Set(rated.map((w) => w.reliability))].sort().join(', ');
    reasons.push({ code: 'reliability', text: `reliability set by an analyst on ${plural(rated.length, 'source')} (${letters})` });
  }
  const doubted = counted.filter((w) => w.factors.credibility < 1).length;
  if (doubted > 0) reasons.push({ code: 'credibility', text: `${plural(doubted, 'source')} judged doubtful or improbable: weight reduced` });
  return reasons;
}

function sourceReasons(w: Weighed, dependsOn: ReadonlyArray<{ weighed: Weighed; relation: Relation }>): string[] {
  const out: string[] = [];
  const e = w.evidence;
  for (const d of dependsOn) out.push(`${RELATION_TEXT[d.relation]} ${d.weighed.evidence.label ?? d.weighed.evidence.sourceId}: counted through it`);
  if (w.provenance.credits.length > 0) out.push(`credits ${w.provenance.credits.map(lineName).join(', ')}`);
  if (e.reliability) out.push(`reliability ${w.reliability} (${RELIABILITY_LABELS[w.reliability]}) set by an analyst`);
  if (e.credibility) out.push(`credibility ${e.credibility} (${CREDIBILITY_LABELS[e.credibility]}) set by an analyst`);
  if (e.sourcing === 'unnamed') out.push('rests on unnamed people');
  if (!e.publishedAt) out.push(`no publication date: weight ×${UNDATED_FACTOR}`);
  else if (w.factors.recency < 1) out.push(`published ${w.ageDays} days from the event: weight ×${w.factors.recency.toFixed(2)}`);
  if (e.stance === 'contradicts') out.push(w.onRecordDenial ? 'an on-record denial: disputes the signal' : 'contradicts the signal');
  return out;
}

/** What of a source an analyst's assessment rests on: a change to any of these lifts an override. */
export type KeyedEvidence = Pick<Evidence, 'sourceId' | 'kind' | 'stance' | 'reliability' | 'credibility' | 'publishedAt' | 'credits' | 'sourcing'>;

/** A key of the evidence a score was computed on: an override made on other evidence is lifted. */
export function evidenceKey(evidence: readonly KeyedEvidence[]): string {
  const key = (e: KeyedEvidence) =>
    `${e.sourceId}:${e.kind}:${e.stance}:${e.reliability ?? ''}:${e.credibility ?? ''}:${e.publishedAt ?? ''}:${(e.credits ?? []).join(',')}:${e.sourcing ?? ''}`;
  return [...new Set(evidence.map(key))].sort(compareIds).join('|');
}

/**
 * Scores a briefing from all of its sources that count (withdrawn ones excluded by the caller).
 * `gaps` are the content gaps of the briefing (see `contentGaps` in briefing.ts); `event` its event
 * window. Pure, order-independent; a source id seen twice counts once.
 */
export function scoreEvidence(evidence: readonly Evidence[], ctx: ScoreContext = {}): Scoring {
  const gaps = [...new Set(ctx.gaps ?? [])].sort();
  const unique = [...new Map([...evidence].sort(byIdThenContent).map((e) => [e.sourceId, e])).values()];
  const weighed = unique.map((e) => weigh(e, ctx.event));
  const pick = (stance: Stance) => {
    const items = weighed.filter((w) => w.evidence.stance === stance);
    const relation = (a: number, b: number) => dependence(items[a]!.provenance, items[b]!.provenance);
    const memo = new Map<number, Relation | undefined>();
    const related = (a: number, b: number) => {
      const key = a < b ? a * 100_003 + b : b * 100_003 + a;
      if (!memo.has(key)) memo.set(key, relation(a, b));
      return memo.get(key);
    };
    const chosen = bestIndependent(items, (a, b) => related(a, b) !== undefined, stance === 'supports' ? 1 : CONTRADICTION_STRENGTH);
    const counted: Counted[] = chosen.map((i) => ({ weighed: items[i]!, dependents: [] }));
    const dependsOn = new Map<Weighed, Array<{ weighed: Weighed; relation: Relation }>>();
    items.forEach((w, i) => {
      if (chosen.includes(i)) return;
      const on = chosen.flatMap((j) => {
        const r = related(i, j);
        return r ? [{ weighed: items[j]!, relation: r }] : [];
      });
      dependsOn.set(w, on);
      for (const d of on) counted.find((c) => c.weighed === d.weighed)!.dependents.push({ weighed: w, relation: d.relation });
    });
    return { items, counted, dependsOn };
  };
  const sup = pick('supports');
  const con = pick('contradicts');
  const result = outcome(
    sup.counted.map((c) => c.weighed),
    sup.items,
    con.counted.map((c) => c.weighed),
    gaps,
    con.items,
  );
  const score = round(result.score, 2);
  const players = [...sup.counted, ...con.counted];
  const game = (included: (i: number) => boolean) => {
    const s = sup.counted.filter((_, i) => included(i)).map((c) => c.weighed);
    const c = con.counted.filter((_, i) => included(i + sup.counted.length)).map((x) => x.weighed);
    return outcome(s, s, c, gaps).score;
  };
  const { method, phi: rawPhi } = sharesOf(
    players.length,
    game,
    players.map((p) => (p.weighed.evidence.stance === 'supports' ? p.weighed.weight : 0)),
  );
  const total = game(() => true);
  const phi = rawPhi.map((x) => (total > 0 ? (x * result.score) / total : 0));
  const share = (i: number) => (score > 0 ? round(phi[i]! / result.score, 2) : 0);

  const sourceCounts = Object.fromEntries(SOURCE_KINDS.map((k) => [k, 0])) as Record<SourceKind, number>;
  for (const e of unique) sourceCounts[e.kind] += 1;

  // The leading source: the largest share among supporting lines.
  const lead = sup.counted
    .map((c, i) => ({ c, phi: phi[i]! }))
    .sort(
      (x, y) => y.phi - x.phi || y.c.weighed.weight - x.c.weighed.weight || compareIds(x.c.weighed.evidence.sourceId, y.c.weighed.evidence.sourceId),
    )[0]?.c.weighed;
  const modelDigit = admiraltyCredibility(
    score,
    sup.counted.length,
    unique.length > 0,
    sup.items.some((w) => w.evidence.credibility === 1),
  );
  const analystDigit = lead?.evidence.credibility;
  const digit = analystDigit !== undefined && credibilityFits(analystDigit, score) ? analystDigit : modelDigit;
  const admiralty: Admiralty = { reliability: lead ? lead.reliability : 'F', credibility: digit, code: '' };
  admiralty.code = `${admiralty.reliability}${admiralty.credibility}`;
  const stix = stixConfidence(digit);

  const reasons = reasonsFor({
    all: weighed,
    supporting: sup.counted,
    contradicting: con.counted,
    result,
    event: ctx.event,
    lowering: result.base - result.score,
  });
  if (analystDigit !== undefined && digit !== analystDigit) {
    reasons.push({
      code: 'export',
      text: `exported credibility ${digit}, not the analyst's ${analystDigit} on the leading source: the evidence puts the score at ${score.toFixed(2)}`,
    });
  }

  const sources: SourceAssessment[] = [];
  for (const group of [sup, con]) {
    for (const w of group.items) {
      const playerIndex = players.findIndex((p) => p.weighed === w);
      const counted = playerIndex >= 0;
      const on = group.dependsOn.get(w) ?? [];
      sources.push({
        sourceId: w.evidence.sourceId,
        originId: counted ? w.evidence.sourceId : (on[0]?.weighed.evidence.sourceId ?? w.evidence.sourceId),
        counted,
        ...(counted || !on[0]
          ? {}
          : { copyOf: on[0].weighed.evidence.sourceId, dependsOn: on.map((d) => ({ sourceId: d.weighed.evidence.sourceId, relation: d.relation })) }),
        line: w.provenance.line,
        ...(w.provenance.credits.length > 0 ? { credits: [...w.provenance.credits] } : {}),
        reliability: w.reliability,
        reliabilitySetBy: w.evidence.reliability ? 'analyst' : 'default',
        ...(w.evidence.credibility ? { credibility: w.evidence.credibility } : {}),
        ageDays: w.ageDays,
        dated: w.evidence.publishedAt !== undefined,
        factors: { ...w.factors, recency: round(w.factors.recency, 4) },
        weight: round(w.weight, 4),
        contribution: counted ? round(phi[playerIndex]!, 3) : 0,
        share: counted ? share(playerIndex) : 0,
        reasons: sourceReasons(w, on),
      });
    }
  }
  sources.sort((x, y) => compareIds(x.sourceId, y.sourceId));

  const supportingDates = sup.items.map((w) => w.evidence.publishedAt).filter((d): d is string => d !== undefined);
  const lastConfirmedAt = supportingDates.sort().at(-1);
  const caps = result.ceilingWhy.map((c) => ({
    cap: c.cap,
    why: c.why,
    binding: c.cap === result.ceiling && Math.max(result.support, result.floor) > c.cap,
  }));
  return {
    confidence: {
      score,
      ...gradeFor(score, result.qualifiedDirect),
      sourceCounts,
      independentOrigins: sup.counted.length,
      reasons,
      ...(stix === undefined ? {} : { stix }),
      admiralty,
      ...(result.disputed ? { disputed: { label: DISPUTED_LABEL, reason: 'an on-record denial or a primary source contradicts the signal' } } : {}),
      ...(lastConfirmedAt ? { lastConfirmedAt } : {}),
      modelVersion: MODEL_VERSION,
    },
    explanation: {
      modelVersion: MODEL_VERSION,
      method,
      raw: round(result.support, 4),
      caps: unique.length > 0 ? caps : [],
      ...(result.floor > 0 ? { floor: { floor: result.floor, why: "an analyst's credibility rating", binding: result.floor > result.support } } : {}),
      origins: players.map((p, i) => ({
        originId: p.weighed.evidence.sourceId,
        stance: p.weighed.evidence.stance,
        members: [p.weighed.evidence.sourceId, ...p.dependents.map((d) => d.weighed.evidence.sourceId)].sort(),
        lead: p.weighed.evidence.sourceId,
        weight: round(p.weighed.weight, 4),
        contribution: round(phi[i]!, 3),
        share: share(i),
      })),
      sources,
      ...(ctx.event ? { event: ctx.event } : {}),
    },
  };
}

/**
 * An analyst's assessment in place of the model's, while the evidence is what it was made on.
 * A score alone sets the grade by the bands; a grade alone keeps the model's score moved into the
 * grade's band. Readers see "Analyst-assessed"; staff see the override and the model's result.
 */
export function applyOverride(scoring: Scoring, override: Override | undefined, key: string): Scoring {
  if (!override || override.evidenceKey !== key) return scoring;
  const { confidence } = scoring;
  return {
    confidence: {
      ...confidence,
      score: override.score,
      grade: override.grade,
      label: BANDS.find((b) => b.grade === override.grade && override.score >= b.min)?.label ?? gradeFor(override.score, true).label,
      reasons: [
        { code: 'analyst-assessed', text: "assessed by an analyst: the score and grade are an analyst's call on this evidence" },
        ...confidence.reasons,
      ],
      ...(() => {
        const digit = admiraltyCredibility(override.score, confidence.independentOrigins, true);
        const fits = credibilityFits(confidence.admiralty.credibility, override.score) ? confidence.admiralty.credibility : digit;
        const stix = stixConfidence(fits);
        return {
          admiralty: { ...confidence.admiralty, credibility: fits, code: `${confidence.admiralty.reliability}${fits}` },
          ...(stix === undefined ? {} : { stix }),
        };
      })(),
      analystAssessed: { label: ANALYST_ASSESSED_LABEL },
    },
    explanation: { ...scoring.explanation, override: { ...override, model: { score: confidence.score, grade: confidence.grade } } },
  };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byIdThenContent(a: Evidence, b: Evidence): number {
  return compareIds(a.sourceId, b.sourceId) || compareIds(JSON.stringify(a), JSON.stringify(b));
}

/**
 * The confidence of a briefing with no evidence yet: what `scoreEvidence([])`
 * returns (a unit test holds them equal), written out so that functions which
 * create drafts but never score do not bundle the model.
 */
export const NO_EVIDENCE: Confidence = {
  score: 0,
  grade: 'D',
  label: 'Internal monitoring',
  sourceCounts: { direct: 0, reporting: 0, secondary: 0, social: 0, internal: 0 },
  independentOrigins: 0,
  reasons: [{ code: 'no-evidence', text: 'no sources yet' }],
  admiralty: { reliability: 'F', credibility: 6, code: 'F6' },
  modelVersion: MODEL_VERSION,
};
