/**
 * The walking skeleton end to end on the real local engines: an analyst
 * drafts a briefing and adds sources, the pipeline scores it and publishes it
 * by rule, and readers of each tier see exactly the sections their tier unlocks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_VERSION } from '#domain/scoring.ts';
import type { ReceivedEvent } from '#local/event-bus.ts';
import { briefingInput, sourceText } from '#test/support/fixtures.ts';
import { api, approveAutoPublish, type LocalStack, startTestStack, type UsualTokens, usualTokens } from './harness.ts';

let stack: LocalStack;
let tokens: UsualTokens;
let analystId = '';
let editorId = '';

beforeAll(async () => {
  stack = await startTestStack();
  tokens = await usualTokens(stack);
  analystId = (await api(stack, 'GET', '/me', { token: tokens.analyst })).body.userId;
  editorId = (await api(stack, 'GET', '/me', { token: tokens.editor })).body.userId;
});
afterAll(() => stack?.stop());

const source = (briefingId: string, n: number, kind: string) => ({
  briefingId,
  url: `https://outlet${n}.example.com/news/acme-pause-${n}`,
  publisher: `Outlet ${n}`,
  kind,
  title: `Acme pauses build (${n})`,
  excerpt: sourceText(n),
  publishedAt: '2026-06-19T08:00:00Z',
});
const eventsOf = (type: string, briefingId: string) =>
  stack.bus.received.filter(
    (e: ReceivedEvent) => e.envelope['detail-type'] === type && (e.envelope.detail as { briefingId?: string }).briefingId === briefingId,
  );
const lockedSections = (body: { sections: Array<{ name: string; locked: boolean }> }) => body.sections.filter((s) => s.locked).map((s) => s.name);

describe('ingest → score → publish → read', () => {
  let briefingId = '';

  it('an analyst drafts a briefing and proposes an auto-publish rule; an editor approves it; readers cannot see the draft', async () => {
    const created = await api(stack, 'POST', '/briefings', { token: tokens.analyst, body: briefingInput({ autoPublish: { minGrade: 'A/B' } }) });
    expect(created.status).toBe(201);
    briefingId = created.body.briefingId;
    expect(created.body.completeness.problems).toEqual(['no sources yet']);
    expect(created.body.autoPublish).toEqual({ minGrade: 'A/B', proposedBy: analystId, proposedAt: expect.any(String) });

    const approved = await approveAutoPublish(stack, tokens.editor, briefingId, 'A/B');
    expect(approved.status).toBe(200);
    expect(approved.body?.autoPublish).toMatchObject({ minGrade: 'A/B', proposedBy: analystId, approvedBy: editorId });

    expect((await api(stack, 'GET', `/briefings/${briefingId}`)).status).toBe(404);
    expect((await api(stack, 'GET', `/briefings/${briefingId}`, { token: tokens.leadership })).status).toBe(404);
  });

  it('sources flow through Source Ingested and Briefing Scored to Briefing Published', async () => {
    for (const [n, kind] of [
      [1, 'direct'],
      [2, 'reporting'],
    ] as const) {
      const res = await api(stack, 'POST', '/sources', { token: tokens.analyst, body: source(briefingId, n, kind) });
      expect(res.status).toBe(201);
    }

    const published = await stack.bus.waitFor(
      (e) => e.envelope['detail-type'] === 'Briefing Published' && (e.envelope.detail as { briefingId: string }).briefingId === briefingId,
    );
    await stack.settled();

    expect(eventsOf('Source Ingested', briefingId)).toHaveLength(2);
    const scored = eventsOf('Briefing Scored', briefingId).map((e) => e.envelope.detail as { current: { grade: string } });
    expect(scored.at(-1)!.current.grade).toBe('A/B');
    expect(published.envelope).toMatchObject({
      source: 'signal-briefings',
      version: '0',
      detail: { publishedBy: 'rule:auto-publish', approvedBy: editorId, proposedBy: analystId, grade: 'A/B' },
    });
    expect(published.deliveries.every((d) => d.status !== 'dead-lettered')).toBe(true);
  });

  it('the published briefing is in the public feed with its computed score', async () => {
    const list = await api(stack, 'GET', '/briefings');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(expect.objectContaining({ briefingId, score: 0.76, grade: 'A/B', label: 'Strong' }));
  });

  it.each([
    ['an anonymous reader', undefined, ['trendContext', 'relationshipEvidence', 'failurePaths', 'sourceNotes']],
    ['a Strategy Circle member', 'strategy', ['relationshipEvidence', 'failurePaths', 'sourceNotes']],
    ['a Leadership Alliance member', 'leadership', []],
  ] as const)('%s sees exactly the sections of the tier', async (_, who, locked) => {
    const res = await api(stack, 'GET', `/briefings/${briefingId}`, who ? { token: tokens[who] } : {});

    expect(res.status).toBe(200);
    expect(lockedSections(res.body)).toEqual(locked);
    const canaries = res.text.match(/CANARY-[A-Z]+/g) ?? [];
    const expected = { undefined: [], strategy: ['CANARY-STRATEGY'], leadership: ['CANARY-STRATEGY', 'CANARY-LEADERSHIP', 'CANARY-FAILURE'] }[
      String(who)
    ];
    expect([...new Set(canaries)].sort()).toEqual([...expected!].sort());
  });

  it('the confidence section counts the sources, and source notes give each its share', async () => {
    const res = await api(stack, 'GET', `/briefings/${briefingId}`, { token: tokens.leadership });
    const section = (name: string) => res.body.sections.find((s: { name: string }) => s.name === name).content;
    expect(section('confidence')).toMatchObject({
      score: 0.76,
      grade: 'A/B',
      sourceCounts: { direct: 1, reporting: 1 },
      modelVersion: MODEL_VERSION,
    });
    expect(
      section('sourceNotes')
        .map((n: { share: number }) => n.share)
        .sort(),
    ).toEqual([0.37, 0.63]);
  });

  it.each([
    ['another spelling', 'HTTPS://www.Outlet1.example.com/news/acme-pause-1/?utm_source=newsletter#top'],
    ['its mobile site', 'https://m.outlet1.example.com/news/acme-pause-1'],
    ['a messaging-app share link', 'https://outlet1.example.com/news/acme-pause-1?from=singlemessage&isappinstalled=0&share=1'],
  ])('the same article under %s is a duplicate: 409, nothing stored, no event', async (_, url) => {
    const before = eventsOf('Source Ingested', briefingId).length;
    const again = { ...source(briefingId, 1, 'direct'), url };

    const res = await api(stack, 'POST', '/sources', { token: tokens.analyst, body: again });
    await stack.settled();

    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(eventsOf('Source Ingested', briefingId)).toHaveLength(before);
  });
});

describe('an editor publishes a briefing without a rule', () => {
  it('publishes only once it is complete', async () => {
    const { body } = await api(stack, 'POST', '/briefings', { token: tokens.analyst, body: briefingInput() });
    const publish = () => api(stack, 'POST', `/briefings/${body.briefingId}/publish`, { token: tokens.editor });

    const early = await publish();
    expect(early.status).toBe(422);
    expect(early.body.problems).toEqual(['no sources yet']);

    await api(stack, 'POST', '/sources', { token: tokens.analyst, body: source(body.briefingId, 7, 'reporting') });
    await stack.bus.waitFor(
      (e) => e.envelope['detail-type'] === 'Briefing Scored' && (e.envelope.detail as { briefingId: string }).briefingId === body.briefingId,
    );
    await stack.settled();

    const done = await publish();
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'published' });
    expect((await publish()).status).toBe(409);
    await stack.bus.waitFor(
      (e) => e.envelope['detail-type'] === 'Briefing Published' && (e.envelope.detail as { briefingId: string }).briefingId === body.briefingId,
    );
  });
});

describe("the seed page's boilerplate does not publish", () => {
  it('a draft carrying the template lines, in English and in its Chinese translation, is neither auto-published nor published: 422 per field', async () => {
    // Prepare: the publisher's template lines in place of content, with evidence that would otherwise reach the rule's grade
    const sections = {
      ...briefingInput().sections,
      coverage: 'Signal briefing for Acme Networks. Acme is covered for operational-dependency signals in regional connectivity.',
      publishedReporting: 'Acme said it will pause construction for two quarters. Signal briefing for Acme Networks。',
      operatingSurface: {
        affectedParties: ['Regional ISPs'],
        operatingSurface:
          'Published sources should identify the affected parties, operating surface and market exposure before this trend map is treated as complete.',
        marketExposure: 'Wholesale capacity',
      },
      whatToWatch: ['Official statements, regulatory updates, customer/partner exposure, follow-up disclosures.'],
    };
    const zh = { ...sections, headline: 'Acme暂停北部光纤建设', coverage: 'Acme Networks的信号简报。' };
    const { body: created } = await api(stack, 'POST', '/briefings', {
      token: tokens.analyst,
      body: { ...briefingInput({ autoPublish: { minGrade: 'A/B' } }), sections, translations: { zh } },
    });
    const id = created.briefingId as string;
    expect(created.completeness.issues).toContainEqual(expect.objectContaining({ pointer: '#/translations/zh/coverage', code: 'template' }));

    // Act
    for (const [n, kind] of [
      [21, 'direct'],
      [22, 'reporting'],
    ] as const) {
      expect((await api(stack, 'POST', '/sources', { token: tokens.analyst, body: source(id, n, kind) })).status).toBe(201);
    }
    await stack.bus.waitFor(
      (e) => e.envelope['detail-type'] === 'Briefing Scored' && (e.envelope.detail as { briefingId: string }).briefingId === id,
    );
    await stack.settled();
    const refused = await api(stack, 'POST', `/briefings/${id}/publish`, { token: tokens.editor });

    // Assess
    expect(eventsOf('Briefing Published', id)).toEqual([]);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body.issues.map((i: { pointer: string; code: string }) => `${i.pointer} ${i.code}`)).toEqual([
      '#/sections/coverage template',
      '#/sections/operatingSurface/operatingSurface template',
      '#/sections/publishedReporting template',
      '#/sections/whatToWatch/0 template',
      '#/sections/publishedReporting repeated-sentence',
      '#/translations/zh/coverage template',
      '#/translations/zh/operatingSurface/operatingSurface template',
      '#/translations/zh/publishedReporting template',
      '#/translations/zh/whatToWatch/0 template',
    ]);
    expect(refused.body.problems).toContain(
      '#/sections/publishedReporting: repeats "Signal briefing for Acme Networks。" (first in #/sections/coverage)',
    );
    expect((await api(stack, 'GET', `/briefings/${id}`)).status).toBe(404);
  });
});

describe("publication is an editor's decision (issue 16)", () => {
  it("a rule an analyst only proposed publishes nothing, however high the grade; below the publisher's floor it is refused", async () => {
    // Prepare
    const low = await api(stack, 'POST', '/briefings', { token: tokens.analyst, body: briefingInput({ autoPublish: { minGrade: 'C/D' } }) });
    const { body: created } = await api(stack, 'POST', '/briefings', {
      token: tokens.analyst,
      body: briefingInput({ autoPublish: { minGrade: 'A/B' } }),
    });
    const id = created.briefingId as string;
    const read = await api(stack, 'GET', `/briefings/${id}`, { token: tokens.analyst });
    // An analyst sending the rule again only proposes it again.
    const again = await api(stack, 'PATCH', `/briefings/${id}`, {
      token: tokens.analyst,
      headers: { 'if-match': read.headers.get('etag')! },
      body: { autoPublish: { minGrade: 'A/B' } },
    });

    // Act
    for (const [n, kind] of [
      [31, 'direct'],
      [32, 'reporting'],
    ] as const) {
      expect((await api(stack, 'POST', '/sources', { token: tokens.analyst, body: source(id, n, kind) })).status).toBe(201);
    }
    await stack.bus.waitFor(
      (e) =>
        e.envelope['detail-type'] === 'Briefing Scored' &&
        (e.envelope.detail as { briefingId: string; current: { grade: string } }).briefingId === id &&
        (e.envelope.detail as { current: { grade: string } }).current.grade === 'A/B',
    );
    await stack.settled();

    // Assess
    expect(low.status).toBe(400);
    expect(low.body.errors).toEqual([expect.objectContaining({ pointer: '#/autoPublish/minGrade' })]);
    expect(again.status).toBe(200);
    expect(again.body.autoPublish).not.toHaveProperty('approvedBy');
    expect(eventsOf('Briefing Published', id)).toEqual([]);
    expect((await api(stack, 'GET', `/briefings/${id}`)).status).toBe(404);
    const staff = await api(stack, 'GET', `/briefings/${id}`, { token: tokens.editor });
    expect(staff.body).toMatchObject({ status: 'draft', autoPublish: { minGrade: 'A/B', proposedBy: analystId } });
  });
});

describe('no lost updates: ETag on reads, If-Match on edits', () => {
  it('edits with the ETag read, refuses a stale one (412) or none (428), lets one of two racing edits through, and answers 304', async () => {
    // Prepare: a published briefing
    const { body: created } = await api(stack, 'POST', '/briefings', { token: tokens.analyst, body: briefingInput() });
    const id = created.briefingId as string;
    await api(stack, 'POST', '/sources', { token: tokens.analyst, body: source(id, 11, 'reporting') });
    await stack.bus.waitFor(
      (e) => e.envelope['detail-type'] === 'Briefing Scored' && (e.envelope.detail as { briefingId: string }).briefingId === id,
    );
    await stack.settled();
    expect((await api(stack, 'POST', `/briefings/${id}/publish`, { token: tokens.editor })).status).toBe(200);
    await stack.settled();
    // An editor's own edits of a published briefing go live (an analyst's would wait as a pending revision).
    const edit = (etag: string | undefined, headline: string) =>
      api(stack, 'PATCH', `/briefings/${id}`, {
        token: tokens.editor,
        body: { sections: { headline } },
        ...(etag ? { headers: { 'if-match': etag } } : {}),
      });

    // Act + Assess: read as an analyst, edit with that ETag
    const read = await api(stack, 'GET', `/briefings/${id}`, { token: tokens.analyst });
    const etag = read.headers.get('etag')!;
    expect(etag).toMatch(/^"v\d+-staff"$/);
    const version = Number(/^"v(\d+)/.exec(etag)![1]);
    const edited = await edit(etag, 'Acme resumes part of its northern fibre build');
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).toBe(`"v${version + 1}-staff"`);
    expect(edited.body).toMatchObject({ status: 'published' });
    // the editor's edit of a published briefing is announced as its new published version
    await stack.bus.waitFor(
      (e) =>
        e.envelope['detail-type'] === 'Briefing Published' &&
        (e.envelope.detail as { briefingId: string; briefingVersion: number }).briefingId === id &&
        (e.envelope.detail as { briefingVersion: number }).briefingVersion === version + 1,
    );

    // the copy read before the edit is stale; no If-Match at all is refused
    const stale = await edit(etag, 'An edit over a version the analyst never saw');
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toBe('application/problem+json');
    expect(stale.body.detail).toMatch(/newer/);
    expect((await edit(undefined, 'A blind edit')).status).toBe(428);

    // two edits made on the same version at once: exactly one lands
    const current = edited.headers.get('etag')!;
    const race = await Promise.all([edit(current, 'First racing headline'), edit(current, 'Second racing headline')]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = race.find((r) => r.status === 200)!;
    await stack.settled();
    const after = await api(stack, 'GET', `/briefings/${id}`, { token: tokens.analyst });
    expect(after.headers.get('etag')).toBe(`"v${version + 2}-staff"`);
    expect(after.body.sections[0].content).toBe(winner.body.sections[0].content);

    // an anonymous reader revalidates: 304, no body, the public ETag of the version
    const anonymous = await api(stack, 'GET', `/briefings/${id}`);
    expect(anonymous.headers.get('etag')).toBe(`"v${version + 2}-public"`);
    const revalidated = await api(stack, 'GET', `/briefings/${id}`, { headers: { 'if-none-match': anonymous.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers.get('etag')).toBe(`"v${version + 2}-public"`);
    expect(revalidated.headers.get('cache-control')).toBe('public, max-age=60');
  });
});

describe('an editor retracts a published briefing', () => {
  it('takes it out of the feed, answers 404 to readers, keeps it for staff, announces Briefing Retracted, and refuses a second retraction', async () => {
    // Prepare: a published briefing, in the feed
    const { body: created } = await api(stack, 'POST', '/briefings', { token: tokens.analyst, body: briefingInput() });
    const id = created.briefingId as string;
    await api(stack, 'POST', '/sources', { token: tokens.analyst, body: source(id, 21, 'reporting') });
    await stack.bus.waitFor(
      (e) => e.envelope['detail-type'] === 'Briefing Scored' && (e.envelope.detail as { briefingId: string }).briefingId === id,
    );
    await stack.settled();
    expect((await api(stack, 'POST', `/briefings/${id}/publish`, { token: tokens.editor })).status).toBe(200);
    await stack.settled();
    const inFeed = async () =>
      ((await api(stack, 'GET', '/briefings?limit=50')).body.items as Array<{ briefingId: string }>).some((b) => b.briefingId === id);
    expect(await inFeed()).toBe(true);
    const retract = () =>
      api(stack, 'POST', `/briefings/${id}/retract`, { token: tokens.editor, body: { reason: 'The central claim was withdrawn by its source.' } });

    // Act
    const res = await retract();

    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ briefingId: id, status: 'retracted' });
    const retracted = await stack.bus.waitFor(
      (e) => e.envelope['detail-type'] === 'Briefing Retracted' && (e.envelope.detail as { briefingId: string }).briefingId === id,
    );
    expect(retracted.envelope.detail).toMatchObject({
      schemaVersion: 1,
      briefingId: id,
      briefingVersion: expect.any(Number),
      retractedAt: expect.any(String),
    });
    expect(JSON.stringify(retracted.envelope)).not.toContain('withdrawn');
    expect(await inFeed()).toBe(false);
    expect((await api(stack, 'GET', `/briefings/${id}`)).status).toBe(404);
    expect((await api(stack, 'GET', `/briefings/${id}`, { token: tokens.leadership })).status).toBe(404);
    const staff = await api(stack, 'GET', `/briefings/${id}`, { token: tokens.editor });
    expect(staff.status).toBe(200);
    expect(staff.body.status).toBe('retracted');

    const again = await retract();
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    await stack.settled();
    expect(eventsOf('Briefing Retracted', id)).toHaveLength(1);
  });
});

describe('bad input and the wrong caller', () => {
  it('invalid sources get 400 with field paths and write nothing', async () => {
    const before = stack.bus.received.length;
    const res = await api(stack, 'POST', '/sources', {
      token: tokens.analyst,
      body: { briefingId: 'x', url: 'ftp://nope', kind: 'rumour', score: 1 },
    });
    await stack.settled();

    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['#/url', '#/kind', '#/publisher', '#/title']));
    expect(stack.bus.received.length).toBe(before);
  });

  it.each([
    ['no token on a staff route', 'POST', '/sources', undefined, 401],
    ['a member on an analyst route', 'POST', '/sources', 'strategy', 403],
    ['an analyst on the editor route', 'POST', '/briefings/any/publish', 'analyst', 403],
    ['a wrong method', 'DELETE', '/briefings', undefined, 405],
    ['an unknown route', 'GET', '/nowhere', undefined, 404],
    ['a garbage token on a route that shapes its answer by tier', 'GET', '/briefings/any', 'garbage', 401],
    ['a garbage token on the public feed, which reads no token', 'GET', '/briefings', 'garbage', 200],
  ] as const)('%s → %s', async (_, method, path, who, status) => {
    const token = who === 'garbage' ? 'not.a.jwt' : who ? tokens[who] : undefined;
    const res = await api(stack, method, path, { ...(token ? { token } : {}), ...(method === 'GET' ? {} : { body: {} }) });
    expect(res.status).toBe(status);
  });

  it('an oversized body is 413', async () => {
    const res = await api(stack, 'POST', '/briefings', {
      token: tokens.analyst,
      rawBody: JSON.stringify({ pad: 'x'.repeat(70_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
  });
});
