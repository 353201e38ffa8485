/** An analyst's assessment of the score: set with a reason, applied by scoring, lifted by any change to the evidence. */
import { describe, expect, it } from 'vitest';
import { liftOverride, OverrideInput, rescore, scoreReport, setOverride } from '#domain/briefing.ts';
import { NotFoundError } from '#domain/errors.ts';
import { summarize } from '#domain/visibility.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const sources = [source('direct', 1), source('reporting', 2)];
const scored = rescore(draft(), sources, NOW).briefing;
const by = { by: 'analyst-7', now: NOW, sources };

describe('analyst override', () => {
  it('is stored with who, when, why, the model result it replaces and the evidence it rests on, as a new version', () => {
    const b = setOverride(scored, { score: 0.97, reason: 'confirmed by phone with the regulator' }, by);
    expect(b.version).toBe(scored.version + 1);
    expect(b.override).toMatchObject({
      score: 0.97,
      grade: 'A',
      reason: 'confirmed by phone with the regulator',
      by: 'analyst-7',
      at: NOW.toISOString(),
      model: { score: scored.confidence.score, grade: scored.confidence.grade },
    });
    expect(b.override!.evidenceKey).toContain(sources[0]!.sourceId);
  });

  it('is applied by scoring: readers see the analyst’s score flagged "Analyst-assessed", staff see the model’s beside it', () => {
    const { briefing, changed } = rescore(setOverride(scored, { score: 0.97, reason: 'confirmed by phone' }, by), sources, NOW);
    expect(changed).toBe(true);
    expect(briefing.confidence).toMatchObject({ score: 0.97, grade: 'A', analystAssessed: { label: 'Analyst-assessed' } });
    expect(briefing.confidence.reasons[0]!.code).toBe('analyst-assessed');
    expect(JSON.stringify(briefing.confidence)).not.toContain('phone'); // the reason is for staff
    expect(briefing.scoreExplanation!.override).toMatchObject({ reason: 'confirmed by phone', model: { score: scored.confidence.score } });
  });

  it('keeps the model’s score moved into the band when only a grade is given', () => {
    const b = setOverride(scored, { grade: 'B/C', reason: 'the filing is preliminary' }, by);
    expect(b.override).toMatchObject({ grade: 'B/C', score: 0.74 });
  });

  it('is lifted by any later change to the evidence (a new source), unless set again', () => {
    const assessed = rescore(setOverride(scored, { score: 0.97, reason: 'confirmed' }, by), sources, NOW).briefing;
    const more = [...sources, source('reporting', 3)];
    const { briefing } = rescore(assessed, more, NOW);
    expect(briefing.override).toBeUndefined();
    expect(briefing.confidence.analystAssessed).toBeUndefined();
    expect(briefing.confidence.score).toBeLessThan(0.97);
  });

  it('is lifted on request; lifting none is a 404', () => {
    const assessed = rescore(setOverride(scored, { score: 0.97, reason: 'confirmed' }, by), sources, NOW).briefing;
    const lifted = rescore(liftOverride(assessed, by), sources, NOW).briefing;
    expect(lifted.confidence.score).toBe(scored.confidence.score);
    expect(lifted.confidence.analystAssessed).toBeUndefined();
    expect(() => liftOverride(scored, by)).toThrow(NotFoundError);
  });

  it('needs a reason and a score or a grade, and the two must agree with the bands', () => {
    expect(OverrideInput.safeParse({ score: 0.5 }).success).toBe(false);
    expect(OverrideInput.safeParse({ reason: 'x' }).success).toBe(false);
    const mismatch = OverrideInput.safeParse({ score: 0.5, grade: 'A', reason: 'x' });
    expect(mismatch.success).toBe(false);
    expect(mismatch.error!.issues[0]!.path).toEqual(['grade']);
    expect(OverrideInput.safeParse({ score: 0.95, grade: 'A', reason: 'x' }).success).toBe(true);
  });
});

describe('freshness (staleness against now, for editors)', () => {
  it('says when the signal was last confirmed and what decay would make of the score, without changing it', () => {
    const report = (now: string) => scoreReport(scored, new Date(now));
    // The fixture's sources are published 2026-06-19T08:00:00Z.
    expect(report('2026-07-01T08:00:00Z').freshness).toEqual({
      lastConfirmedAt: '2026-06-19T08:00:00Z',
      daysSinceConfirmed: 12,
      decayedScore: scored.confidence.score,
    });
    const year = report('2027-06-19T08:00:00Z');
    expect(year.freshness!.daysSinceConfirmed).toBe(365);
    expect(year.freshness!.decayedScore).toBeLessThan(scored.confidence.score / 2);
    expect(year.confidence.score).toBe(scored.confidence.score);
  });
});

describe('feed items carry the marks readers must see', () => {
  it('an analyst-assessed score and a disputed signal are marked in the feed summary', () => {
    expect(summarize(scored)).not.toHaveProperty('analystAssessed');
    expect(summarize(scored)).not.toHaveProperty('disputed');
    const assessed = rescore(setOverride(scored, { score: 0.97, reason: 'confirmed' }, by), sources, NOW).briefing;
    expect(summarize(assessed)).toMatchObject({ score: 0.97, analystAssessed: true });
    const denial = source('direct', 9, 'contradicts', 'b-1', { sourcing: 'on-record' });
    const disputed = rescore(scored, [...sources, denial], NOW).briefing;
    expect(summarize(disputed)).toMatchObject({ disputed: true });
  });
});
