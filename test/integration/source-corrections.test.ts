/**
 * A source entered wrongly, corrected and withdrawn on the real local engines:
 * each change is written with its Source Updated event, the relay puts it on
 * the bus, score-briefing re-scores, and staff read the withdrawn source with
 * who withdrew it, when and why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceivedEvent } from '#local/event-bus.ts';
import { briefingInput, sourceText } from '#test/support/fixtures.ts';
import { api, type LocalStack, startTestStack, type UsualTokens, usualTokens } from './harness.ts';

let stack: LocalStack;
let tokens: UsualTokens;

beforeAll(async () => {
  stack = await startTestStack();
  tokens = await usualTokens(stack);
});
afterAll(() => stack?.stop());

const source = (briefingId: string, n: number, kind: string) => ({
  briefingId,
  url: `https://outlet${n}.example.com/news/acme-correction-${n}`,
  publisher: `Outlet ${n}`,
  kind,
  title: `Acme pauses build (${n})`,
  excerpt: sourceText(100 + n),
  publishedAt: '2026-06-19T08:00:00Z',
});
type Detail = { briefingId?: string; sourceId?: string; sourceVersion?: number; current?: { score: number } };
const detailOf = (e: ReceivedEvent) => e.envelope.detail as Detail;
const about = (type: string, briefingId: string) => (e: ReceivedEvent) => e.envelope['detail-type'] === type && detailOf(e).briefingId === briefingId;
const scoreOf = async (briefingId: string) => {
  const res = await api(stack, 'GET', `/briefings/${briefingId}/score`, { token: tokens.analyst });
  expect(res.status).toBe(200);
  return res.body;
};

describe('correcting and withdrawing a source', () => {
  let briefingId = '';
  let sourceId = '';
  let etag = '';
  const scores: number[] = [];

  it('an analyst ingests a source as "direct" by mistake, beside a report; the briefing is scored', async () => {
    briefingId = (await api(stack, 'POST', '/briefings', { token: tokens.analyst, body: briefingInput() })).body.briefingId;
    const mistaken = await api(stack, 'POST', '/sources', { token: tokens.analyst, body: source(briefingId, 1, 'direct') });
    expect(mistaken.status).toBe(201);
    expect((await api(stack, 'POST', '/sources', { token: tokens.analyst, body: source(briefingId, 2, 'reporting') })).status).toBe(201);
    sourceId = mistaken.body.sourceId;
    etag = mistaken.headers.get('etag')!;
    expect(etag).toBe('"source-v1"');

    await stack.bus.waitFor((e) => about('Source Ingested', briefingId)(e) && detailOf(e).sourceId !== sourceId);
    await stack.settled();

    const report = await scoreOf(briefingId);
    expect(report.confidence.sourceCounts).toMatchObject({ direct: 1, reporting: 1 });
    scores.push(report.confidence.score);
  });

  it('PATCH corrects it to "reporting" with a reason; the score changes through Source Updated and Briefing Scored', async () => {
    const read = await api(stack, 'GET', `/briefings/${briefingId}/sources/${sourceId}`, { token: tokens.analyst });
    expect([read.status, read.headers.get('etag')]).toEqual([200, etag]);
    const res = await api(stack, 'PATCH', `/briefings/${briefingId}/sources/${sourceId}`, {
      token: tokens.analyst,
      headers: { 'if-match': etag },
      body: { kind: 'reporting', reason: 'a news report, not a filing' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.history).toEqual([
      expect.objectContaining({ action: 'corrected', changed: [{ field: 'kind', from: 'direct', to: 'reporting' }] }),
    ]);
    etag = res.headers.get('etag')!;

    await stack.bus.waitFor((e) => about('Source Updated', briefingId)(e) && detailOf(e).sourceVersion === 2);
    await stack.settled();

    const report = await scoreOf(briefingId);
    expect(report.confidence.sourceCounts).toMatchObject({ direct: 0, reporting: 2 });
    expect(report.confidence.score).not.toBe(scores[0]);
    scores.push(report.confidence.score);
    const scored = stack.bus.received.filter(about('Briefing Scored', briefingId)).map((e) => detailOf(e).current!.score);
    expect(scored.at(-1)).toBe(scores[1]);
  });

  it('a stale If-Match is refused with 412 and changes nothing', async () => {
    const res = await api(stack, 'DELETE', `/briefings/${briefingId}/sources/${sourceId}`, {
      token: tokens.editor,
      headers: { 'if-match': '"source-v1"' },
      body: { reason: 'late' },
    });
    expect(res.status).toBe(412);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('DELETE withdraws it: the score drops and the score report lists it as withdrawn, with who, when and why', async () => {
    const res = await api(stack, 'DELETE', `/briefings/${briefingId}/sources/${sourceId}`, {
      token: tokens.editor,
      headers: { 'if-match': etag },
      body: { reason: 'the story was about another Acme' },
    });
    expect(res.status, res.text).toBe(200);
    const state = res.body.state;
    expect(state).toMatchObject({ status: 'withdrawn', by: expect.any(String), at: expect.any(String), reason: 'the story was about another Acme' });

    await stack.bus.waitFor((e) => about('Source Updated', briefingId)(e) && detailOf(e).sourceVersion === 3);
    await stack.settled();

    const report = await scoreOf(briefingId);
    expect(report.confidence.score).toBeLessThan(scores[1]!);
    expect(report.confidence.sourceCounts).toMatchObject({ reporting: 1 });
    const note = report.sources.find((s: { sourceId: string }) => s.sourceId === sourceId);
    expect(note).toMatchObject({ state, weight: 0, share: 0 });
    expect(report.sources).toHaveLength(2);
    const stored = await api(stack, 'GET', `/briefings/${briefingId}/sources/${sourceId}`, { token: tokens.analyst });
    expect(stored.body.history.map((h: { action: string }) => h.action)).toEqual(['corrected', 'withdrawn']);
    expect(stored.body.kind).toBe('reporting');
  });

  it('a POST of the withdrawn URL answers 409 saying it is withdrawn and how to restore it', async () => {
    const res = await api(stack, 'POST', '/sources', { token: tokens.analyst, body: source(briefingId, 1, 'reporting') });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({
      detail: expect.stringContaining('was withdrawn'),
      state: { status: 'withdrawn' },
      restore: { method: 'PATCH', href: `/briefings/${briefingId}/sources/${sourceId}`, ifMatch: '"source-v3"' },
    });
  });
});
