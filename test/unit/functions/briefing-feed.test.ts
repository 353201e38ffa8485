/**
 * Spec: GET /feeds/{feed} answers the public feed as RSS 2.0, Atom or JSON Feed 1.1 that an
 * independent parser (fast-xml-parser) reads back; every item links to its briefing and carries its
 * grade and label; hostile text stays text; the answer is cacheable with a content ETag (304), and
 * filtered, validated and refused exactly as GET /briefings.
 */
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { publish, rescore } from '#domain/briefing.ts';
import { feedEntries } from '#domain/feed.ts';
import { feedHead, JSON_FEED_VERSION, JsonFeed } from '#domain/syndication.ts';
import { type SyndicatedItem, summarize, syndicate } from '#domain/visibility.ts';
import { handler as getFeed } from '#functions/briefings/get-briefing-feed.ts';
import { renderFeed } from '#functions/briefings/render-feed.ts';
import { toProfileItem } from '#functions/commons/table/entities.ts';
import { toEntryItem } from '#functions/commons/table/feed.ts';
import { profileKey } from '#functions/commons/table/keys.ts';
import { draft, entityProfile, NOW, source } from '#test/support/fixtures.ts';
import { context, httpEvent, parseBody } from '#test/support/lambda.ts';

/** Repeated elements as arrays, by path (an RSS channel's `link` is one element, an Atom entry's a list). */
const REPEATED = new Set(['rss.channel.item', 'rss.channel.item.category', 'feed.entry', 'feed.entry.category', 'feed.entry.link']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_name, path) => REPEATED.has(String(path)) });
const published = publish(rescore(draft(), [source('direct', 1)], NOW).briefing, { by: 'editor-1', now: NOW });
const item = syndicate(summarize(published));
const ctx = { origin: 'https://api.example.com', selfPath: '/feeds/briefings.rss', listPath: '/briefings', head: feedHead({}), updated: NOW };

/** A headline and region that would break XML or inject HTML if written as they are. */
const hostile: SyndicatedItem = { ...item, title: 'A&B <script>alert(1)</script> ]]> "q"', region: 'Nord & <Süd>', disputed: true };

describe('renderFeed', () => {
  it('writes RSS 2.0 that validates and parses: one item per briefing, linking to it, with grade and label', () => {
    // Act
    const xml = renderFeed('rss', [item], ctx);
    // Assess
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = parser.parse(xml);
    expect(rss['@version']).toBe('2.0');
    const [entry] = rss.channel.item;
    expect(entry.link).toBe('https://api.example.com/briefings/b-1');
    expect(entry.title).toBe(item.title);
    expect(entry.category).toEqual(
      expect.arrayContaining([
        { '#text': item.grade, '@domain': 'https://api.example.com/confidence/legend#grade' },
        { '#text': item.label, '@domain': 'https://api.example.com/confidence/legend#label' },
      ]),
    );
    expect(entry.description).toContain(`${item.grade} — ${item.label}`);
    expect(new Date(entry.pubDate).toISOString()).toBe(item.publishedAt);
  });

  it('writes Atom 1.0 that validates and parses, with an id, a link and categories per entry', () => {
    // Act
    const xml = renderFeed('atom', [item], ctx);
    // Assess
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.updated).toBe(NOW.toISOString());
    const [entry] = feed.entry;
    expect(entry.id).toBe('https://api.example.com/briefings/b-1');
    expect(entry.link).toEqual([{ '@href': 'https://api.example.com/briefings/b-1' }]);
    expect(entry.category.map((c: Record<string, string>) => c['@term'])).toEqual([item.grade, item.label, item.signalType]);
  });

  it('writes JSON Feed 1.1 as its schema says, with the confidence as data', () => {
    // Act
    const json = JSON.parse(renderFeed('json', [item], ctx));
    // Assess
    expect(z.safeParse(JsonFeed, json).error).toBeUndefined();
    expect(json.version).toBe(JSON_FEED_VERSION);
    expect(json.items[0]).toMatchObject({
      id: 'https://api.example.com/briefings/b-1',
      url: 'https://api.example.com/briefings/b-1',
      tags: [item.grade, item.label, item.signalType],
      _signal_briefings: { grade: item.grade, label: item.label, score: item.score },
    });
  });

  it.each(['rss', 'atom', 'json'] as const)('%s: hostile text stays well-formed text, never markup', (format) => {
    // Act
    const text = renderFeed(format, [hostile], ctx);
    // Assess: titles are plain text in RSS and JSON Feed, HTML (escaped once) in Atom; summaries are escaped HTML everywhere.
    if (format === 'json') {
      const [entry] = JSON.parse(text).items;
      expect(entry.title).toBe(hostile.title);
      expect(entry.content_html).toContain('Nord &#38; &#60;Süd&#62;');
      return;
    }
    expect(XMLValidator.validate(text)).toBe(true);
    const parsed = parser.parse(text);
    const entry = format === 'rss' ? parsed.rss.channel.item[0] : parsed.feed.entry[0];
    if (format === 'rss') expect(entry.title).toBe(hostile.title);
    else expect(entry.title['#text']).toBe('A&#38;B &#60;script&#62;alert(1)&#60;/script&#62; ]]&#62; &#34;q&#34;');
    const summary = format === 'rss' ? entry.description : entry.summary['#text'];
    expect(summary).toContain('Nord &#38; &#60;Süd&#62;');
    expect(summary).not.toContain('<Süd>');
  });

  it('depends on its input only: the same page renders the same bytes', () => {
    expect(renderFeed('atom', [item], ctx)).toBe(renderFeed('atom', [item], { ...ctx }));
  });
});

describe('GET /feeds/{feed}', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  const entry = toEntryItem(feedEntries(published).find((e) => e.dimension === 'all')!);
  const read = (feed: string, query?: Record<string, string>, headers?: Record<string, string>) =>
    getFeed(
      httpEvent({
        method: 'GET',
        path: `/feeds/${feed}`,
        routeKey: 'GET /feeds/{feed}',
        pathParameters: { feed },
        ...(query ? { query } : {}),
        headers: { 'x-forwarded-proto': 'https', ...headers },
      }),
      context,
    );
  const queries = () => ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);

  beforeEach(() => {
    ddb.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-20T08:00:00.000Z'));
    // The feed starts this month: an unfilled page reads one month bucket, not the query budget.
    vi.stubEnv('FEED_START_MONTH', '2026-06');
    ddb.on(QueryCommand).resolves({ Items: [{ summary: entry['summary'] }] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it.each([
    ['briefings.rss', 'application/rss+xml; charset=utf-8'],
    ['briefings.atom', 'application/atom+xml; charset=utf-8'],
    ['briefings.json', 'application/feed+json; charset=utf-8'],
  ])('%s: answers %s, public and cacheable, from the public feed', async (feed, type) => {
    // Act
    const res = await read(feed);
    // Assess
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({ 'content-type': type, 'cache-control': 'public, max-age=60', etag: expect.stringMatching(/^"[\w-]{22}"$/) });
    expect(res.body).toContain('https://localhost/briefings/b-1');
    expect(queries()).toEqual([
      expect.objectContaining({ ExpressionAttributeValues: { ':pk': 'FEED#all=*#2026-06' }, ProjectionExpression: '#summary' }),
    ]);
  });

  it('answers 304 with the ETag when If-None-Match names it', async () => {
    // Prepare
    const { headers } = await read('briefings.atom');
    // Act
    const res = await read('briefings.atom', undefined, { 'if-none-match': String(headers!['etag']) });
    // Assess
    expect(res.statusCode).toBe(304);
    expect(res.body).toBeUndefined();
    expect(res.headers!['etag']).toBe(headers!['etag']);
  });

  it('is the same document for a caller with a token: the token is not read', async () => {
    // Act
    const anonymous = await read('briefings.rss');
    const withToken = await read('briefings.rss', undefined, { authorization: 'Bearer not-even-a-jwt' });
    // Assess
    expect(withToken.statusCode).toBe(200);
    expect(withToken.body).toBe(anonymous.body);
  });

  it('queries the most selective filter, and its links carry the filters', async () => {
    // Act
    const res = await read('briefings.rss', { entity: 'acme', minGrade: 'B/C', limit: '5' });
    // Assess
    expect(queries()[0]).toMatchObject({ ExpressionAttributeValues: expect.objectContaining({ ':pk': 'FEED#entity=acme#all-time' }), Limit: 5 });
    const { rss } = parser.parse(res.body!);
    expect(rss.channel.link).toBe('https://localhost/briefings?entity=acme&minGrade=B%2FC&limit=5');
    expect(rss.channel.title).toBe('Signal Briefings: entity acme, grade B/C or better');
  });

  it('answers 404 problem+json for a feed it does not have, before reading anything', async () => {
    // Act
    const res = await read('briefings.xml');
    // Assess
    expect(res.statusCode).toBe(404);
    expect(res.headers!['content-type']).toBe('application/problem+json');
    expect(queries()).toEqual([]);
  });

  it.each([
    [{ minGrade: 'Z' }, 'query:minGrade'],
    [{ limit: '51' }, 'query:limit'],
    [{ cursor: 'abc' }, 'query:cursor'],
    [{ language: '12' }, 'query:language'],
  ])('refuses %j as GET /briefings does (400 %s)', async (query, pointer) => {
    // Act
    const res = await read('briefings.json', query);
    // Assess
    expect(res.statusCode).toBe(400);
    expect(parseBody(res).errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });

  it('refuses an entity readers do not know, as GET /briefings does', async () => {
    // Prepare
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(GetCommand, { Key: profileKey('nobody') }).resolves({});
    ddb
      .on(GetCommand, { Key: profileKey('acme') })
      .resolves({ Item: toProfileItem(entityProfile({ entityId: 'acme', name: 'Acme', publishedAt: NOW.toISOString() })) });
    // Act
    const unknown = await read('briefings.rss', { entity: 'nobody' });
    const empty = await read('briefings.rss', { entity: 'acme' });
    // Assess
    expect(unknown.statusCode).toBe(400);
    expect(empty.statusCode).toBe(200);
    expect(parser.parse(empty.body!).rss.channel.item).toBeUndefined();
  });
});
