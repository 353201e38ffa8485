/** Issue 16, point 6: the confidence legend is the scorer's own bands and marks, in every language served. */
import { describe, expect, it } from 'vitest';
import { confidenceLegend, LEGEND_LANGUAGES } from '#domain/legend.ts';
import { ANALYST_ASSESSED_LABEL, BANDS, DISPUTED_LABEL, gradeFor } from '#domain/scoring.ts';

describe('the confidence legend', () => {
  const legend = confidenceLegend();

  it("lists the brief's six bands, highest first, with the ranges of the brief", () => {
    expect(legend.bands.map((b) => [b.range, b.grade, b.label.en])).toEqual([
      ['0.90 – 1.00', 'A', 'High — direct sources'],
      ['0.75 – 0.89', 'A/B', 'Strong'],
      ['0.55 – 0.74', 'B/C', 'Medium'],
      ['0.35 – 0.54', 'C/D', 'Weak–medium'],
      ['0.10 – 0.34', 'D', 'Weak signal'],
      ['0.00 – 0.09', 'D', 'Internal monitoring'],
    ]);
  });

  it('agrees with the scorer at every boundary: min and max of each band grade as the band says', () => {
    expect(legend.bands).toHaveLength(BANDS.length);
    for (const band of legend.bands) {
      for (const score of [band.min, band.max]) expect(gradeFor(score, true), `${score}`).toEqual({ grade: band.grade, label: band.label.en });
    }
  });

  it('gives every text in every language it says it serves', () => {
    expect(legend.languages).toEqual([...LEGEND_LANGUAGES]);
    const texts = [...legend.bands.map((b) => b.label), legend.notes, ...Object.values(legend.marks).flatMap((m) => [m.label, m.meaning])];
    for (const text of texts) for (const language of legend.languages) expect(text[language], JSON.stringify(text)).toMatch(/\S/);
    for (const text of texts) expect(text.zh).toMatch(/\p{Script=Han}/u);
  });

  it('explains the marks a briefing carries, under the labels the scorer gives them', () => {
    expect(legend.marks.disputed.label.en).toBe(DISPUTED_LABEL);
    expect(legend.marks.analystAssessed.label.en).toBe(ANALYST_ASSESSED_LABEL);
    expect(legend.marks.disputed.meaning.en).toMatch(/0\.74/);
  });
});
