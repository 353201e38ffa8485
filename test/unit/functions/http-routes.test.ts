import { DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { publish, rescore } from '#domain/briefing.ts';
import { feedEntries } from '#domain/feed.ts';
import { handler as notFound } from '#functions/api/route-not-found.ts';
import { handler as createBriefing } from '#functions/briefings/create-briefing.ts';
import { handler as getBriefing } from '#functions/briefings/get-briefing.ts';
import { handler as listBriefings } from '#functions/briefings/list-briefings.ts';
import { handler as publishBriefing } from '#functions/briefings/publish-briefing.ts';
import { toEntryItem } from '#functions/commons/table/feed.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { briefingInput, draft, NOW, source } from '#test/support/fixtures.ts';
import { claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';
import { eventsPut, partsPut, storeBriefing } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const scoredDraft = rescore(draft(), [source('direct', 1)], NOW).briefing;
const published = publish(scoredDraft, { by: 'editor-1', now: NOW });
const get = (id: string, extra: Partial<Parameters<typeof httpEvent>[0]> = {}) =>
  getBriefing(
    httpEvent({ method: 'GET', path: `/briefings/${id}`, routeKey: 'GET /briefings/{briefingId}', pathParameters: { briefingId: id }, ...extra }),
    context,
  );

// Each caller's entitlement record (agreeing with their token) is read before the test, so the mocks below are the handler's own.
beforeEach(() => primeEntitlements(ddb, [claimsFor('a-1', ['analysts']), claimsFor('e-1', ['editors'])]));

describe('POST /briefings', () => {
  it('creates a draft for an analyst, in parts with its first snapshot, and reports what it still lacks', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const res = await createBriefing(
      httpEvent({ method: 'POST', path: '/briefings', body: briefingInput(), claims: claimsFor('a-1', ['analysts']) }),
      context,
    );

    expect(res.statusCode).toBe(201);
    const body = parseBody(res);
    expect(body).toMatchObject({
      status: 'draft',
      language: 'en',
      availableLanguages: ['en'],
      completeness: { complete: false, problems: ['no sources yet'] },
    });
    expect(res.headers!['location']).toBe(`/briefings/${body.briefingId}`);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Put).toMatchObject({ ConditionExpression: 'attribute_not_exists(pk)', Item: { sk: 'P', version: 1 } });
    expect(partsPut(items)).toEqual(['P', 'P#en', 'M', 'M#en', 'L', 'V#000000001']);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('stores translations as their own parts and refuses one in the original language, naming it', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const zh = { ...briefingInput().sections, headline: 'Acme 暂停北部光纤建设' };
    const create = (translations: unknown) =>
      createBriefing(
        httpEvent({ method: 'POST', path: '/briefings', body: { ...briefingInput(), translations }, claims: claimsFor('a-1', ['analysts']) }),
        context,
      );

    const res = await create({ zh });
    expect(res.statusCode).toBe(201);
    expect(parseBody(res).availableLanguages).toEqual(['en', 'zh']);
    expect(partsPut(ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!)).toEqual([
      'P',
      'P#en',
      'P#zh',
      'M',
      'M#en',
      'M#zh',
      'L',
      'V#000000001',
    ]);

    const refused = await create({ en: zh });
    expect(refused.statusCode).toBe(400);
    expect(parseBody(refused).errors).toEqual([expect.objectContaining({ pointer: '#/translations/en' })]);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('refuses fields a client must not set (status, score, publishedAt) with their paths', async () => {
    const res = await createBriefing(
      httpEvent({
        method: 'POST',
        path: '/briefings',
        body: { ...briefingInput(), status: 'published', confidence: { score: 1 } },
        claims: claimsFor('a-1', ['analysts']),
      }),
      context,
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(parseBody(res).errors)).toMatch(/status.*confidence|confidence.*status/);
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('POST /briefings/{briefingId}/publish', () => {
  const post = (claims = claimsFor('e-1', ['editors'])) =>
    publishBriefing(httpEvent({ method: 'POST', path: '/briefings/b-1/publish', pathParameters: { briefingId: 'b-1' }, claims }), context);

  it('publishes a complete draft and writes Briefing Published with it, rewriting no section', async () => {
    storeBriefing(ddb, scoredDraft, [source('direct', 1)]);
    ddb.on(TransactWriteCommand).resolves({});

    const res = await post();

    expect(res.statusCode).toBe(200);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(eventsPut(items)).toEqual([
      expect.objectContaining({ detailType: 'Briefing Published', detail: expect.objectContaining({ briefingId: 'b-1', publishedBy: 'e-1' }) }),
    ]);
    // The head (status, version), the staff part (who published) and the snapshot: the member part is not rewritten.
    expect(partsPut(items)).toEqual(['P', 'L', `V#${String(scoredDraft.version + 1).padStart(9, '0')}`]);
  });

  it('answers 422 with the problems for an incomplete draft, each named by field, writing nothing', async () => {
    storeBriefing(
      ddb,
      draft({ sections: { ...draft().sections, operatingSurface: { ...draft().sections.operatingSurface, marketExposure: 'TBD' } } }),
    );
    const res = await post();
    expect(res.statusCode).toBe(422);
    expect(parseBody(res).problems).toEqual(['#/sections/operatingSurface/marketExposure: is a placeholder', 'no sources yet']);
    expect(parseBody(res).issues).toEqual([
      { pointer: '#/sections/operatingSurface/marketExposure', code: 'placeholder', detail: 'is a placeholder' },
      { pointer: '#/sources', code: 'no-sources', detail: 'no sources yet' },
    ]);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 409 when already published and 404 when missing; analysts may not publish', async () => {
    storeBriefing(ddb, published);
    expect((await post()).statusCode).toBe(409);
    storeBriefing(ddb, undefined);
    expect((await post()).statusCode).toBe(404);
    expect((await post(claimsFor('a-1', ['analysts']))).statusCode).toBe(403);
  });
});

describe('GET /briefings/{briefingId}', () => {
  it('serves a published briefing to anonymous readers with public caching and locked sections', async () => {
    storeBriefing(ddb, published);

    const res = await get('b-1');

    expect(res.statusCode).toBe(200);
    expect(res.headers!['cache-control']).toBe('public, max-age=60');
    expect(res.body).not.toMatch(/CANARY/);
    // One request, eventually consistent, of the public parts only.
    expect(ddb.calls()).toHaveLength(1);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': 'BRIEFING#b-1', ':p': 'P' },
      ConsistentRead: false,
    });
  });

  it('hides drafts from readers (404) but shows them to staff', async () => {
    storeBriefing(ddb, scoredDraft);
    // The route has no authorizer; claims reach this handler only through a verified token, so use the staff path via claims.
    expect((await get('b-1')).statusCode).toBe(404);
    const staff = await get('b-1', { claims: claimsFor('a-1', ['analysts']) });
    expect(staff.statusCode).toBe(200);
    expect(staff.body).toMatch(/CANARY-LEADERSHIP/);
  });

  it('answers 401 to a malformed Authorization header instead of serving the public view', async () => {
    const res = await get('b-1', { headers: { authorization: 'Token abc' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers!['www-authenticate']).toBe('Bearer');
  });
});

describe('GET /briefings', () => {
  const list = (query: Record<string, string>) => listBriefings(httpEvent({ method: 'GET', path: '/briefings', query }), context);

  it('queries the published feed newest first and returns an opaque cursor', async () => {
    const entry = toEntryItem(feedEntries(published).find((e) => e.dimension === 'all')!);
    ddb.on(QueryCommand).resolves({ Items: [entry], LastEvaluatedKey: { pk: entry['pk'], sk: entry['sk'] } });

    const res = await list({ limit: '1' });

    const body = parseBody(res);
    expect(body.items).toEqual([expect.objectContaining({ briefingId: 'b-1', grade: 'B/C' })]);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({ KeyConditionExpression: 'pk = :pk', ScanIndexForward: false, Limit: 1 });
    const next = await list({ cursor: body.nextCursor });
    expect(next.statusCode).toBe(200);
    expect(ddb.commandCalls(QueryCommand)[1]!.args[0].input.ExclusiveStartKey).toMatchObject({ sk: entry['sk'] });
  });

  it.each([
    [{ limit: '500' }, 'query:limit'],
    [{ limit: 'ten' }, 'query:limit'],
    [{ cursor: 'not-a-cursor' }, 'query:cursor'],
    [{ cursor: Buffer.from(JSON.stringify({ pk: 'USER#x', sk: 'ENTITLEMENT', gsi1pk: 'x', gsi1sk: 'y' })).toString('base64url') }, 'query:cursor'],
    [{ color: 'red' }, 'query:color'],
    [JSON.parse('{"__proto__":"1"}') as Record<string, string>, 'query:__proto__'],
    [{ constructor: '1' }, 'query:constructor'],
  ])('refuses %j naming the parameter', async (query, pointer) => {
    const res = await list(query);
    expect(res.statusCode).toBe(400);
    expect(parseBody(res).errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });
});

describe('unmatched requests', () => {
  it('answer 405 with Allow on a known path and 404 elsewhere', async () => {
    const wrongMethod = await notFound(httpEvent({ method: 'DELETE', path: '/briefings/b-1', routeKey: '$default' }), context);
    const unknown = await notFound(httpEvent({ method: 'GET', path: '/nowhere', routeKey: '$default' }), context);
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers!['allow']).toBe('GET, PATCH');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers!['content-type']).toBe('application/problem+json');
  });
});
