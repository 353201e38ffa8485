import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../domain/fingerprint.ts';
import {
  admiraltyCredibility,
  type Evidence,
  gradeFor,
  INCOMPLETE_CAP,
  MODEL_VERSION,
  NO_DIRECT_SOURCE_CAP,
  NO_EVIDENCE,
  recencyFactor,
  SHAPLEY_MAX_ORIGINS,
  scoreEvidence,
  stixConfidence,
} from '../../../domain/scoring.ts';
import { sourceText } from '../../support/fixtures.ts';
import { WIRE_EN, WIRE_EN_COPY } from '../../support/texts.ts';

/** Evidence with its own independent text unless told otherwise. */
const ev = (kind: Evidence['kind'], stance: Evidence['stance'] = 'supports', n = 0, extra: Partial<Evidence> = {}): Evidence => ({
  sourceId: `${kind}-${stance}-${n}`,
  kind,
  stance,
  fingerprint: fingerprint(sourceText(1000 + n)),
  ...extra,
});
const score = (evidence: Evidence[], gaps: Parameters<typeof scoreEvidence>[1] = {}) => scoreEvidence(evidence, gaps).confidence;

describe('confidence bands (closed below, open above)', () => {
  it.each([
    [1, 'A', 'High — direct sources'],
    [0.9, 'A', 'High — direct sources'],
    [0.8999, 'A/B', 'Strong'],
    [0.75, 'A/B', 'Strong'],
    [0.7499, 'B/C', 'Medium'],
    [0.55, 'B/C', 'Medium'],
    [0.5499, 'C/D', 'Weak–medium'],
    [0.35, 'C/D', 'Weak–medium'],
    [0.3499, 'D', 'Weak signal'],
    [0.1, 'D', 'Weak signal'],
    [0.0999, 'D', 'Internal monitoring'],
    [0, 'D', 'Internal monitoring'],
  ])('a score of %s with a direct source is %s (%s)', (value, grade, label) => {
    expect(gradeFor(value, true)).toEqual({ grade, label });
  });

  it('never grades A without a direct source, whatever the score', () => {
    expect(gradeFor(0.95, false).grade).toBe('A/B');
  });
});

describe('scoreEvidence', () => {
  it('scores no evidence as 0, internal monitoring, and says why', () => {
    expect(score([])).toMatchObject({
      score: 0,
      grade: 'D',
      label: 'Internal monitoring',
      reasons: [{ code: 'no-evidence', text: 'no sources yet' }],
      stix: 0,
      admiralty: { reliability: 'F', credibility: 6, code: 'F6' },
      modelVersion: MODEL_VERSION,
    });
  });

  it('gives a new draft exactly the confidence of no evidence (NO_EVIDENCE is written out, not computed)', () => {
    // Prepare / Act: no evidence at all.
    const computed = score([]);

    // Assess
    expect(NO_EVIDENCE).toStrictEqual(computed);
  });

  it('combines independent origins with diminishing returns (noisy-OR)', () => {
    const direct = ev('direct');
    const one = score([direct]).score;
    const two = score([direct, ev('reporting', 'supports', 1)]).score;
    const four = score([direct, ev('reporting', 'supports', 1), ev('reporting', 'supports', 2), ev('reporting', 'supports', 3)]);
    expect(one).toBe(0.6);
    expect(two).toBe(0.76);
    expect(four).toMatchObject({ score: 0.91, grade: 'A', independentOrigins: 4 });
    expect(two - one).toBeGreaterThan(four.score - two);
  });

  it('counts origins, not articles: copies of one text add nothing', () => {
    const wire = ev('reporting', 'supports', 1, { fingerprint: fingerprint(WIRE_EN) });
    const copies = [2, 3, 4, 5].map((n) => ev('reporting', 'supports', n, { fingerprint: fingerprint(WIRE_EN_COPY) }));
    const result = scoreEvidence([wire, ...copies]);
    expect(result.confidence).toMatchObject({ score: 0.4, independentOrigins: 1 });
    expect(result.confidence.reasons[0]!.text).toBe('a single origin supports the signal (5 sources; 4 copies of the same text counted once)');
    expect(result.explanation.origins).toHaveLength(1);
    expect(result.explanation.origins[0]!.members).toHaveLength(5);
    expect(result.explanation.sources.filter((s) => s.counted)).toHaveLength(1);
  });

  it('caps evidence without a direct source at 0.89, below A, and says so', () => {
    const many = Array.from({ length: 8 }, (_, i) => ev('reporting', 'supports', i));
    const confidence = score(many);
    expect(confidence).toMatchObject({ score: NO_DIRECT_SOURCE_CAP, grade: 'A/B' });
    expect(confidence.reasons[0]).toEqual({
      code: 'capped-no-direct',
      text: 'capped at 0.89: no direct source (official statement, filing or first-party data)',
    });
  });

  it('caps an incomplete briefing at 0.74 and names what is missing, without quoting content', () => {
    const strong = [ev('direct'), ev('reporting', 'supports', 1), ev('reporting', 'supports', 2)];
    const confidence = score(strong, { gaps: ['market-exposure', 'repeated-text'] });
    expect(confidence).toMatchObject({ score: INCOMPLETE_CAP, grade: 'B/C' });
    expect(confidence.reasons[0]!.text).toBe('capped at 0.74: the briefing is incomplete (no market exposure, repeated sentences or paragraphs)');
    const weak = score([ev('social')], { gaps: ['affected-parties'] });
    expect(weak.reasons.map((r) => r.code)).toContain('incomplete');
  });

  it('lowers the score for contradicting evidence and says by how much', () => {
    const base = [ev('direct'), ev('reporting', 'supports', 1)];
    const contradicted = score([...base, ev('reporting', 'contradicts', 2)]);
    expect(contradicted.score).toBeLessThan(score(base).score);
    expect(contradicted.reasons).toContainEqual({ code: 'contradiction', text: '1 contradicting origin lowers the score by 0.15' });
  });

  it('weighs reliability, credibility and age at retrieval', () => {
    const at = (days: number) => ({
      publishedAt: '2026-01-01T00:00:00Z',
      retrievedAt: new Date(Date.parse('2026-01-01T00:00:00Z') + days * 86_400_000).toISOString(),
    });
    expect(score([ev('reporting', 'supports', 1, { reliability: 'A' })]).score).toBe(0.48);
    expect(score([ev('reporting', 'supports', 1, { reliability: 'D' })]).score).toBe(0.16);
    expect(score([ev('reporting', 'supports', 1, { credibility: 4 })]).score).toBe(0.24);
    expect(score([ev('reporting', 'supports', 1, { credibility: 1 })]).score).toBe(0.4);
    expect(score([ev('reporting', 'supports', 1, at(10))]).score).toBe(0.4);
    expect(score([ev('reporting', 'supports', 1, at(210))]).score).toBe(0.2);
    expect(score([ev('reporting', 'supports', 1, at(2000))]).score).toBe(0.1);
  });

  it('halves recency every 180 days after the first 30, down to a floor of 0.25', () => {
    expect([0, 30, 210, 390, 10_000].map(recencyFactor)).toEqual([1, 1, 0.5, 0.25, 0.25]);
  });

  it('does not depend on the order of the evidence', () => {
    const items = [ev('direct'), ev('social', 'supports', 1), ev('reporting', 'contradicts', 2), ev('secondary', 'supports', 3)];
    expect(scoreEvidence([...items].reverse())).toEqual(scoreEvidence(items));
  });

  it('counts sources by kind; shares are Shapley values that sum to the score', () => {
    const { confidence, explanation } = scoreEvidence([ev('direct'), ev('reporting', 'supports', 1), ev('social', 'contradicts', 2)]);
    expect(confidence.sourceCounts).toEqual({ direct: 1, reporting: 1, secondary: 0, social: 1, internal: 0 });
    const contribution = Object.fromEntries(explanation.sources.map((s) => [s.sourceId, s.contribution]));
    expect(contribution['direct-supports-0']! + contribution['reporting-supports-1']! + contribution['social-contradicts-2']!).toBeCloseTo(
      confidence.score,
      2,
    );
    expect(contribution['direct-supports-0']).toBeGreaterThan(contribution['reporting-supports-1']!);
    expect(contribution['social-contradicts-2']).toBeLessThan(0);
    expect(explanation.method).toBe('shapley');
  });

  it('gives two origins that play the same part the same share', () => {
    const { explanation } = scoreEvidence([ev('reporting', 'supports', 1), ev('reporting', 'supports', 2)]);
    expect(explanation.sources.map((s) => s.share)).toEqual([0.5, 0.5]);
  });

  it('falls back to leave-one-out shares beyond the Shapley limit, still summing to the score', () => {
    const many = [ev('direct'), ...Array.from({ length: SHAPLEY_MAX_ORIGINS + 2 }, (_, i) => ev('social', 'supports', i + 1))];
    const { confidence, explanation } = scoreEvidence(many);
    expect(explanation.method).toBe('leave-one-out');
    expect(Math.abs(explanation.sources.reduce((sum, s) => sum + s.contribution, 0) - confidence.score)).toBeLessThan(0.015);
  });
});

describe('exports', () => {
  it('gives STIX 2.1 confidence as the score in percent', () => {
    expect([0, 0.1, 0.76, 0.91, 1].map(stixConfidence)).toEqual([0, 10, 76, 91, 100]);
  });

  it('maps to Admiralty credibility by the STIX 2.1 scale; 1 needs two independent origins', () => {
    expect([95, 80, 79, 60, 59, 40, 39, 20, 19, 0].map((s) => admiraltyCredibility(s, 2, true))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(admiraltyCredibility(85, 1, true)).toBe(2);
    expect(admiraltyCredibility(0, 0, false)).toBe(6);
  });

  it('takes the Admiralty reliability of the source that carries the most of the score', () => {
    const confidence = score([
      ev('direct', 'supports', 0, { reliability: 'A' }),
      ev('reporting', 'supports', 1, { reliability: 'C' }),
      ev('reporting', 'supports', 2),
    ]);
    expect(confidence.admiralty).toEqual({ reliability: 'A', credibility: 1, code: 'A1' });
  });
});

describe('shares when a cap hides every single origin', () => {
  it('split the capped score among supporting origins by weight, never crediting contradicting ones', () => {
    const many = [...Array.from({ length: SHAPLEY_MAX_ORIGINS + 4 }, (_, i) => ev('reporting', 'supports', i + 1)), ev('social', 'contradicts', 99)];
    const { confidence, explanation } = scoreEvidence(many);
    expect(confidence.score).toBe(NO_DIRECT_SOURCE_CAP);
    expect(explanation.method).toBe('leave-one-out');
    const contradicting = explanation.sources.find((s) => s.sourceId === 'social-contradicts-99')!;
    expect(contradicting.contribution).toBeLessThanOrEqual(0);
    expect(Math.abs(explanation.sources.reduce((sum, s) => sum + s.contribution, 0) - confidence.score)).toBeLessThan(0.015);
  });
});
