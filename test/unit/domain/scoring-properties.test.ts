/**
 * The model's promises, as properties over generated evidence (fast-check, 500 runs each):
 * bounds, order, duplicates, copies and round-ups, monotonicity, ceilings, the A rule, the export.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '#domain/fingerprint.ts';
import { creditLine, publisherLine, SOURCINGS } from '#domain/outlets.ts';
import {
  AGGREGATION_CAP,
  CONTENT_GAPS,
  type ContentGap,
  CREDIBILITY_LEVELS,
  credibilityFits,
  type EventWindow,
  type Evidence,
  INCOMPLETE_CAP,
  NO_DIRECT_SOURCE_CAP,
  QUALITY_CEILINGS,
  RELIABILITY_GRADES,
  SOURCE_KINDS,
  STANCES,
  STIX_BY_CREDIBILITY,
  scoreEvidence,
} from '#domain/scoring.ts';
import { sourceText } from '#test/support/fixtures.ts';

const RUNS = { numRuns: 500 };

/** Independent texts; each with a lightly edited copy; and round-ups that quote two of them whole. */
const TEXTS = Array.from({ length: 5 }, (_, i) => sourceText(700 + i, 60));
const ORIGINALS = TEXTS.map((t) => fingerprint(t));
const COPIES = TEXTS.map((t) => fingerprint(`By Wire Staff. ${t} Reporting by the desk.`));
const ROUNDUPS = TEXTS.flatMap((a, i) => TEXTS.slice(i + 1).map((b) => fingerprint(`Round-up. ${a} Meanwhile: ${b}`)));
const FINGERPRINTS = [...ORIGINALS, ...COPIES, ...ROUNDUPS];
/** Texts independent of all of the above. */
const FRESH = Array.from({ length: 4 }, (_, i) => fingerprint(sourceText(900 + i, 60)));

/** Publishers, some of one ownership group, some wires that others credit. */
const PUBLISHERS = [
  ['Reuters', 'https://www.reuters.com/a'],
  ['Bloomberg', 'https://www.bloomberg.com/a'],
  ['The Wall Street Journal', 'https://www.wsj.com/a'],
  ['MarketWatch', 'https://www.marketwatch.com/a'],
  ['Outlet One', 'https://one.example.com/a'],
  ['Outlet Two', 'https://two.example.com/a'],
  ['@someone', 'https://x.com/someone/status/1'],
] as const;
const CREDITS = ['Reuters', 'Bloomberg', 'document:memo'];

const EVENT: EventWindow = { from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z' };
const DAY = 86_400_000;

const attributes = {
  kind: fc.constantFrom(...SOURCE_KINDS),
  stance: fc.constantFrom(...STANCES),
  reliability: fc.option(fc.constantFrom(...RELIABILITY_GRADES), { nil: undefined }),
  credibility: fc.option(fc.constantFrom(...CREDIBILITY_LEVELS), { nil: undefined }),
  /** Days from the start of the event window (negative: before it); undefined: undated. */
  offsetDays: fc.option(fc.integer({ min: -800, max: 1500 }), { nil: undefined }),
  publisher: fc.integer({ min: 0, max: PUBLISHERS.length - 1 }),
  credits: fc.subarray(CREDITS, { maxLength: 2 }),
  sourcing: fc.option(fc.constantFrom(...SOURCINGS), { nil: undefined }),
};
type Attributes = {
  kind: Evidence['kind'];
  stance: Evidence['stance'];
  reliability?: Evidence['reliability'] | undefined;
  credibility?: Evidence['credibility'] | undefined;
  offsetDays?: number | undefined;
  publisher: number;
  credits: string[];
  sourcing?: Evidence['sourcing'] | undefined;
};

function evidence(id: string, a: Attributes, fp: Evidence['fingerprint']): Evidence {
  const [name, url] = PUBLISHERS[a.publisher]!;
  return {
    sourceId: id,
    kind: a.kind,
    stance: a.stance,
    label: name,
    line: publisherLine(name, url),
    ...(a.credits.length > 0 ? { credits: a.credits.map(creditLine) } : {}),
    ...(a.sourcing ? { sourcing: a.sourcing } : {}),
    ...(a.reliability ? { reliability: a.reliability } : {}),
    ...(a.credibility ? { credibility: a.credibility } : {}),
    ...(a.offsetDays !== undefined ? { publishedAt: new Date(Date.parse(EVENT.from) + a.offsetDays * DAY).toISOString() } : {}),
    ...(fp ? { fingerprint: fp } : {}),
  };
}

/** A briefing's evidence: up to 8 sources with unique ids; texts from the pool (so some copy or quote others). */
const evidenceList = fc
  .uniqueArray(
    fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), ...attributes, text: fc.integer({ min: 0, max: FINGERPRINTS.length - 1 }) }),
    {
      selector: (r) => r.id,
      maxLength: 8,
    },
  )
  .map((rows) => rows.map((r) => evidence(r.id, r, FINGERPRINTS[r.text])));

const gaps = fc.subarray(Object.keys(CONTENT_GAPS) as ContentGap[]);
const event = fc.option(fc.constant(EVENT), { nil: undefined });
const ctx = (g: ContentGap[], e: EventWindow | undefined) => ({ gaps: g, ...(e ? { event: e } : {}) });
const score = (list: readonly Evidence[], g: ContentGap[], e: EventWindow | undefined) => scoreEvidence(list, ctx(g, e)).confidence.score;
const newId = (list: readonly Evidence[]) => `new-${list.map((x) => x.sourceId).join('').length}`;

describe('confidence model properties', () => {
  it('the score is in [0, 0.95] with two decimals (certainty is never counted), and shares add up to it', () => {
    fc.assert(
      fc.property(evidenceList, gaps, event, (list, g, e) => {
        const { confidence, explanation } = scoreEvidence(list, ctx(g, e));
        expect(confidence.score).toBeGreaterThanOrEqual(0);
        expect(confidence.score).toBeLessThanOrEqual(AGGREGATION_CAP);
        expect(Math.round(confidence.score * 100) / 100).toBe(confidence.score);
        const total = explanation.sources.reduce((sum, s) => sum + s.contribution, 0);
        expect(Math.abs(total - confidence.score)).toBeLessThanOrEqual(0.006 + 0.0005 * list.length);
      }),
      RUNS,
    );
  });

  it('the order of the sources does not matter', () => {
    fc.assert(
      fc.property(
        evidenceList.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        gaps,
        event,
        ([list, shuffled], g, e) => {
          expect(scoreEvidence(shuffled, ctx(g, e))).toEqual(scoreEvidence(list, ctx(g, e)));
        },
      ),
      RUNS,
    );
  });

  it('the same input gives the same output, also after a round trip through storage (JSON)', () => {
    fc.assert(
      fc.property(evidenceList, gaps, event, (list, g, e) => {
        const once = scoreEvidence(list, ctx(g, e));
        expect(scoreEvidence(JSON.parse(JSON.stringify(list)) as Evidence[], ctx([...g], e))).toEqual(once);
        expect(JSON.parse(JSON.stringify(once))).toEqual(once);
      }),
      RUNS,
    );
  });

  it('a duplicate (the same source id again) changes nothing', () => {
    fc.assert(
      fc.property(
        evidenceList.filter((l) => l.length > 0),
        fc.nat(),
        gaps,
        event,
        (list, pick, g, e) => {
          const again = list[pick % list.length]!;
          expect(scoreEvidence([...list, { ...again }], ctx(g, e))).toEqual(scoreEvidence(list, ctx(g, e)));
        },
      ),
      RUNS,
    );
  });

  it('adding any source that does not contradict never lowers the score: copies, round-ups, credits, same outlet included', () => {
    const anyText = fc.integer({ min: 0, max: FINGERPRINTS.length + FRESH.length - 1 });
    fc.assert(
      fc.property(evidenceList, fc.record(attributes), anyText, gaps, event, (list, a, text, g, e) => {
        const fp = text < FINGERPRINTS.length ? FINGERPRINTS[text] : FRESH[text - FINGERPRINTS.length];
        const added = evidence(newId(list), { ...a, stance: 'supports' }, fp);
        expect(score([...list, added], g, e)).toBeGreaterThanOrEqual(score(list, g, e));
      }),
      RUNS,
    );
  });

  it('a copy of a source already counted (same text lightly edited, same standing) changes neither score nor grade', () => {
    fc.assert(
      fc.property(
        evidenceList.filter((l) => l.some((x) => ORIGINALS.includes(x.fingerprint!))),
        fc.nat(),
        gaps,
        event,
        (list, pick, g, e) => {
          const originals = list.filter((x) => ORIGINALS.includes(x.fingerprint!));
          const original = originals[pick % originals.length]!;
          const copy: Evidence = { ...original, sourceId: newId(list), fingerprint: COPIES[ORIGINALS.indexOf(original.fingerprint!)]! };
          const before = scoreEvidence(list, ctx(g, e)).confidence;
          const after = scoreEvidence([...list, copy], ctx(g, e)).confidence;
          expect([after.score, after.grade, after.independentOrigins]).toEqual([before.score, before.grade, before.independentOrigins]);
        },
      ),
      RUNS,
    );
  });

  it('a contradicting source never raises the score', () => {
    fc.assert(
      fc.property(evidenceList, fc.record(attributes), fc.integer({ min: 0, max: FRESH.length - 1 }), gaps, event, (list, a, text, g, e) => {
        const added = evidence(newId(list), { ...a, stance: 'contradicts' }, FRESH[text]);
        expect(score([...list, added], g, e)).toBeLessThanOrEqual(score(list, g, e));
      }),
      RUNS,
    );
  });

  it('without a direct supporting source rated at least B2 the grade is never A', () => {
    fc.assert(
      fc.property(evidenceList, gaps, event, (list, g, e) => {
        const qualifies = (x: Evidence) =>
          x.kind === 'direct' && x.stance === 'supports' && ['A', 'B', undefined].includes(x.reliability) && (x.credibility ?? 0) <= 2;
        const { grade, score: s } = scoreEvidence(
          list.filter((x) => !qualifies(x)),
          ctx(g, e),
        ).confidence;
        expect(grade).not.toBe('A');
        expect(s).toBeLessThanOrEqual(NO_DIRECT_SOURCE_CAP);
      }),
      RUNS,
    );
  });

  it('social posts alone stay at most Weak–medium, however many', () => {
    fc.assert(
      fc.property(evidenceList, gaps, event, (list, g, e) => {
        const social = list.map((x) => ({ ...x, kind: 'social' as const, stance: 'supports' as const }));
        expect(score(social, g, e)).toBeLessThanOrEqual(QUALITY_CEILINGS.social);
      }),
      RUNS,
    );
  });

  it('an incomplete briefing never scores above 0.74', () => {
    fc.assert(
      fc.property(
        evidenceList,
        gaps.filter((g) => g.length > 0),
        event,
        (list, g, e) => {
          expect(score(list, g, e)).toBeLessThanOrEqual(INCOMPLETE_CAP);
        },
      ),
      RUNS,
    );
  });

  it('score, grade and export never contradict: the credibility digit fits the score and STIX follows the digit', () => {
    fc.assert(
      fc.property(evidenceList, gaps, event, (list, g, e) => {
        const c = scoreEvidence(list, ctx(g, e)).confidence;
        expect(credibilityFits(c.admiralty.credibility, c.score)).toBe(true);
        expect(c.stix).toBe(STIX_BY_CREDIBILITY[c.admiralty.credibility]);
        expect(c.admiralty.code).toBe(`${c.admiralty.reliability}${c.admiralty.credibility}`);
      }),
      RUNS,
    );
  });
});
