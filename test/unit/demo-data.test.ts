import { describe, expect, it } from 'vitest';
import { GROUP_NAMES } from '#domain/access.ts';
import { assessCompleteness, BriefingInput, rescore } from '#domain/briefing.ts';
import { EntityProfileInput } from '#domain/entity.ts';
import { nearDuplicate } from '#domain/fingerprint.ts';
import { EVENT_TIME, type Grade, scoreEvidence } from '#domain/scoring.ts';
import { canonicalUrl, evidenceOf, newSource, type Source, SourceInput } from '#domain/source.ts';
import {
  DEMO_BRIEFINGS,
  DEMO_ENTITIES,
  DEMO_PASSWORD,
  DEMO_USERS,
  DEMO_WATCHLISTS,
  type DemoBriefing,
  type DemoSource,
  EXAMPLE_SOURCE,
} from '#local/demo-data.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const EXPECTED: Record<string, { score: number; grade: Grade }> = {
  'scale-ai-en': { score: 0.91, grade: 'A' },
  'scale-ai-zh': { score: 0.83, grade: 'A/B' },
  'meta-ai-talent': { score: 0.68, grade: 'B/C' },
  'bain-emea-hyperscale': { score: 0.81, grade: 'A/B' },
  'sparkle-geant': { score: 0.67, grade: 'B/C' },
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

/** When the seeder runs: any time after the demo's dates (the scores must not depend on it). */
const SEEDED_AT = [new Date('2026-01-05T00:00:00Z'), new Date('2031-06-01T00:00:00Z')];

/** Sources as the store would hold them after the seeder posted them at `now`: one record per canonical URL. */
function stored(sources: readonly DemoSource[], now = SEEDED_AT[0]!): Source[] {
  const byId = new Map<string, Source>();
  for (const s of sources) {
    const created = newSource(parseSource(s), 'demo-analyst', now);
    if (!byId.has(created.sourceId)) byId.set(created.sourceId, created);
  }
  return [...byId.values()];
}

/** As the pipeline scores a demo briefing: its sources as ingested, judged against its event date. */
const confidenceOf = (sources: readonly DemoSource[], now?: Date, eventDate?: string) =>
  scoreEvidence(stored(sources, now).map(evidenceOf), eventDate ? { event: { from: eventDate } } : {}).confidence;

const fakeNotes = rescore(draft(), [source('reporting', 1)], NOW).briefing.sourceNotes;

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

  it.each(DEMO_BRIEFINGS.map((b) => [b.key, b] as const))('%s is complete in every language it carries', (_key, b) => {
    const parsed = parseBriefing(b);
    expect(assessCompleteness({ ...parsed, sourceNotes: fakeNotes })).toEqual({ complete: true, problems: [], issues: [] });
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

describe('the source the start banner suggests', () => {
  it('is a valid, new source for the Scale AI briefing', () => {
    expect(SourceInput.safeParse({ briefingId: 'any', ...EXAMPLE_SOURCE }).error).toBeUndefined();
    const seeded = DEMO_BRIEFINGS.flatMap((b) => b.sources.map((s) => canonicalUrl(s.url)));
    expect(seeded).not.toContain(canonicalUrl(EXAMPLE_SOURCE.url));
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
    // Evidence, not a link: text to fingerprint, retrieved soon after publication (never stale, whenever seeded).
    expect(parsed.excerpt ?? parsed.text).toBeDefined();
    const retrievedAfterDays = (Date.parse(parsed.retrievedAt!) - at.getTime()) / 86_400_000;
    expect(retrievedAfterDays).toBeGreaterThanOrEqual(0);
    expect(retrievedAfterDays).toBeLessThanOrEqual(EVENT_TIME.fullWeightDays);
  });

  it('are accepted by the ingest domain as the seeder would send them (no future dates)', () => {
    for (const [, s] of all) expect(() => newSource(parseSource(s), 'demo-analyst', SEEDED_AT[0]!)).not.toThrow();
  });

  it('keep exactly one syndicated copy: a Chinese portal republishing the 36氪 story, in its origin', () => {
    const zh = DEMO_BRIEFINGS.find((b) => b.key === 'scale-ai-zh')!;
    const records = stored(zh.sources);
    const copies = DEMO_BRIEFINGS.flatMap((b) =>
      stored(b.sources).filter((x, i, list) => list.some((y, j) => j !== i && nearDuplicate(x.fingerprint!, y.fingerprint!))),
    );
    expect(copies.map((c) => c.publisher).sort()).toEqual(['36氪', '新浪科技（转载）']);
    const { explanation } = scoreEvidence(records.map(evidenceOf));
    const origin = explanation.origins.find((o) => o.members.length === 2)!;
    expect(
      records
        .filter((r) => origin.members.includes(r.sourceId))
        .map((r) => r.publisher)
        .sort(),
    ).toEqual(['36氪', '新浪科技（转载）']);
    expect(confidenceOf(zh.sources).score).toBe(confidenceOf(zh.sources.filter((s) => !s.publisher.includes('转载'))).score);
  });

  it('give every briefing at least one analyst note', () => {
    for (const b of DEMO_BRIEFINGS)
      expect(
        b.sources.some((s) => s.note),
        b.key,
      ).toBe(true);
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
  it.each(DEMO_BRIEFINGS.map((b) => [b.key, b] as const))('%s ends at its expected score and grade, whenever it is seeded', (key, b) => {
    for (const now of SEEDED_AT) {
      expect(b.input.eventDate, 'each demo briefing says when its event happened').toBeDefined();
      const confidence = confidenceOf(b.sources, now, b.input.eventDate);
      expect({ score: confidence.score, grade: confidence.grade }).toEqual(EXPECTED[key]);
    }
  });

  it('scale-ai-en passes through A/B (where its auto-publish rule fires) before reaching A', () => {
    const en = DEMO_BRIEFINGS.find((b) => b.key === 'scale-ai-en')!;
    const grades = en.sources.map((_, i) => confidenceOf(en.sources.slice(0, i + 1)).grade);
    expect(grades).toContain('A/B');
    expect(grades.indexOf('A/B')).toBeLessThan(grades.indexOf('A'));
    expect(grades.at(-1)).toBe('A');
  });

  it('scale-ai-zh reaches A/B, where its auto-publish rule fires', () => {
    const zh = DEMO_BRIEFINGS.find((b) => b.key === 'scale-ai-zh')!;
    expect(confidenceOf(zh.sources).grade).toBe('A/B');
  });

  it('the draft example is a weak signal', () => {
    const draftExample = DEMO_BRIEFINGS.find((b) => b.key === 'draft-example')!;
    expect(confidenceOf(draftExample.sources).label).toBe('Weak signal');
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

describe('demo entities', () => {
  const ids = DEMO_ENTITIES.map((e) => e.entityId);

  it.each(DEMO_ENTITIES.map((e) => [e.entityId, e] as const))('%s parses as a profile with English and Chinese names', (_, e) => {
    const profile = EntityProfileInput.parse(e.profile);
    expect(profile.aliases.map((a) => a.language).sort()).toEqual(['en', 'zh']);
    expect(profile.aliases.find((a) => a.language === 'zh')!.name).toMatch(/\p{Script=Han}/u);
  });

  it('have a profile for every entity a published demo briefing names (the draft names a fictional one)', () => {
    const named = DEMO_BRIEFINGS.filter((b) => b.publish !== 'draft').flatMap((b) => b.input.entities.map((e) => e.entityId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of named) expect(ids).toContain(id);
    for (const id of ['google', 'openai']) expect(ids).toContain(id);
  });

  it("leave the draft's entities unknown to readers: no demo profile (the seeder publishes those) and no published briefing names them (issue 16)", () => {
    const published = new Set(DEMO_BRIEFINGS.filter((b) => b.publish !== 'draft').flatMap((b) => b.input.entities.map((e) => e.entityId)));
    const drafted = DEMO_BRIEFINGS.filter((b) => b.publish === 'draft').flatMap((b) => b.input.entities.map((e) => e.entityId));
    expect(drafted).toEqual(['demo-nordic-colo']);
    for (const id of drafted) {
      expect(ids).not.toContain(id);
      expect(published.has(id)).toBe(false);
    }
  });

  it('list every relationship target before the entity that states it, so each PUT finds its targets', () => {
    DEMO_ENTITIES.forEach((e, i) => {
      for (const r of e.profile.relationships ?? []) expect(ids.slice(0, i), `${e.entityId} → ${r.target}`).toContain(r.target);
    });
  });

  it('carry the links of the brief', () => {
    const links = DEMO_ENTITIES.flatMap((e) => (e.profile.relationships ?? []).map((r) => `${e.entityId} ${r.relation} ${r.target}`));
    expect(links).toEqual(
      expect.arrayContaining([
        'meta investor in scale-ai',
        'alexandr-wang executive moved to meta',
        'google partner paused scale-ai',
        'openai partner paused scale-ai',
        'sparkle partner of geant',
      ]),
    );
  });
});

describe('demo watchlists', () => {
  it('are members following known entities, Scale AI among them (its briefings auto-publish during the seed)', () => {
    const ids = DEMO_ENTITIES.map((e) => e.entityId);
    for (const [user, entityIds] of Object.entries(DEMO_WATCHLISTS)) {
      expect(DEMO_USERS.map((u) => u.key)).toContain(user);
      for (const id of entityIds) expect(ids).toContain(id);
    }
    expect(Object.values(DEMO_WATCHLISTS).flat()).toContain('scale-ai');
  });
});
