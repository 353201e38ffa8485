import { describe, expect, it } from 'vitest';
import { assessCompleteness, dueForAutoPublish, publish, rescore } from '../../../domain/briefing.ts';
import { ConflictError, IncompleteError } from '../../../domain/errors.ts';
import { draft, NOW, source } from '../../support/fixtures.ts';

const later = new Date(NOW.getTime() + 60_000);

describe('completeness', () => {
  it('a scored briefing with every section filled is complete', () => {
    const b = rescore(draft(), [source('direct', 1)], NOW).briefing;
    expect(assessCompleteness(b)).toEqual({ complete: true, problems: [] });
  });

  it('names a missing operating surface, repeated sentences, boilerplate and missing evidence', () => {
    const b = draft({
      sections: {
        ...draft().sections,
        operatingSurface: { affectedParties: [], operatingSurface: '', marketExposure: '' },
        publishedReporting: 'Acme paused the build this week. Acme paused the build this week.',
        trendContext: 'Published sources should identify the affected parties before this trend map is treated as complete.',
      },
    });
    const { complete, problems } = assessCompleteness(b);
    expect(complete).toBe(false);
    expect(problems).toEqual([
      'operatingSurface.affectedParties is empty',
      'operatingSurface.operatingSurface is empty',
      'operatingSurface.marketExposure is empty',
      expect.stringMatching(/^repeated sentence/),
      'boilerplate text in place of content',
      'no sources yet',
    ]);
  });
});

describe('publishing', () => {
  it('publishes a complete draft with who and when, and a new version', () => {
    const b = rescore(draft(), [source('direct', 1)], NOW).briefing;
    const published = publish(b, { by: 'editor-1', now: later });
    expect(published).toMatchObject({ status: 'published', publishedBy: 'editor-1', publishedAt: later.toISOString(), version: b.version + 1 });
  });

  it('refuses an incomplete draft and says why', () => {
    expect(() => publish(draft(), { by: 'editor-1', now: later })).toThrow(IncompleteError);
  });

  it('refuses to publish twice', () => {
    const published = publish(rescore(draft(), [source('direct', 1)], NOW).briefing, { by: 'e', now: later });
    expect(() => publish(published, { by: 'e', now: later })).toThrow(ConflictError);
  });
});

describe('rescore', () => {
  it('reports a change of score and bumps the version', () => {
    const b = draft();
    const { briefing, changed } = rescore(b, [source('reporting', 1)], NOW);
    expect(changed).toBe(true);
    expect(briefing.confidence).toMatchObject({ score: 0.4, grade: 'C/D' });
    expect(briefing.version).toBe(b.version + 1);
    expect(briefing.sourceNotes).toHaveLength(1);
  });

  it('returns the same briefing, unchanged, for the same evidence in another order', () => {
    const sources = [source('direct', 1), source('reporting', 2), source('social', 3, 'contradicts')];
    const once = rescore(draft(), sources, NOW).briefing;
    const again = rescore(once, [...sources].reverse(), later);
    expect(again).toEqual({ briefing: once, changed: false });
  });
});

describe('auto-publish rule', () => {
  it('is due once the grade reaches the threshold and the briefing is complete', () => {
    const b = draft({ autoPublish: { minGrade: 'A/B' } });
    expect(dueForAutoPublish(rescore(b, [source('direct', 1)], NOW).briefing)).toBe(false); // 0.60 B/C
    expect(dueForAutoPublish(rescore(b, [source('direct', 1), source('reporting', 2)], NOW).briefing)).toBe(true); // 0.76 A/B
  });

  it('is never due without a rule, or once published', () => {
    const scored = rescore(draft(), [source('direct', 1), source('reporting', 2)], NOW).briefing;
    expect(dueForAutoPublish(scored)).toBe(false);
    const ruled = rescore(draft({ autoPublish: { minGrade: 'D' } }), [source('direct', 1)], NOW).briefing;
    expect(dueForAutoPublish(publish(ruled, { by: 'e', now: later }))).toBe(false);
  });
});
