import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SOURCE_ENTITY, sourceKey } from '#functions/commons/table/keys.ts';
import { handler } from '#functions/sources/ingest-source.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { source } from '#test/support/fixtures.ts';
import { claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const analyst = claimsFor('analyst-1', ['analysts']);
const body = {
  briefingId: 'b-1',
  url: 'https://Example.com/story/?utm_source=x',
  publisher: 'Example',
  kind: 'reporting',
  title: 'Story',
  excerpt: 'Acme paused its northern fibre build.',
};
const post = (b: unknown, claims: Record<string, string> | null = analyst) =>
  handler(httpEvent({ method: 'POST', path: '/sources', body: b, ...(claims ? { claims } : {}) }), context);

const cancelled = (codes: string[]) =>
  new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

// Each caller's entitlement record (agreeing with their token) is read before the test, so the mocks below are the handler's own.
beforeEach(() => primeEntitlements(ddb, [analyst, claimsFor('m-1', ['leadership-alliance']), claimsFor('e-1', ['editors'])]));

describe('POST /sources', () => {
  it('stores the source and its Source Ingested event in one transaction', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    const res = await post(body);

    expect(res.statusCode).toBe(201);
    expect(parseBody(res)).toMatchObject({ briefingId: 'b-1', canonicalUrl: 'https://example.com/story', ingestedBy: 'analyst-1' });
    expect(res.headers!['etag']).toBe('"source-v1"');
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.map((i) => Object.keys(i)[0])).toEqual(['ConditionCheck', 'Put', 'Put']);
    expect(items[2]!.Put!.Item).toMatchObject({ entity: 'outbox', detailType: 'Source Ingested', detail: { briefingId: 'b-1', kind: 'reporting' } });
  });

  it('carries the request correlation id into the outbox record and echoes it', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    const res = await handler(
      httpEvent({ method: 'POST', path: '/sources', body, claims: analyst, headers: { 'x-correlation-id': 'corr-42' } }),
      context,
    );
    const fallback = await post({ ...body, url: 'https://example.com/other' });

    expect(res.headers!['x-correlation-id']).toBe('corr-42');
    const [first, second] = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems![2]!.Put!.Item!);
    expect(first).toMatchObject({ correlationId: 'corr-42' });
    expect(second).toMatchObject({ correlationId: 'r-1' }); // API Gateway's request id when the client sends none
    expect(fallback.headers!['x-correlation-id']).toBe('r-1');
  });

  it('refuses a duplicate canonical URL with 409, naming the stored source', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed', 'None']));
    // The stored source with that canonical URL, as the table holds it.
    ddb.on(GetCommand).resolves({ Item: { ...sourceKey('b-1', 'x'), entity: SOURCE_ENTITY, ...source('direct', 1) } });

    const res = await post(body);

    expect(res.statusCode).toBe(409);
    expect(res.headers!['content-type']).toBe('application/problem+json');
    expect(parseBody(res)).toMatchObject({ status: 409, canonicalUrl: 'https://example.com/story', sourceId: expect.any(String) });
  });

  it('answers 400 at #/briefingId when the briefing does not exist', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None', 'None']));

    const res = await post(body);

    expect(res.statusCode).toBe(400);
    expect(parseBody(res).errors).toEqual([{ pointer: '#/briefingId', detail: 'no briefing b-1' }]);
  });

  it('validates with field paths and writes nothing', async () => {
    const res = await post({ ...body, kind: 'rumour', url: 'nope', status: 'published' });

    expect(res.statusCode).toBe(400);
    const pointers = parseBody(res).errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['#/kind', '#/url', '#/status']));
    expect(ddb.calls()).toHaveLength(0);
  });

  it.each([
    ['an unknown kind', { kind: 'rumour' }, ['#/kind']],
    ['a future publication date', { publishedAt: '2999-01-01T00:00:00Z' }, ['#/publishedAt']],
    ['a future retrieval date', { retrievedAt: '2999-01-01T00:00:00Z' }, ['#/retrievedAt']],
    ['a retrieval before publication', { publishedAt: '2026-06-10T00:00:00Z', retrievedAt: '2026-06-01T00:00:00Z' }, ['#/retrievedAt']],
    ['a malformed URL', { url: 'https://' }, ['#/url']],
    ['empty text', { excerpt: undefined, text: '  ' }, ['#/text']],
    ['no text and no excerpt', { excerpt: undefined }, ['#/text']],
    ['a reliability override without a reason', { reliability: { grade: 'A' } }, ['#/reliability/reason']],
    ['a credibility outside 1-6', { credibility: 0 }, ['#/credibility']],
  ])('refuses %s with 400 at its field path and writes nothing', async (_, change, pointers) => {
    const res = await post({ ...body, ...change });

    expect(res.statusCode).toBe(400);
    expect(parseBody(res).errors.map((e: { pointer: string }) => e.pointer)).toEqual(pointers);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('stores the fingerprint of the text but not the text, and the analyst ratings', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const text = 'Acme Networks said on Monday it will pause construction of its northern fibre route for two quarters.';

    const res = await post({ ...body, text, reliability: { grade: 'A', reason: 'company filing' }, credibility: 2 });

    expect(res.statusCode).toBe(201);
    const item = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![1]!.Put!.Item!;
    expect(item).toMatchObject({
      fingerprint: { shingles: expect.any(Number), sketch: expect.any(String) },
      reliability: { grade: 'A' },
      credibility: 2,
    });
    expect(item).not.toHaveProperty('text');
  });

  it.each([
    ['a member', claimsFor('m-1', ['leadership-alliance']), 403],
    ['an editor', claimsFor('e-1', ['editors']), 403],
    ['nobody', null, 401],
  ])('refuses %s', async (_, claims, status) => {
    const res = await post(body, claims);
    expect(res.statusCode).toBe(status);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('refuses an oversized body with 413 and malformed JSON with 400', async () => {
    const big = await handler(httpEvent({ method: 'POST', path: '/sources', rawBody: 'x'.repeat(70_000), claims: analyst }), context);
    const broken = await handler(httpEvent({ method: 'POST', path: '/sources', rawBody: '{"url":', claims: analyst }), context);
    expect([big.statusCode, broken.statusCode]).toEqual([413, 400]);
  });

  it('hides internals behind a 500', async () => {
    ddb.on(TransactWriteCommand).rejects(new Error('secret table arn:aws:dynamodb:...'));
    const res = await post(body);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toMatch(/secret|arn/);
  });
});
