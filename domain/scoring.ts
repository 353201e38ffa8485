/**
 * Confidence model v1: a briefing's confidence computed from its evidence.
 *
 * Each supporting source contributes a weight by kind; independent pieces of
 * evidence combine like independent chances of being right (noisy-OR), so
 * agreement raises confidence with diminishing returns:
 *
 *   support = 1 - Π (1 - w_i)            over supporting sources
 *   score   = support × Π (1 - w_c / 2)  over contradicting sources
 *
 * The score is rounded to two decimals (the precision of the published bands)
 * and, without a direct source, capped at 0.89 so it can never reach grade A.
 * All constants live here; `MODEL_VERSION` is stored with every score.
 */
export const MODEL_VERSION = 'v1';

export const SOURCE_KINDS = ['direct', 'reporting', 'secondary', 'social', 'internal'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Weight of one supporting source of each kind. */
export const KIND_WEIGHTS: Record<SourceKind, number> = {
  direct: 0.6, // official statement, filing, first-party data
  reporting: 0.4, // published reporting
  secondary: 0.2, // aggregator, secondary write-up
  social: 0.1, // social / unverified
  internal: 0.05, // internal monitoring
};

/** Highest score a briefing without a direct source may carry. */
export const NO_DIRECT_SOURCE_CAP = 0.89;

export const STANCES = ['supports', 'contradicts'] as const;
export type Stance = (typeof STANCES)[number];

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

export interface Evidence {
  sourceId: string;
  kind: SourceKind;
  stance: Stance;
}

export interface Confidence {
  score: number;
  grade: Grade;
  label: string;
  /** Number of sources of each kind. */
  sourceCounts: Record<SourceKind, number>;
  modelVersion: string;
}

export interface Scoring {
  confidence: Confidence;
  /** Each source's share of the evidence weight (0..1, supporting sources sum to 1). */
  shares: Record<string, number>;
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

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Scores a briefing from all of its sources. Pure and order-independent. */
export function scoreEvidence(evidence: readonly Evidence[]): Scoring {
  const sourceCounts = Object.fromEntries(SOURCE_KINDS.map((k) => [k, 0])) as Record<SourceKind, number>;
  let doubt = 1;
  let contradiction = 1;
  let supportWeight = 0;
  for (const e of evidence) {
    sourceCounts[e.kind] += 1;
    const w = KIND_WEIGHTS[e.kind];
    if (e.stance === 'supports') {
      doubt *= 1 - w;
      supportWeight += w;
    } else {
      contradiction *= 1 - w / 2;
    }
  }
  const hasDirectSource = evidence.some((e) => e.kind === 'direct' && e.stance === 'supports');
  let score = round2((1 - doubt) * contradiction);
  if (!hasDirectSource) score = Math.min(score, NO_DIRECT_SOURCE_CAP);
  const shares: Record<string, number> = {};
  for (const e of evidence) {
    shares[e.sourceId] = e.stance === 'supports' && supportWeight > 0 ? round2(KIND_WEIGHTS[e.kind] / supportWeight) : 0;
  }
  return {
    confidence: { score, ...gradeFor(score, hasDirectSource), sourceCounts, modelVersion: MODEL_VERSION },
    shares,
  };
}

/** The confidence of a briefing with no evidence yet. */
export const NO_EVIDENCE: Confidence = scoreEvidence([]).confidence;
