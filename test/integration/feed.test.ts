/**
 * The published feed on the real engines: briefings published in different
 * months and with different signal types, regions, entities, languages and
 * grades are written through the feed's table module (the writes the briefing
 * module adds to its transaction), then read page by page through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Briefing, publish, rescore, retract } from '#domain/briefing.ts';
import { GRADES, gradeRank } from '#domain/scoring.ts';
import { SIGNAL_TYPES } from '#domain/sections.ts';
import { inMonthBefore } from '#test/support/clock.ts';
import { briefingInput, draft, source, sourceText } from '#test/support/fixtures.ts';
import { api, type LocalStack, startTestStack, tokenFor } from './harness.ts';

let stack: LocalStack;
/** Writes a briefing's feed changes as the briefing module does: one transaction. */
let writeFeed: (prev: Briefing | undefined, next: Briefing) => Promise<void>;

// Four month buckets with gaps between them: this month, last month, three and five months back,
// all before the moment the file loads, whatever the day of the month (a briefing the tests publish
// through the API later is the newest).
const LOADED_AT = new Date();
const MONTHS_BACK = [0, 1, 3, 5] as const;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** This month's fixtures minutes before now; older months' between their 10th and 16th day. */
function publishedAt(i: number): Date {
  const monthsBack = MONTHS_BACK[i % MONTHS_BACK.length]!;
  const offset = monthsBack === 0 ? i * MINUTE : (9 + (i % 7)) * DAY + 12 * 60 * MINUTE + i * 1000;
  return inMonthBefore(LOADED_AT, monthsBack, offset);
}

function briefing(i: number): Briefing {
  const id = `feed-${String(i).padStart(2, '0')}`;
  const at = publishedAt(i);
  const base = draft(
    {
      language: i % 3 === 0 ? 'fr' : 'en',
      entities: [
        { entityId: i % 2 === 0 ? 'acme' : 'northwind', name: 'Entity' },
        { entityId: 'shared-co', name: 'Shared Co' },
      ],
      sections: {
        ...draft().sections,
        headline: `Feed briefing number ${i}`,
        signalBrief: {
          signal: `Feed signal ${i}`,
          signalType: SIGNAL_TYPES[i % SIGNAL_TYPES.length],
          region: i % 2 === 0 ? 'Europe' : 'Global',
          marketClass: 'Institutional',
        },
      },
    },
    id,
  );
  const published = publish(rescore(base, [source('direct', i + 1, 'supports', id)], at).briefing, { by: 'editor-1', now: at });
  const grade = GRADES[i % GRADES.length]!;
  return { ...published, confidence: { ...published.confidence, grade } };
}

const BRIEFINGS = Array.from({ length: 14 }, (_, i) => briefing(i));
const newestFirst = (bs: Briefing[]) =>
  [...bs].sort((a, b) => (`${b.publishedAt}#${b.briefingId}` < `${a.publishedAt}#${a.briefingId}` ? -1 : 1)).map((b) => b.briefingId);

/** Every page of a query, following nextCursor to the end. */
async function allPages(query: Record<string, string>): Promise<{ ids: string[]; pages: number; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages <= 20; pages++) {
    const params = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) });
    const res = await api(stack, 'GET', `/briefings?${params}`);
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((s: { briefingId: string }) => s.briefingId));
    sizes.push(res.body.items.length);
    cursor = res.body.nextCursor;
    if (!cursor) return { ids, pages, sizes };
  }
  throw new Error('the feed did not end within 20 pages');
}

beforeAll(async () => {
  stack = await startTestStack();
  // Imported once the stack has set the environment: the table client reads its endpoint at load.
  const [{ feedWrites }, { entityWrites }, { ddb }, { TransactWriteCommand }] = await Promise.all([
    import('#functions/commons/table/feed.ts'),
    import('#functions/commons/table/entities.ts'),
    import('#functions/commons/clients/dynamodb.ts'),
    import('@aws-sdk/lib-dynamodb'),
  ]);
  // What the briefing's own transaction writes besides the briefing: its feed entries and the profiles of its entities.
  writeFeed = async (prev, next) => {
    const items = [...feedWrites(prev, next), ...entityWrites(prev, next)];
    if (items.length) await ddb.send(new TransactWriteCommand({ TransactItems: items }));
  };
  for (const b of BRIEFINGS) await writeFeed(undefined, b);
});

afterAll(() => stack?.stop());

describe('GET /briefings on the local stack', () => {
  it('pages through every published briefing newest first, across months, without duplicates or gaps', async () => {
    // Act
    const { ids, sizes } = await allPages({ limit: '4' });

    // Assess
    expect(ids).toEqual(newestFirst(BRIEFINGS));
    expect(new Set(ids).size).toBe(ids.length);
    expect(sizes.every((n) => n <= 4)).toBe(true);
  });

  it.each([
    [
      { entity: 'acme', minGrade: 'B/C' },
      (b: Briefing) => b.entities.some((e) => e.entityId === 'acme') && gradeRank(b.confidence.grade) >= gradeRank('B/C'),
    ],
    [
      { region: 'EUROPE', signalType: 'Market' },
      (b: Briefing) => b.sections.signalBrief.region === 'Europe' && b.sections.signalBrief.signalType === 'Market',
    ],
    [{ language: 'fr' }, (b: Briefing) => b.language === 'fr'],
    [{ entity: 'shared-co', language: 'en', marketClass: 'institutional' }, (b: Briefing) => b.language === 'en'],
    [{ minGrade: 'A' }, (b: Briefing) => b.confidence.grade === 'A'],
  ] as const)('filters by %j, newest first, across pages', async (query, matches) => {
    // Act
    const { ids } = await allPages({ ...query, limit: '2' });

    // Assess
    const expected = newestFirst(BRIEFINGS.filter(matches));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
  });

  it('drops a retracted briefing from every feed it was in', async () => {
    // Prepare
    const target = BRIEFINGS[0]!;
    const retracted = retract(target, { by: 'editor-1', now: new Date(), reason: 'wrong' });

    // Act
    await writeFeed(target, retracted);
    const everything = await allPages({ limit: '20' });
    const byEntity = await allPages({ entity: 'acme', limit: '20' });

    // Assess
    expect(everything.ids).not.toContain(target.briefingId);
    expect(byEntity.ids).not.toContain(target.briefingId);
    await writeFeed(retracted, target); // back, for the other tests
  });

  it('refuses a tampered or foreign cursor, and bad parameters, with 400 naming the parameter', async () => {
    // Prepare
    const first = await api(stack, 'GET', '/briefings?region=europe&limit=1');
    const cursor = first.body.nextCursor as string;
    const [payload, signature] = cursor.split('.') as [string, string];
    const altered = Buffer.from(
      Buffer.from(payload, 'base64url')
        .toString('utf8')
        .replace(/"m":"\d{4}-\d{2}"/, '"m":"2025-01"'),
    ).toString('base64url');
    const cases: Array<[string, string]> = [
      [`/briefings?region=europe&cursor=${altered}.${signature}`, 'query:cursor'],
      [`/briefings?region=global&cursor=${cursor}`, 'query:cursor'],
      [`/briefings?cursor=${cursor}`, 'query:cursor'],
      ['/briefings?cursor=eyJwayI6IlVTRVIjeCJ9', 'query:cursor'],
      ['/briefings?limit=51', 'query:limit'],
      ['/briefings?minGrade=Z', 'query:minGrade'],
      ['/briefings?signalType=Weather', 'query:signalType'],
      ['/briefings?entity=no-such-entity', 'query:entity'],
      ['/briefings?colour=red', 'query:colour'],
      ['/briefings?__proto__=1', 'query:__proto__'],
      ['/briefings?constructor=1&toString=2', 'query:constructor'],
    ];

    // Act
    const responses = await Promise.all(cases.map(([path]) => api(stack, 'GET', path)));

    // Assess
    expect(first.status).toBe(200);
    responses.forEach((res, i) => {
      expect(res.status, cases[i]![0]).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(cases[i]![1]);
    });
    // The genuine cursor still works for its own query.
    expect((await api(stack, 'GET', `/briefings?region=Europe&limit=1&cursor=${cursor}`)).status).toBe(200);
  });

  it('accepts a grade with a slash, encoded or not', async () => {
    const encoded = await api(stack, 'GET', '/briefings?minGrade=A%2FB');
    const plain = await api(stack, 'GET', '/briefings?minGrade=A/B');
    expect([encoded.status, plain.status]).toEqual([200, 200]);
    expect(encoded.body.items.every((s: { grade: string }) => gradeRank(s.grade as 'A') >= gradeRank('A/B'))).toBe(true);
  });

  it('shows a briefing published through the API in its feeds, and drops it on retraction (the briefing module writes the entries)', async () => {
    // Prepare
    const [analyst, editor] = await Promise.all([tokenFor(stack, ['analysts']), tokenFor(stack, ['editors'])]);
    const input = briefingInput({ entities: [{ entityId: 'e2e-feed-co', name: 'E2E Feed Co' }] });
    const created = await api(stack, 'POST', '/briefings', { token: analyst, body: input });
    const id = created.body.briefingId as string;
    const body = {
      briefingId: id,
      url: 'https://outlet90.example.com/feed-e2e',
      publisher: 'Outlet 90',
      kind: 'direct',
      title: 'Feed e2e',
      excerpt: sourceText(90),
    };
    expect((await api(stack, 'POST', '/sources', { token: analyst, body })).status).toBe(201);
    await stack.bus.waitFor(
      (e) => e.envelope['detail-type'] === 'Briefing Scored' && (e.envelope.detail as { briefingId: string }).briefingId === id,
    );
    await stack.settled();

    // Act
    const published = await api(stack, 'POST', `/briefings/${id}/publish`, { token: editor });
    await stack.settled();
    const byEntity = await api(stack, 'GET', '/briefings?entity=e2e-feed-co');
    const newest = await api(stack, 'GET', '/briefings?limit=1');
    const retracted = await api(stack, 'POST', `/briefings/${id}/retract`, { token: editor, body: { reason: 'test' } });
    await stack.settled();
    const afterRetraction = await api(stack, 'GET', '/briefings?entity=e2e-feed-co');

    // Assess
    expect(published.status).toBe(200);
    expect(byEntity.body.items.map((s: { briefingId: string }) => s.briefingId)).toEqual([id]);
    expect(newest.body.items[0]).toMatchObject({ briefingId: id, headline: input.sections.headline });
    expect(retracted.status).toBe(200);
    expect(afterRetraction.body.items).toEqual([]);
  });
});

describe('GET /briefings?language= on the local stack', () => {
  // Written after the tests above, which count every fixture: a briefing in English with a Chinese
  // translation, one written in Chinese (zh-CN), one in traditional Chinese, minutes before now.
  const zhSections = (headline: string) => ({ ...draft().sections, headline });
  const publishedNow = (id: string, minutesAgo: number, overrides: Record<string, unknown>) => {
    const at = new Date(LOADED_AT.getTime() - minutesAgo * MINUTE);
    const b = draft({ entities: [{ entityId: 'lang-co', name: 'Lang Co' }], ...overrides }, id);
    return publish(rescore(b, [source('direct', 1, 'supports', id)], at).briefing, { by: 'editor-1', now: at });
  };
  const translated = publishedNow('lang-en-zh', 3, { translations: { 'zh-Hans': zhSections('英文简报的中文标题') } });
  const writtenInChinese = publishedNow('lang-zh-cn', 2, { language: 'zh-CN', sections: zhSections('中文原文简报') });
  const traditional = publishedNow('lang-zh-tw', 1, { language: 'zh-TW', sections: zhSections('繁體中文簡報') });
  const shown = (items: Array<{ briefingId: string; headline: string; language: string; originalLanguage?: string }>) =>
    items.filter((i) => i.briefingId.startsWith('lang-')).map((i) => [i.briefingId, i.headline, i.language, i.originalLanguage ?? null]);

  beforeAll(async () => {
    for (const b of [translated, writtenInChinese, traditional]) await writeFeed(undefined, b);
  });

  it.each(['zh', 'zh-CN', 'zh-Hans', 'ZH-hans-CN'])(
    '?language=%s lists briefings written in Chinese and those translated into it, each with its Chinese headline',
    async (language) => {
      // Act
      const res = await api(stack, 'GET', `/briefings?language=${language}`);

      // Assess
      expect(res.status).toBe(200);
      expect(shown(res.body.items)).toEqual([
        ['lang-zh-cn', '中文原文简报', 'zh-CN', null],
        ['lang-en-zh', '英文简报的中文标题', 'zh-Hans', 'en'],
      ]);
    },
  );

  it('does the same when the language is filtered on another dimension (an entity)', async () => {
    const res = await api(stack, 'GET', '/briefings?entity=lang-co&language=zh-CN');

    expect(shown(res.body.items)).toEqual([
      ['lang-zh-cn', '中文原文简报', 'zh-CN', null],
      ['lang-en-zh', '英文简报的中文标题', 'zh-Hans', 'en'],
    ]);
  });

  it('lists traditional Chinese apart (zh-TW, zh-Hant), and the original headline elsewhere', async () => {
    const read = (q: string) => api(stack, 'GET', `/briefings${q}`);
    const [tw, hant, en, all] = [
      await read('?language=zh-TW'),
      await read('?language=zh-Hant'),
      await read('?entity=lang-co&language=en'),
      await read('?entity=lang-co'),
    ];

    expect(shown(tw.body.items)).toEqual([['lang-zh-tw', '繁體中文簡報', 'zh-TW', null]]);
    expect(shown(hant.body.items)).toEqual(shown(tw.body.items));
    expect(shown(en.body.items)).toEqual([['lang-en-zh', draft().sections.headline, 'en', null]]);
    expect(shown(all.body.items).map(([id, headline]) => [id, headline])).toEqual([
      ['lang-zh-tw', '繁體中文簡報'],
      ['lang-zh-cn', '中文原文简报'],
      ['lang-en-zh', draft().sections.headline],
    ]);
  });
});
