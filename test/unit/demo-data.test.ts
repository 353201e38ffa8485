import { describe, expect, it } from 'vitest';
import { GROUP_NAMES } from '../../domain/access.ts';
import { BriefingInput, assessCompleteness, type SourceNote } from '../../domain/briefing.ts';
import { type Evidence, type Grade, scoreEvidence } from '../../domain/scoring.ts';
import { SourceInput, canonicalUrl } from '../../domain/source.ts';
import { DEMO_BRIEFINGS, DEMO_PASSWORD, DEMO_USERS, type DemoBriefing, type DemoSource } from '../../infra/local/demo-data.ts';

const EXPECTED: Record<string, { score: number; grade: Grade }> = {
  'scale-ai-en': { score: 0.91, grade: 'A' },
  'scale-ai-zh': { score: 0.86, grade: 'A/B' },
  'meta-ai-talent': { score: 0.73, grade: 'B/C' },
  'bain-emea-hyperscale': { score: 0.81, grade: 'A/B' },
  'sparkle-geant': { score: 0.68, grade: 'B/C' },
  'draft-example': { score: 0.1, grade: 'D' },
};

const fakeId = (key: string) => `demo-${key}`;

function parseBriefing(b: DemoBriefing) {
  const { relatedKeys, ...rest } = b.input;
  return BriefingInput.parse({ ...rest, related: relatedKeys.map(fakeId) });
}

function parseSource(s: DemoSource) {
  const { expectDuplicate: _ignored, ...rest } = s;
  return SourceInput.parse({ ...rest, briefingId: 'demo-briefing' });
}

/** Evidence as the store would hold it: one record per canonical URL. */
function evidenceOf(sources: readonly DemoSource[]): Evidence[] {
  const byId = new Map<string, Evidence>();
  for (const s of sources) {
    const parsed = parseSource(s);
    const id = canonicalUrl(parsed.url);
    if (!byId.has(id)) byId.set(id, { sourceId: id, kind: parsed.kind, stance: parsed.stance });
  }
  return [...byId.values()];
}

const fakeNotes: SourceNote[] = [
  { sourceId: 'x', url: 'https://example.com/demo/x', publisher: 'Example', title: 'Example', kind: 'reporting', stance: 'supports', share: 1 },
];

describe('demo briefings', () => {
  const keys = DEMO_BRIEFINGS.map((b) => b.key);

  it('have unique keys, and the expected set of them', () => {
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('publish four briefings and keep one draft', () => {
    const modes = Object.fromEntries(DEMO_BRIEFINGS.map((b) => [b.key, b.publish]));
    expect(modes).toEqual({
      'scale-ai-en': 'auto',
      'scale-ai-zh': 'auto',
      'meta-ai-talent': 'editor',
      'bain-emea-hyperscale': 'editor',
      'sparkle-geant': 'editor',
      'draft-example': 'draft',
    });
  });

  it.each(DEMO_BRIEFINGS.map((b) => [b.key, b] as const))('%s parses as BriefingInput with resolvable related keys', (key, b) => {
    const parsed = parseBriefing(b);
    expect(parsed.related).toHaveLength(b.input.relatedKeys.length);
    for (const k of b.input.relatedKeys) {
      expect(keys).toContain(k);
      expect(k).not.toBe(key);
    }
  });

  it('links the two Scale AI language versions to each other, and never links a published briefing to the draft', () => {
    const byKey = new Map(DEMO_BRIEFINGS.map((b) => [b.key, b]));
    expect(byKey.get('scale-ai-en')!.input.relatedKeys).toContain('scale-ai-zh');
    expect(byKey.get('scale-ai-zh')!.input.relatedKeys).toContain('scale-ai-en');
    for (const b of DEMO_BRIEFINGS) {
      if (b.publish === 'draft') continue;
      for (const k of b.input.relatedKeys) expect(byKey.get(k)!.publish).not.toBe('draft');
    }
  });

  it('auto-published briefings carry an A/B rule; the others carry none', () => {
    for (const b of DEMO_BRIEFINGS) {
      if (b.publish === 'auto') expect(b.input.autoPublish).toEqual({ minGrade: 'A/B' });
      else expect(b.input.autoPublish).toBeUndefined();
    }
  });

  it.each(DEMO_BRIEFINGS.map((b) => [b.key, b] as const))('%s is complete', (_key, b) => {
    const parsed = parseBriefing(b);
    expect(assessCompleteness({ sections: parsed.sections, sourceNotes: fakeNotes })).toEqual({ complete: true, problems: [] });
  });

  it('writes the Chinese version in Chinese and keeps enum values in English', () => {
    const zh = parseBriefing(DEMO_BRIEFINGS.find((b) => b.key === 'scale-ai-zh')!);
    expect(zh.language).toBe('zh-Hans');
    const han = /[\u4e00-\u9fff]/;
    const s = zh.sections;
    for (const prose of [s.headline, s.coverage, s.publishedReporting, s.trendContext, s.signalBrief.signal, ...s.whatToWatch]) {
      expect(prose).toMatch(han);
    }
    expect(s.signalBrief.signalType).toBe('Market');
    expect(s.marketContext.operationalRelevance).toBe('High');
  });
});

describe('demo sources', () => {
  const all = DEMO_BRIEFINGS.flatMap((b) => b.sources.map((s) => [b.key, s] as const));

  it.each(all.map(([key, s]) => [key, s.url, s] as const))('%s: %s parses as SourceInput', (_key, _url, s) => {
    const parsed = parseSource(s);
    expect(new URL(parsed.url).pathname.startsWith('/demo/')).toBe(true);
    expect(parsed.publishedAt).toBeDefined();
    const at = new Date(parsed.publishedAt!);
    expect(at.getUTCFullYear()).toBe(2025);
    expect(at.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('give every briefing at least one analyst note', () => {
    for (const b of DEMO_BRIEFINGS) expect(b.sources.some((s) => s.note), b.key).toBe(true);
  });

  it('mark exactly one duplicate, which canonicalises to another entry of the same briefing', () => {
    const dups = DEMO_BRIEFINGS.flatMap((b) => b.sources.filter((s) => s.expectDuplicate).map((s) => [b.key, s] as const));
    expect(dups).toHaveLength(1);
    const [key, dup] = dups[0]!;
    expect(key).toBe('scale-ai-en');
    const url = new URL(dup.url);
    expect(url.search).toContain('utm_source=');
    expect(url.hash).not.toBe('');
    expect(url.pathname.endsWith('/')).toBe(true);
    const others = DEMO_BRIEFINGS.find((b) => b.key === key)!.sources.filter((s) => s !== dup);
    expect(others.filter((s) => canonicalUrl(s.url) === canonicalUrl(dup.url))).toHaveLength(1);
  });

  it('have no other two entries with the same canonical URL, across all briefings', () => {
    const canon = all.filter(([, s]) => !s.expectDuplicate).map(([, s]) => canonicalUrl(s.url));
    expect(new Set(canon).size).toBe(canon.length);
  });
});

describe('demo scores', () => {
  it.each(DEMO_BRIEFINGS.map((b) => [b.key, b] as const))('%s ends at its expected score and grade', (key, b) => {
    const { confidence } = scoreEvidence(evidenceOf(b.sources));
    expect({ score: confidence.score, grade: confidence.grade }).toEqual(EXPECTED[key]);
  });

  it('scale-ai-en passes through A/B (where its auto-publish rule fires) before reaching A', () => {
    const en = DEMO_BRIEFINGS.find((b) => b.key === 'scale-ai-en')!;
    const grades = en.sources.map((_, i) => scoreEvidence(evidenceOf(en.sources.slice(0, i + 1))).confidence.grade);
    expect(grades).toContain('A/B');
    expect(grades.indexOf('A/B')).toBeLessThan(grades.indexOf('A'));
    expect(grades.at(-1)).toBe('A');
  });

  it('the draft example is a weak signal', () => {
    const draft = DEMO_BRIEFINGS.find((b) => b.key === 'draft-example')!;
    expect(scoreEvidence(evidenceOf(draft.sources)).confidence.label).toBe('Weak signal');
  });
});

describe('demo users', () => {
  it('cover every group once, with unique keys and emails', () => {
    expect(DEMO_USERS.flatMap((u) => u.groups).sort()).toEqual([...GROUP_NAMES].sort());
    expect(new Set(DEMO_USERS.map((u) => u.key)).size).toBe(DEMO_USERS.length);
    expect(new Set(DEMO_USERS.map((u) => u.email)).size).toBe(DEMO_USERS.length);
    for (const u of DEMO_USERS) expect(u.email).toMatch(/@demo\.signal\.local$/);
  });

  it('share a password that a Cognito default policy accepts', () => {
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(8);
    expect(DEMO_PASSWORD).toMatch(/[a-z]/);
    expect(DEMO_PASSWORD).toMatch(/[A-Z]/);
    expect(DEMO_PASSWORD).toMatch(/[0-9]/);
    expect(DEMO_PASSWORD).toMatch(/[^A-Za-z0-9]/);
  });
});
