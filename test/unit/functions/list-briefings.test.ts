import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publish, rescore } from '#domain/briefing.ts';
import { FEED_QUERY_BUDGET, feedEntries } from '#domain/feed.ts';
import { handler as listBriefings } from '#functions/briefings/list-briefings.ts';
import { toProfileItem } from '#functions/commons/table/entities.ts';
import { toEntryItem } from '#functions/commons/table/feed.ts';
import { profileKey } from '#functions/commons/table/keys.ts';
import { draft, entityProfile, NOW, source } from '#test/support/fixtures.ts';
import { context, httpEvent, parseBody } from '#test/support/lambda.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const published = publish(rescore(draft(), [source('direct', 1)], NOW).briefing, { by: 'editor-1', now: NOW });
const allEntry = toEntryItem(feedEntries(published).find((e) => e.dimension === 'all')!);
const list = (query: Record<string, string> = {}) => listBriefings(httpEvent({ method: 'GET', path: '/briefings', query }), context);
const queries = () => ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);
/** The entity has a public profile (a published briefing named it). */
const knownEntity = (entityId: string) =>
  ddb
    .on(GetCommand, { Key: profileKey(entityId) })
    .resolves({ Item: toProfileItem(entityProfile({ entityId, name: entityId, publishedAt: NOW.toISOString() })) });
const pointers = (res: Awaited<ReturnType<typeof list>>) => parseBody(res).errors.map((e: { pointer: string }) => e.pointer);

beforeEach(() => {
  ddb.reset();
  // The clock only picks the month bucket a first page starts from.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-20T08:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('GET /briefings without filters', () => {
  it('reads the current month of the `all` feed, newest first, summaries only, and is cacheable', async () => {
    // Prepare
    ddb.on(QueryCommand).resolves({ Items: [{ summary: allEntry['summary'] }], LastEvaluatedKey: { pk: 'FEED#all=*#2026-06', sk: allEntry['sk'] } });

    // Act
    const res = await list({ limit: '1' });

    // Assess
    expect(res.statusCode).toBe(200);
    expect(res.headers!['cache-control']).toBe('public, max-age=30');
    expect(parseBody(res).items).toEqual([expect.objectContaining({ briefingId: 'b-1', grade: 'B/C' })]);
    expect(queries()).toEqual([
      expect.objectContaining({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'FEED#all=*#2026-06' },
        ProjectionExpression: '#summary',
        ScanIndexForward: false,
        Limit: 1,
      }),
    ]);
    expect(queries()[0]).not.toHaveProperty('IndexName');
    expect(queries()[0]).not.toHaveProperty('FilterExpression');
  });

  it('continues from the cursor where the last page stopped, with the key rebuilt from the verified cursor', async () => {
    // Prepare
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ summary: allEntry['summary'] }], LastEvaluatedKey: { pk: 'FEED#all=*#2026-06', sk: allEntry['sk'] } });
    const first = parseBody(await list({ limit: '1' }));
    ddb.on(QueryCommand).resolves({ Items: [] });

    // Act
    const res = await list({ limit: '1', cursor: first.nextCursor });

    // Assess
    expect(res.statusCode).toBe(200);
    expect(queries()[1]).toMatchObject({ ExclusiveStartKey: { pk: 'FEED#all=*#2026-06', sk: allEntry['sk'] } });
  });

  it('walks back month by month until the page is full', async () => {
    // Prepare
    const summary = allEntry['summary'];
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ summary }] })
      .resolvesOnce({ Items: [] })
      .resolvesOnce({ Items: [{ summary }, { summary }], LastEvaluatedKey: { pk: 'FEED#all=*#2026-04', sk: 'x' } });

    // Act
    const body = parseBody(await list({ limit: '3' }));

    // Assess
    expect(body.items).toHaveLength(3);
    expect(queries().map((q) => [q.ExpressionAttributeValues![':pk'], q.Limit])).toEqual([
      ['FEED#all=*#2026-06', 3],
      ['FEED#all=*#2026-05', 2],
      ['FEED#all=*#2026-04', 2],
    ]);
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it('stops at the query budget with a short page and a cursor that goes on from there, to the first month of the feed', async () => {
    // Prepare
    ddb.on(QueryCommand).resolves({ Items: [] });

    // Act
    const first = parseBody(await list());
    const second = parseBody(await list({ cursor: first.nextCursor }));

    // Assess: 2026-06 back to 2025-07 on the first request, then 2025-06 to the feed's first month, 2025-01.
    expect(first).toEqual({ items: [], nextCursor: expect.any(String) });
    expect(queries()).toHaveLength(FEED_QUERY_BUDGET + 6);
    expect(queries()[FEED_QUERY_BUDGET - 1]!.ExpressionAttributeValues![':pk']).toBe('FEED#all=*#2025-07');
    expect(queries()[FEED_QUERY_BUDGET]!.ExpressionAttributeValues![':pk']).toBe('FEED#all=*#2025-06');
    expect(second).toEqual({ items: [] });
  });

  it('ends (no cursor) once the walk passes the first month of the feed', async () => {
    // Prepare
    vi.setSystemTime(new Date('2025-02-10T00:00:00.000Z'));
    ddb.on(QueryCommand).resolves({ Items: [] });

    // Act
    const body = parseBody(await list());

    // Assess
    expect(queries().map((q) => q.ExpressionAttributeValues![':pk'])).toEqual(['FEED#all=*#2025-02', 'FEED#all=*#2025-01']);
    expect(body).toEqual({ items: [] });
  });

  it("stops at the deployment's launch month when it names one (FEED_START_MONTH): a young feed's page is one Query", async () => {
    // Prepare: launched this month, with fewer briefings than a page
    vi.stubEnv('FEED_START_MONTH', '2026-06');
    ddb.on(QueryCommand).resolves({ Items: [] });

    // Act
    const body = parseBody(await list());

    // Assess
    expect(queries().map((q) => q.ExpressionAttributeValues![':pk'])).toEqual(['FEED#all=*#2026-06']);
    expect(body).toEqual({ items: [] });
  });

  it('refuses a launch month that is not a month, rather than walking an unbounded feed', async () => {
    vi.stubEnv('FEED_START_MONTH', 'June');
    const res = await list();
    expect(res.statusCode).toBe(500);
    expect(queries()).toEqual([]);
  });
});

describe('GET /briefings with filters', () => {
  it('queries the most selective filter and leaves the others to a FilterExpression', async () => {
    // Prepare
    ddb.on(QueryCommand).resolves({ Items: [] });
    knownEntity('acme');

    // Act
    const res = await list({
      entity: 'acme',
      region: ' EUROPE ',
      signalType: 'Operational dependency',
      language: 'zh-Hans',
      minGrade: 'A/B',
      limit: '5',
    });

    // Assess
    expect(res.statusCode).toBe(200);
    const q = queries()[0]!;
    expect(q.ExpressionAttributeValues).toMatchObject({
      ':pk': 'FEED#entity=acme#all-time',
      ':region': 'europe',
      ':type': 'operational dependency',
      ':lang': 'zh',
      ':grade': 3,
    });
    expect(q.FilterExpression).toBe('#region = :region AND #type = :type AND contains(#langs, :lang) AND #grade >= :grade');
    expect(q.ExpressionAttributeNames).toMatchObject({
      '#region': 'fRegion',
      '#type': 'fType',
      '#langs': 'fLangs',
      '#grade': 'gradeRank',
      '#summary': 'summary',
      '#heads': 'fHeads',
    });
    expect(q.ProjectionExpression).toBe('#summary, #heads');
  });

  it("answers a language filter on another dimension with each translated briefing's headline in that language", async () => {
    // Prepare
    knownEntity('acme');
    const zh = { ...draft().sections, headline: 'Acme 暂停北部光纤建设' };
    const translated = publish(rescore(draft({ translations: { 'zh-Hans': zh } }), [source('direct', 1)], NOW).briefing, { by: 'e', now: NOW });
    const entityItem = toEntryItem(feedEntries(translated).find((e) => e.dimension === 'entity')!);
    ddb.on(QueryCommand).resolves({ Items: [{ summary: entityItem['summary'], fHeads: entityItem['fHeads'] }] });

    // Act
    const inChinese = parseBody(await list({ entity: 'acme', language: 'zh-CN' })).items;
    const inEnglish = parseBody(await list({ entity: 'acme', language: 'en' })).items;
    const unfiltered = parseBody(await list({ entity: 'acme' })).items;

    // Assess
    expect(inChinese).toEqual([expect.objectContaining({ headline: 'Acme 暂停北部光纤建设', language: 'zh-Hans', originalLanguage: 'en' })]);
    expect(inEnglish).toEqual([expect.objectContaining({ headline: draft().sections.headline, language: 'en' })]);
    expect(inEnglish[0]).not.toHaveProperty('originalLanguage');
    expect(unfiltered[0].headline).toBe(draft().sections.headline);
    expect(queries().map((q) => q.ProjectionExpression)).toEqual(['#summary, #heads', '#summary, #heads', '#summary']);
  });

  it('reads an entity in one Query: its entries are not bucketed by month, so there is nothing to walk back through', async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ summary: allEntry['summary'] }] });
    const res = await list({ entity: 'acme' });
    expect(parseBody(res).items).toHaveLength(1);
    expect(queries().map((q) => q.ExpressionAttributeValues?.[':pk'])).toEqual(['FEED#entity=acme#all-time']);
    expect(ddb.commandCalls(GetCommand)).toEqual([]);
  });

  it('answers an empty page for a known entity without briefings, and 400 naming the parameter for an unknown one', async () => {
    // Prepare: acme has a profile, nope has none; neither has feed entries
    ddb.on(QueryCommand).resolves({ Items: [] });
    knownEntity('acme');
    ddb.on(GetCommand, { Key: profileKey('nope') }).resolves({});
    // Act
    const known = await list({ entity: 'acme' });
    const unknown = await list({ entity: 'nope' });
    // Assess
    expect(known.statusCode).toBe(200);
    expect(parseBody(known)).toEqual({ items: [] });
    expect(unknown.statusCode).toBe(400);
    expect(pointers(unknown)).toEqual(['query:entity']);
  });

  it('answers for an entity only a draft names exactly as for one nobody named (issue 16)', async () => {
    // Prepare: a draft named `secret-target`, so it has a profile, but no published briefing names it
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(GetCommand, { Key: profileKey('secret-target') }).resolves({
      Item: toProfileItem(entityProfile({ entityId: 'secret-target', name: 'Secret Target', origin: 'briefing', publishedAt: undefined })),
    });
    ddb.on(GetCommand, { Key: profileKey('nobody-named') }).resolves({});
    // Act
    const drafted = await list({ entity: 'secret-target' });
    const unknown = await list({ entity: 'nobody-named' });
    // Assess
    expect(drafted.statusCode).toBe(400);
    expect(drafted.body!.replaceAll('secret-target', 'X')).toBe(unknown.body!.replaceAll('nobody-named', 'X'));
    expect(drafted.body).not.toMatch(/Secret Target/);
  });

  it('filters the `all` feed by grade alone', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    await list({ minGrade: 'D' });
    expect(queries()[0]).toMatchObject({
      FilterExpression: '#grade >= :grade',
      ExpressionAttributeValues: { ':pk': 'FEED#all=*#2026-06', ':grade': 0 },
    });
  });

  it('refuses a cursor issued for other filters, without touching the table', async () => {
    // Prepare
    ddb.on(QueryCommand).resolves({ Items: [{ summary: allEntry['summary'] }], LastEvaluatedKey: { pk: 'FEED#region=europe#2026-06', sk: 'x' } });
    const { nextCursor } = parseBody(await list({ region: 'Europe', limit: '1' }));
    ddb.resetHistory();

    // Act
    const foreign = await list({ region: 'Asia', cursor: nextCursor });
    const sameQuery = await list({ region: 'europe', limit: '1', cursor: nextCursor });

    // Assess
    expect(foreign.statusCode).toBe(400);
    expect(pointers(foreign)).toEqual(['query:cursor']);
    expect(parseBody(foreign).errors[0].detail).toMatch(/another query/);
    expect(sameQuery.statusCode).toBe(200);
    expect(queries()).toHaveLength(1);
  });

  it('refuses a tampered cursor without touching the table', async () => {
    // Prepare
    ddb.on(QueryCommand).resolves({ Items: [{ summary: allEntry['summary'] }], LastEvaluatedKey: { pk: 'FEED#all=*#2026-06', sk: 'x' } });
    const { nextCursor } = parseBody(await list({ limit: '1' }));
    const [, signature] = (nextCursor as string).split('.');
    const forged = Buffer.from(JSON.stringify({ v: 1, m: '2026-06', a: 'ENTITLEMENT', f: 'x' })).toString('base64url');
    ddb.resetHistory();

    // Act
    const res = await list({ cursor: `${forged}.${signature}` });

    // Assess
    expect(res.statusCode).toBe(400);
    expect(pointers(res)).toEqual(['query:cursor']);
    expect(queries()).toEqual([]);
  });

  it.each([
    [{ limit: '51' }, 'query:limit'],
    [{ limit: '0' }, 'query:limit'],
    [{ limit: 'ten' }, 'query:limit'],
    [{ minGrade: 'Z' }, 'query:minGrade'],
    [{ minGrade: 'a' }, 'query:minGrade'],
    [{ signalType: 'Weather' }, 'query:signalType'],
    [{ entity: 'Not A Slug' }, 'query:entity'],
    [{ language: 'english!' }, 'query:language'],
    [{ region: '   ' }, 'query:region'],
    [{ marketClass: 'x'.repeat(101) }, 'query:marketClass'],
    [{ cursor: 'not-a-cursor' }, 'query:cursor'],
    [{ cursor: Buffer.from(JSON.stringify({ pk: 'USER#x', sk: 'ENTITLEMENT' })).toString('base64url') }, 'query:cursor'],
    [{ color: 'red' }, 'query:color'],
    [JSON.parse('{"__proto__":"1"}') as Record<string, string>, 'query:__proto__'],
    [{ constructor: '1' }, 'query:constructor'],
  ])('refuses %j naming the parameter, without touching the table', async (query, pointer) => {
    const res = await list(query);
    expect(res.statusCode).toBe(400);
    expect(res.headers!['content-type']).toBe('application/problem+json');
    expect(pointers(res)).toContain(pointer);
    expect(queries()).toEqual([]);
  });

  it('accepts every grade, including those with a slash', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    for (const minGrade of ['D', 'C/D', 'B/C', 'A/B', 'A']) expect((await list({ minGrade })).statusCode).toBe(200);
  });
});
