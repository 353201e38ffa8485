/**
 * The worked cases of docs/scoring.md through the real API on the local stack: each case is a
 * briefing (POST /briefings, with the case's event date and, for the completeness cases, the gap in
 * its text) and its sources as an analyst sends them (POST /sources); the pipeline scores it
 * (Source Ingested → score-briefing) and staff read the score (GET /briefings/{id}/score). What the
 * API serves must be what the model gives the case (test/support/golden-cases.ts), and so what the
 * doc's table says (test/unit/domain/scoring-golden.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefingGaps } from '#domain/briefing.ts';
import type { ContentGap } from '#domain/scoring.ts';
import { briefingInput, draft } from '#test/support/fixtures.ts';
import { EVENT_DATE, GOLDEN_CASES, type GoldenCase, goldenConfidence } from '#test/support/golden-cases.ts';
import { client, type LocalStack, startTestStack, type UsualTokens, usualTokens } from './harness.ts';

let stack: LocalStack;
let tokens: UsualTokens;

beforeAll(async () => {
  stack = await startTestStack();
  tokens = await usualTokens(stack);
});
afterAll(() => stack?.stop());

const base = briefingInput().sections;
/** The briefing's sections with the case's content gaps written into them. */
function sectionsWith(gaps: readonly ContentGap[] = []) {
  return {
    ...base,
    ...(gaps.includes('boilerplate') ? { coverage: 'Lorem ipsum dolor sit amet.' } : {}),
    ...(gaps.includes('market-exposure') ? { operatingSurface: { ...base.operatingSurface, marketExposure: '' } } : {}),
  };
}

async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

describe('docs/scoring.md worked cases, through the API', () => {
  const created = new Map<GoldenCase, string>();

  it('the content of each case shows exactly its gaps', () => {
    for (const c of GOLDEN_CASES) expect(briefingGaps(draft({ sections: sectionsWith(c.gaps) })), c.name).toEqual(c.gaps ?? []);
  });

  it('every case is created and every source accepted (201)', async () => {
    await inBatches(GOLDEN_CASES, 6, async (c) => {
      const body = {
        ...briefingInput({ sections: sectionsWith(c.gaps) }),
        ...(c.eventDate === null ? {} : { eventDate: c.eventDate ?? EVENT_DATE }),
      };
      const analyst = client(stack, tokens.analyst);
      const { data, response } = await analyst.POST('/briefings', { body });
      expect(response.status, c.name).toBe(201);
      created.set(c, data!.briefingId);
      for (const s of c.sources) {
        const posted = await analyst.POST('/sources', { body: { briefingId: data!.briefingId, ...s } });
        expect(posted.response.status, `${c.name}: ${s.url}`).toBe(201);
      }
    });
    await stack.settled();
  });

  it.each(GOLDEN_CASES.map((c) => [c.name, c] as const))('%s: the API serves the score, grade, lines and export of the table', async (_name, c) => {
    const expected = goldenConfidence(c);
    const { data, response } = await client(stack, tokens.analyst).GET('/briefings/{briefingId}/score', {
      params: { path: { briefingId: created.get(c)! } },
    });
    expect(response.status).toBe(200);
    const served = data!.confidence;
    expect({
      score: served.score,
      grade: served.grade,
      lines: served.independentOrigins,
      admiralty: served.admiralty.code,
      stix: served.stix,
      disputed: served.disputed !== undefined,
      reasons: served.reasons.map((r) => r.code),
    }).toEqual({
      score: expected.score,
      grade: expected.grade,
      lines: expected.independentOrigins,
      admiralty: expected.admiralty.code,
      stix: expected.stix,
      disputed: expected.disputed !== undefined,
      reasons: expected.reasons.map((r) => r.code),
    });
  });
});
