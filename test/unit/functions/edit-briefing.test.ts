/** PATCH /briefings/{briefingId} (If-Match: 428, 412, 200) and ETags on GET /briefings/{briefingId} (304). */

import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { publish, rescore } from '#domain/briefing.ts';
import { handler as editBriefing } from '#functions/briefings/edit-briefing.ts';
import { handler as getBriefing } from '#functions/briefings/get-briefing.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { briefingRead, claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';
import { eventsPut, partsPut, putAt, storeBriefing } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const analyst = claimsFor('a-1', ['analysts']);
const member = claimsFor('m-1', ['strategy-circle']);
const sources = [source('direct', 1)];
const scoredDraft = rescore(draft(), sources, NOW).briefing;
const published = publish(scoredDraft, { by: 'editor-1', now: NOW });

const patch = (body: unknown, headers: Record<string, string> = {}, claims: Record<string, string> = analyst) =>
  editBriefing(
    httpEvent({
      method: 'PATCH',
      path: '/briefings/b-1',
      routeKey: 'PATCH /briefings/{briefingId}',
      pathParameters: { briefingId: 'b-1' },
      body,
      headers,
      claims,
    }),
    context,
  );
const get = (headers: Record<string, string> = {}, claims?: Record<string, string>) =>
  getBriefing(briefingRead({ headers, ...(claims ? { claims } : {}) }), context);
const stored = (b = published) => storeBriefing(ddb, b, sources);

beforeEach(() => primeEntitlements(ddb, [analyst, member, claimsFor('e-1', ['editors'])]));

describe('PATCH /briefings/{briefingId}', () => {
  it('answers 428 without If-Match (or with *), before reading anything', async () => {
    for (const headers of [{}, { 'if-match': '*' }] as Array<Record<string, string>>) {
      const res = await patch({ sections: { headline: 'A new headline' } }, headers);
      expect(res.statusCode).toBe(428);
      expect(res.headers!['content-type']).toBe('application/problem+json');
      expect(parseBody(res)).toMatchObject({ status: 428, title: 'Precondition Required' });
    }
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers 412 with a stale, weak or non-staff ETag, naming the current version, and writes nothing', async () => {
    stored();
    for (const tag of [`"v${published.version - 1}-staff"`, `W/"v${published.version}-staff"`, `"v${published.version}-public"`, 'garbage']) {
      const res = await patch({ sections: { headline: 'A new headline' } }, { 'if-match': tag });
      expect(res.statusCode, tag).toBe(412);
      expect(parseBody(res)).toMatchObject({ status: 412, title: 'Precondition Failed' });
      expect(parseBody(res).detail).toContain(`"v${published.version}-staff"`);
    }
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it("an analyst's edit of a published briefing is saved as its pending revision: readers' parts untouched, nothing published", async () => {
    stored();
    ddb.on(TransactWriteCommand).resolves({});
    const res = await patch(
      { sections: { headline: 'Acme resumes part of its northern fibre build' } },
      { 'if-match': `"v${published.version}-staff"` },
    );

    expect(res.statusCode).toBe(200);
    const next = published.version + 1;
    expect(res.headers!['etag']).toBe(`"v${next}-staff"`);
    const body = parseBody(res);
    expect(body).toMatchObject({ status: 'published', publishedAt: published.publishedAt, updatedAt: published.updatedAt });
    expect(body.sections[0].content).toBe(published.sections.headline);
    expect(body.pendingRevision).toMatchObject({
      sections: { headline: 'Acme resumes part of its northern fibre build' },
      changes: ['sections'],
      proposedBy: 'a-1',
    });
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Put).toMatchObject({
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': published.version },
    });
    // The head (its version) and the staff-only revision part; no public or member part, no feed entry, no profile.
    expect(partsPut(items)).toEqual(['P', 'L#REVISION', `V#${String(next).padStart(9, '0')}`]);
    expect(items.filter((i) => i.Update || i.Delete)).toEqual([]);
    expect(items[0]!.Put!.Item).toMatchObject({ sk: 'P', version: next, status: 'published', updatedAt: published.updatedAt });
    expect(putAt(items, `V#${String(next).padStart(9, '0')}`)!.Item).toMatchObject({
      action: 'proposed',
      by: 'a-1',
      sections: { headline: 'Acme resumes part of its northern fibre build' },
    });
    expect(eventsPut(items)).toEqual([
      expect.objectContaining({
        detailType: 'Briefing Edited',
        detail: expect.objectContaining({ briefingVersion: next, changes: ['sections'], editedBy: 'a-1', pendingReview: true }),
      }),
    ]);
  });

  it("an editor's own edit of a published briefing goes live as a new published version, announced again with its approver", async () => {
    stored();
    ddb.on(TransactWriteCommand).resolves({});
    const res = await patch(
      { sections: { headline: 'Acme resumes part of its northern fibre build' } },
      { 'if-match': `"v${published.version}-staff"` },
      claimsFor('e-1', ['editors']),
    );

    expect(res.statusCode).toBe(200);
    const next = published.version + 1;
    expect(parseBody(res).sections[0].content).toBe('Acme resumes part of its northern fibre build');
    const [read] = ddb.commandCalls(QueryCommand);
    expect(read!.args[0].input).toMatchObject({ ConsistentRead: true, ExpressionAttributeValues: { ':lo': 'L', ':hi': 'SOURCE#~' } });
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Put!.Item).toMatchObject({ sk: 'P', version: next, status: 'published' });
    expect(putAt(items, 'P#en')!.Item).toMatchObject({ sections: { headline: 'Acme resumes part of its northern fibre build' } });
    // Only what changed: the head, the public sections, the staff part (who edited) and the snapshot; member parts and notes are untouched.
    expect(partsPut(items)).toEqual(['P', 'P#en', 'L', `V#${String(next).padStart(9, '0')}`]);
    expect(putAt(items, 'L')!.Item).toMatchObject({ updatedBy: 'e-1' });
    expect(putAt(items, `V#${String(next).padStart(9, '0')}`)).toMatchObject({
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: { action: 'edited', by: 'e-1', approvedBy: 'e-1', version: next },
    });
    expect(eventsPut(items)).toEqual([
      expect.objectContaining({ detailType: 'Briefing Edited', detail: expect.objectContaining({ briefingVersion: next, editedBy: 'e-1' }) }),
      expect.objectContaining({
        detailType: 'Briefing Published',
        detail: expect.objectContaining({ briefingVersion: next, approvedBy: 'e-1', headline: 'Acme resumes part of its northern fibre build' }),
      }),
    ]);
  });

  it("refuses an auto-publish rule below the publisher's floor (400 #/autoPublish/minGrade), writing nothing", async () => {
    stored(scoredDraft);
    const res = await patch({ autoPublish: { minGrade: 'D' } }, { 'if-match': `"v${scoredDraft.version}-staff"` });
    expect(res.statusCode).toBe(400);
    expect(parseBody(res).errors).toEqual([{ pointer: '#/autoPublish/minGrade', detail: expect.stringContaining('B/C') }]);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 412 (not 409, no retry) when another edit lands between the read and the write', async () => {
    stored();
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    );
    const res = await patch({ related: ['b-2'] }, { 'if-match': `"v${published.version}-staff"` });
    expect(res.statusCode).toBe(412);
    expect(parseBody(res).detail).toMatch(/newer/);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('refuses unknown or uneditable fields and an empty patch (400), members (403), and unknown briefings (404)', async () => {
    const tag = { 'if-match': '"v1-staff"' };
    expect((await patch({ status: 'draft' }, tag)).statusCode).toBe(400);
    expect((await patch({ language: 'de' }, tag)).statusCode).toBe(400);
    expect((await patch({}, tag)).statusCode).toBe(400);
    expect((await patch({ sections: { confidence: 1 } }, tag)).statusCode).toBe(400);
    expect((await patch({ related: ['b-2'] }, tag, member)).statusCode).toBe(403);
    storeBriefing(ddb, undefined);
    expect((await patch({ related: ['b-2'] }, tag)).statusCode).toBe(404);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

describe('ETags on GET /briefings/{briefingId}', () => {
  it('names the version and the audience: the same version differs per tier, staff get their own', async () => {
    stored();
    expect((await get()).headers!['etag']).toBe(`"v${published.version}-public"`);
    expect((await get({}, member)).headers!['etag']).toBe(`"v${published.version}-strategy-circle"`);
    expect((await get({}, analyst)).headers!['etag']).toBe(`"v${published.version}-staff"`);
  });

  it('answers 304 with no body, the ETag and Cache-Control when If-None-Match holds; 200 when it does not', async () => {
    stored();
    const etag = `"v${published.version}-public"`;
    for (const inm of [etag, `W/${etag}`, `"v1-public", ${etag}`, '*']) {
      const res = await get({ 'if-none-match': inm });
      expect(res.statusCode, inm).toBe(304);
      expect(res.body).toBeUndefined();
      expect(res.headers).toMatchObject({ etag, 'cache-control': 'public, max-age=60' });
    }
    // Another tier's copy of the same version is not the caller's.
    expect((await get({ 'if-none-match': `"v${published.version}-leadership-alliance"` })).statusCode).toBe(200);
    expect((await get({ 'if-none-match': `"v${published.version - 1}-public"` })).statusCode).toBe(200);
  });
});
