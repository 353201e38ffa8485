/** POST /briefings/{briefingId}/retract: editors (and admins) retract a published briefing; readers lose it, the bus hears it. */

import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Briefing } from '#domain/briefing.ts';
import { publish, rescore, retract } from '#domain/briefing.ts';
import { handler as getBriefing } from '#functions/briefings/get-briefing.ts';
import { handler as retractBriefing } from '#functions/briefings/retract-briefing.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { briefingRead, claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';
import { eventsPut, partsPut, putAt, storeBriefing } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const editor = claimsFor('e-1', ['editors']);
const admin = claimsFor('ad-1', ['admins']);
const analyst = claimsFor('a-1', ['analysts']);
const member = claimsFor('m-1', ['leadership-alliance']);
const scoredDraft = rescore(draft(), [source('direct', 1)], NOW).briefing;
const published = publish(scoredDraft, { by: 'editor-1', now: NOW });
const REASON = 'The central claim was withdrawn by its source.';

const post = (body: unknown, claims: Record<string, string> | null = editor) =>
  retractBriefing(
    httpEvent({
      method: 'POST',
      path: '/briefings/b-1/retract',
      routeKey: 'POST /briefings/{briefingId}/retract',
      pathParameters: { briefingId: 'b-1' },
      body,
      ...(claims ? { claims } : {}),
    }),
    context,
  );
const get = (claims?: Record<string, string>) => getBriefing(briefingRead(claims ? { claims } : {}), context);
const stored = (b: Briefing | undefined) => storeBriefing(ddb, b);

beforeEach(() => primeEntitlements(ddb, [editor, admin, analyst, member]));

describe('POST /briefings/{briefingId}/retract', () => {
  it('retracts a published briefing, out of the feed, with Briefing Retracted in the same conditional transaction', async () => {
    stored(published);
    ddb.on(TransactWriteCommand).resolves({});

    const res = await post({ reason: REASON });

    expect(res.statusCode).toBe(200);
    expect(parseBody(res)).toMatchObject({ briefingId: published.briefingId, status: 'retracted' });
    const [call] = ddb.commandCalls(TransactWriteCommand);
    const items = call!.args[0].input.TransactItems!;
    expect(items[0]!.Put).toMatchObject({
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': published.version },
    });
    const next = published.version + 1;
    expect(items[0]!.Put!.Item).toMatchObject({ sk: 'P', status: 'retracted', version: next });
    expect(items[0]!.Put!.Item).not.toHaveProperty('gsi1pk');
    // The reason is staff-only: it lives in the staff part, never in the head readers' queries return.
    expect(putAt(items, 'L')!.Item).toMatchObject({ retractedBy: 'e-1', retractionReason: REASON });
    expect(JSON.stringify(items[0])).not.toContain(REASON);
    expect(partsPut(items)).toEqual(['P', 'L', `V#${String(next).padStart(9, '0')}`]);
    expect(putAt(items, `V#${String(next).padStart(9, '0')}`)!.Item).toMatchObject({ action: 'retracted', by: 'e-1', status: 'retracted' });
    expect(eventsPut(items)).toEqual([
      expect.objectContaining({
        detailType: 'Briefing Retracted',
        detail: expect.objectContaining({ briefingId: published.briefingId, briefingVersion: published.version + 1, retractedBy: 'e-1' }),
      }),
    ]);
    expect(JSON.stringify(eventsPut(items))).not.toContain(REASON);
  });

  it('lets admins retract too', async () => {
    stored(published);
    ddb.on(TransactWriteCommand).resolves({});
    expect((await post({ reason: REASON }, admin)).statusCode).toBe(200);
  });

  it('refuses a draft or an already retracted briefing (409) and writes nothing', async () => {
    for (const b of [scoredDraft, retract(published, { by: 'e-1', now: NOW, reason: REASON })]) {
      ddb.resetHistory();
      stored(b);
      const res = await post({ reason: REASON });
      expect(res.statusCode, b.status).toBe(409);
      expect(res.headers!['content-type']).toBe('application/problem+json');
      expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    }
  });

  it('answers 409 when another write lands between the read and the write', async () => {
    stored(published);
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    );
    expect((await post({ reason: REASON })).statusCode).toBe(409);
  });

  it('refuses a missing, empty, too long or extended body (400), anonymous (401), non-editors (403), unknown briefings (404)', async () => {
    stored(published);
    for (const body of [undefined, {}, { reason: '' }, { reason: 'x'.repeat(1001) }, { reason: REASON, status: 'draft' }]) {
      expect((await post(body)).statusCode, JSON.stringify(body)?.slice(0, 40)).toBe(400);
    }
    expect((await post({ reason: REASON }, null)).statusCode).toBe(401);
    for (const who of [analyst, member]) expect((await post({ reason: REASON }, who)).statusCode).toBe(403);
    stored(undefined);
    expect((await post({ reason: REASON })).statusCode).toBe(404);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

describe('GET /briefings/{briefingId} of a retracted briefing', () => {
  const retracted = retract(published, { by: 'e-1', now: NOW, reason: REASON });

  it('answers 404 to readers of every tier, as for a missing briefing', async () => {
    stored(retracted);
    for (const who of [undefined, member]) expect((await get(who)).statusCode).toBe(404);
  });

  it('shows staff the briefing with its status', async () => {
    stored(retracted);
    const res = await get(analyst);
    expect(res.statusCode).toBe(200);
    expect(parseBody(res)).toMatchObject({ status: 'retracted' });
  });
});
