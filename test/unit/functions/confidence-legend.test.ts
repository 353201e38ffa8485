/** GET /confidence/legend: the same for everyone, no token read, no table, cacheable with an ETag. */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { confidenceLegend } from '#domain/legend.ts';
import { handler } from '#functions/briefings/get-confidence-legend.ts';
import { claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const get = (opts: Partial<Parameters<typeof httpEvent>[0]> = {}) =>
  handler(httpEvent({ method: 'GET', path: '/confidence/legend', routeKey: 'GET /confidence/legend', ...opts }), context);

describe('GET /confidence/legend', () => {
  it('answers the legend to anyone, cacheable for a day, reading nothing', async () => {
    // Act
    const anonymous = await get();
    const member = await get({ claims: claimsFor('m-1', ['leadership-alliance']) });
    // Assess
    expect(anonymous.statusCode).toBe(200);
    expect(parseBody(anonymous)).toEqual(confidenceLegend());
    expect(member.body).toBe(anonymous.body);
    expect(anonymous.headers).toMatchObject({ 'cache-control': 'public, max-age=86400', 'content-type': 'application/json' });
    expect(anonymous.headers!['etag']).toMatch(/^"[\w-]{22}"$/);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers 304 to its current ETag, and 400 naming any query parameter', async () => {
    const etag = String((await get()).headers!['etag']);
    const again = await get({ headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBeUndefined();
    const withParam = await get({ query: { lang: 'zh' } });
    expect(withParam.statusCode).toBe(400);
    expect(parseBody(withParam).errors.map((e: { pointer: string }) => e.pointer)).toEqual(['query:lang']);
  });
});
