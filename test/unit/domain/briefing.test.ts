import { describe, expect, it } from 'vitest';
import { assessCompleteness, contentGaps, dueForAutoPublish, publish, rescore, scoreReport } from '#domain/briefing.ts';
import { ConflictError, IncompleteError } from '#domain/errors.ts';
import { MODEL_VERSION } from '#domain/scoring.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { WIRE_EN, WIRE_EN_COPY } from '#test/support/texts.ts';

const later = new Date(NOW.getTime() + 60_000);

describe('completeness', () => {
  it('a scored briefing with every section filled is complete', () => {
    const b = rescore(draft(), [source('direct', 1)], NOW).briefing;
    expect(assessCompleteness(b)).toEqual({ complete: true, problems: [], issues: [] });
  });

  it('names a missing operating surface, repeated sentences, boilerplate and missing evidence, each by its field', () => {
    const b = draft({
      sections: {
        ...draft().sections,
        operatingSurface: { affectedParties: [], operatingSurface: '', marketExposure: '' },
        publishedReporting: 'Acme paused the build this week. Acme paused the build this week.',
        trendContext: 'Published sources should identify the affected parties before this trend map is treated as complete.',
      },
    });
    const { complete, problems, issues } = assessCompleteness(b);
    expect(complete).toBe(false);
    expect(issues.map((i) => [i.pointer, i.code])).toEqual([
      ['#/sections/operatingSurface/affectedParties', 'empty'],
      ['#/sections/operatingSurface/marketExposure', 'empty'],
      ['#/sections/operatingSurface/operatingSurface', 'empty'],
      ['#/sections/trendContext', 'template'],
      ['#/sections/publishedReporting', 'repeated-sentence'],
      ['#/sources', 'no-sources'],
    ]);
    expect(problems).toEqual([
      '#/sections/operatingSurface/affectedParties: is empty',
      '#/sections/operatingSurface/marketExposure: is empty',
      '#/sections/operatingSurface/operatingSurface: is empty',
      '#/sections/trendContext: is template text (trend-map-placeholder)',
      '#/sections/publishedReporting: repeats "Acme paused the build this week." (first in #/sections/publishedReporting)',
      'no sources yet',
    ]);
  });
});

describe('content gaps', () => {
  it('are codes, one per kind of defect, for the scoring cap', () => {
    const b = draft({
      sections: {
        ...draft().sections,
        operatingSurface: { affectedParties: [], operatingSurface: '', marketExposure: '' },
        publishedReporting: 'Acme paused the build this week. Acme paused the build this week.',
        trendContext: 'Published sources should identify the affected parties before this trend map is treated as complete.',
      },
    });
    expect(contentGaps(b.sections)).toEqual(['affected-parties', 'operating-surface', 'market-exposure', 'repeated-text', 'boilerplate']);
    expect(contentGaps(draft().sections)).toEqual([]);
  });
});

describe('score report (staff)', () => {
  it('carries the confidence, the explanation and every source note', () => {
    const b = rescore(draft(), [source('direct', 1)], NOW).briefing;
    expect(scoreReport(b, NOW)).toEqual({
      briefingId: b.briefingId,
      status: 'draft',
      updatedAt: b.updatedAt,
      confidence: b.confidence,
      explanation: b.scoreExplanation,
      sources: b.sourceNotes,
      freshness: { lastConfirmedAt: '2026-06-19T08:00:00Z', daysSinceConfirmed: 1, decayedScore: b.confidence.score },
    });
    expect(scoreReport(draft())).not.toHaveProperty('explanation');
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

  it('stores the explanation and gives each source note its weight, share and reasons', () => {
    const wire = source('reporting', 2, 'supports', 'b-1', { text: WIRE_EN, publisher: 'Wire', publishedAt: '2026-06-19T08:00:00Z' });
    const copy = source('reporting', 3, 'supports', 'b-1', { text: WIRE_EN_COPY, publisher: 'Portal', publishedAt: '2026-06-19T09:00:00Z' });
    const { briefing } = rescore(draft(), [source('direct', 1), wire, copy], NOW);
    expect(briefing.confidence).toMatchObject({ score: 0.76, grade: 'A/B', independentOrigins: 2, stix: 70, admiralty: { code: 'B2' } });
    expect(briefing.scoreExplanation).toMatchObject({ modelVersion: MODEL_VERSION, method: 'shapley' });
    expect(briefing.scoreExplanation!.origins.map((o) => o.members.length).sort()).toEqual([1, 2]);
    const notes = Object.fromEntries(briefing.sourceNotes.map((n) => [n.publisher, n]));
    expect(notes['Portal']).toMatchObject({
      copyOf: wire.sourceId,
      share: 0,
      contribution: 0,
      reasons: ['same text as Wire: counted through it', 'credits a memo'],
    });
    expect(notes['Wire']).toMatchObject({ share: 0.37, reliability: { grade: 'B', setBy: 'default' } });
    expect(notes['Outlet 1']).toMatchObject({ share: 0.63, weight: 0.6 });
  });

  it('caps an incomplete briefing and says so without quoting its text', () => {
    const b = draft({
      sections: { ...draft().sections, trendContext: 'CANARY-STRATEGY repeated line for the test. CANARY-STRATEGY repeated line for the test.' },
    });
    const strong = [source('direct', 1), source('reporting', 2), source('reporting', 3), source('reporting', 4)];
    const { confidence } = rescore(b, strong, NOW).briefing;
    expect(confidence).toMatchObject({ score: 0.74, grade: 'B/C' });
    expect(confidence.reasons[0]!.code).toBe('capped-incomplete');
    expect(JSON.stringify(confidence)).not.toMatch(/CANARY/);
  });

  it('does not rewrite a briefing whose stored copy has its keys in another order', () => {
    const sources = [source('direct', 1), source('reporting', 2)];
    const once = rescore(draft(), sources, NOW).briefing;
    const reorder = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reorder)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reorder(x)]),
            )
          : v;
    const stored = reorder(JSON.parse(JSON.stringify(once))) as typeof once;
    expect(rescore(stored, sources, later)).toEqual({ briefing: stored, changed: false });
  });

  it('re-scores a briefing scored by model v1 without announcing a change when score and grade stay', () => {
    const sources = [source('direct', 1), source('reporting', 2)];
    const current = rescore(draft(), sources, NOW).briefing;
    const v1 = {
      ...current,
      confidence: { score: 0.76, grade: 'A/B', label: 'Strong', sourceCounts: current.confidence.sourceCounts, modelVersion: 'v1' },
    } as unknown as typeof current;
    const { briefing, changed } = rescore(v1, sources, later);
    expect(changed).toBe(false);
    expect(briefing.confidence.modelVersion).toBe(MODEL_VERSION);
    expect(briefing.version).toBe(v1.version + 1);
  });

  it('returns the same briefing, unchanged, for the same evidence in another order', () => {
    const sources = [source('direct', 1), source('reporting', 2), source('social', 3, 'contradicts')];
    const once = rescore(draft(), sources, NOW).briefing;
    const again = rescore(once, [...sources].reverse(), later);
    expect(again).toEqual({ briefing: once, changed: false });
  });
});

describe('auto-publish rule', () => {
  it('is due once the grade reaches the threshold of a rule an editor approved and the briefing is complete', () => {
    const b = draft({ autoPublish: { minGrade: 'A/B', proposedBy: 'a-1', approvedBy: 'editor-1' } });
    expect(dueForAutoPublish(rescore(b, [source('direct', 1)], NOW).briefing)).toBe(false); // 0.60 B/C
    expect(dueForAutoPublish(rescore(b, [source('direct', 1), source('reporting', 2)], NOW).briefing)).toBe(true); // 0.76 A/B
  });

  it('is never due without a rule, or once published', () => {
    const scored = rescore(draft(), [source('direct', 1), source('reporting', 2)], NOW).briefing;
    expect(dueForAutoPublish(scored)).toBe(false);
    const ruled = rescore(draft({ autoPublish: { minGrade: 'D', approvedBy: 'editor-1' } }), [source('direct', 1)], NOW).briefing;
    expect(dueForAutoPublish(publish(ruled, { by: 'e', now: later }))).toBe(false);
  });
});
