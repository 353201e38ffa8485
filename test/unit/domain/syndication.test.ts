/**
 * Spec: a syndication feed says only what the public summary says (domain/visibility.ts `syndicate`,
 * field by field), in words that are escaped wherever they become HTML.
 */
import { describe, expect, it } from 'vitest';
import { publish, rescore } from '#domain/briefing.ts';
import { confidenceLine, escapeHtml, feedHead, itemCategories, itemHtml } from '#domain/syndication.ts';
import { summarize, syndicate } from '#domain/visibility.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const published = publish(rescore(draft(), [source('direct', 1)], NOW).briefing, { by: 'editor-1', now: NOW });

describe('syndicate', () => {
  it('keeps the public summary, field by field, and links to the briefing', () => {
    // Act
    const item = syndicate(summarize(published));
    // Assess
    expect(item).toEqual({
      briefingId: 'b-1',
      path: '/briefings/b-1',
      title: published.sections.headline,
      language: 'en',
      publishedAt: published.publishedAt,
      signalType: 'Infrastructure',
      region: 'Europe',
      score: published.confidence.score,
      grade: published.confidence.grade,
      label: published.confidence.label,
    });
    expect(JSON.stringify(item)).not.toMatch(/CANARY/);
  });

  it('drops whatever else a stored summary might hold: a field is syndicated only once it is named here', () => {
    // Prepare: a summary as stored, with fields the feed must never pass on.
    const stored = { ...summarize(published), trendContext: 'CANARY-STRATEGY', sourceNotes: ['CANARY-LEADERSHIP'], publishedBy: 'editor-1' };
    // Act
    const item = syndicate(stored);
    // Assess
    expect(JSON.stringify(item)).not.toMatch(/CANARY|editor-1/);
  });

  it('links a translated headline to the briefing in that language, and keeps the marks', () => {
    // Prepare
    const summary = { ...summarize(published), language: 'zh-Hans', originalLanguage: 'en', headline: '标题', disputed: true as const };
    // Act
    const item = syndicate(summary);
    // Assess
    expect(item).toMatchObject({ path: '/briefings/b-1?lang=zh-Hans', title: '标题', language: 'zh-Hans', originalLanguage: 'en', disputed: true });
    expect(item).not.toHaveProperty('analystAssessed');
  });
});

describe('what a feed says in words', () => {
  const item = { ...syndicate(summarize(published)), grade: 'A/B' as const, label: 'Strong', score: 0.8, analystAssessed: true as const };

  it('titles the feed with its filters', () => {
    expect(feedHead({}).title).toBe('Signal Briefings');
    expect(feedHead({ entityId: 'acme', minGrade: 'B/C', language: 'zh' }).title).toBe('Signal Briefings: entity acme, grade B/C or better, in zh');
  });

  it('says the grade, label, score and marks, and lists them as categories from fixed lists', () => {
    expect(confidenceLine(item)).toBe('A/B — Strong (0.80), analyst-assessed');
    expect(itemCategories(item)).toEqual([
      { kind: 'grade', term: 'A/B' },
      { kind: 'label', term: 'Strong' },
      { kind: 'signalType', term: 'Infrastructure' },
      { kind: 'mark', term: 'analyst-assessed' },
    ]);
  });

  it('escapes every value it puts in HTML', () => {
    expect(escapeHtml(`<b>"A&B"</b> 'x'`)).toBe('&#60;b&#62;&#34;A&#38;B&#34;&#60;/b&#62; &#39;x&#39;');
    expect(itemHtml({ ...item, region: '<script>alert(1)</script>' })).not.toContain('<script>');
  });
});
