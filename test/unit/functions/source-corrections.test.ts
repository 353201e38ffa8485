/**
 * Spec: PATCH and DELETE /briefings/{briefingId}/sources/{sourceId} correct or
 * withdraw a stored source conditional on its version, writing the change and
 * its Source Updated event in one transaction; POST of a withdrawn URL says how
 * to restore it; score-briefing re-scores on Source Updated.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { rescore } from '#domain/briefing.ts';
import { type Source, withdrawSource } from '#domain/source.ts';
import { SourceUpdated } from '#events/index.ts';
import type { HttpEvent, Result } from '#functions/commons/http.ts';
import { handler as score } from '#functions/pipeline/score-briefing.ts';
import { handler as correct } from '#functions/sources/correct-source.ts';
import { handler as read } from '#functions/sources/get-source.ts';
import { handler as ingest } from '#functions/sources/ingest-source.ts';
import { handler as withdraw } from '#functions/sources/withdraw-source.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { busEvent, claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';
import { announcedScore, eventsPut, storeBriefing } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const analyst = claimsFor('analyst-1', ['analysts']);
const editor = claimsFor('editor-1', ['editors']);
const member = claimsFor('m-1', ['leadership-alliance']);
const stored = source('direct', 1);
const path = `/briefings/b-1/sources/${stored.sourceId}`;

function call(
  fn: (event: HttpEvent, ctx: typeof context) => Promise<Result>,
  method: 'PATCH' | 'DELETE',
  body: unknown,
  opts: { claims?: Record<string, string> | null; ifMatch?: string; sourceId?: string } = {},
) {
  const claims = opts.claims === undefined ? analyst : opts.claims;
  return fn(
    httpEvent({
      method,
      path,
      routeKey: `${method} /briefings/{briefingId}/sources/{sourceId}`,
      pathParameters: { briefingId: 'b-1', sourceId: opts.sourceId ?? stored.sourceId },
      body,
      headers: opts.ifMatch === undefined ? { 'if-match': '"source-v1"' } : opts.ifMatch === '' ? {} : { 'if-match': opts.ifMatch },
      ...(claims ? { claims } : {}),
    }),
    context,
  );
}
const patch = (body: unknown, opts?: Parameters<typeof call>[3]) => call(correct, 'PATCH', body, opts);
const del = (body: unknown, opts?: Parameters<typeof call>[3]) => call(withdraw, 'DELETE', body, opts);
const storeSource = (s: Source | undefined) =>
  ddb.on(GetCommand).resolves(s ? { Item: { pk: 'BRIEFING#b-1', sk: `SOURCE#${s.sourceId}`, entity: 'source', ...s } } : {});
const cancelled = (codes: string[]) =>
  new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });
const written = () => ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;

beforeEach(() => primeEntitlements(ddb, [analyst, editor, member]));

describe('PATCH /briefings/{briefingId}/sources/{sourceId}', () => {
  it('writes the corrected source, conditional on its version, and Source Updated in one transaction', async () => {
    storeSource(stored);
    ddb.on(TransactWriteCommand).resolves({});

    const res = await patch({ kind: 'reporting', reason: 'a news report, not a filing' });

    expect(res.statusCode).toBe(200);
    expect(res.headers!['etag']).toBe('"source-v2"');
    expect(parseBody(res)).toMatchObject({ kind: 'reporting', version: 2, history: [{ action: 'corrected', by: 'analyst-1' }] });
    const items = written();
    expect(items).toHaveLength(2);
    expect(items[0]!.Put).toMatchObject({
      Item: { pk: 'BRIEFING#b-1', sk: `SOURCE#${stored.sourceId}`, kind: 'reporting', version: 2 },
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(version) OR version = :v)',
      ExpressionAttributeValues: { ':v': 1 },
    });
    expect(eventsPut(items)[0]).toMatchObject({
      detailType: 'Source Updated',
      detail: { schemaVersion: 1, briefingId: 'b-1', sourceId: stored.sourceId, change: 'corrected', sourceVersion: 2 },
    });
    expect(SourceUpdated.detail.safeParse(eventsPut(items)[0]!['detail']).success).toBe(true);
  });

  it('lets an editor mark a source retracted by its publisher', async () => {
    storeSource(stored);
    ddb.on(TransactWriteCommand).resolves({});

    const res = await patch({ state: 'retracted-by-publisher', reason: 'the outlet pulled it' }, { claims: editor });

    expect(res.statusCode).toBe(200);
    expect(parseBody(res).state).toMatchObject({ status: 'retracted-by-publisher', by: 'editor-1' });
    expect(eventsPut(written())[0]!['detail']).toMatchObject({ change: 'retracted-by-publisher' });
  });

  it('writes nothing for a correction that changes nothing', async () => {
    storeSource(stored);

    const res = await patch({ kind: 'direct', reason: 'checked' });

    expect(res.statusCode).toBe(200);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it.each([
    ['no reason', { kind: 'reporting' }, ['#/reason']],
    ['a URL', { url: 'https://example.com/x', reason: 'wrong link' }, ['#/url']],
    ['an unknown kind', { kind: 'rumour', reason: 'x' }, ['#/kind']],
    ['a reliability without its reason', { reliability: { grade: 'A' }, reason: 'x' }, ['#/reliability/reason']],
    ['a future publication date', { publishedAt: '2999-01-01T00:00:00Z', reason: 'x' }, ['#/publishedAt']],
  ])('refuses %s with problem+json at its field path and writes nothing', async (_, body, pointers) => {
    storeSource(stored);

    const res = await patch(body);

    expect(res.statusCode).toBe(400);
    expect(res.headers!['content-type']).toBe('application/problem+json');
    expect(parseBody(res).errors.map((e: { pointer: string }) => e.pointer)).toEqual(pointers);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 428 without If-Match, 412 for a stale one, 404 for an unknown source', async () => {
    storeSource(stored);
    expect((await patch({ kind: 'reporting', reason: 'x' }, { ifMatch: '' })).statusCode).toBe(428);
    expect((await patch({ kind: 'reporting', reason: 'x' }, { ifMatch: '"v1-staff"' })).statusCode).toBe(412);
    ddb.on(GetCommand).resolves({});
    expect((await patch({ kind: 'reporting', reason: 'x' })).statusCode).toBe(404);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 412 when the source changed while the correction was saved', async () => {
    storeSource(stored);
    ddb.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None']));

    const res = await patch({ kind: 'reporting', reason: 'x' });

    expect(res.statusCode).toBe(412);
  });

  it('refuses to correct a withdrawn source with 409 until it is restored', async () => {
    storeSource(withdrawSource(stored, { reason: 'x' }, { by: 'analyst-1', now: NOW }));

    const res = await patch({ kind: 'reporting', reason: 'x' }, { ifMatch: '"source-v2"' });

    expect(res.statusCode).toBe(409);
    expect(parseBody(res).detail).toMatch(/restore it/);
  });

  it.each([
    ['a member', member, 403],
    ['nobody', null, 401],
  ])('refuses %s', async (_, claims, status) => {
    const res = await patch({ kind: 'reporting', reason: 'x' }, { claims });
    expect(res.statusCode).toBe(status);
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('DELETE /briefings/{briefingId}/sources/{sourceId}', () => {
  it('withdraws (keeps) the source with who, when and why, and announces it', async () => {
    storeSource(stored);
    ddb.on(TransactWriteCommand).resolves({});

    const res = await del({ reason: 'entered as direct by mistake' });

    expect(res.statusCode).toBe(200);
    expect(parseBody(res)).toMatchObject({
      sourceId: stored.sourceId,
      state: { status: 'withdrawn', by: 'analyst-1', reason: 'entered as direct by mistake' },
      history: [{ action: 'withdrawn', by: 'analyst-1' }],
    });
    const items = written();
    expect(items[0]!.Put!.Item).toMatchObject({ url: stored.url, state: { status: 'withdrawn' }, version: 2 });
    expect(items.some((i) => 'Delete' in i)).toBe(false);
    expect(eventsPut(items)[0]!['detail']).toMatchObject({ change: 'withdrawn', sourceVersion: 2 });
  });

  it('refuses a withdrawal without a reason (400), a second one (409), and a member (403)', async () => {
    storeSource(stored);
    expect(parseBody(await del(undefined)).errors).toEqual([expect.objectContaining({ pointer: '#/' })]);
    expect((await del({ reason: ' ' })).statusCode).toBe(400);
    expect((await del({ reason: 'x' }, { claims: member })).statusCode).toBe(403);
    storeSource(withdrawSource(stored, { reason: 'x' }, { by: 'analyst-1', now: NOW }));
    expect((await del({ reason: 'again' }, { ifMatch: '"source-v2"' })).statusCode).toBe(409);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

describe('GET /briefings/{briefingId}/sources/{sourceId}', () => {
  const get = (claims: Record<string, string>) =>
    read(
      httpEvent({
        method: 'GET',
        path,
        routeKey: 'GET /briefings/{briefingId}/sources/{sourceId}',
        pathParameters: { briefingId: 'b-1', sourceId: stored.sourceId },
        claims,
      }),
      context,
    );

  it('gives staff the source with its state, history and ETag; members 403; an unknown source 404', async () => {
    storeSource(withdrawSource(stored, { reason: 'wrong kind' }, { by: 'analyst-1', now: NOW }));

    const res = await get(editor);

    expect(res.statusCode).toBe(200);
    expect(res.headers!['etag']).toBe('"source-v2"');
    expect(parseBody(res)).toMatchObject({ state: { status: 'withdrawn', reason: 'wrong kind' }, history: [{ action: 'withdrawn' }] });
    expect(ddb.commandCalls(GetCommand)[0]!.args[0].input).toMatchObject({
      Key: { pk: 'BRIEFING#b-1', sk: `SOURCE#${stored.sourceId}` },
      ConsistentRead: true,
    });
    expect((await get(member)).statusCode).toBe(403);
    storeSource(undefined);
    expect((await get(analyst)).statusCode).toBe(404);
  });
});

describe('POST /sources of a withdrawn URL', () => {
  const body = { briefingId: 'b-1', url: stored.url, publisher: 'Outlet 1', kind: 'direct', title: 'Story 1', excerpt: 'Acme paused its build.' };
  const post = () => ingest(httpEvent({ method: 'POST', path: '/sources', body, claims: analyst }), context);

  it('answers 409 naming the withdrawal and how to restore the source', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed', 'None']));
    const withdrawn = withdrawSource(stored, { reason: 'wrong kind' }, { by: 'analyst-9', now: NOW });
    storeSource(withdrawn);

    const res = await post();

    expect(res.statusCode).toBe(409);
    expect(res.headers!['content-type']).toBe('application/problem+json');
    expect(parseBody(res)).toMatchObject({
      detail: expect.stringMatching(/was withdrawn \(by analyst-9 .*PATCH \/briefings\/b-1\/sources\/.*"state":"active"/),
      sourceId: stored.sourceId,
      state: { status: 'withdrawn', by: 'analyst-9', reason: 'wrong kind' },
      restore: { method: 'PATCH', href: path, ifMatch: '"source-v2"', body: { state: 'active' } },
    });
  });
});

describe('score-briefing (on Source Updated)', () => {
  it('re-scores without the withdrawn source and announces the lower score', async () => {
    const kept = source('reporting', 2);
    const before = rescore(draft(), [stored, kept], NOW).briefing;
    storeBriefing(ddb, before, [withdrawSource(stored, { reason: 'x' }, { by: 'analyst-1', now: NOW }), kept]);
    ddb.on(PutCommand).resolves({});

    await score(busEvent(SourceUpdated.detailType, { ...SourceUpdated.example, briefingId: 'b-1', change: 'withdrawn' }), context);

    const scored = announcedScore(ddb) as { previous: { score: number }; current: { score: number } };
    expect(scored.current.score).toBeLessThan(scored.previous.score);
  });

  it('rejects a Source Updated that breaks its contract, and an event of a type it does not take', async () => {
    await expect(score(busEvent(SourceUpdated.detailType, { briefingId: 'b-1' }), context)).rejects.toThrow(/invalid Source Updated/);
    await expect(score(busEvent('Briefing Scored', { ...SourceUpdated.example }), context)).rejects.toThrow(/unexpected Briefing Scored/);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
