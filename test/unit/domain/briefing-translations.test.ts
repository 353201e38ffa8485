import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '#domain/access.ts';
import { assessCompleteness, BriefingInput, BriefingPatch, editBriefing, publish, rescore, snapshotOf, summarizeSnapshot } from '#domain/briefing.ts';
import { ValidationError } from '#domain/errors.ts';
import { partsFor, viewBriefing } from '#domain/visibility.ts';
import { briefingInput, draft, NOW, source } from '#test/support/fixtures.ts';

const zh = { ...briefingInput().sections, headline: 'Acme 暂停北部光纤建设', publishedReporting: 'Acme 表示将暂停施工两个季度。暂停源于许可纠纷。' };
const sources = [source('direct', 1)];
const ctx = { by: 'a-2', now: NOW, sources };

describe('translations of a briefing', () => {
  it('are accepted on create, and refused in the original language with the field named', () => {
    expect(BriefingInput.parse({ ...briefingInput(), translations: { zh } }).translations).toEqual({ zh: BriefingInput.shape.sections.parse(zh) });
    const refused = BriefingInput.safeParse({ ...briefingInput(), translations: { en: zh } });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((i) => i.path)).toEqual([['translations', 'en']]);
    expect(BriefingInput.safeParse({ ...briefingInput(), translations: { 'not a tag': zh } }).success).toBe(false);
  });

  it('are replaced whole or removed (null) by an edit; the original language is refused, naming the field', () => {
    const b = draft({ translations: { zh, de: zh } });
    const { briefing } = editBriefing(b, BriefingPatch.parse({ translations: { de: null, zh: { ...zh, headline: '新标题' } } }), ctx);
    expect(Object.keys(briefing.translations!)).toEqual(['zh']);
    expect(briefing.translations!['zh']!.headline).toBe('新标题');
    expect(briefing.version).toBe(b.version + 1);
    const { briefing: none } = editBriefing(briefing, BriefingPatch.parse({ translations: { zh: null } }), ctx);
    expect(none).not.toHaveProperty('translations');
    expect(() => editBriefing(b, BriefingPatch.parse({ translations: { en: zh } }), ctx)).toThrow(ValidationError);
    try {
      editBriefing(b, BriefingPatch.parse({ translations: { en: zh } }), ctx);
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([expect.objectContaining({ pointer: '#/translations/en' })]);
    }
  });

  it('must be complete too: a repeated sentence or boilerplate in a translation blocks publishing, named by language', () => {
    const repeated = { ...zh, coverage: '这一句话在译文中重复出现。这一句话在译文中重复出现。' };
    const b = rescore(draft({ translations: { zh: repeated } }), sources, NOW).briefing;
    expect(assessCompleteness(b).problems).toEqual([expect.stringMatching(/^#\/translations\/zh\/coverage: repeats "这一句话在译文中重复出现。"/)]);
    expect(() => publish(b, { by: 'e-1', now: NOW })).toThrow(/incomplete/);
    // The score is shared: a defect readers of the translation see caps it like one in the original.
    expect(b.scoreExplanation!.caps).toContainEqual(expect.objectContaining({ why: expect.stringMatching(/^incomplete: repeated/) }));
    const clean = rescore(draft({ translations: { zh } }), sources, NOW).briefing;
    expect(clean.scoreExplanation!.caps.map((c) => c.why).join()).not.toMatch(/incomplete/);
  });

  it('are served in the language asked for, with the original and the available languages named', () => {
    const b = publish(rescore(draft({ translations: { zh } }), sources, NOW).briefing, { by: 'e-1', now: NOW });
    const view = viewBriefing(b, ANONYMOUS, 'zh');
    expect(view).toMatchObject({ language: 'zh', originalLanguage: 'en', availableLanguages: ['en', 'zh'] });
    expect(view.sections[0]).toMatchObject({ name: 'headline', content: zh.headline });
    expect(view.sections.find((s) => s.name === 'confidence')).toMatchObject({ content: b.confidence });
    const fallback = viewBriefing(b, ANONYMOUS, 'fr');
    expect(fallback.language).toBe('en');
    expect(fallback.sections[0]).toMatchObject({ content: b.sections.headline });
  });
});

describe('which parts a reader reads', () => {
  it('is public for anonymous readers, member for any tier above, staff for any role', () => {
    expect(partsFor(ANONYMOUS)).toBe('public');
    expect(partsFor({ userId: 'u', tier: 'strategy-circle', roles: [] })).toBe('member');
    expect(partsFor({ userId: 'u', tier: 'leadership-alliance', roles: [] })).toBe('member');
    expect(partsFor({ userId: 'u', tier: 'public', roles: ['editor'] })).toBe('staff');
  });
});

describe('version snapshots', () => {
  it('record the written content, status and confidence of a version, with who did what when', () => {
    const b = publish(rescore(draft({ translations: { zh } }), sources, NOW).briefing, { by: 'e-1', now: NOW });
    const s = snapshotOf(b, { action: 'published', by: 'e-1', now: NOW });
    expect(s).toEqual({
      briefingId: 'b-1',
      version: b.version,
      action: 'published',
      by: 'e-1',
      at: NOW.toISOString(),
      status: 'published',
      language: 'en',
      sections: b.sections,
      translations: { zh: b.translations!['zh'] },
      entities: b.entities,
      related: b.related,
      confidence: b.confidence,
    });
    expect(summarizeSnapshot(s)).toEqual({
      version: b.version,
      action: 'published',
      by: 'e-1',
      at: NOW.toISOString(),
      status: 'published',
      headline: b.sections.headline,
      score: b.confidence.score,
      grade: b.confidence.grade,
    });
  });
});
