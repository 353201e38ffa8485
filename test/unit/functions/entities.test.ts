import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityProfileInput, replaceProfile } from '#domain/entity.ts';
import { toLinkItem, toMirrorItem, toProfileItem } from '#functions/commons/table/entities.ts';
import { handler as getEntity } from '#functions/entities/get-entity.ts';
import { handler as putEntity } from '#functions/entities/put-entity.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { NOW } from '#test/support/fixtures.ts';
import { claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';

// The feed module belongs to the feed; here it answers one recent briefing so the page's join is visible.
const recentForEntity = vi.hoisted(() => vi.fn());
vi.mock('#functions/commons/table/feed.ts', () => ({ recentForEntity }));

const ddb = mockClient(DynamoDBDocumentClient);
const analyst = claimsFor('a-1', ['analysts']);
const leadership = claimsFor('l-1', ['leadership-alliance']);
const strategy = claimsFor('s-1', ['strategy-circle']);

const metaInput = EntityProfileInput.parse({
  name: 'Meta',
  kind: 'company',
  coverage: 'Covered for its AI investments.',
  relationships: [
    {
      relation: 'investor in',
      target: 'scale-ai',
      summary: 'Holds a minority stake in Scale AI.',
      evidence: [{ text: 'CANARY-EVIDENCE stake filing' }],
    },
  ],
});
// Published by an editor: public. A profile without `publishedAt` is known to staff only.
const meta = replaceProfile('meta', { ...metaInput, publish: true }, undefined, {
  by: 'e-1',
  now: NOW,
  names: new Map([['scale-ai', 'Scale AI']]),
  mayPublish: true,
});
const partition = [...meta.relationships.map(toLinkItem), toProfileItem(meta.profile)];
/** The heads of the entities at the other end of links, as the page's BatchGetItem reads them. */
const heads = (...ends: Array<{ entityId: string; name: string; publishedAt?: string }>) => ({
  Responses: { 'briefings-test': ends.map((e) => ({ entity: 'entity-profile', ...e })) },
});
const editor = claimsFor('e-1', ['editors']);

const get = (id: string, extra: Partial<Parameters<typeof httpEvent>[0]> = {}) =>
  getEntity(
    httpEvent({ method: 'GET', path: `/entities/${id}`, routeKey: 'GET /entities/{entityId}', pathParameters: { entityId: id }, ...extra }),
    context,
  );
const put = (id: string, body: unknown, claims = analyst) =>
  putEntity(
    httpEvent({ method: 'PUT', path: `/entities/${id}`, routeKey: 'PUT /entities/{entityId}', pathParameters: { entityId: id }, body, claims }),
    context,
  );

beforeEach(async () => {
  await primeEntitlements(ddb, [analyst, leadership, strategy, editor]);
  ddb.on(BatchGetCommand).resolves(heads({ entityId: 'scale-ai', name: 'Scale AI', publishedAt: NOW.toISOString() }));
  recentForEntity.mockReset().mockResolvedValue([{ briefingId: 'b-1', headline: 'Meta raises its AI budget' }]);
});

describe('GET /entities/{entityId}', () => {
  it('serves anonymous readers the profile, relationships with locked evidence and recent briefings, in one Query', async () => {
    // Prepare
    ddb.on(QueryCommand).resolves({ Items: partition });
    // Act
    const res = await get('meta');
    // Assess
    expect(res.statusCode).toBe(200);
    const body = parseBody(res);
    expect(body).toMatchObject({ entityId: 'meta', name: 'Meta', viewerTier: 'public', recentBriefings: [{ briefingId: 'b-1' }] });
    expect(body.relationships[0]).toMatchObject({
      direction: 'outgoing',
      relation: 'investor in',
      to: { entityId: 'scale-ai' },
      evidence: {
        locked: true,
        unlockTier: 'leadership-alliance',
        unlock: { language: 'en', tierName: 'Leadership Alliance', action: { kind: 'request-access', href: '/me/access-requests', method: 'POST' } },
      },
    });
    expect(res.body).not.toMatch(/CANARY/);
    expect(res.headers).toMatchObject({ 'cache-control': 'public, max-age=60', vary: 'authorization, accept-language' });
    expect(res.headers!['etag']).toMatch(/^"[\w-]+-public"$/);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toEqual({ ':pk': 'ENTITY#meta' });
    expect(recentForEntity).toHaveBeenCalledWith('meta', 10);
  });

  it('shows the evidence to Leadership Alliance, privately, and Strategy Circle only the marker', async () => {
    ddb.on(QueryCommand).resolves({ Items: partition });
    const lead = await get('meta', { claims: leadership });
    const strat = await get('meta', { claims: strategy });
    expect(lead.body).toMatch(/CANARY-EVIDENCE/);
    expect(lead.headers!['cache-control']).toBe('private, no-store');
    expect(strat.body).not.toMatch(/CANARY/);
    expect(lead.headers!['etag']).not.toBe(strat.headers!['etag']);
  });

  it('answers 304 to a current If-None-Match', async () => {
    ddb.on(QueryCommand).resolves({ Items: partition });
    const first = await get('meta');
    const again = await get('meta', { headers: { 'if-none-match': String(first.headers!['etag']) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBeUndefined();
  });

  it('answers 404 for an unknown entity (a partition with mirrors only is not an entity) and 400 naming a malformed id', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    const unknown = await get('nobody');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers!['content-type']).toBe('application/problem+json');
    const malformed = await get('Not_A_Slug');
    expect(malformed.statusCode).toBe(400);
    expect(parseBody(malformed).errors.map((e: { pointer: string }) => e.pointer)).toEqual(['path:entityId']);
  });

  it('answers for an entity only a draft named exactly as for one nobody named, to readers and members alike; staff see it (issue 16)', async () => {
    // Prepare: a draft named `secret-target`: a minimal profile without publishedAt
    const drafted = { entityId: 'secret-target', name: 'CANARY-DRAFT-ENTITY', kind: 'company' as const, aliases: [], origin: 'briefing' as const };
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'ENTITY#secret-target' } })
      .resolves({ Items: [toProfileItem({ ...drafted, updatedAt: NOW.toISOString(), version: 0 })] });
    // Act
    const asReader = await get('secret-target');
    const asMember = await get('secret-target', { claims: leadership });
    const unknown = await get('nobody-named');
    const asStaff = await get('secret-target', { claims: analyst });
    // Assess
    const masked = (body: string | undefined, id: string) => body!.replaceAll(id, 'X');
    for (const res of [asReader, asMember]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers!['content-type']).toBe('application/problem+json');
      expect(res.headers!['cache-control']).toBe(unknown.headers!['cache-control']);
      expect(masked(res.body, 'secret-target')).toBe(masked(unknown.body, 'nobody-named'));
      expect(res.body).not.toMatch(/CANARY/);
    }
    expect(asStaff.statusCode).toBe(200);
    expect(parseBody(asStaff)).not.toHaveProperty('publishedAt');
  });

  it("does not name an unpublished entity on a public entity's page: readers see links to public entities only, staff all", async () => {
    // Prepare: Meta (public) states a link to scale-ai (public) and one to a profile only staff know
    const hidden = replaceProfile('meta', { ...metaInput, relationships: [{ ...metaInput.relationships[0]!, target: 'secret-target' }] }, undefined, {
      by: 'a-1',
      now: NOW,
      names: new Map([['secret-target', 'CANARY-DRAFT-ENTITY']]),
    }).relationships;
    ddb.on(QueryCommand).resolves({ Items: [...partition, ...hidden.map(toLinkItem)] });
    ddb
      .on(BatchGetCommand)
      .resolves(heads({ entityId: 'scale-ai', name: 'Scale AI', publishedAt: NOW.toISOString() }, { entityId: 'secret-target', name: 'x' }));
    // Act
    const asReader = await get('meta');
    const asMember = await get('meta', { claims: leadership });
    const asStaff = await get('meta', { claims: analyst });
    // Assess
    for (const res of [asReader, asMember]) {
      expect(res.body).not.toMatch(/secret-target|CANARY-DRAFT/);
      expect(parseBody(res).relationships.map((r: { to: { entityId: string } }) => r.to.entityId)).toEqual(['scale-ai']);
    }
    expect(parseBody(asStaff).relationships.map((r: { to: { entityId: string } }) => r.to.entityId)).toEqual(['scale-ai', 'secret-target']);
  });

  it('shows readers no time from before the profile became public', async () => {
    const early = toProfileItem({ ...meta.profile, updatedAt: '2026-01-01T00:00:00.000Z', publishedAt: '2026-02-01T00:00:00.000Z' });
    ddb.on(QueryCommand).resolves({ Items: [early] });
    const body = parseBody(await get('meta'));
    expect(body).toMatchObject({ updatedAt: '2026-02-01T00:00:00.000Z', publishedAt: '2026-02-01T00:00:00.000Z' });
  });
});

describe('PUT /entities/{entityId}', () => {
  const body = { ...metaInput, relationships: [{ relation: 'partner of', target: 'google', summary: 'Works with Google on cloud capacity.' }] };

  it('replaces the profile and links in one transaction: new links with their mirrors, dropped links with theirs', async () => {
    // Prepare: Meta states "investor in Scale AI"; the PUT states "partner of Google" instead.
    ddb.on(QueryCommand).resolves({ Items: partition });
    ddb.on(BatchGetCommand).resolves({ Responses: { 'briefings-test': [{ entity: 'entity-profile', entityId: 'google', name: 'Google' }] } });
    ddb.on(TransactWriteCommand).resolves({});
    // Act
    const res = await put('meta', body);
    // Assess
    expect(res.statusCode).toBe(200);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Put).toMatchObject({
      Item: { pk: 'ENTITY#meta', sk: 'PROFILE', version: 2 },
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': 1 },
    });
    expect(
      items.slice(1).map((i) => (i.Put ? ['put', i.Put.Item!['pk'], i.Put.Item!['sk']] : ['delete', i.Delete!.Key!['pk'], i.Delete!.Key!['sk']])),
    ).toEqual([
      ['put', 'ENTITY#meta', 'REL#partner-of#google'],
      ['put', 'ENTITY#google', 'INV#partner-of#meta'],
      ['delete', 'ENTITY#meta', 'REL#investor-in#scale-ai'],
      ['delete', 'ENTITY#scale-ai', 'INV#investor-in#meta'],
    ]);
    expect(parseBody(res).relationships).toEqual([expect.objectContaining({ to: { entityId: 'google', name: 'Google' } })]);
  });

  it('refuses a relationship to an unknown entity with 400 naming the field, writing nothing', async () => {
    ddb.on(QueryCommand).resolves({ Items: partition });
    ddb.on(BatchGetCommand).resolves({ Responses: { 'briefings-test': [] } });
    const res = await put('meta', body);
    expect(res.statusCode).toBe(400);
    expect(parseBody(res).errors).toEqual([expect.objectContaining({ pointer: '#/relationships/0/target' })]);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('creates a profile conditionally when there is none, and applies itself again over a concurrent write', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [] })
      .resolves({ Items: [toMirrorItem(meta.relationships[0]!)] });
    ddb.on(BatchGetCommand).resolves({ Responses: { 'briefings-test': [{ entity: 'entity-profile', entityId: 'google', name: 'Google' }] } });
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(new TransactionCanceledException({ message: 'x', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] }))
      .resolves({});
    const res = await put('google', { ...body, name: 'Google', relationships: [] });
    expect(res.statusCode).toBe(200);
    const [first, second] = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems![0]!.Put!.ConditionExpression);
    expect([first, second]).toEqual(['attribute_not_exists(pk)', 'attribute_not_exists(pk)']);
    expect(parseBody(res).relationships).toEqual([expect.objectContaining({ direction: 'incoming', from: { entityId: 'meta', name: 'Meta' } })]);
  });

  it("publishes a profile only at an editor's request: an analyst asking gets 403 and nothing is written; an editor's PUT makes it public", async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(BatchGetCommand).resolves(heads({ entityId: 'google', name: 'Google' }));
    ddb.on(TransactWriteCommand).resolves({});
    const byAnalyst = await put('meta', { ...body, publish: true });
    expect(byAnalyst.statusCode).toBe(403);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    const byEditor = await put('meta', { ...body, publish: true }, editor);
    expect(byEditor.statusCode).toBe(200);
    expect(ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Put!.Item).toMatchObject({ publishedAt: expect.any(String) });
  });

  it("keeps an analyst's PUT from hiding a profile a publication made public in between: the put is conditional on the visibility read", async () => {
    const unpublished = toProfileItem({ ...meta.profile, publishedAt: undefined } as never);
    delete (unpublished as Record<string, unknown>)['publishedAt'];
    ddb.on(QueryCommand).resolves({ Items: [unpublished] });
    ddb.on(BatchGetCommand).resolves(heads({ entityId: 'google', name: 'Google' }));
    ddb.on(TransactWriteCommand).resolves({});
    expect((await put('meta', body)).statusCode).toBe(200);
    const written = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Put!;
    expect(written.ConditionExpression).toBe('version = :expected AND attribute_not_exists(publishedAt)');
    expect(written.Item).not.toHaveProperty('publishedAt');
  });

  it('is for analysts and editors: a member gets 403', async () => {
    expect((await put('meta', body, strategy)).statusCode).toBe(403);
    expect(ddb.calls()).toHaveLength(0);
  });
});
