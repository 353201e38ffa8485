/**
 * The API against the OWASP API Security Top 10 (2023), on the local engines.
 *
 * - API1 BOLA: a member cannot read another member's entitlement (or their own
 *   through the admin route), nor read or decide anyone's request for a tier;
 *   /me and /me/access-requests answer only for the caller.
 * - API3 BOPLA: fields a client must not set (status, score, publishedAt, tier,
 *   origin, grantedBy, ...) are refused and never stored; responses carry no
 *   gated text beyond the caller's tier (the canary matrix).
 * - API4 resource consumption: page size, body size and parameter lengths are capped.
 * - API5 BFLA: members calling analyst, editor or admin routes get 403.
 *
 * The canary matrix: briefings whose gated sections hold unique canary strings,
 * read by every tier and role (including a revoked and an expired member) on
 * every GET route of the manifest; each canary appears exactly where allowed,
 * nowhere else: not in other responses, not in error bodies, not in events.
 * A member's reason for asking for Leadership Alliance, and an admin's reason
 * for declining, are canaries too: read by that member and admins only.
 * A published briefing's pending revision (an analyst's edit, issue 16) carries
 * canaries in its public headline, its gated sections and a new entity's name:
 * none may reach a reader, member or not, until an editor publishes it.
 * The syndication feeds (issue 17: RSS, Atom, JSON Feed) are a channel of their
 * own in the matrix: every format, for every tier and role, carries no canary.
 * Email (issue 17, point 2) is another: every signed-in viewer chooses instant
 * emails before E is published, and each email carries exactly the canaries of
 * the viewer's tier at send time (a revoked member the public copy, an expired
 * one Strategy Circle's); a Leadership Alliance member downgraded to Strategy
 * Circle between publication and their daily digest gets Strategy Circle's copy.
 * So are partners' signed webhooks (issue 17.3): a partner of each tier receives
 * E's publication with exactly its tier's canaries, and nothing of P, D or R; the
 * signed delivery events on the bus (private, not announcements) carry no more.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, rescore } from '#domain/briefing.ts';
import { digestDayCovering } from '#domain/email.ts';
import type { Entitlement } from '#domain/entitlement.ts';
import type { Source } from '#domain/source.ts';
import { sourceIngested } from '#events/announcements.ts';
import { WEBHOOK_SOURCE } from '#events/webhook-delivery-requested.ts';
import { ROUTES } from '#functions/manifest.ts';
import { briefingInput, draft, NOW, source } from '#test/support/fixtures.ts';
import { api, type LocalStack, startTestStack, tokenFor } from './harness.ts';

// Every read sees the record as it is now: the matrix is about what each entitlement state shows, not about the cache window.
process.env['ENTITLEMENT_CACHE_SECONDS'] = '0';

const RUN = randomUUID().slice(0, 8).toUpperCase();
const canary = (briefing: string, part: string) => `CANARY-${RUN}-${briefing}-${part}`;
const ANY_CANARY = new RegExp(`CANARY-${RUN}-[A-Z]+-[A-Z]+`, 'g');

/** Gated sections (and, for the draft, the headline) carry canaries; public sections carry none. */
function withCanaries(tag: string, opts: { headline?: boolean } = {}) {
  const base = briefingInput().sections;
  return {
    sections: {
      ...base,
      ...(opts.headline ? { headline: `${base.headline} ${canary(tag, 'HEAD')}` } : {}),
      trendContext: `${canary(tag, 'TREND')} the trend behind the signal.`,
      relationshipEvidence: base.relationshipEvidence.map((r) => ({ ...r, evidence: `${canary(tag, 'REL')} filing` })),
      failurePaths: base.failurePaths.map((f) => ({ ...f, path: `${canary(tag, 'FAIL')} outage risk` })),
    },
  };
}

const VIEWERS = ['anonymous', 'strategy', 'leadership', 'analyst', 'editor', 'admin', 'revoked', 'expired'] as const;
type ViewerName = (typeof VIEWERS)[number];
const STAFF: ViewerName[] = ['analyst', 'editor', 'admin'];

const P = `sec-pub-${RUN.toLowerCase()}`;
const D = `sec-draft-${RUN.toLowerCase()}`;
const E = `sec-event-${RUN.toLowerCase()}`;
/** An entity only the draft D names: its name is a canary, and no public route may tell it exists (issue 16). */
const DX = `sec-drafted-${RUN.toLowerCase()}`;
/** A published briefing with no canary; an analyst's pending revision of it carries them (tag R) and names entity RX. */
const R = `sec-revised-${RUN.toLowerCase()}`;
const RX = `sec-revision-entity-${RUN.toLowerCase()}`;
const REVISION_CANARIES = [...['FAIL', 'HEAD', 'REL', 'TREND'].map((p) => canary('R', p)), canary('RX', 'NAME')].sort();
/** An entity whose relationship evidence (Leadership Alliance content) carries a canary. */
const N = `sec-entity-${RUN.toLowerCase()}`;
/** What each viewer may see of entity N: its relationship evidence from Leadership Alliance up. */
const ENTITY_ALLOWED = (who: ViewerName) => (['leadership', 'analyst', 'editor', 'admin'].includes(who) ? expected('N', ['EVID']) : []);

/** Access-request reasons (issue 16): `strategy` asks (left open); `expired` asks and an admin declines. */
const ASKED = () => canary('AR', 'REASON');
const DECLINED_ASK = () => canary('AX', 'REASON');
const DECLINED_WHY = () => canary('AX', 'DECLINE');

/** What each viewer may see of the published briefing P: its tier's sections. */
const PUBLISHED_ALLOWED: Record<ViewerName, string[]> = {
  anonymous: [],
  revoked: [],
  strategy: ['TREND'],
  expired: ['TREND'],
  leadership: ['TREND', 'REL', 'FAIL', 'NOTE', 'PUB', 'TITLE'],
  analyst: ['TREND', 'REL', 'FAIL', 'NOTE', 'PUB', 'TITLE'],
  editor: ['TREND', 'REL', 'FAIL', 'NOTE', 'PUB', 'TITLE'],
  admin: ['TREND', 'REL', 'FAIL', 'NOTE', 'PUB', 'TITLE'],
};

/** Partners' webhooks, one per tier (issue 17.3): what each receives of E's publication is its tier's sections. */
const PARTNER_TIERS = ['public', 'strategy-circle', 'leadership-alliance'] as const;
type PartnerTier = (typeof PARTNER_TIERS)[number];
const PARTNER_ALLOWED: Record<PartnerTier, string[]> = {
  public: [],
  'strategy-circle': ['TREND'],
  'leadership-alliance': ['TREND', 'REL', 'FAIL', 'NOTE', 'PUB', 'TITLE'],
};
/** Bodies each partner's endpoint received. */
const partnerBodies = Object.fromEntries(PARTNER_TIERS.map((t) => [t, [] as string[]])) as Record<PartnerTier, string[]>;
const partnerIds = {} as Record<PartnerTier, string>;
const partnerServers: Server[] = [];

let stack: LocalStack;
const tokens = {} as Record<Exclude<ViewerName, 'anonymous'>, string>;
const subs = {} as Record<Exclude<ViewerName, 'anonymous'>, string>;
let scanTable: () => Promise<string>;
let P_SOURCE: Source;
/** Each signed-in viewer's address (their emails are read from the local SES store), and the member downgraded before their digest. */
const addresses = {} as Record<Exclude<ViewerName, 'anonymous'>, string>;
const downgraded = { token: '', sub: '', address: '' };
/** What each viewer read of R before the revision was proposed. */
const R_BEFORE = {} as Record<ViewerName, string>;

beforeAll(async () => {
  stack = await startTestStack();
  for (const [name, groups] of [
    ['strategy', ['strategy-circle']],
    ['leadership', ['leadership-alliance']],
    ['analyst', ['analysts']],
    ['editor', ['editors']],
    ['admin', ['admins']],
    ['revoked', ['leadership-alliance']],
    ['expired', ['leadership-alliance']],
  ] as const) {
    tokens[name] = await tokenFor(stack, groups);
    subs[name] = (await api(stack, 'GET', '/me', { token: tokens[name] })).body.userId;
  }

  // Imported once the stack has set the handlers' environment: these modules create their client on import.
  const briefings = await import('#functions/commons/table/briefings.ts');
  const entitlements = await import('#functions/commons/table/entitlements.ts');
  const { ddb } = await import('#functions/commons/clients/dynamodb.ts');
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  scanTable = async () => JSON.stringify((await ddb.send(new ScanCommand({ TableName: stack.tableName }))).Items ?? []);

  // Who reported what is source notes (Leadership Alliance): publisher, title and note all carry canaries.
  const sourceOf = (id: string, tag: string) =>
    source('direct', 1, 'supports', id, { note: `${canary(tag, 'NOTE')} analyst note`, publisher: canary(tag, 'PUB'), title: canary(tag, 'TITLE') });
  const scored = (id: string, tag: string, opts: { headline?: boolean } = {}) =>
    rescore(draft(withCanaries(tag, opts), id), [sourceOf(id, tag)], NOW).briefing;
  await briefings.createBriefing(publish(scored(P, 'P'), { by: 'editor-1', now: NOW }));
  // P's source is stored too, for the staff route that reads one source.
  P_SOURCE = sourceOf(P, 'P');
  const { addSource } = await import('#functions/commons/table/sources.ts');
  expect(await addSource(P_SOURCE, sourceIngested(P_SOURCE, NOW), NOW)).toBe('added');
  const drafted = rescore(
    draft({ ...withCanaries('D', { headline: true }), entities: [...briefingInput().entities, { entityId: DX, name: canary('DX', 'NAME') }] }, D),
    [sourceOf(D, 'D')],
    NOW,
  ).briefing;
  await briefings.createBriefing(drafted);
  await briefings.createBriefing(scored(E, 'E'));

  // Entity N states a link to the entity of E (acme) with canary evidence; every member follows acme,
  // so E's publication below leaves each of them an alert (which must carry no gated text).
  // Published by an editor: readers know an entity once an editor publishes its profile or a published briefing names it.
  const profile = (name: string, relationships: unknown[] = []) => ({
    name,
    kind: 'company',
    coverage: `${name} is covered.`,
    relationships,
    publish: true,
  });
  expect((await api(stack, 'PUT', '/entities/acme', { token: tokens.editor, body: profile('Acme Networks') })).status).toBe(200);
  const link = { relation: 'supplier to', target: 'acme', summary: 'Supplies fibre.', evidence: [{ text: `${canary('N', 'EVID')} contract` }] };
  expect((await api(stack, 'PUT', `/entities/${N}`, { token: tokens.editor, body: profile('Northwind', [link]) })).status).toBe(200);
  for (const token of Object.values(tokens)) expect((await api(stack, 'PUT', '/me/watchlist/acme', { token })).status).toBe(200);
  // The email channel: every signed-in viewer chooses instant emails; one more Leadership Alliance member a daily digest.
  for (const [who, token] of Object.entries(tokens) as Array<[Exclude<ViewerName, 'anonymous'>, string]>) {
    const chosen = await api(stack, 'PUT', '/me/preferences', { token, body: { delivery: 'instant' } });
    expect(chosen.status, chosen.text).toBe(200);
    addresses[who] = chosen.body.email;
  }
  downgraded.token = await tokenFor(stack, ['leadership-alliance']);
  downgraded.sub = (await api(stack, 'GET', '/me', { token: downgraded.token })).body.userId;
  expect((await api(stack, 'PUT', '/me/watchlist/acme', { token: downgraded.token })).status).toBe(200);
  downgraded.address = (await api(stack, 'PUT', '/me/preferences', { token: downgraded.token, body: { delivery: 'daily' } })).body.email;

  // A revoked member, through the admin route; an expired one, by the clock passing the end date.
  expect((await api(stack, 'DELETE', `/members/${subs.revoked}/entitlement`, { token: tokens.admin, body: { reason: 'cancelled' } })).status).toBe(
    200,
  );
  const current = (await entitlements.getEntitlement(subs.expired)) as Entitlement;
  const ended = { ...current, validUntil: new Date(Date.now() - 1000).toISOString(), version: current.version + 1 };
  await entitlements.saveEntitlement({ ...ended, change: 'granted', changedBy: 'test:clock' }, current.version, [], new Date());

  // Requests for Leadership Alliance whose reasons are canaries: one left open, one declined with a canary reason.
  expect((await api(stack, 'POST', '/me/access-requests', { token: tokens.strategy, body: { reason: ASKED() } })).status).toBe(201);
  expect((await api(stack, 'POST', '/me/access-requests', { token: tokens.expired, body: { reason: DECLINED_ASK() } })).status).toBe(201);
  const decline = { outcome: 'decline', reason: DECLINED_WHY() };
  expect((await api(stack, 'POST', `/members/${subs.expired}/access-requests/1/decision`, { token: tokens.admin, body: decline })).status).toBe(200);

  // A partner of each tier, every briefing (no filter): E's publication below is delivered to each, shaped for its tier.
  for (const tier of PARTNER_TIERS) {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        partnerBodies[tier].push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    partnerServers.push(server);
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    const registered = await api(stack, 'POST', '/webhooks', { token: tokens.admin, body: { name: `Partner ${tier}`, url, tier } });
    expect(registered.status, registered.text).toBe(201);
    partnerIds[tier] = registered.body.webhookId;
  }

  // An editor publishes E through the API, so Briefing Published (and the Entitlement Changed above) flow through the bus.
  expect((await api(stack, 'POST', `/briefings/${E}/publish`, { token: tokens.editor })).status).toBe(200);
  await stack.bus.waitFor(
    (e) => e.envelope['detail-type'] === 'Briefing Published' && (e.envelope.detail as { briefingId: string }).briefingId === E,
  );
  // Between E's publication and the daily digest, an admin downgrades the daily member to Strategy Circle.
  await stack.settled();
  const downgrade = await api(stack, 'PUT', `/members/${downgraded.sub}/entitlement`, { token: tokens.admin, body: { tier: 'strategy-circle' } });
  expect(downgrade.status, downgrade.text).toBe(200);
  stack.startDigest({ day: digestDayCovering(new Date()) });

  // R: published without canaries; readers' copies are taken, then an analyst's edit through the API becomes its pending revision.
  const rSource = source('direct', 1, 'supports', R);
  await briefings.createBriefing(publish(rescore(draft({}, R), [rSource], NOW).briefing, { by: 'editor-1', now: NOW }));
  expect(await addSource(rSource, sourceIngested(rSource, NOW), NOW)).toBe('added');
  await stack.settled();
  for (const who of VIEWERS) R_BEFORE[who] = (await call(who, 'GET', `/briefings/${R}`)).text;
  const staffCopy = await call('analyst', 'GET', `/briefings/${R}`);
  const revision = withCanaries('R', { headline: true });
  const edit = await api(stack, 'PATCH', `/briefings/${R}`, {
    token: tokens.analyst,
    headers: { 'if-match': staffCopy.headers.get('etag')! },
    body: { sections: revision.sections, entities: [...briefingInput().entities, { entityId: RX, name: canary('RX', 'NAME') }] },
  });
  expect(edit.status, edit.text).toBe(200);
  expect(edit.body.pendingRevision).toBeDefined();
  await stack.settled();
});
afterAll(async () => {
  await stack?.stop();
  for (const server of partnerServers) await new Promise((resolve) => server.close(resolve));
});

const call = (who: ViewerName, method: string, path: string, body?: unknown) =>
  api(stack, method, path, { ...(who === 'anonymous' ? {} : { token: tokens[who] }), ...(body === undefined ? {} : { body }) });
/** The system's announcements: every event on the bus but the signed webhook deliveries, which the matrix checks per partner tier. */
const announcements = () => stack.bus.received.filter((e) => e.envelope.source !== WEBHOOK_SOURCE);
const canariesIn = (text: string) => [...new Set(text.match(ANY_CANARY) ?? [])].sort();
const expected = (tag: string, parts: string[]) => parts.map((p) => canary(tag, p)).sort();

/**
 * Every GET route of the manifest, with its parameters filled and the canaries
 * each viewer may see there: exactly `allowed`, or for a staff-only route any of
 * the briefing's canaries to staff (who read everything) and none to anyone else.
 * A new GET route fails here until it says what it may show.
 */
type ReadRoute = { path: () => string } & ({ allowed: (who: ViewerName) => string[] } | { staffOnly: true });
const READ_ROUTES: Record<string, ReadRoute> = {
  'GET /briefings': { path: () => '/briefings?limit=50', allowed: () => [] },
  'GET /briefings/{briefingId}': { path: () => `/briefings/${P}`, allowed: (who) => expected('P', PUBLISHED_ALLOWED[who]) },
  'GET /briefings/{briefingId}/score': { path: () => `/briefings/${P}/score`, staffOnly: true },
  'GET /briefings/{briefingId}/sources/{sourceId}': { path: () => `/briefings/${P}/sources/${P_SOURCE.sourceId}`, staffOnly: true },
  'GET /briefings/{briefingId}/versions': { path: () => `/briefings/${P}/versions`, staffOnly: true },
  // createBriefing leaves a snapshot of the stored version (draft 1, scored 2, published 3).
  'GET /briefings/{briefingId}/versions/{version}': { path: () => `/briefings/${P}/versions/3`, staffOnly: true },
  'GET /me': { path: () => '/me', allowed: () => [] },
  // The member who asked: admins read their requests (reasons included) with their entitlement.
  'GET /members/{userId}/entitlement': { path: () => `/members/${subs.strategy}/entitlement`, allowed: (who) => (who === 'admin' ? [ASKED()] : []) },
  'GET /me/access-requests': {
    path: () => '/me/access-requests',
    allowed: (who) => (who === 'strategy' ? [ASKED()] : who === 'expired' ? [DECLINED_ASK(), DECLINED_WHY()].sort() : []),
  },
  'GET /access-requests': { path: () => '/access-requests?limit=50', allowed: (who) => (who === 'admin' ? [ASKED()] : []) },
  'GET /entities/{entityId}': { path: () => `/entities/${N}`, allowed: ENTITY_ALLOWED },
  'GET /me/watchlist': { path: () => '/me/watchlist', allowed: () => [] },
  'GET /me/alerts': { path: () => '/me/alerts', allowed: () => [] },
  'GET /confidence/legend': { path: () => '/confidence/legend', allowed: () => [] },
  // Public fields only, for every caller: the other formats are checked below (every tier × every format).
  'GET /feeds/{feed}': { path: () => '/feeds/briefings.rss?limit=50', allowed: () => [] },
  'GET /me/preferences': { path: () => '/me/preferences', allowed: () => [] },
  // Without a valid token every caller gets the same 400; a valid one shows a page with a button (the email channel below).
  'GET /unsubscribe': { path: () => '/unsubscribe?token=forged.token', allowed: () => [] },
  // Admins read partners' webhooks: their settings, never a briefing's text (the deliveries are checked below).
  'GET /webhooks': { path: () => '/webhooks', allowed: () => [] },
  'GET /webhooks/{webhookId}': { path: () => `/webhooks/${partnerIds['leadership-alliance']}`, allowed: () => [] },
};

/** The emails the local SES endpoint (aws-ses-v2-local) received, as its JSON store lists them. */
async function mailbox(): Promise<Array<{ destination: { to: string[] }; subject: string; body: { text?: string; html?: string } }>> {
  return ((await (await fetch(`${stack.endpoints.ses}/store`)).json()) as { emails: [] }).emails;
}

/** The syndication feeds, each format, unfiltered and on the entity that P, D and R name (issue 17). */
const FEED_PATHS = ['briefings.rss', 'briefings.atom', 'briefings.json'].flatMap((feed) => [`/feeds/${feed}?limit=50`, `/feeds/${feed}?entity=acme`]);

describe('canary matrix (API3: no gated text beyond the tier)', () => {
  const getRoutes = ROUTES.filter((r) => r.method === 'GET').map((r) => `${r.method} ${r.path}`);

  it('covers every GET route of the manifest', () => {
    expect(Object.keys(READ_ROUTES).sort()).toEqual(getRoutes.sort());
  });

  it.each(VIEWERS.flatMap((who) => getRoutes.map((route) => [who, route] as const)))('%s on %s sees exactly its canaries', async (who, route) => {
    const spec = READ_ROUTES[route]!;
    const res = await call(who, 'GET', spec.path());
    expect(res.status, res.text).toBeLessThan(500);
    if ('allowed' in spec) return expect(canariesIn(res.text)).toEqual(spec.allowed(who));
    if (STAFF.includes(who)) {
      expect(res.status).toBe(200);
      for (const found of canariesIn(res.text)) expect(expected('P', PUBLISHED_ALLOWED.admin)).toContain(found);
    } else {
      expect([401, 403]).toContain(res.status);
      expect(canariesIn(res.text)).toEqual([]);
    }
  });

  it.each(VIEWERS.flatMap((who) => FEED_PATHS.map((path) => [who, path] as const)))(
    '%s on %s: the public feed, the same for every caller, with no canary (no gated section, draft or pending revision)',
    async (who, path) => {
      const [res, anonymous] = await Promise.all([call(who, 'GET', path), call('anonymous', 'GET', path)]);
      expect(res.status, res.text).toBe(200);
      // The entity's feed is one all-time partition: P is on it whatever today's date (the unfiltered feed walks back 12 months).
      if (path.includes('entity=')) expect(res.text).toContain(`/briefings/${P}`);
      expect(canariesIn(res.text)).toEqual([]);
      expect(res.text).not.toContain(D);
      expect(res.text).toBe(anonymous.text);
    },
  );

  it.each(PARTNER_TIERS.map((tier) => [tier]))(
    "a %s partner's webhook receives E's publication with exactly its tier's canaries, and nothing of P, D or R",
    (tier) => {
      expect(partnerBodies[tier].length, `${tier} deliveries`).toBeGreaterThanOrEqual(1);
      for (const body of partnerBodies[tier]) {
        expect(JSON.parse(body)).toMatchObject({ type: 'briefing.published', tier, briefing: { briefingId: E, viewerTier: tier } });
        expect(canariesIn(body)).toEqual(expected('E', PARTNER_ALLOWED[tier]));
      }
    },
  );

  it("carries no more on the bus: each signed delivery event holds its partner's tier only", () => {
    const deliveries = stack.bus.received.filter((e) => e.envelope.source === WEBHOOK_SOURCE);
    expect(deliveries.length).toBeGreaterThanOrEqual(PARTNER_TIERS.length);
    for (const event of deliveries) {
      const tier = PARTNER_TIERS.find((t) => partnerIds[t] === (event.envelope.detail as { webhookId: string }).webhookId)!;
      expect(canariesIn(JSON.stringify(event.envelope)), tier).toEqual(expected('E', PARTNER_ALLOWED[tier]));
    }
  });

  it.each(VIEWERS.map((who) => [who]))('%s on a draft: staff see it whole, anyone else a 404 with no trace of it', async (who) => {
    const res = await call(who, 'GET', `/briefings/${D}`);
    if (STAFF.includes(who)) {
      expect(res.status).toBe(200);
      expect(canariesIn(res.text)).toEqual([...expected('D', ['FAIL', 'HEAD', 'NOTE', 'PUB', 'REL', 'TITLE', 'TREND']), canary('DX', 'NAME')].sort());
    } else {
      expect(res.status).toBe(404);
      expect(canariesIn(res.text)).toEqual([]);
    }
  });

  it.each(VIEWERS.map((who) => [who]))(
    '%s on a published briefing with a pending revision: staff see the revision, anyone else exactly the published copy they read before',
    async (who) => {
      const res = await call(who, 'GET', `/briefings/${R}`);
      expect(res.status).toBe(200);
      if (STAFF.includes(who)) {
        expect(canariesIn(res.text)).toEqual(REVISION_CANARIES);
        expect(canariesIn(JSON.stringify(res.body.sections))).toEqual([]);
        expect(res.body.pendingRevision.proposedBy).toBe(subs.analyst);
      } else {
        expect(res.text).toBe(R_BEFORE[who]);
        expect(res.body).not.toHaveProperty('pendingRevision');
      }
    },
  );

  it('the pending revision is on no public or member route, for any tier: feed, filters, entity pages, watchlists, alerts, events', async () => {
    const paths = ['/briefings?limit=50', `/briefings?entity=acme`, '/entities/acme', '/me/watchlist', '/me/alerts?limit=50', ...FEED_PATHS];
    const revisionCanariesIn = (text: string) => canariesIn(text).filter((c) => REVISION_CANARIES.includes(c));
    for (const who of VIEWERS.filter((w) => !STAFF.includes(w))) {
      for (const path of paths) expect(revisionCanariesIn((await call(who, 'GET', path)).text), `${who} ${path}`).toEqual([]);
    }
    expect(canariesIn(JSON.stringify(announcements().map((e) => e.envelope)))).toEqual([]);
    const edited = stack.bus.received.filter(
      (e) => e.envelope['detail-type'] === 'Briefing Edited' && (e.envelope.detail as { briefingId: string }).briefingId === R,
    );
    expect(edited.map((e) => e.envelope.detail)).toEqual([expect.objectContaining({ pendingReview: true, editedBy: subs.analyst })]);
    expect(
      stack.bus.received.filter(
        (e) => e.envelope['detail-type'] === 'Briefing Published' && (e.envelope.detail as { briefingId: string }).briefingId === R,
      ),
    ).toEqual([]);
  });

  /** Every public route that takes an entity id: the draft's entity must answer exactly as one nobody named. */
  const ENTITY_ROUTES: Array<[string, (id: string) => string]> = [
    ['GET', (id) => `/entities/${id}`],
    ['GET', (id) => `/briefings?entity=${id}`],
    ['GET', (id) => `/feeds/briefings.atom?entity=${id}`],
    ['PUT', (id) => `/me/watchlist/${id}`],
  ];
  it('covers every public route that takes an entity id', () => {
    const withEntity = ROUTES.filter((r) => r.path.includes('{entityId}') && r.fn !== 'put-entity' && r.method !== 'DELETE').map((r) => r.method);
    expect(withEntity.sort()).toEqual(['GET', 'PUT']);
  });
  it.each(VIEWERS.filter((who) => !STAFF.includes(who)))(
    '%s asking about the entity only a draft names, or only a pending revision, gets what an entity nobody named gets, with no trace of it',
    async (who) => {
      for (const secret of [DX, RX]) {
        for (const [method, path] of ENTITY_ROUTES) {
          const drafted = await call(who, method, path(secret));
          const nobody = await call(who, method, path(`nobody-${RUN.toLowerCase()}`));
          expect([drafted.status, drafted.headers.get('cache-control')], `${method} ${path(secret)}`).toEqual([
            nobody.status,
            nobody.headers.get('cache-control'),
          ]);
          expect(drafted.text.replaceAll(secret, 'X')).toBe(nobody.text.replaceAll(`nobody-${RUN.toLowerCase()}`, 'X'));
          expect(canariesIn(drafted.text)).toEqual([]);
        }
      }
    },
  );

  it('locked sections are markers: name, title, tier, locked, unlockTier and how to unlock, the same for every briefing (no hint of content)', async () => {
    const lockedOf = async (briefingId: string, who: ViewerName = 'anonymous') =>
      ((await call(who, 'GET', `/briefings/${briefingId}`)).body.sections as Array<Record<string, unknown>>).filter((s) => s['locked']);
    const locked = await lockedOf(P);
    expect(locked.map((s) => s['name'])).toEqual(['trendContext', 'relationshipEvidence', 'failurePaths', 'sourceNotes']);
    for (const section of locked) expect(Object.keys(section).sort()).toEqual(['locked', 'name', 'tier', 'title', 'unlock', 'unlockTier']);
    expect(locked[0]!['unlock']).toMatchObject({ tierName: 'Strategy Circle', action: { kind: 'sign-up', free: true } });
    expect(locked[1]!['unlock']).toMatchObject({ tierName: 'Leadership Alliance', action: { kind: 'request-access', free: false } });
    // Another briefing, other content, the same markers; a revoked member sees what the public sees.
    expect(await lockedOf(E)).toEqual(locked);
    expect(await lockedOf(P, 'revoked')).toEqual(locked);
    expect((await lockedOf(P, 'strategy')).map((s) => s['unlock'])).toEqual(locked.slice(1).map((s) => s['unlock']));
  });

  it('the confidence legend is the same for every caller, public and cacheable (issue 16)', async () => {
    const answers = await Promise.all(VIEWERS.map((who) => call(who, 'GET', '/confidence/legend')));
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((r) => r.text)).size).toBe(1);
    expect(answers[0]!.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(answers[0]!.body.bands.map((b: { grade: string }) => b.grade)).toEqual(['A', 'A/B', 'B/C', 'C/D', 'D', 'D']);
  });

  it('error bodies carry no canary (refused, conflicting and invalid requests)', async () => {
    const errors = await Promise.all([
      call('strategy', 'POST', `/briefings/${P}/publish`),
      call('editor', 'POST', `/briefings/${P}/publish`),
      call('leadership', 'GET', `/briefings/${D}`),
      call('analyst', 'POST', '/sources', { briefingId: D, url: 'not a url' }),
      call('revoked', 'GET', `/members/${subs.leadership}/entitlement`),
      call('anonymous', 'GET', `/briefings/${P}/nowhere`),
      call('strategy', 'POST', '/me/access-requests', { reason: 'another reason' }),
      call('admin', 'POST', `/members/${subs.expired}/access-requests/1/decision`, { outcome: 'approve', validUntil: NOW.toISOString() }),
    ]);
    expect(errors.map((r) => r.status)).toEqual([403, 409, 404, 400, 403, 404, 409, 409]);
    for (const res of errors) expect(canariesIn(res.text)).toEqual([]);
  });

  it.each(VIEWERS.filter((who) => who !== 'anonymous').map((who) => [who]))(
    '%s: the instant email of E carries exactly the canaries of its tier at send time (no draft, no pending revision)',
    async (who) => {
      const mails = (await mailbox()).filter((m) => m.destination.to.includes(addresses[who as Exclude<ViewerName, 'anonymous'>]));
      expect(mails).toHaveLength(1);
      const text = `${mails[0]!.subject}\n${mails[0]!.body.text}\n${mails[0]!.body.html}`;
      expect(text).toContain(`/briefings/${E}`);
      expect(canariesIn(text)).toEqual(expected('E', PUBLISHED_ALLOWED[who]));
    },
  );

  it("a Leadership Alliance member downgraded between publication and the daily digest gets Strategy Circle's copy", async () => {
    const mails = (await mailbox()).filter((m) => m.destination.to.includes(downgraded.address));
    expect(mails).toHaveLength(1);
    expect(canariesIn(`${mails[0]!.subject}\n${mails[0]!.body.text}\n${mails[0]!.body.html}`)).toEqual(expected('E', ['TREND']));
  });

  it("no email carries a draft, a pending revision or another briefing's gated text", async () => {
    const all = (await mailbox()).map((m) => `${m.subject}\n${m.body.text}\n${m.body.html}`).join('\n');
    expect(canariesIn(all).filter((c) => !c.includes('-E-'))).toEqual([]);
    expect(all).not.toContain(D);
  });

  it('events carry no gated text and no access-request reason: every announcement on the bus, including Briefing Published, Entitlement Changed and Access Requested / Decided', () => {
    const types = new Set(announcements().map((e) => e.envelope['detail-type']));
    expect([...types]).toEqual(expect.arrayContaining(['Briefing Published', 'Entitlement Changed', 'Access Requested', 'Access Decided']));
    expect(canariesIn(JSON.stringify(announcements().map((e) => e.envelope)))).toEqual([]);
  });
});

describe('BOLA (API1)', () => {
  it("a member cannot read another member's entitlement, nor their own through the admin route", async () => {
    for (const who of ['strategy', 'leadership', 'analyst', 'editor'] as const) {
      expect((await call(who, 'GET', `/members/${subs.admin}/entitlement`)).status).toBe(403);
      expect((await call(who, 'GET', `/members/${subs[who]}/entitlement`)).status).toBe(403);
    }
    expect((await call('admin', 'GET', `/members/${subs.leadership}/entitlement`)).status).toBe(200);
  });

  it("a member cannot read or decide another member's request for a tier, nor their own", async () => {
    for (const who of ['strategy', 'leadership', 'analyst', 'editor', 'expired'] as const) {
      for (const target of [subs.strategy, subs.expired]) {
        const res = await call(who, 'POST', `/members/${target}/access-requests/1/decision`, {
          outcome: 'approve',
          validUntil: '2099-01-01T00:00:00Z',
        });
        expect(res.status, `${who} deciding for ${target}`).toBe(403);
      }
      expect((await call(who, 'GET', `/access-requests?status=declined`)).status).toBe(403);
    }
    // Nothing was decided by them: strategy's request is still open, expired's still declined by the admin.
    expect((await call('strategy', 'GET', '/me/access-requests')).body.items).toEqual([expect.objectContaining({ requestId: '1', status: 'open' })]);
    expect((await call('expired', 'GET', '/me/access-requests')).body.items).toEqual([
      expect.objectContaining({ requestId: '1', status: 'declined' }),
    ]);
  });

  it("a member's watchlist is their own: one member unfollowing leaves the others' as they were", async () => {
    expect((await call('leadership', 'DELETE', '/me/watchlist/acme')).status).toBe(204);
    expect((await call('leadership', 'GET', '/me/watchlist')).body.items).toEqual([]);
    expect((await call('strategy', 'GET', '/me/watchlist')).body.items.map((w: { entityId: string }) => w.entityId)).toEqual(['acme']);
  });

  it('/me answers for the caller only, with no grantor or reason', async () => {
    for (const who of ['strategy', 'leadership', 'revoked'] as const) {
      const me = await call(who, 'GET', '/me');
      expect(me.body.userId).toBe(subs[who]);
      expect(Object.keys(me.body).sort()).toEqual(expect.arrayContaining(['roles', 'status', 'tier', 'userId']));
      expect(me.text).not.toMatch(/grantedBy|revoked(By|Reason)|cancelled/);
    }
    expect((await call('anonymous', 'GET', '/me')).status).toBe(401);
  });
});

describe('BOPLA (API3): fields a client must not set are refused and never stored', () => {
  const marker = `BOPLA-${RUN}`;

  it.each([
    [
      'a briefing with status, score, publishedAt, tier',
      'analyst',
      'POST',
      '/briefings',
      () => ({
        ...briefingInput({ sections: { ...briefingInput().sections, headline: marker } }),
        status: 'published',
        publishedAt: NOW.toISOString(),
        confidence: { score: 1 },
        score: 1,
        tier: 'public',
      }),
      ['status', 'publishedAt', 'confidence', 'score', 'tier'],
    ],
    [
      'a source with a score, a weight and a status',
      'analyst',
      'POST',
      '/sources',
      () => ({
        briefingId: D,
        url: `https://example.com/${marker}`,
        publisher: marker,
        kind: 'direct',
        title: marker,
        excerpt: marker,
        score: 1,
        weight: 1,
        status: 'published',
      }),
      ['score', 'weight', 'status'],
    ],
    [
      'a source correction with a history, a version, who ingested it and a weight',
      'analyst',
      'PATCH',
      () => `/briefings/${P}/sources/${P_SOURCE.sourceId}`,
      () => ({ kind: 'reporting', reason: marker, history: [], version: 99, ingestedBy: marker, weight: 1 }),
      ['history', 'version', 'ingestedBy', 'weight'],
    ],
    [
      'an entitlement with status, origin, grantedBy, revocation and version',
      'admin',
      'PUT',
      () => `/members/${subs.strategy}/entitlement`,
      () => ({ tier: 'strategy-circle', status: 'active', origin: 'sign-up', grantedBy: marker, revokedReason: marker, version: 99 }),
      ['status', 'origin', 'grantedBy', 'revokedReason', 'version'],
    ],
  ] as const)('%s', async (_, who, method, path, body, fields) => {
    const res = await call(who, method, typeof path === 'function' ? path() : path, body());
    expect(res.status).toBe(400);
    // Unknown keys are reported at the object that refuses them, by name.
    const reported = JSON.stringify(res.body.errors);
    for (const field of fields) expect(reported).toContain(`\\"${field}\\"`);
    expect(await scanTable()).not.toContain(marker);
  });

  it('a member cannot set their own tier: there is no member-writable route for it', async () => {
    const res = await call('strategy', 'PUT', `/members/${subs.strategy}/entitlement`, {
      tier: 'leadership-alliance',
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(res.status).toBe(403);
    expect((await call('strategy', 'GET', '/me')).body.tier).toBe('strategy-circle');
  });
});

describe('BFLA (API5): members calling staff routes', () => {
  const staffRoutes = (target: string) =>
    [
      ['POST', '/briefings', ['analyst']],
      ['POST', '/sources', ['analyst']],
      ['POST', `/briefings/${P}/publish`, ['editor']],
      ['POST', `/briefings/${P}/retract`, ['editor']],
      ['PATCH', `/briefings/${P}`, ['analyst', 'editor']],
      ['PATCH', `/briefings/${P}/sources/${target}`, ['analyst', 'editor']],
      ['DELETE', `/briefings/${P}/sources/${target}`, ['analyst', 'editor']],
      ['PUT', `/briefings/${P}/score/override`, ['analyst', 'editor']],
      ['DELETE', `/briefings/${P}/score/override`, ['analyst', 'editor']],
      ['GET', `/members/${target}/entitlement`, []],
      ['PUT', `/members/${target}/entitlement`, []],
      ['DELETE', `/members/${target}/entitlement`, []],
      ['PUT', `/entities/${target}`, ['analyst', 'editor']],
      ['GET', '/access-requests', []],
      // Request 1 of the target (any id, for the coverage check below).
      ['POST', `/members/${target}/access-requests/${target === '*' ? '*' : '1'}/decision`, []],
      ['POST', '/webhooks', []],
      ['GET', '/webhooks', []],
      ['DELETE', `/webhooks/${target}`, []],
      ['POST', `/webhooks/${target}/secret`, []],
    ] as const;

  it('covers every staff write route of the manifest', () => {
    // Routes under /me/ act on the caller's own records (no user id in the path): any signed-in member calls them.
    // POST /unsubscribe is no staff route: its signed token is the proof, for anyone holding the email (the email channel above).
    const writes = ROUTES.filter((r) => r.method !== 'GET' && !r.path.startsWith('/me/') && r.auth !== 'none').map(
      (r) => `${r.method} ${r.path.replace(/\{\w+\}/g, '*')}`,
    );
    const listed = staffRoutes('*').map(([method, path]) => `${method} ${path.replace(P, '*')}`);
    expect(writes.filter((w) => !listed.includes(w))).toEqual([]);
  });

  it.each(VIEWERS.filter((who) => who !== 'admin').map((who) => [who]))('%s gets 401/403 on every route beyond its role', async (who) => {
    for (const [method, path, roles] of staffRoutes(subs.strategy)) {
      if ((roles as readonly string[]).includes(who)) continue;
      const res = await call(who, method, path, method === 'GET' ? undefined : {});
      expect(res.status, `${who} ${method} ${path}`).toBe(who === 'anonymous' ? 401 : 403);
    }
  });

  it('staff reach their own routes (refused for the empty body, not for who they are)', async () => {
    expect((await call('analyst', 'POST', '/briefings', {})).status).toBe(400);
    expect((await call('admin', 'PUT', `/members/${subs.strategy}/entitlement`, {})).status).toBe(400);
  });
});

describe('resource consumption (API4)', () => {
  it('caps the page size and the cursor', async () => {
    expect((await call('anonymous', 'GET', '/briefings?limit=51')).body.errors).toEqual([expect.objectContaining({ pointer: 'query:limit' })]);
    expect((await call('anonymous', 'GET', '/briefings?limit=0')).status).toBe(400);
    const page = await call('anonymous', 'GET', '/briefings?limit=50');
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(50);
    expect((await call('anonymous', 'GET', `/briefings?cursor=${'a'.repeat(2000)}`)).status).toBe(400);
  });

  it('answers an over-long query string or header with a problem+json 431, not an empty one', async () => {
    const longQuery = await api(stack, 'GET', `/briefings?region=${'x'.repeat(20_000)}`);
    const longHeader = await api(stack, 'GET', '/briefings', { headers: { 'x-padding': 'y'.repeat(20_000) } });
    for (const res of [longQuery, longHeader]) {
      expect(res.status).toBe(431);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body).toMatchObject({ type: 'about:blank', title: 'Request Header Fields Too Large', status: 431, detail: expect.any(String) });
    }
  });

  it('caps bodies at 64 KB on every write route', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(70_000) });
    for (const [who, method, path] of [
      ['analyst', 'POST', '/briefings'],
      ['analyst', 'POST', '/sources'],
      ['analyst', 'PATCH', `/briefings/${P}`],
      ['analyst', 'PATCH', `/briefings/${P}/sources/x`],
      ['editor', 'DELETE', `/briefings/${P}/sources/x`],
      ['admin', 'PUT', `/members/${subs.strategy}/entitlement`],
      ['admin', 'DELETE', `/members/${subs.strategy}/entitlement`],
      ['analyst', 'PUT', `/entities/${N}`],
      ['strategy', 'POST', '/me/access-requests'],
      ['admin', 'POST', `/members/${subs.strategy}/access-requests/1/decision`],
    ] as const) {
      const res = await api(stack, method, path, { token: tokens[who], rawBody: big, headers: { 'content-type': 'application/json' } });
      expect(res.status, `${method} ${path}`).toBe(413);
    }
  });

  it('bounds path parameters before they reach a key', async () => {
    expect((await call('anonymous', 'GET', `/briefings/${'b'.repeat(65)}`)).status).toBe(400);
    expect((await call('admin', 'GET', `/members/${'u'.repeat(129)}/entitlement`)).status).toBe(400);
    expect((await call('admin', 'GET', '/members/USER%23x%23ENTITLEMENT/entitlement')).status).toBe(400);
    expect((await call('anonymous', 'GET', `/entities/${'e'.repeat(65)}`)).status).toBe(400);
    expect((await call('strategy', 'PUT', '/me/watchlist/ENTITY%23acme%23PROFILE')).status).toBe(400);
    expect(
      (await call('admin', 'POST', `/members/${subs.strategy}/access-requests/${'9'.repeat(7)}/decision`, { outcome: 'decline', reason: 'x' }))
        .status,
    ).toBe(400);
    expect(
      (await call('admin', 'POST', `/members/${subs.strategy}/access-requests/ACCESS_REQUEST%23000001/decision`, { outcome: 'decline', reason: 'x' }))
        .status,
    ).toBe(400);
    expect((await call('admin', 'GET', `/access-requests?cursor=${'c'.repeat(513)}`)).status).toBe(400);
  });
});

// Last: it makes R's revision public, which the matrix above must not see.
describe('an editor publishes the pending revision (issue 16)', () => {
  it('readers then see it, its new entity becomes public, and Briefing Published names who proposed and who approved it', async () => {
    const published = await call('editor', 'POST', `/briefings/${R}/publish`);
    expect(published.status, published.text).toBe(200);
    expect(published.body).not.toHaveProperty('pendingRevision');
    const event = await stack.bus.waitFor(
      (e) => e.envelope['detail-type'] === 'Briefing Published' && (e.envelope.detail as { briefingId: string }).briefingId === R,
    );
    await stack.settled();

    expect(event.envelope.detail).toMatchObject({ approvedBy: subs.editor, proposedBy: subs.analyst, publishedBy: 'editor-1' });
    expect(canariesIn((await call('anonymous', 'GET', `/briefings/${R}`)).text)).toEqual([canary('R', 'HEAD'), canary('RX', 'NAME')].sort());
    expect((await call('anonymous', 'GET', `/entities/${RX}`)).status).toBe(200);
    const history = await call('analyst', 'GET', `/briefings/${R}/versions`);
    expect(history.body.versions.slice(0, 2)).toEqual([
      expect.objectContaining({ action: 'published', by: subs.editor, approvedBy: subs.editor, proposedBy: subs.analyst }),
      expect.objectContaining({ action: 'proposed', by: subs.analyst }),
    ]);
  });
});
