/**
 * The completeness gate against template text (issue 13, point 7): each
 * detector on its own, in the original and in a translation, and the seed
 * page's own defects, which used to pass the gate and publish at grade A.
 */
import { describe, expect, it } from 'vitest';
import { assessCompleteness, contentGaps, publish, rescore } from '#domain/briefing.ts';
import { IncompleteError } from '#domain/errors.ts';
import type { WrittenSections } from '#domain/sections.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const base = draft().sections;
const withSections = (patch: Partial<WrittenSections>) => ({ ...base, ...patch });
const withSurface = (patch: Partial<WrittenSections['operatingSurface']>) =>
  withSections({ operatingSurface: { ...base.operatingSurface, ...patch } });
const sources = [source('direct', 1)];

/** The issues of a briefing with these original sections (and translations), as [pointer, code]. */
const issuesOf = (sections: WrittenSections, translations?: Record<string, WrittenSections>) =>
  assessCompleteness(rescore(draft({ sections, ...(translations ? { translations } : {}) }), sources, NOW).briefing).issues.map((i) => [
    i.pointer,
    i.code,
  ]);

describe("the publisher's templates", () => {
  it('catch the "operating surface" placeholder printed in place of the operating surface, and count the field as missing', () => {
    const sections = withSurface({
      operatingSurface:
        'Published sources should identify the affected parties, operating surface and market exposure before this trend map is treated as complete.',
    });

    expect(issuesOf(sections)).toEqual([['#/sections/operatingSurface/operatingSurface', 'template']]);
    expect(contentGaps(sections)).toEqual(['operating-surface', 'boilerplate']);
  });

  it('catch the Chinese placeholder in a translation, named by language and field', () => {
    const zh = withSurface({ marketExposure: '公开来源应明确受影响方、运营面和市场敞口，之后才能将此趋势图视为完整。' });

    expect(issuesOf(base, { zh })).toEqual([['#/translations/zh/operatingSurface/marketExposure', 'template']]);
  });

  it('catch the "signal briefing for X." line, and its repeat written with 。 instead of .', () => {
    const sections = withSections({
      coverage: 'Acme is tracked for market relevance. Signal briefing for Acme Networks. Signal briefing for Acme Networks。',
    });

    expect(issuesOf(sections)).toEqual([
      ['#/sections/coverage', 'template'],
      ['#/sections/coverage', 'repeated-sentence'],
    ]);
    expect(contentGaps(sections)).toEqual(['repeated-text', 'boilerplate']);
  });

  it('catch the Chinese "…的信号简报。" line', () => {
    expect(issuesOf(base, { zh: withSections({ coverage: 'Acme Networks的信号简报。' }) })).toEqual([['#/translations/zh/coverage', 'template']]);
  });

  it.each([
    'Watch for official statements, regulatory updates, customer/partner exposure and follow-up disclosures.',
    'Official statements; regulatory updates; customer and partner exposure; follow-up disclosures',
    '关注官方声明、监管动态、客户/合作伙伴敞口及后续披露。',
  ])('catch the generic what-to-watch line: %s', (line) => {
    const sections = withSections({ whatToWatch: ['Permit rulings from the regional authority', line] });

    expect(issuesOf(sections)).toEqual([['#/sections/whatToWatch/1', 'template']]);
    expect(contentGaps(sections)).toEqual(['boilerplate']);
  });

  it('leave a what-to-watch line that names something particular to the event', () => {
    const sections = withSections({
      whatToWatch: [
        'Official statements from Acme or its lenders on the status of the northern route.',
        'Acme、其贷款方就北部线路状态发布的官方声明。',
      ],
    });

    expect(issuesOf(sections)).toEqual([]);
  });
});

describe('generic placeholders', () => {
  it.each([
    ['Lorem ipsum dolor sit amet, consectetur.', 'placeholder'],
    ['Wholesale capacity TBD', 'placeholder'],
    ['TODO: describe the exposure', 'placeholder'],
    ['XXX', 'placeholder'],
    ['市场敞口待补充', 'placeholder'],
    ['[Insert market exposure here]', 'placeholder'],
    ['{{marketExposure}}', 'placeholder'],
    ['N/A', 'placeholder'],
    ['—', 'placeholder'],
    ['暂无', 'placeholder'],
    ['Market exposure', 'section-title'],
    ['Operating surface.', 'section-title'],
    ['市场敞口', 'section-title'],
    ['What to watch', 'section-title'],
  ])('%s in a structured field is a %s, and the field counts as missing', (text, code) => {
    const sections = withSurface({ marketExposure: text });

    expect(issuesOf(sections)).toEqual([['#/sections/operatingSurface/marketExposure', code]]);
    expect(contentGaps(sections)).toEqual(['market-exposure', 'boilerplate']);
  });

  it('are found in every text field, including short ones and the gated sections, in the order of their pointers', () => {
    const sections = withSections({
      signalBrief: { ...base.signalBrief, region: 'TBD' },
      marketContext: { ...base.marketContext, timeHorizon: 'n/a' },
      failurePaths: [{ path: 'Regional outage risk grows', affected: '[insert affected parties]' }],
      relationshipEvidence: [{ from: 'Acme', to: 'Northwind', relation: 'supplier', evidence: 'Lorem ipsum' }],
    });

    expect(issuesOf(sections)).toEqual([
      ['#/sections/failurePaths/0/affected', 'placeholder'],
      ['#/sections/marketContext/timeHorizon', 'placeholder'],
      ['#/sections/relationshipEvidence/0/evidence', 'placeholder'],
      ['#/sections/signalBrief/region', 'placeholder'],
    ]);
  });

  it('do not fire on prose that only contains similar words', () => {
    const sections = withSections({
      publishedReporting: 'El operador dijo que todo el tramo norte se detiene. 交易细节仍待定，监管审查尚未开始。 The stake cost 14.3 billion.',
      operatingSurface: { affectedParties: ['Meta'], operatingSurface: 'Backhaul routes', marketExposure: '批发容量' },
    });

    expect(issuesOf(sections)).toEqual([]);
  });

  it('make the affected parties missing when every one of them is a placeholder', () => {
    expect(contentGaps(withSurface({ affectedParties: ['N/A'] }))).toEqual(['affected-parties', 'boilerplate']);
    expect(contentGaps(withSurface({ affectedParties: ['Regional ISPs', 'TBD'] }))).toEqual(['boilerplate']);
  });
});

describe('empty and too-short structured fields', () => {
  it.each([
    ['Revenue', '#/sections/operatingSurface/marketExposure'],
    ['收入', '#/sections/operatingSurface/marketExposure'],
  ])('%s is too short to be a market exposure', (text, pointer) => {
    const sections = withSurface({ marketExposure: text });

    expect(issuesOf(sections)).toEqual([[pointer, 'too-short']]);
    expect(contentGaps(sections)).toEqual(['market-exposure']);
  });

  it('an empty field in a translation is named there, not in the original', () => {
    const zh = withSurface({ operatingSurface: '' });

    expect(issuesOf(base, { zh })).toEqual([['#/translations/zh/operatingSurface/operatingSurface', 'empty']]);
  });
});

describe('repeated sentences', () => {
  it.each([
    ['full-width digits and an exclamation mark', 'Acme cut １４％ of its crews on the route! ', 'Acme cut 14% of its crews on the route.'],
    ['extra whitespace and case', 'Acme   cut 14% of its crews  on the route.', 'ACME cut 14% of its crews on the route.'],
    ['。 and .', 'Acme暂停了北部光纤线路的施工。', 'Acme暂停了北部光纤线路的施工.'],
    ['a full-width comma and stop', 'Acme, the operator, paused work on the route．', 'Acme，the operator，paused work on the route.'],
  ])('are found across %s, in another field, named with the first', (_, first, second) => {
    const sections = withSections({ coverage: first, publishedReporting: `${second} The pause follows a permit dispute.` });

    const { issues } = assessCompleteness(rescore(draft({ sections }), sources, NOW).briefing);

    expect(issues).toEqual([
      { pointer: '#/sections/publishedReporting', code: 'repeated-sentence', detail: expect.stringContaining('(first in #/sections/coverage)') },
    ]);
  });

  it('short set phrases may repeat', () => {
    expect(
      issuesOf(withSections({ coverage: 'See below. Acme is covered for operational-dependency signals.', publishedReporting: 'See below.' })),
    ).toEqual([]);
  });
});

describe("the seed page's own boilerplate", () => {
  /** The defects of the publisher's original page, in our own words: a line thrice, the coverage twice, the placeholder. */
  const seedPage = withSections({
    coverage: 'Signal briefing for Acme Networks. Acme is tracked for operational-dependency signals in regional connectivity.',
    publishedReporting:
      'Acme said it will pause construction for two quarters. Signal briefing for Acme Networks。 Acme is tracked for operational-dependency signals in regional connectivity.',
    operatingSurface: {
      affectedParties: ['Regional ISPs'],
      operatingSurface:
        'Published sources should identify the affected parties, operating surface and market exposure before this trend map is treated as complete.',
      marketExposure: 'Wholesale capacity',
    },
    whatToWatch: ['Official statements, regulatory updates, customer/partner exposure, follow-up disclosures.'],
  });
  const zh = withSections({
    headline: 'Acme暂停北部光纤建设',
    coverage: 'Acme Networks的信号简报。',
    operatingSurface: { ...seedPage.operatingSurface, operatingSurface: '公开来源应明确受影响方、运营面和市场敞口，之后才能将此趋势图视为完整。' },
    whatToWatch: ['官方声明、监管动态、客户及合作伙伴敞口、后续披露。'],
  });
  const strong = [
    source('direct', 1, 'supports', 'b-1', { reliability: { grade: 'A', reason: 'regulatory filing' } }),
    source('reporting', 2),
    source('reporting', 3),
    source('reporting', 4),
  ];

  it('is caught in both languages, field by field, and the draft does not publish', () => {
    const b = rescore(draft({ sections: seedPage, translations: { zh } }), strong, NOW).briefing;

    const { complete, issues } = assessCompleteness(b);

    expect(complete).toBe(false);
    expect(issues.map((i) => `${i.pointer} ${i.code}`)).toEqual([
      '#/sections/coverage template',
      '#/sections/operatingSurface/operatingSurface template',
      '#/sections/publishedReporting template',
      '#/sections/whatToWatch/0 template',
      '#/sections/publishedReporting repeated-sentence',
      '#/sections/publishedReporting repeated-sentence',
      '#/translations/zh/coverage template',
      '#/translations/zh/operatingSurface/operatingSurface template',
      '#/translations/zh/whatToWatch/0 template',
    ]);
    let thrown: unknown;
    try {
      publish(b, { by: 'editor-1', now: NOW });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IncompleteError);
    expect((thrown as IncompleteError).issues).toEqual(issues);
  });

  it('caps the score below grade A however strong the evidence, with no sentence repeated word for word', () => {
    const templatesOnly = withSections({
      coverage: 'Signal briefing for Acme Networks. Acme is tracked for operational-dependency signals in regional connectivity.',
      publishedReporting: 'Acme said it will pause construction for two quarters. Signal briefing for Acme Networks。',
      operatingSurface: seedPage.operatingSurface,
      whatToWatch: seedPage.whatToWatch,
    });
    const clean = rescore(draft(), strong, NOW).briefing.confidence;
    const seeded = rescore(draft({ sections: templatesOnly }), strong, NOW).briefing.confidence;

    expect(clean.grade).toBe('A');

    expect(clean.score).toBeGreaterThan(seeded.score);
    expect(seeded.grade).not.toBe('A');
    expect(seeded.reasons[0]!.code).toBe('capped-incomplete');
  });
});
