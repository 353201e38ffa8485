import { describe, expect, it } from 'vitest';
import { gradeFor, NO_DIRECT_SOURCE_CAP, scoreEvidence, type Evidence } from '../../../domain/scoring.ts';

const ev = (kind: Evidence['kind'], stance: Evidence['stance'] = 'supports', n = 0): Evidence => ({ sourceId: `${kind}-${stance}-${n}`, kind, stance });

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
  ])('a score of %s with a direct source is %s (%s)', (score, grade, label) => {
    expect(gradeFor(score, true)).toEqual({ grade, label });
  });

  it('never grades A without a direct source, whatever the score', () => {
    expect(gradeFor(0.95, false).grade).toBe('A/B');
  });
});

describe('scoreEvidence', () => {
  it('scores no evidence as 0, internal monitoring', () => {
    expect(scoreEvidence([]).confidence).toMatchObject({ score: 0, grade: 'D', label: 'Internal monitoring' });
  });

  it('combines independent support with diminishing returns (noisy-OR)', () => {
    // Prepare: one direct, then three reports
    const direct = ev('direct');
    // Act
    const one = scoreEvidence([direct]).confidence.score;
    const two = scoreEvidence([direct, ev('reporting', 'supports', 1)]).confidence.score;
    const four = scoreEvidence([direct, ev('reporting', 'supports', 1), ev('reporting', 'supports', 2), ev('reporting', 'supports', 3)]).confidence;
    // Assess
    expect(one).toBe(0.6);
    expect(two).toBe(0.76);
    expect(four).toMatchObject({ score: 0.91, grade: 'A' });
    expect(two - one).toBeGreaterThan(four.score - two);
  });

  it('caps evidence without a direct source at 0.89, below A', () => {
    const many = Array.from({ length: 8 }, (_, i) => ev('reporting', 'supports', i));
    expect(scoreEvidence(many).confidence).toMatchObject({ score: NO_DIRECT_SOURCE_CAP, grade: 'A/B' });
  });

  it('lowers the score for contradicting evidence', () => {
    const base = [ev('direct'), ev('reporting', 'supports', 1)];
    expect(scoreEvidence([...base, ev('reporting', 'contradicts', 2)]).confidence.score).toBeLessThan(scoreEvidence(base).confidence.score);
  });

  it('does not depend on the order of the evidence', () => {
    const items = [ev('direct'), ev('social', 'supports', 1), ev('reporting', 'contradicts', 2), ev('secondary', 'supports', 3)];
    expect(scoreEvidence([...items].reverse())).toEqual(scoreEvidence(items));
  });

  it('counts sources by kind and gives supporting sources shares that sum to 1', () => {
    const { confidence, shares } = scoreEvidence([ev('direct'), ev('reporting', 'supports', 1), ev('social', 'contradicts', 2)]);
    expect(confidence.sourceCounts).toEqual({ direct: 1, reporting: 1, secondary: 0, social: 1, internal: 0 });
    expect(shares['direct-supports-0']! + shares['reporting-supports-1']!).toBeCloseTo(1, 1);
    expect(shares['social-contradicts-2']).toBe(0);
  });
});
