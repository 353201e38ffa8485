/** GET /briefings/{briefingId}/versions[/{version}]: staff read a briefing's version history. */
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { publish, rescore, snapshotOf } from '#domain/briefing.ts';
import { handler as getVersion } from '#functions/briefings/get-briefing-version.ts';
import { handler as listVersions } from '#functions/briefings/list-briefing-versions.ts';
import { toSnapshotItem } from '#functions/commons/table/briefings.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const staff = { analyst: claimsFor('a-1', ['analysts']), editor: claimsFor('e-1', ['editors']), admin: claimsFor('ad-1', ['admins']) };
const member = claimsFor('m-1', ['leadership-alliance']);
const created = draft();
const published = publish(rescore(created, [source('direct', 1)], NOW).briefing, { by: 'e-1', now: NOW });
const history = [
  snapshotOf(published, { action: 'published', by: 'e-1', now: NOW }),
  snapshotOf(created, { action: 'created', by: 'analyst-1', now: NOW }),
];

const list = (claims: Record<string, string> | null, id = 'b-1') =>
  listVersions(
    httpEvent({
      method: 'GET',
      path: `/briefings/${id}/versions`,
      routeKey: 'GET /briefings/{briefingId}/versions',
      pathParameters: { briefingId: id },
      ...(claims ? { claims } : {}),
    }),
    context,
  );
const one = (version: string, claims: Record<string, string> | null = staff.analyst) =>
  getVersion(
    httpEvent({
      method: 'GET',
      path: `/briefings/b-1/versions/${version}`,
      routeKey: 'GET /briefings/{briefingId}/versions/{version}',
      pathParameters: { briefingId: 'b-1', version },
      ...(claims ? { claims } : {}),
    }),
    context,
  );

beforeEach(() => primeEntitlements(ddb, [...Object.values(staff), member]));

describe('GET /briefings/{briefingId}/versions', () => {
  it.each(Object.entries(staff))('gives %s the history newest first, one summary per editorial action', async (_, claims) => {
    ddb.on(QueryCommand).resolves({ Items: history.map(toSnapshotItem) });

    const res = await list(claims);

    expect(res.statusCode).toBe(200);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': 'BRIEFING#b-1', ':v': 'V#' },
      ScanIndexForward: false,
    });
    expect(parseBody(res)).toEqual({
      briefingId: 'b-1',
      versions: [
        {
          version: published.version,
          action: 'published',
          by: 'e-1',
          at: NOW.toISOString(),
          status: 'published',
          headline: published.sections.headline,
          score: published.confidence.score,
          grade: published.confidence.grade,
        },
        {
          version: 1,
          action: 'created',
          by: 'analyst-1',
          at: NOW.toISOString(),
          status: 'draft',
          headline: created.sections.headline,
          score: 0,
          grade: 'D',
        },
      ],
    });
  });

  it('answers 404 for an unknown briefing, and an empty history for one stored before histories were kept', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(GetCommand).resolves({});
    expect((await list(staff.editor, 'nope')).statusCode).toBe(404);
    ddb.on(GetCommand).resolves({ Item: { pk: 'BRIEFING#b-1' } });
    expect(parseBody(await list(staff.editor))).toEqual({ briefingId: 'b-1', versions: [] });
  });

  it('refuses readers, even Leadership Alliance (403), and anonymous callers (401), reading nothing', async () => {
    expect([(await list(member)).statusCode, (await list(null)).statusCode]).toEqual([403, 401]);
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('GET /briefings/{briefingId}/versions/{version}', () => {
  it('gives staff the full snapshot of a version', async () => {
    ddb
      .on(GetCommand, { Key: { pk: 'BRIEFING#b-1', sk: `V#${String(published.version).padStart(9, '0')}` } })
      .resolves({ Item: toSnapshotItem(history[0]!) });

    const res = await one(String(published.version));

    expect(res.statusCode).toBe(200);
    expect(parseBody(res)).toEqual(JSON.parse(JSON.stringify(history[0])));
  });

  it('answers 404 for a version with no snapshot', async () => {
    ddb.on(GetCommand).resolves({});
    expect((await one('7')).statusCode).toBe(404);
  });

  it('answers 400 naming path:version for a version that is not a positive integer, reading nothing', async () => {
    for (const bad of ['0', '-1', '1.5', 'abc', '1e12']) {
      const res = await one(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(parseBody(res).errors, bad).toEqual([expect.objectContaining({ pointer: 'path:version' })]);
    }
    expect(ddb.calls()).toHaveLength(0);
  });

  it('refuses readers (403) and anonymous callers (401)', async () => {
    expect([(await one('1', member)).statusCode, (await one('1', null)).statusCode]).toEqual([403, 401]);
  });
});
