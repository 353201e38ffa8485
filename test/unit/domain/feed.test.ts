import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Briefing, publish, rescore, retract } from '#domain/briefing.ts';
import {
  ALL_TIME,
  CursorError,
  decodeCursor,
  encodeCursor,
  entryIdentity,
  feedEntries,
  filterDigest,
  localise,
  monthOf,
  normalise,
  passesResidual,
  planFeedChanges,
  previousMonth,
  queryDimension,
  residualFilter,
} from '#domain/feed.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const KEY = 'a-test-key-of-at-least-32-characters!';
const published = (overrides: Record<string, unknown> = {}, id = 'b-1', now = NOW): Briefing =>
  publish(rescore(draft(overrides, id), [source('direct', 1, 'supports', id)], now).briefing, { by: 'editor-1', now });

describe('month buckets', () => {
  it('bucket an instant by its UTC month', () => {
    expect(monthOf('2026-06-30T23:59:59.999Z')).toBe('2026-06');
    expect(monthOf('2026-07-01T00:00:00.000+02:00')).toBe('2026-06');
    expect(monthOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01');
  });

  it('step back a month across a year', () => {
    expect(previousMonth('2026-03')).toBe('2026-02');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
  });
});

describe('feed entries of a briefing', () => {
  it('are one per value of every dimension while published, bucketed by month except per entity', () => {
    // Prepare
    const b = published({
      entities: [
        { entityId: 'acme', name: 'Acme' },
        { entityId: 'northwind', name: 'Northwind' },
      ],
    });

    // Act
    const entries = feedEntries(b);

    // Assess
    expect(entries.map((e) => [e.dimension, e.value])).toEqual([
      ['entity', 'acme'],
      ['entity', 'northwind'],
      ['market', 'institutional'],
      ['region', 'europe'],
      ['type', 'infrastructure'],
      ['lang', 'en'],
      ['all', '*'],
    ]);
    // An entity's entries are in one all-time bucket (its page is one Query); the coarse dimensions in the month of publication.
    expect(entries.map((e) => e.month)).toEqual([ALL_TIME, ALL_TIME, '2026-06', '2026-06', '2026-06', '2026-06', '2026-06']);
    expect(entries[0]!.summary).toMatchObject({ briefingId: 'b-1', headline: b.sections.headline, region: 'Europe' });
  });

  it('carry only the filter attributes of less selective dimensions, and the grade on every entry', () => {
    const entries = feedEntries(published());
    const by = (d: string) => entries.find((e) => e.dimension === d)!.filter;
    expect(Object.keys(by('entity')).sort()).toEqual(['gradeRank', 'langs', 'market', 'region', 'type']);
    expect(Object.keys(by('type')).sort()).toEqual(['gradeRank', 'langs']);
    expect(Object.keys(by('all'))).toEqual(['gradeRank']);
  });

  it('include every translation language, as feed languages (zh-Hans and zh-CN are zh) and without repeats', () => {
    const b = { ...published(), language: 'zh-Hans', translations: { en: {}, 'ZH-hans': {}, 'zh-CN': {}, 'zh-TW': {} } } as unknown as Briefing;
    expect(
      feedEntries(b)
        .filter((e) => e.dimension === 'lang')
        .map((e) => e.value),
    ).toEqual(['zh', 'en', 'zh-hant']);
  });

  it("list a translated briefing under its translation's language with that language's headline, and carry it where a language filter is evaluated", () => {
    const zh = { ...draft().sections, headline: 'Acme 暂停北部光纤建设' };
    const b = published({ translations: { 'zh-Hans': zh } });

    const entries = feedEntries(b);
    const entry = (dimension: string, value?: string) =>
      entries.find((e) => e.dimension === dimension && (value === undefined || e.value === value))!;

    expect(entry('lang', 'zh').summary).toMatchObject({ language: 'zh-Hans', originalLanguage: 'en', headline: 'Acme 暂停北部光纤建设' });
    expect(entry('lang', 'en').summary).toEqual(entry('all').summary);
    expect(entry('all').summary).not.toHaveProperty('originalLanguage');
    expect(entry('entity').headlines).toEqual({ zh: { language: 'zh-Hans', headline: 'Acme 暂停北部光纤建设' } });
    expect(entry('type').headlines).toEqual(entry('entity').headlines);
    expect(entry('all')).not.toHaveProperty('headlines');
    expect(entry('lang', 'zh')).not.toHaveProperty('headlines');
    expect(feedEntries(published()).some((e) => e.headlines)).toBe(false);
  });

  it('show the headline in the language a read filters by, whichever tag names it, and the original otherwise', () => {
    const zh = { ...draft().sections, headline: 'Acme 暂停北部光纤建设' };
    const entity = feedEntries(published({ translations: { zh } })).find((e) => e.dimension === 'entity')!;

    const shown = (language?: string) => localise(entity.summary, entity.headlines, language).headline;

    expect(['zh', 'zh-CN', 'zh-Hans', 'ZH-hans-CN'].map(shown)).toEqual(Array(4).fill('Acme 暂停北部光纤建设'));
    expect([undefined, 'en', 'en-GB', 'zh-TW'].map(shown)).toEqual(Array(4).fill(draft().sections.headline));
    expect(localise(entity.summary, entity.headlines, 'zh-CN')).toMatchObject({ language: 'zh', originalLanguage: 'en' });
  });

  it('are none for a draft or a retracted briefing', () => {
    const b = published();
    expect(feedEntries(draft())).toEqual([]);
    expect(feedEntries(retract(b, { by: 'editor-1', now: NOW, reason: 'wrong' }))).toEqual([]);
  });
});

describe('planning feed changes', () => {
  it('puts every entry on first publication and nothing when nothing changed', () => {
    const b = published();
    expect(planFeedChanges(undefined, b).puts).toHaveLength(feedEntries(b).length);
    expect(planFeedChanges(b, { ...b, version: b.version + 1, updatedAt: '2026-06-21T00:00:00.000Z' })).toEqual({ puts: [], deletes: [] });
  });

  it("rewrites the entries that show a translation's headline when it changes, and only those", () => {
    const zh = { ...draft().sections, headline: 'Acme 暂停北部光纤建设' };
    const before = published({ translations: { zh } });
    const after = { ...before, translations: { zh: { ...zh, headline: 'Acme 暂停北部光纤工程' } } };

    const { puts, deletes } = planFeedChanges(before, after);

    expect(deletes).toEqual([]);
    expect(puts.map((e) => `${e.dimension}=${e.value}`).sort()).toEqual([
      'entity=acme',
      'lang=zh',
      'market=institutional',
      'region=europe',
      'type=infrastructure',
    ]);
  });

  it('rewrites entries whose summary changed and deletes the ones of a removed entity', () => {
    // Prepare
    const b = published({
      entities: [
        { entityId: 'acme', name: 'Acme' },
        { entityId: 'northwind', name: 'Northwind' },
      ],
    });
    const edited: Briefing = { ...b, entities: [b.entities[0]!], sections: { ...b.sections, headline: 'A new headline for the pause' } };

    // Act
    const { puts, deletes } = planFeedChanges(b, edited);

    // Assess
    expect(deletes.map((e) => [e.dimension, e.value])).toEqual([['entity', 'northwind']]);
    expect(puts).toHaveLength(feedEntries(edited).length);
    expect(puts.every((e) => e.summary.headline === 'A new headline for the pause')).toBe(true);
  });

  it('deletes every entry on retraction', () => {
    const b = published();
    const { puts, deletes } = planFeedChanges(b, retract(b, { by: 'editor-1', now: NOW, reason: 'wrong' }));
    expect(puts).toEqual([]);
    expect(deletes.map(entryIdentity).sort()).toEqual(feedEntries(b).map(entryIdentity).sort());
  });

  it('property: the deletes are exactly the entries of prev minus the entries of next, and puts never include an unchanged entry', () => {
    const entityIds = ['acme', 'northwind', 'contoso', 'globex', 'initech'];
    type State = { status: Briefing['status']; entities: string[]; region: string; languages: string[]; headline: string };
    const state: fc.Arbitrary<State> = fc.record({
      status: fc.constantFrom<Briefing['status']>('draft', 'published', 'retracted'),
      entities: fc.uniqueArray(fc.constantFrom(...entityIds), { minLength: 1, maxLength: 5 }),
      region: fc.constantFrom('Europe', 'europe ', 'Global', 'Asia'),
      languages: fc.uniqueArray(fc.constantFrom('de', 'fr', 'ja'), { maxLength: 3 }),
      headline: fc.constantFrom('Acme pauses its fibre build', 'Acme resumes its fibre build'),
    });
    const toBriefing = (s: State) => {
      const base = published();
      return {
        ...base,
        status: s.status,
        ...(s.status === 'draft' ? { publishedAt: undefined } : {}),
        entities: s.entities.map((entityId) => ({ entityId, name: entityId, kind: 'company' as const })),
        sections: { ...base.sections, headline: s.headline, signalBrief: { ...base.sections.signalBrief, region: s.region } },
        translations: Object.fromEntries(s.languages.map((l) => [l, {}])),
      } as unknown as Briefing;
    };
    fc.assert(
      fc.property(fc.option(state, { nil: undefined }), state, (p, n) => {
        const prev = p === undefined ? undefined : toBriefing(p);
        const next = toBriefing(n);
        const { puts, deletes } = planFeedChanges(prev, next);
        const before = new Set(feedEntries(prev).map(entryIdentity));
        const after = new Set(feedEntries(next).map(entryIdentity));
        expect(new Set(deletes.map(entryIdentity))).toEqual(new Set([...before].filter((id) => !after.has(id))));
        expect(puts.every((e) => after.has(entryIdentity(e)))).toBe(true);
        // Applying the plan to prev's entries gives exactly next's entries.
        const applied = new Set([...before].filter((id) => !deletes.some((d) => entryIdentity(d) === id)));
        for (const e of puts) applied.add(entryIdentity(e));
        expect(applied).toEqual(after);
        if (p !== undefined && JSON.stringify(p) === JSON.stringify(n)) expect(puts).toEqual([]);
      }),
    );
  });
});

describe('query plan', () => {
  it('reads zh-CN, zh-Hans and zh as one language, in the query, the residual filter and the cursor', () => {
    for (const tag of ['zh-CN', 'zh-Hans', 'ZH']) {
      expect(queryDimension({ language: tag })).toEqual({ dimension: 'lang', value: 'zh' });
      expect(residualFilter({ entityId: 'acme', language: tag })).toEqual({ lang: 'zh' });
      expect(filterDigest({ language: tag })).toBe(filterDigest({ language: 'zh' }));
    }
    expect(queryDimension({ language: 'zh-TW' })).toEqual({ dimension: 'lang', value: 'zh-hant' });
  });

  it('queries the most selective dimension named and filters the rest', () => {
    expect(queryDimension({})).toEqual({ dimension: 'all', value: '*' });
    expect(queryDimension({ language: 'EN', signalType: 'Market' })).toEqual({ dimension: 'type', value: 'market' });
    expect(queryDimension({ region: 'Europe', marketClass: ' Institutional ' })).toEqual({ dimension: 'market', value: 'institutional' });
    expect(queryDimension({ entityId: 'acme', region: 'Europe', minGrade: 'A/B' })).toEqual({ dimension: 'entity', value: 'acme' });
    expect(residualFilter({ entityId: 'acme', region: 'Europe', minGrade: 'A/B' })).toEqual({ region: 'europe', minGradeRank: 3 });
    expect(residualFilter({ minGrade: 'D' })).toEqual({ minGradeRank: 0 });
  });

  it('an entry of the queried dimension passes its residual filter exactly when the briefing matches', () => {
    const b = published();
    const entityEntry = feedEntries(b).find((e) => e.dimension === 'entity')!;
    expect(passesResidual(entityEntry.filter, residualFilter({ entityId: 'acme', region: 'EUROPE', language: 'en' }))).toBe(true);
    expect(passesResidual(entityEntry.filter, residualFilter({ entityId: 'acme', region: 'Asia' }))).toBe(false);
    expect(passesResidual(entityEntry.filter, residualFilter({ entityId: 'acme', language: 'fr' }))).toBe(false);
    expect(passesResidual(entityEntry.filter, residualFilter({ entityId: 'acme', minGrade: 'A' }))).toBe(false);
  });

  it('normalises by case and whitespace only', () => {
    expect(normalise('  North   America ')).toBe('north america');
    expect(normalise('Zh-Hans')).toBe('zh-hans');
  });
});

describe('signed cursor', () => {
  const filter = { region: 'Europe', minGrade: 'B/C' as const };

  it('round-trips a position for the same query, whatever the case of its values', () => {
    const cursor = encodeCursor({ month: '2026-05', after: '2026-05-03T10:00:00.000Z#b-9' }, filter, KEY);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, { region: ' europe', minGrade: 'B/C' }, KEY)).toEqual({ month: '2026-05', after: '2026-05-03T10:00:00.000Z#b-9' });
  });

  it('refuses a cursor of another query as foreign', () => {
    const cursor = encodeCursor({ month: '2026-05' }, filter, KEY);
    expect(() => decodeCursor(cursor, { region: 'Europe' }, KEY)).toThrow(expect.objectContaining({ problem: 'foreign' }));
    expect(filterDigest({ region: 'Europe' })).not.toBe(filterDigest({ marketClass: 'Europe' }));
  });

  it('refuses an altered payload, another key, and garbage', () => {
    const cursor = encodeCursor({ month: '2026-05' }, filter, KEY);
    const [payload, signature] = cursor.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ v: 1, m: '2026-05', a: 'USER#x', f: filterDigest(filter) })).toString('base64url');
    const problem = (c: string, key = KEY) => {
      try {
        decodeCursor(c, filter, key);
        return 'accepted';
      } catch (error) {
        return error instanceof CursorError ? error.problem : 'other';
      }
    };
    expect(problem(`${forged}.${signature}`)).toBe('tampered');
    expect(problem(cursor, 'another-key-of-at-least-32-characters!')).toBe('tampered');
    expect(problem(`${payload}.${signature.slice(0, -2)}`)).toBe('tampered');
    expect(problem('not-a-cursor')).toBe('malformed');
    expect(problem('a.b.c')).toBe('malformed');
    expect(problem('e30.===')).toBe('malformed');
  });

  it('refuses a cursor whose last character differs only in the unused low bits (canonical encoding)', () => {
    // Prepare: 32 bytes of HMAC are 43 base64url characters, whose last one carries 2 bits nobody reads.
    const cursor = encodeCursor({ month: '2026-05' }, filter, KEY);
    const [payload, signature] = cursor.split('.') as [string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const lowBit = (s: string) => s.slice(0, -1) + alphabet[alphabet.indexOf(s.at(-1)!) ^ 1];
    const altered = lowBit(signature);
    expect(Buffer.from(altered, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true); // the same bytes
    // Act + Assess
    expect(() => decodeCursor(`${payload}.${altered}`, filter, KEY)).toThrow(expect.objectContaining({ problem: 'tampered' }));
    expect(() => decodeCursor(`${lowBit(payload)}.${signature}`, filter, KEY)).toThrow(CursorError);
  });

  it('refuses a correctly signed payload of the wrong shape as malformed', () => {
    const payload = Buffer.from(JSON.stringify({ v: 1, m: '2026-13', f: filterDigest(filter) })).toString('base64url');
    const signature = createHmac('sha256', KEY).update(payload).digest('base64url');
    expect(() => decodeCursor(`${payload}.${signature}`, filter, KEY)).toThrow(expect.objectContaining({ problem: 'malformed' }));
  });
});
