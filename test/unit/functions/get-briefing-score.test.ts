import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { rescore } from '#domain/briefing.ts';
import { MODEL_VERSION } from '#domain/scoring.ts';
import { handler } from '#functions/briefings/get-briefing-score.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';
import { storeBriefing } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const staff = { analyst: claimsFor('a-1', ['analysts']), editor: claimsFor('e-1', ['editors']), admin: claimsFor('ad-1', ['admins']) };
const member = claimsFor('m-1', ['leadership-alliance']);
const scored = rescore(draft(), [source('direct', 1), source('reporting', 2), source('social', 3, 'contradicts')], NOW).briefing;
const get = (id: string, claims: Record<string, string> | null) =>
  handler(
    httpEvent({
      method: 'GET',
      path: `/briefings/${id}/score`,
      routeKey: 'GET /briefings/{briefingId}/score',
      pathParameters: { briefingId: id },
      ...(claims ? { claims } : {}),
    }),
    context,
  );

beforeEach(() => primeEntitlements(ddb, [...Object.values(staff), member]));

describe('GET /briefings/{briefingId}/score', () => {
  it.each(Object.entries(staff))('gives %s the score, its explanation and every source note', async (_, claims) => {
    storeBriefing(ddb, scored);

    const res = await get('b-1', claims);

    // The staff range: the explanation (L) and the source notes (M) with the head (P).
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toMatchObject({ ':lo': 'L', ':hi': 'P~' });
    expect(res.statusCode).toBe(200);
    expect(res.headers!['cache-control']).toBe('private, no-store');
    const body = parseBody(res);
    expect(body).toMatchObject({
      briefingId: 'b-1',
      status: 'draft',
      confidence: { score: scored.confidence.score, modelVersion: MODEL_VERSION, admiralty: { code: expect.stringMatching(/^[A-F][1-6]$/) } },
      explanation: { method: 'shapley', origins: expect.any(Array), sources: expect.any(Array) },
    });
    expect(body.sources).toHaveLength(3);
    expect(body.sources.map((s: { share: number }) => s.share).reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 1);
  });

  it('answers 404 for an unknown briefing', async () => {
    storeBriefing(ddb, undefined);
    const res = await get('nope', staff.analyst);
    expect(res.statusCode).toBe(404);
    expect(res.headers!['content-type']).toBe('application/problem+json');
  });

  it('refuses readers, even Leadership Alliance (403), and callers without a token (401), reading nothing', async () => {
    const [asMember, anonymous] = [await get('b-1', member), await get('b-1', null)];
    expect([asMember.statusCode, anonymous.statusCode]).toEqual([403, 401]);
    expect(ddb.calls()).toHaveLength(0);
  });
});
