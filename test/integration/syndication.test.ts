/**
 * The syndication feeds (issue 17, point 1) on the local stack: GET /feeds/briefings.rss, .atom and
 * .json, read as a feed reader would and parsed by an independent parser (fast-xml-parser, its
 * validator; JSON.parse and the JsonFeed schema). Published briefings, in English and with a Chinese
 * translation, at different grades and about different entities; a draft (naming an entity only it
 * knows) and a retracted briefing, which no feed may show; gated sections that hold canaries.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type Briefing, publish, rescore } from '#domain/briefing.ts';
import { BANDS, type Grade, gradeRank } from '#domain/scoring.ts';
import { JSON_FEED_VERSION, JsonFeed } from '#domain/syndication.ts';
import { inMonthBefore } from '#test/support/clock.ts';
import { briefingInput, draft, source } from '#test/support/fixtures.ts';
import { api, type LocalStack, startTestStack, tokenFor } from './harness.ts';

const FEEDS = ['briefings.rss', 'briefings.atom', 'briefings.json'] as const;
type FeedName = (typeof FEEDS)[number];
const MEDIA: Record<FeedName, string> = {
  'briefings.rss': 'application/rss+xml; charset=utf-8',
  'briefings.atom': 'application/atom+xml; charset=utf-8',
  'briefings.json': 'application/feed+json; charset=utf-8',
};

const REPEATED = new Set(['rss.channel.item', 'rss.channel.item.category', 'feed.entry', 'feed.entry.category', 'feed.entry.link']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_name, path) => REPEATED.has(String(path)) });

/** What every format says of an item, read back from the served document. */
interface ReadItem {
  id: string;
  link: string;
  title: string;
  categories: string[];
  summary: string;
}

let stack: LocalStack;
let editor = '';
const LOADED_AT = new Date();
/** Newest first, as every feed lists them. */
const PUBLISHED: Briefing[] = [];
const DRAFT_ENTITY = 'syn-drafted-only';

/** A published briefing at a grade (its band's label and lowest score), `secondsAgo` before the file loaded. */
function briefing(id: string, secondsAgo: number, grade: Grade, overrides: Record<string, unknown> = {}): Briefing {
  const at = inMonthBefore(LOADED_AT, 0, secondsAgo * 1000);
  const scored = rescore(draft(overrides, id), [source('direct', secondsAgo, 'supports', id)], at).briefing;
  const band = BANDS.find((b) => b.grade === grade)!;
  return publish({ ...scored, confidence: { ...scored.confidence, grade, label: band.label, score: band.min } }, { by: 'editor-1', now: at });
}

const en = briefingInput().sections;
const zh = { ...en, headline: 'Acme暂停北部光纤建设：许可纠纷持续', trendContext: 'CANARY-STRATEGY 区域光纤建设放缓。' };

beforeAll(async () => {
  stack = await startTestStack();
  editor = await tokenFor(stack, ['editors']);
  // Imported once the stack has set the handlers' environment: the table client reads its endpoint at load.
  const { createBriefing } = await import('#functions/commons/table/briefings.ts');
  PUBLISHED.push(
    briefing('syn-strong', 10, 'A/B', { entities: [{ entityId: 'acme', name: 'Acme Networks' }] }),
    briefing('syn-translated', 20, 'B/C', { entities: [{ entityId: 'northwind', name: 'Northwind' }], translations: { zh } }),
    briefing('syn-weak', 30, 'D', {
      entities: [{ entityId: 'acme', name: 'Acme Networks' }],
      sections: {
        ...en,
        headline: 'Acme & Northwind <weigh> a "joint" bid',
        signalBrief: { ...en.signalBrief, signalType: 'Market', region: 'Asia' },
      },
    }),
  );
  for (const b of PUBLISHED) await createBriefing(b);
  // A draft, naming an entity no published briefing names: neither may reach a feed.
  await createBriefing(
    draft(
      { sections: { ...en, headline: 'DRAFT-SECRET headline' }, entities: [{ entityId: DRAFT_ENTITY, name: 'DRAFT-SECRET entity' }] },
      'syn-draft',
    ),
  );
  // Published, then retracted by an editor through the API: it leaves the feed.
  await createBriefing(briefing('syn-retracted', 5, 'A', { sections: { ...en, headline: 'RETRACTED-SECRET headline' } }));
  const retracted = await api(stack, 'POST', '/briefings/syn-retracted/retract', { token: editor, body: { reason: 'wrong company' } });
  expect(retracted.status, retracted.text).toBe(200);
  await stack.settled();
});
afterAll(() => stack?.stop());

/** A feed as served, checked for its media type and well-formedness, with its items read back. */
async function readFeed(name: FeedName, query = '', opts: { token?: string } = {}) {
  const res = await api(stack, 'GET', `/feeds/${name}${query}`, opts);
  expect(res.status, res.text).toBe(200);
  expect(res.headers.get('content-type')).toBe(MEDIA[name]);
  return { res, items: itemsOf(name, res.text) };
}

function itemsOf(name: FeedName, text: string): ReadItem[] {
  if (name === 'briefings.json') {
    const feed = JSON.parse(text);
    expect(z.safeParse(JsonFeed, feed).error).toBeUndefined();
    expect(feed.version).toBe(JSON_FEED_VERSION);
    return feed.items.map((i: Record<string, any>) => ({
      id: i['id'],
      link: i['url'],
      title: i['title'],
      categories: i['tags'],
      summary: i['content_html'],
    }));
  }
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = parser.parse(text);
  if (name === 'briefings.rss') {
    expect(doc.rss['@version']).toBe('2.0');
    expect(doc.rss.channel).toMatchObject({ title: expect.any(String), link: expect.any(String), description: expect.any(String) });
    return (doc.rss.channel.item ?? []).map((i: Record<string, any>) => ({
      id: i['guid']['#text'],
      link: i['link'],
      title: String(i['title']),
      categories: i['category'].map((c: Record<string, string> | string) => (typeof c === 'string' ? c : c['#text'])),
      summary: i['description'],
    }));
  }
  expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(doc.feed).toMatchObject({ id: expect.any(String), title: expect.any(String), updated: expect.any(String) });
  return (doc.feed.entry ?? []).map((e: Record<string, any>) => ({
    id: e['id'],
    link: e['link'][0]['@href'],
    // Atom titles are `type="html"`: decode the escaping once, as a reader would.
    title: String(e['title']['#text']).replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))),
    categories: e['category'].map((c: Record<string, string>) => c['@term']),
    summary: e['summary']['#text'],
  }));
}

const idOf = (item: ReadItem) => item.id.split('/briefings/')[1];

describe.each(FEEDS)('GET /feeds/%s', (name) => {
  it('lists every published briefing newest first, each linking to it with its headline, grade and label, and nothing else', async () => {
    // Act
    const { res, items } = await readFeed(name);
    // Assess
    expect(items.map(idOf)).toEqual(PUBLISHED.map((b) => b.briefingId));
    for (const [i, item] of items.entries()) {
      const b = PUBLISHED[i]!;
      expect(item.link).toBe(`${stack.apiUrl}/briefings/${b.briefingId}`);
      expect(item.title).toBe(b.sections.headline);
      expect(item.categories).toEqual(expect.arrayContaining([b.confidence.grade, b.confidence.label]));
      expect(item.summary).toContain(`${b.confidence.grade} — ${b.confidence.label}`);
      // The link is the briefing, readable by anyone.
      const read = await api(stack, 'GET', new URL(item.link).pathname);
      expect(read.status).toBe(200);
      expect(read.body.briefingId).toBe(b.briefingId);
    }
    expect(res.text).not.toMatch(/CANARY|SECRET|syn-draft|syn-retracted|editor-1/);
  });

  it('filters as GET /briefings does: entity, minimum grade, signal type and region', async () => {
    for (const [query, expected] of [
      ['?entity=acme', PUBLISHED.filter((b) => b.entities.some((e) => e.entityId === 'acme'))],
      ['?minGrade=B%2FC', PUBLISHED.filter((b) => gradeRank(b.confidence.grade) >= gradeRank('B/C'))],
      ['?signalType=Market&region=asia', [PUBLISHED[2]!]],
      ['?entity=acme&minGrade=A%2FB', [PUBLISHED[0]!]],
    ] as const) {
      // Act
      const { items } = await readFeed(name, query);
      const list = await api(stack, 'GET', `/briefings${query}`);
      // Assess
      expect(items.map(idOf), query).toEqual(expected.map((b) => b.briefingId));
      expect(items.map(idOf), query).toEqual(list.body.items.map((s: { briefingId: string }) => s.briefingId));
    }
  });

  it('in Chinese: the translated headline, linking to the briefing in that language', async () => {
    // Act
    const { items } = await readFeed(name, '?language=zh');
    // Assess
    expect(items.map(idOf)).toEqual(['syn-translated']);
    expect(items[0]!.title).toBe(zh.headline);
    expect(items[0]!.link).toBe(`${stack.apiUrl}/briefings/syn-translated?lang=zh`);
    const read = await api(stack, 'GET', new URL(items[0]!.link).pathname + new URL(items[0]!.link).search);
    expect(read.headers.get('content-language')).toBe('zh');
  });

  it('is the same document for every caller: a member or staff token changes nothing, and no gated text is in it', async () => {
    // Prepare
    const tokens = await Promise.all([tokenFor(stack, ['leadership-alliance']), tokenFor(stack, ['analysts'])]);
    // Act
    const anonymous = await readFeed(name);
    const signedIn = await Promise.all(tokens.map((token) => readFeed(name, '', { token })));
    // Assess
    for (const { res } of signedIn) {
      expect(res.text).toBe(anonymous.res.text);
      expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    }
  });

  it('is cacheable: a strong ETag, 304 on If-None-Match, a new ETag once the feed changes', async () => {
    // Prepare
    const first = await api(stack, 'GET', `/feeds/${name}?entity=northwind`);
    const etag = first.headers.get('etag')!;
    // Act
    const again = await api(stack, 'GET', `/feeds/${name}?entity=northwind`, { headers: { 'if-none-match': etag } });
    const otherFilter = await api(stack, 'GET', `/feeds/${name}?entity=acme`, { headers: { 'if-none-match': etag } });
    // Assess
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(otherFilter.status).toBe(200);
  });

  it('refuses bad filters with 400 problem+json, and an entity only a draft names as one nobody named', async () => {
    for (const query of ['?minGrade=Z', '?limit=0', '?cursor=abc', '?colour=red', `?entity=${DRAFT_ENTITY}`, '?entity=syn-nobody']) {
      // Act
      const res = await api(stack, 'GET', `/feeds/${name}${query}`);
      // Assess
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.text).not.toMatch(/SECRET/);
    }
    const drafted = await api(stack, 'GET', `/feeds/${name}?entity=${DRAFT_ENTITY}`);
    const nobody = await api(stack, 'GET', `/feeds/${name}?entity=syn-nobody`);
    expect(drafted.text.replaceAll(DRAFT_ENTITY, 'X')).toBe(nobody.text.replaceAll('syn-nobody', 'X'));
  });
});

describe('GET /feeds/{feed}, other feeds', () => {
  it('answers 404 problem+json for a feed that does not exist', async () => {
    for (const path of ['/feeds/briefings.xml', '/feeds/briefings', '/feeds/entities.rss']) {
      const res = await api(stack, 'GET', path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body).toMatchObject({ status: 404, detail: expect.stringContaining('briefings.rss') });
    }
  });

  it('changes its ETag when a briefing is published', async () => {
    // Prepare
    const before = await api(stack, 'GET', '/feeds/briefings.atom');
    const { createBriefing } = await import('#functions/commons/table/briefings.ts');
    // Act
    await createBriefing(briefing('syn-late', 1, 'C/D'));
    const after = await api(stack, 'GET', '/feeds/briefings.atom', { headers: { 'if-none-match': before.headers.get('etag')! } });
    // Assess
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(itemsOf('briefings.atom', after.text).map(idOf)[0]).toBe('syn-late');
  });
});
