/**
 * Entity pages, watchlists and alerts on the real local engines: profiles and
 * relationships written by an analyst, read by each tier (relationship
 * evidence holds canaries that only Leadership Alliance and staff may see),
 * and a follower alerted exactly once when a briefing naming the entity is
 * published, even when Briefing Published is delivered twice.
 */
import { randomUUID } from 'node:crypto';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_SOURCE } from '#events/index.ts';
import { briefingInput, sourceText } from '#test/support/fixtures.ts';
import { api, type LocalStack, startTestStack, type UsualTokens, usualTokens } from './harness.ts';

const RUN = randomUUID().slice(0, 8);
const CANARY = `CANARY-ENTITY-${RUN.toUpperCase()}`;
const TARGET = `target-${RUN}`;
const INVESTOR = `investor-${RUN}`;

let stack: LocalStack;
let tokens: UsualTokens;
type Who = keyof UsualTokens | 'anonymous';
const as = (who: Who) => (who === 'anonymous' ? {} : { token: tokens[who] });

beforeAll(async () => {
  stack = await startTestStack();
  tokens = await usualTokens(stack);
});
afterAll(() => stack?.stop());

const profile = (name: string, relationships: unknown[] = []) => ({
  name,
  kind: 'company',
  aliases: [
    { language: 'en', name: `${name} Ltd` },
    { language: 'zh', name: `${name} 公司` },
  ],
  coverage: `${name} is covered for its market exposure.`,
  relationships,
});
const stake = {
  relation: 'investor in',
  target: TARGET,
  since: '2025-06',
  summary: 'Holds a minority stake.',
  evidence: [{ text: `${CANARY} stake filing` }],
};

describe('entity profiles and relationships', () => {
  it('an analyst writes two profiles, one stating a relationship to the other; readers know them once an editor publishes them', async () => {
    expect((await api(stack, 'PUT', `/entities/${TARGET}`, { token: tokens.analyst, body: profile('Target') })).status).toBe(200);
    const res = await api(stack, 'PUT', `/entities/${INVESTOR}`, { token: tokens.analyst, body: profile('Investor', [stake]) });
    expect(res.status, res.text).toBe(200);
    expect((await api(stack, 'GET', `/entities/${TARGET}`)).status).toBe(404);
    for (const [id, body] of [
      [TARGET, profile('Target')],
      [INVESTOR, profile('Investor', [stake])],
    ] as const) {
      expect((await api(stack, 'PUT', `/entities/${id}`, { token: tokens.analyst, body: { ...body, publish: true } })).status).toBe(403);
      expect((await api(stack, 'PUT', `/entities/${id}`, { token: tokens.editor, body: { ...body, publish: true } })).status).toBe(200);
    }
    expect(res.body.relationships).toEqual([expect.objectContaining({ direction: 'outgoing', to: { entityId: TARGET, name: 'Target' } })]);
  });

  it.each([
    ['anonymous', false],
    ['strategy', false],
    ['leadership', true],
    ['analyst', true],
  ] as const)('%s reads both pages; the evidence only when their tier unlocks it', async (who, unlocked) => {
    const investor = await api(stack, 'GET', `/entities/${INVESTOR}`, as(who));
    const target = await api(stack, 'GET', `/entities/${TARGET}`, as(who));
    expect([investor.status, target.status]).toEqual([200, 200]);
    expect(investor.body.relationships).toEqual([
      expect.objectContaining({ direction: 'outgoing', relation: 'investor in', summary: 'Holds a minority stake.' }),
    ]);
    expect(target.body.relationships).toEqual([expect.objectContaining({ direction: 'incoming', from: { entityId: INVESTOR, name: 'Investor' } })]);
    for (const page of [investor, target]) {
      expect(page.text.includes(CANARY)).toBe(unlocked);
      if (!unlocked)
        expect(page.body.relationships[0].evidence).toEqual({
          tier: 'leadership-alliance',
          locked: true,
          unlockTier: 'leadership-alliance',
          unlock: expect.objectContaining({
            tierName: 'Leadership Alliance',
            action: expect.objectContaining({ href: '/me/access-requests', method: 'POST' }),
          }),
        });
    }
    expect(investor.headers.get('cache-control')).toBe(who === 'anonymous' ? 'public, max-age=60' : 'private, no-store');
  });

  it('refuses bad input: an unknown entity is 404, a malformed id 400, a link to an unknown entity 400 naming the field', async () => {
    const unknown = await api(stack, 'GET', `/entities/nobody-${RUN}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    const malformed = await api(stack, 'GET', '/entities/Not_A_Slug');
    expect(malformed.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['path:entityId']);
    const dangling = await api(stack, 'PUT', `/entities/${INVESTOR}`, {
      token: tokens.analyst,
      body: profile('Investor', [{ ...stake, target: `nobody-${RUN}` }]),
    });
    expect(dangling.status).toBe(400);
    expect(dangling.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/relationships/0/target']);
    expect(dangling.text).not.toContain(CANARY);
    expect((await api(stack, 'PUT', `/entities/${TARGET}`, { token: tokens.strategy, body: profile('Target') })).status).toBe(403);
  });
});

describe('watchlists and alerts', () => {
  let briefingId = '';

  it('a member follows an entity, idempotently; an unknown entity is 404', async () => {
    const first = await api(stack, 'PUT', `/me/watchlist/${TARGET}`, { token: tokens.strategy });
    const again = await api(stack, 'PUT', `/me/watchlist/${TARGET}`, { token: tokens.strategy });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect((await api(stack, 'PUT', `/me/watchlist/nobody-${RUN}`, { token: tokens.strategy })).status).toBe(404);
    expect((await api(stack, 'GET', '/me/watchlist', { token: tokens.strategy })).body.items).toEqual([
      expect.objectContaining({ entityId: TARGET, name: 'Target' }),
    ]);
  });

  it('publishing a briefing that names it leaves the follower exactly one alert, even when the event is delivered twice', async () => {
    // Prepare: a complete draft naming the followed entity, with one direct source, scored.
    const created = await api(stack, 'POST', '/briefings', {
      token: tokens.analyst,
      body: briefingInput({ entities: [{ entityId: TARGET, name: 'Target' }] }),
    });
    briefingId = created.body.briefingId;
    const body = {
      briefingId,
      url: `https://example.com/demo/${RUN}`,
      publisher: 'Example',
      kind: 'direct',
      title: 'Filing',
      excerpt: sourceText(7),
    };
    expect((await api(stack, 'POST', '/sources', { token: tokens.analyst, body })).status).toBe(201);
    await stack.bus.waitFor((e) => e.envelope['detail-type'] === 'Briefing Scored' && e.envelope.detail['briefingId'] === briefingId);
    await stack.settled();

    // Act: publish, then deliver the same Briefing Published again.
    expect((await api(stack, 'POST', `/briefings/${briefingId}/publish`, { token: tokens.editor })).status).toBe(200);
    const published = await stack.bus.waitFor(
      (e) =>
        e.envelope['detail-type'] === 'Briefing Published' &&
        e.envelope.detail['briefingId'] === briefingId &&
        e.deliveries.every((d) => d.status === 'delivered'),
    );
    await stack.settled();
    const eventBridge = new EventBridgeClient({});
    const resent = await eventBridge.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: stack.busName, Source: EVENT_SOURCE, DetailType: 'Briefing Published', Detail: JSON.stringify(published.envelope.detail) },
        ],
      }),
    );
    eventBridge.destroy();
    expect(resent.FailedEntryCount).toBe(0);
    await stack.settled();

    // Assess
    const deliveries = stack.bus.received.filter(
      (e) => e.envelope['detail-type'] === 'Briefing Published' && e.envelope.detail['briefingId'] === briefingId,
    );
    expect(deliveries.flatMap((e) => e.deliveries.filter((d) => d.target.includes('alert-followers')).map((d) => d.status))).toEqual([
      'delivered',
      'delivered',
    ]);
    const alerts = await api(stack, 'GET', '/me/alerts', { token: tokens.strategy });
    expect(alerts.status).toBe(200);
    expect(alerts.body.items).toHaveLength(1);
    expect(alerts.body.items[0]).toMatchObject({ briefingId, entityIds: [TARGET], briefing: { briefingId } });
    expect(alerts.body.items[0].sections.unlocked).toContain('trendContext');
    expect(alerts.body.items[0].sections.locked.map((s: { name: string }) => s.name)).toEqual([
      'relationshipEvidence',
      'failurePaths',
      'sourceNotes',
    ]);
    expect(alerts.text).not.toMatch(/CANARY/);
    expect((await api(stack, 'GET', '/me/alerts', { token: tokens.leadership })).body.items).toEqual([]);
    // The entity's page lists it among its recent briefings (one Query of the entity's feed partition).
    const page = await api(stack, 'GET', `/entities/${TARGET}`);
    expect(page.body.recentBriefings.map((b: { briefingId: string }) => b.briefingId)).toEqual([briefingId]);
  });

  it('after unfollowing (204, twice), the watchlist is empty; alerts already written stay', async () => {
    expect((await api(stack, 'DELETE', `/me/watchlist/${TARGET}`, { token: tokens.strategy })).status).toBe(204);
    expect((await api(stack, 'DELETE', `/me/watchlist/${TARGET}`, { token: tokens.strategy })).status).toBe(204);
    expect((await api(stack, 'GET', '/me/watchlist', { token: tokens.strategy })).body.items).toEqual([]);
    expect((await api(stack, 'GET', '/me/alerts', { token: tokens.strategy })).body.items).toHaveLength(1);
  });

  it('once the briefing is retracted, its alert shows as retracted, without its headline', async () => {
    // Prepare
    const before = await api(stack, 'GET', '/me/alerts', { token: tokens.strategy });
    const headline = before.body.items[0].briefing.headline as string;
    expect(before.body.items[0].status).toBe('published');
    // Act
    const retracted = await api(stack, 'POST', `/briefings/${briefingId}/retract`, { token: tokens.editor, body: { reason: 'source withdrawn' } });
    expect(retracted.status, retracted.text).toBe(200);
    const after = await api(stack, 'GET', '/me/alerts', { token: tokens.strategy });
    // Assess
    expect(after.body.items).toEqual([
      { briefingId, briefingVersion: expect.any(Number), alertedAt: expect.any(String), entityIds: [TARGET], status: 'retracted' },
    ]);
    expect(after.text).not.toContain(headline);
  });
});

describe('replacing a profile', () => {
  it('removes the links it no longer states, with their mirrors on the target', async () => {
    expect((await api(stack, 'PUT', `/entities/${INVESTOR}`, { token: tokens.analyst, body: profile('Investor') })).status).toBe(200);
    expect((await api(stack, 'GET', `/entities/${TARGET}`)).body.relationships).toEqual([]);
    expect((await api(stack, 'GET', `/entities/${INVESTOR}`)).body.relationships).toEqual([]);
  });
});

describe('drafts keep the entities they name secret (issue 16)', () => {
  const DRAFTED = `drafted-${RUN}`;
  const PATCHED = `patched-${RUN}`;
  const SECRET = `CANARY-DRAFT-ENTITY-${RUN.toUpperCase()}`;
  const NOBODY = `nobody-${RUN}`;
  let briefingId = '';
  /** Whatever a route answers about `id`, with the id masked: an entity only a draft names must read as one nobody named. */
  const answer = async (who: Who, method: string, path: (id: string) => string, id: string) => {
    const res = await api(stack, method, path(id), as(who));
    return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), body: res.text.replaceAll(id, 'X') };
  };
  const routes: Array<[string, string, (id: string) => string, Who[]]> = [
    ['GET /entities/{id}', 'GET', (id) => `/entities/${id}`, ['anonymous', 'strategy', 'leadership']],
    ['GET /briefings?entity=', 'GET', (id) => `/briefings?entity=${id}`, ['anonymous', 'strategy', 'leadership']],
    ['PUT /me/watchlist/{id}', 'PUT', (id) => `/me/watchlist/${id}`, ['strategy', 'leadership']],
  ];

  it('a draft naming a new entity, and a PATCH adding another, make neither known on any public route, to any tier', async () => {
    // Prepare: a draft naming DRAFTED, then an edit adding PATCHED
    const created = await api(stack, 'POST', '/briefings', {
      token: tokens.analyst,
      body: briefingInput({ entities: [{ entityId: DRAFTED, name: SECRET }] }),
    });
    expect(created.status, created.text).toBe(201);
    briefingId = created.body.briefingId;
    const read = await api(stack, 'GET', `/briefings/${briefingId}`, { token: tokens.analyst });
    const patched = await api(stack, 'PATCH', `/briefings/${briefingId}`, {
      token: tokens.analyst,
      headers: { 'if-match': read.headers.get('etag') ?? '' },
      body: {
        entities: [
          { entityId: DRAFTED, name: SECRET },
          { entityId: PATCHED, name: `${SECRET} two` },
        ],
      },
    });
    expect(patched.status, patched.text).toBe(200);
    await stack.settled();
    // Act and assess: every public route, every tier, answers as for NOBODY
    for (const [name, method, path, whos] of routes) {
      for (const who of whos) {
        const nobody = await answer(who, method, path, NOBODY);
        for (const id of [DRAFTED, PATCHED]) {
          const drafted = await answer(who, method, path, id);
          expect(drafted, `${name} as ${who} for ${id}`).toEqual(nobody);
          expect(drafted.body).not.toContain(SECRET);
        }
      }
    }
    expect((await api(stack, 'GET', '/me/watchlist', { token: tokens.strategy })).text).not.toContain(SECRET);
    // Staff see the profiles the draft made
    expect((await api(stack, 'GET', `/entities/${DRAFTED}`, { token: tokens.analyst })).status).toBe(200);
  });

  it('once an editor publishes the briefing, its entities are public: their pages answer, members can follow them', async () => {
    const body = {
      briefingId,
      url: `https://example.com/drafted/${RUN}`,
      publisher: 'Example',
      kind: 'direct',
      title: 'Filing',
      excerpt: sourceText(8),
    };
    expect((await api(stack, 'POST', '/sources', { token: tokens.analyst, body })).status).toBe(201);
    await stack.bus.waitFor((e) => e.envelope['detail-type'] === 'Briefing Scored' && e.envelope.detail['briefingId'] === briefingId);
    await stack.settled();
    const published = await api(stack, 'POST', `/briefings/${briefingId}/publish`, { token: tokens.editor });
    expect(published.status, published.text).toBe(200);
    await stack.settled();
    for (const id of [DRAFTED, PATCHED]) {
      const page = await api(stack, 'GET', `/entities/${id}`);
      expect(page.status, id).toBe(200);
      expect(page.body.recentBriefings.map((b: { briefingId: string }) => b.briefingId)).toEqual([briefingId]);
      expect((await api(stack, 'GET', `/briefings?entity=${id}`)).body.items).toHaveLength(1);
      expect((await api(stack, 'PUT', `/me/watchlist/${id}`, { token: tokens.leadership })).status).toBe(200);
    }
  });
});
