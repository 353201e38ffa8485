/**
 * After a scoring model change, `npm run rescore` (rescore-briefings through the local Lambda
 * Invoke API) re-scores every briefing scored by another model through the normal events:
 * Briefing Edited (model) → score-briefing; a second run finds nothing to do.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_VERSION } from '#domain/scoring.ts';
import type { RescoreReport } from '#functions/pipeline/rescore-briefings.ts';
import { briefingInput, sourceText } from '#test/support/fixtures.ts';
import { api, type LocalStack, startTestStack, type UsualTokens, usualTokens } from './harness.ts';

let stack: LocalStack;
let tokens: UsualTokens;

beforeAll(async () => {
  stack = await startTestStack();
  tokens = await usualTokens(stack);
});
afterAll(() => stack?.stop());

const invoke = async (payload: unknown): Promise<RescoreReport> => {
  const res = await fetch(`${stack.endpoints.lambda}/2015-03-31/functions/rescore-briefings/invocations`, {
    method: 'POST',
    body: JSON.stringify(payload),
  });
  expect(res.ok).toBe(true);
  expect(res.headers.get('x-amz-function-error')).toBeNull();
  return (await res.json()) as RescoreReport;
};

describe('re-scoring after a model change', () => {
  let briefingId = '';
  let before = { version: 0, score: 0 };

  it('a briefing scored by an older model is scored again through Briefing Edited (model); a second run does nothing', async () => {
    briefingId = (await api(stack, 'POST', '/briefings', { token: tokens.analyst, body: briefingInput() })).body.briefingId;
    for (const n of [1, 2]) {
      const body = {
        briefingId,
        url: `https://outlet${n}.example.com/rescore-${n}`,
        publisher: `Outlet ${n}`,
        kind: n === 1 ? 'direct' : 'reporting',
        title: `Story ${n}`,
        excerpt: sourceText(300 + n),
        publishedAt: '2026-06-19T08:00:00Z',
      };
      expect((await api(stack, 'POST', '/sources', { token: tokens.analyst, body })).status).toBe(201);
    }
    await stack.settled();

    // As a briefing scored before the model changed would be stored.
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: stack.region }));
    const stored = await ddb.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: { pk: `BRIEFING#${briefingId}`, sk: 'P' },
        UpdateExpression: 'SET confidence.modelVersion = :old',
        ExpressionAttributeValues: { ':old': 'v2' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    before = { version: stored.Attributes!['version'] as number, score: (stored.Attributes!['confidence'] as { score: number }).score };

    const first = await invoke({});
    expect(first).toMatchObject({ modelVersion: MODEL_VERSION, requested: 1 });
    expect(first.cursor).toBeUndefined();
    await stack.bus.waitFor(
      (e) =>
        e.envelope['detail-type'] === 'Briefing Edited' && (e.envelope.detail as { changes: string[]; briefingId: string }).briefingId === briefingId,
    );
    await stack.settled();

    const report = await api(stack, 'GET', `/briefings/${briefingId}/score`, { token: tokens.analyst });
    expect(report.body.confidence).toMatchObject({ modelVersion: MODEL_VERSION, score: before.score });
    expect(report.body.explanation.modelVersion).toBe(MODEL_VERSION);

    const second = await invoke({});
    expect(second).toMatchObject({ requested: 0, alreadyRequested: 0 });
    expect(second.current).toBeGreaterThanOrEqual(1);
  });
});

describe("an analyst's override, through the API", () => {
  it('is applied through Briefing Edited (readers see "Analyst-assessed"), recorded in the history, and lifted by a new source', async () => {
    const briefingId = (await api(stack, 'POST', '/briefings', { token: tokens.analyst, body: briefingInput({ eventDate: '2026-06-19' }) })).body
      .briefingId;
    const post = (n: number, kind: string) =>
      api(stack, 'POST', '/sources', {
        token: tokens.analyst,
        body: {
          briefingId,
          url: `https://outlet${n}.example.com/override-${n}`,
          publisher: `Outlet ${n}`,
          kind,
          title: `Story ${n}`,
          excerpt: sourceText(400 + n),
          publishedAt: '2026-06-19T08:00:00Z',
        },
      });
    expect((await post(1, 'direct')).status).toBe(201);
    await stack.settled();
    const before = await api(stack, 'GET', `/briefings/${briefingId}/score`, { token: tokens.editor });
    const etag = (await api(stack, 'GET', `/briefings/${briefingId}`, { token: tokens.editor })).headers.get('etag')!;

    const set = await api(stack, 'PUT', `/briefings/${briefingId}/score/override`, {
      token: tokens.editor,
      body: { score: 0.92, reason: 'confirmed with the regulator by phone' },
      headers: { 'if-match': etag },
    });
    expect(set.status).toBe(202);
    await stack.settled();
    const assessed = await api(stack, 'GET', `/briefings/${briefingId}/score`, { token: tokens.editor });
    expect(assessed.body.confidence).toMatchObject({ score: 0.92, grade: 'A', analystAssessed: { label: 'Analyst-assessed' } });
    expect(assessed.body.explanation.override).toMatchObject({
      reason: 'confirmed with the regulator by phone',
      model: { score: before.body.confidence.score },
    });
    const history = await api(stack, 'GET', `/briefings/${briefingId}/versions`, { token: tokens.editor });
    expect(history.body.versions.map((v: { action: string }) => v.action)).toContain('assessed');

    expect((await post(2, 'reporting')).status).toBe(201);
    await stack.settled();
    const lifted = await api(stack, 'GET', `/briefings/${briefingId}/score`, { token: tokens.editor });
    expect(lifted.body.confidence.analystAssessed).toBeUndefined();
    expect(lifted.body.explanation.override).toBeUndefined();
    expect(lifted.body.confidence.score).toBeGreaterThan(before.body.confidence.score);
  });
});
