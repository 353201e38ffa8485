/**
 * Confidence model v2: a briefing's confidence computed from its evidence,
 * with the reasons and each source's share. Pure and deterministic: the same
 * evidence gives the same result in any order. docs/scoring.md explains it
 * with worked cases (checked by test/unit/domain/scoring-golden.test.ts).
 *
 * 1. Each source weighs  kind × reliability × credibility × recency  (at most 0.95).
 *    Reliability is the Admiralty letter (A-F): the analyst's override, else the
 *    kind's default. Credibility (1-6) can only lower: the model itself counts
 *    corroboration. Recency is the source's age when it was retrieved.
 * 2. Sources with the same stance whose texts are near-duplicates (see
 *    fingerprint.ts) form one origin, which weighs as its strongest member:
 *    corroboration counts independent origins, not articles.
 * 3. Origins combine like independent chances of being right (noisy-OR), so
 *    agreement raises confidence with diminishing returns:
 *      support = 1 − Π (1 − w)        over supporting origins
 *      raw     = support × Π (1 − w/2) over contradicting origins
 * 4. Caps: without a direct source at most 0.89 (never grade A); an incomplete
 *    briefing at most 0.74. The score is rounded to two decimals.
 * 5. Shares: each origin's Shapley value in that game (exact up to 14 origins,
 *    leave-one-out rescaled beyond), given to its strongest member; shares sum
 *    to the score.
 *
 * Every constant of the model is in this file; `MODEL_VERSION` is stored with every score.
 */
import { type Fingerprint, nearDuplicate } from './fingerprint.ts';

export const MODEL_VERSION = 'v2';

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

/** Base weight of one source of each kind, before reliability, credibility and recency. */
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

/** Multiplier per credibility level: only doubt lowers; 1, 2 and 6 are neutral. */
export const CREDIBILITY_FACTORS: Record<Credibility, number> = { 1: 1, 2: 1, 3: 0.9, 4: 0.6, 5: 0.3, 6: 1 };

/** Full weight while a source is at most `fullWeightDays` old when retrieved; then it halves every `halfLifeDays`, down to `floor`. */
export const RECENCY = { fullWeightDays: 30, halfLifeDays: 180, floor: 0.25 } as const;

/** No single origin is certainty. */
export const MAX_WEIGHT = 0.95;

/** A contradicting origin of weight w multiplies the score by 1 − w × this. */
export const CONTRADICTION_STRENGTH = 0.5;

/** Highest score a briefing without a direct source may carry (top of A/B). */
export const NO_DIRECT_SOURCE_CAP = 0.89;

/** Highest score an incomplete briefing may carry (top of B/C). */
export const INCOMPLETE_CAP = 0.74;

/** Up to this many origins shares are exact Shapley values (2^n coalitions); beyond, leave-one-out rescaled. */
export const SHAPLEY_MAX_ORIGINS = 14;

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

/** What makes a briefing's content incomplete; the scoring cap names them. */
export const CONTENT_GAPS = {
  'affected-parties': 'no affected parties',
  'operating-surface': 'no operating surface',
  'market-exposure': 'no market exposure',
  'repeated-text': 'repeated sentences or paragraphs',
  boilerplate: 'boilerplate in place of content',
} as const;
export type ContentGap = keyof typeof CONTENT_GAPS;

/** One source as scoring sees it: no text, its fingerprint instead. */
export interface Evidence {
  sourceId: string;
  kind: SourceKind;
  stance: Stance;
  /** Analyst's Admiralty reliability override; the kind's default otherwise. */
  reliability?: Reliability;
  credibility?: Credibility;
  publishedAt?: string;
  retrievedAt?: string;
  fingerprint?: Fingerprint;
  /** How source reasons name it (its publisher); never used in briefing-level reasons. */
  label?: string;
}

export type ReasonCode =
  | 'no-evidence'
  | 'capped-incomplete'
  | 'capped-no-direct'
  | 'incomplete'
  | 'corroboration'
  | 'contradiction'
  | 'stale'
  | 'reliability'
  | 'credibility';

/** A plain-language reason. It never quotes briefing or source content, so it may travel in events. */
export interface Reason {
  code: ReasonCode;
  text: string;
}

export interface Admiralty {
  reliability: Reliability;
  credibility: Credibility;
  /** The pair as written, e.g. `B2`. */
  code: string;
}

/** The public confidence section: what any reader sees. */
export interface Confidence {
  score: number;
  grade: Grade;
  label: string;
  /** Number of sources of each kind. */
  sourceCounts: Record<SourceKind, number>;
  /** Independent origins that support the signal. */
  independentOrigins: number;
  reasons: Reason[];
  /** STIX 2.1 `confidence` (0-100). */
  stix: number;
  admiralty: Admiralty;
  modelVersion: string;
}

/** How one source was weighed and what it contributed. */
export interface SourceAssessment {
  sourceId: string;
  originId: string;
  /** False for a copy: its origin is counted through another member. */
  counted: boolean;
  /** The member through which a copy's origin is counted. */
  copyOf?: string;
  reliability: Reliability;
  reliabilitySetBy: 'analyst' | 'default';
  credibility?: Credibility;
  /** Age when retrieved, in whole days (0 when the publication time is unknown). */
  ageDays: number;
  factors: { kind: number; reliability: number; credibility: number; recency: number };
  weight: number;
  /** Points of the score this source accounts for (negative when it lowers it). */
  contribution: number;
  /** contribution ÷ score (0 when the score is 0). */
  share: number;
  reasons: string[];
}

export interface OriginExplanation {
  originId: string;
  stance: Stance;
  members: string[];
  /** The member whose weight the origin carries. */
  lead: string;
  weight: number;
  contribution: number;
  share: number;
}

/** Stored with the score; staff read it at GET /briefings/{id}/score. */
export interface Explanation {
  modelVersion: string;
  /** How shares were computed. */
  method: 'shapley' | 'leave-one-out';
  /** The combined evidence before caps and rounding. */
  raw: number;
  caps: Array<{ cap: number; why: string; binding: boolean }>;
  origins: OriginExplanation[];
  sources: SourceAssessment[];
}

export interface Scoring {
  confidence: Confidence;
  explanation: Explanation;
}

/** Grade and label for a score, with the rule that only direct evidence earns an A. */
export function gradeFor(score: number, hasDirectSource: boolean): { grade: Grade; label: string } {
  const band = BANDS.find((b) => score >= b.min) ?? BANDS[BANDS.length - 1]!;
  if (band.grade === 'A' && !hasDirectSource) return BANDS[1]!;
  return { grade: band.grade, label: band.label };
}

export function gradeRank(grade: Grade): number {
  return GRADES.indexOf(grade);
}

/** STIX 2.1 confidence (0-100) for a score. */
export function stixConfidence(score: number): number {
  return Math.round(score * 100);
}

/**
 * Admiralty credibility from the STIX value, by the STIX 2.1 mapping
 * (80-100 → 1, 60-79 → 2, 40-59 → 3, 20-39 → 4, 0-19 → 5), except that
 * 1 ("confirmed by other sources") needs two independent supporting origins,
 * and no evidence at all is 6 ("cannot be judged").
 */
export function admiraltyCredibility(stix: number, supportingOrigins: number, anyEvidence: boolean): Credibility {
  if (!anyEvidence) return 6;
  if (stix >= 80) return supportingOrigins >= 2 ? 1 : 2;
  if (stix >= 60) return 2;
  if (stix >= 40) return 3;
  if (stix >= 20) return 4;
  return 5;
}

const DAY_MS = 86_400_000;
/** Rounded; never -0, which would not survive a round trip through JSON. */
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits || 0;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Multiplier for a source `ageDays` old when retrieved. */
export function recencyFactor(ageDays: number): number {
  if (ageDays <= RECENCY.fullWeightDays) return 1;
  return Math.max(RECENCY.floor, 0.5 ** ((ageDays - RECENCY.fullWeightDays) / RECENCY.halfLifeDays));
}

function ageInDays(e: Evidence): number {
  if (!e.publishedAt || !e.retrievedAt) return 0;
  return Math.max(0, Math.floor((Date.parse(e.retrievedAt) - Date.parse(e.publishedAt)) / DAY_MS));
}

interface Weighed {
  evidence: Evidence;
  reliability: Reliability;
  ageDays: number;
  factors: SourceAssessment['factors'];
  weight: number;
}

function weigh(e: Evidence): Weighed {
  const reliability = e.reliability ?? DEFAULT_RELIABILITY[e.kind];
  const ageDays = ageInDays(e);
  const factors = {
    kind: KIND_WEIGHTS[e.kind],
    reliability: RELIABILITY_FACTORS[reliability],
    credibility: e.credibility ? CREDIBILITY_FACTORS[e.credibility] : 1,
    recency: recencyFactor(ageDays),
  };
  const weight = Math.min(MAX_WEIGHT, factors.kind * factors.reliability * factors.credibility * factors.recency);
  return { evidence: e, reliability, ageDays, factors, weight };
}

interface Origin {
  originId: string;
  stance: Stance;
  members: Weighed[];
  lead: Weighed;
  weight: number;
  direct: boolean;
}

const published = (w: Weighed) => (w.evidence.publishedAt ? Date.parse(w.evidence.publishedAt) : Number.POSITIVE_INFINITY);

/** Near-duplicate sources of the same stance, joined transitively; ids and order derive from source ids only. */
function groupOrigins(weighed: readonly Weighed[]): Origin[] {
  const parent = weighed.map((_, i) => i);
  const find = (i: number): number => {
    if (parent[i] === i) return i;
    const root = find(parent[i]!);
    parent[i] = root; // path compression
    return root;
  };
  for (let i = 0; i < weighed.length; i++) {
    for (let j = i + 1; j < weighed.length; j++) {
      const a = weighed[i]!.evidence;
      const b = weighed[j]!.evidence;
      if (a.stance === b.stance && a.fingerprint && b.fingerprint && nearDuplicate(a.fingerprint, b.fingerprint)) {
        parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, Weighed[]>();
  weighed.forEach((w, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), w]);
  });
  return [...groups.values()]
    .map((members) => {
      // The strongest member; among equals the first published (the original), then the smallest id.
      const lead = members.reduce((best, m) => (m.weight > best.weight || (m.weight === best.weight && published(m) < published(best)) ? m : best));
      return {
        originId: members[0]!.evidence.sourceId,
        stance: lead.evidence.stance,
        members,
        lead,
        weight: lead.weight,
        direct: members.some((m) => m.evidence.kind === 'direct'),
      };
    })
    .sort((x, y) => compareIds(x.originId, y.originId));
}

/** The game whose payoffs shares divide: the capped score of a coalition of origins. */
function coalitionValue(origins: readonly Origin[], gaps: readonly ContentGap[]) {
  const incomplete = gaps.length > 0;
  return (included: (i: number) => boolean) => {
    let doubt = 1;
    let contradiction = 1;
    let direct = false;
    origins.forEach((o, i) => {
      if (!included(i)) return;
      if (o.stance === 'supports') {
        doubt *= 1 - o.weight;
        direct ||= o.direct;
      } else {
        contradiction *= 1 - o.weight * CONTRADICTION_STRENGTH;
      }
    });
    const raw = (1 - doubt) * contradiction;
    let capped = raw;
    if (!direct) capped = Math.min(capped, NO_DIRECT_SOURCE_CAP);
    if (incomplete) capped = Math.min(capped, INCOMPLETE_CAP);
    return { raw, capped, direct };
  };
}

/**
 * Exact Shapley values over up to SHAPLEY_MAX_ORIGINS players; beyond, the
 * leave-one-out differences rescaled to the total, or (when a cap makes every
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
  const sum = loo.reduce((a, b) => a + b, 0);
  if (sum > 0) return { method: 'leave-one-out', phi: loo.map((d) => (d * all) / sum) };
  const total = fallback.reduce((a, b) => a + b, 0);
  return { method: 'leave-one-out', phi: fallback.map((w) => (total > 0 ? (w * all) / total : 0)) };
}

function reasonsFor(args: {
  evidence: readonly Weighed[];
  origins: readonly Origin[];
  gaps: readonly ContentGap[];
  raw: number;
  lowering: number;
  direct: boolean;
}): Reason[] {
  const { evidence, origins, gaps, raw, lowering, direct } = args;
  if (evidence.length === 0) return [{ code: 'no-evidence', text: 'no sources yet' }];
  const reasons: Reason[] = [];
  const gapText = gaps.map((g) => CONTENT_GAPS[g]).join(', ');
  const cappedIncomplete = gaps.length > 0 && raw > INCOMPLETE_CAP;
  if (cappedIncomplete) {
    reasons.push({ code: 'capped-incomplete', text: `capped at ${INCOMPLETE_CAP}: the briefing is incomplete (${gapText})` });
  } else if (!direct && raw > NO_DIRECT_SOURCE_CAP) {
    reasons.push({
      code: 'capped-no-direct',
      text: `capped at ${NO_DIRECT_SOURCE_CAP}: no direct source (official statement, filing or first-party data)`,
    });
  }
  if (gaps.length > 0 && !cappedIncomplete) {
    reasons.push({ code: 'incomplete', text: `the briefing is incomplete (${gapText}): its score cannot exceed ${INCOMPLETE_CAP}` });
  }
  const supporting = origins.filter((o) => o.stance === 'supports');
  const supportingSources = supporting.reduce((n, o) => n + o.members.length, 0);
  const copies = supportingSources - supporting.length;
  const copiesText = copies > 0 ? `; ${plural(copies, 'copy', 'copies')} of the same text counted once` : '';
  if (supporting.length === 0) reasons.push({ code: 'corroboration', text: 'no source supports the signal' });
  else if (supporting.length === 1) {
    reasons.push({ code: 'corroboration', text: `a single origin supports the signal (${plural(supportingSources, 'source')}${copiesText})` });
  } else {
    reasons.push({
      code: 'corroboration',
      text: `${supporting.length} independent origins support the signal (${plural(supportingSources, 'source')}${copiesText})`,
    });
  }
  const contradicting = origins.filter((o) => o.stance === 'contradicts');
  if (contradicting.length > 0) {
    const by = round(lowering, 2);
    reasons.push({
      code: 'contradiction',
      text: `${plural(contradicting.length, 'contradicting origin')} ${by > 0 ? `lower${contradicting.length === 1 ? 's' : ''} the score by ${by.toFixed(2)}` : `do${contradicting.length === 1 ? 'es' : ''} not change the capped score`}`,
    });
  }
  const counted = origins.map((o) => o.lead);
  const stale = counted.filter((w) => w.factors.recency < 1).length;
  if (stale > 0) {
    reasons.push({ code: 'stale', text: `${plural(stale, 'source')} over ${RECENCY.fullWeightDays} days old when retrieved: weight reduced` });
  }
  const overridden = evidence.filter((w) => w.evidence.reliability !== undefined);
  if (overridden.length > 0) {
    const letters = [...new Set(overridden.map((w) => w.reliability))].sort().join(', ');
    reasons.push({ code: 'reliability', text: `reliability set by an analyst on ${plural(overridden.length, 'source')} (${letters})` });
  }
  const doubted = counted.filter((w) => w.factors.credibility < 1).length;
  if (doubted > 0) reasons.push({ code: 'credibility', text: `${plural(doubted, 'source')} judged less than probably true: weight reduced` });
  return reasons;
}

function sourceReasons(w: Weighed, origin: Origin): string[] {
  const out: string[] = [];
  const e = w.evidence;
  if (origin.lead !== w) out.push(`same text as ${origin.lead.evidence.label ?? origin.lead.evidence.sourceId}: counted once, through it`);
  if (e.reliability) out.push(`reliability ${w.reliability} (${RELIABILITY_LABELS[w.reliability]}) set by an analyst`);
  if (w.factors.credibility < 1) out.push(`credibility ${e.credibility} (${CREDIBILITY_LABELS[e.credibility!]})`);
  if (w.factors.recency < 1) out.push(`${w.ageDays} days old when retrieved: weight ×${w.factors.recency.toFixed(2)}`);
  if (e.stance === 'contradicts') out.push('contradicts the signal');
  return out;
}

/**
 * Scores a briefing from all of its sources. `gaps` are the content gaps of
 * the briefing (see `contentGaps` in briefing.ts). Pure, order-independent;
 * a source id seen twice counts once.
 */
export function scoreEvidence(evidence: readonly Evidence[], ctx: { gaps?: readonly ContentGap[] } = {}): Scoring {
  const gaps = [...new Set(ctx.gaps ?? [])].sort();
  const unique = [...new Map([...evidence].sort(byIdThenContent).map((e) => [e.sourceId, e])).values()];
  const weighed = unique.map(weigh);
  const origins = groupOrigins(weighed);
  const game = coalitionValue(origins, gaps);
  const all = game(() => true);
  const score = round(all.capped, 2);
  const { method, phi } = sharesOf(
    origins.length,
    (included) => game(included).capped,
    origins.map((o) => (o.stance === 'supports' ? o.weight : 0)),
  );
  const supportOnly = game((i) => origins[i]!.stance === 'supports');
  const originShare = (i: number) => (score > 0 ? round(phi[i]! / all.capped, 2) : 0);

  const sourceCounts = Object.fromEntries(SOURCE_KINDS.map((k) => [k, 0])) as Record<SourceKind, number>;
  for (const e of unique) sourceCounts[e.kind] += 1;
  const supporting = origins.filter((o) => o.stance === 'supports');
  const stix = stixConfidence(score);
  const main = origins
    .map((o, i) => ({ o, phi: phi[i]! }))
    .filter(({ o }) => o.stance === 'supports')
    .sort((x, y) => y.phi - x.phi || compareIds(x.o.originId, y.o.originId))[0];
  const admiralty: Admiralty = {
    reliability: main ? main.o.lead.reliability : 'F',
    credibility: admiraltyCredibility(stix, supporting.length, unique.length > 0),
    code: '',
  };
  admiralty.code = `${admiralty.reliability}${admiralty.credibility}`;

  const sources: SourceAssessment[] = [];
  origins.forEach((o, i) => {
    for (const m of o.members) {
      const counted = o.lead === m;
      sources.push({
        sourceId: m.evidence.sourceId,
        originId: o.originId,
        counted,
        ...(counted ? {} : { copyOf: o.lead.evidence.sourceId }),
        reliability: m.reliability,
        reliabilitySetBy: m.evidence.reliability ? 'analyst' : 'default',
        ...(m.evidence.credibility ? { credibility: m.evidence.credibility } : {}),
        ageDays: m.ageDays,
        factors: { ...m.factors, recency: round(m.factors.recency, 4) },
        weight: round(m.weight, 4),
        contribution: counted ? round(phi[i]!, 3) : 0,
        share: counted ? originShare(i) : 0,
        reasons: sourceReasons(m, o),
      });
    }
  });
  sources.sort((x, y) => compareIds(x.sourceId, y.sourceId));

  return {
    confidence: {
      score,
      ...gradeFor(score, all.direct),
      sourceCounts,
      independentOrigins: supporting.length,
      reasons: reasonsFor({ evidence: weighed, origins, gaps, raw: all.raw, lowering: supportOnly.capped - all.capped, direct: all.direct }),
      stix,
      admiralty,
      modelVersion: MODEL_VERSION,
    },
    explanation: {
      modelVersion: MODEL_VERSION,
      method,
      raw: round(all.raw, 4),
      caps: [
        ...(all.direct ? [] : [{ cap: NO_DIRECT_SOURCE_CAP, why: 'no direct source', binding: all.raw > NO_DIRECT_SOURCE_CAP }]),
        ...(gaps.length
          ? [{ cap: INCOMPLETE_CAP, why: `incomplete: ${gaps.map((g) => CONTENT_GAPS[g]).join(', ')}`, binding: all.raw > INCOMPLETE_CAP }]
          : []),
      ],
      origins: origins.map((o, i) => ({
        originId: o.originId,
        stance: o.stance,
        members: o.members.map((m) => m.evidence.sourceId).sort(),
        lead: o.lead.evidence.sourceId,
        weight: round(o.weight, 4),
        contribution: round(phi[i]!, 3),
        share: originShare(i),
      })),
      sources,
    },
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
  stix: 0,
  admiralty: { reliability: 'F', credibility: 6, code: 'F6' },
  modelVersion: MODEL_VERSION,
};
