/**
 * The model's promises, as properties over generated evidence (fast-check):
 * bounds, order, copies, monotonicity, the A rule, determinism.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../domain/fingerprint.ts';
import {
  CONTENT_GAPS,
  type ContentGap,
  CREDIBILITY_LEVELS,
  type Evidence,
  RELIABILITY_GRADES,
  SOURCE_KINDS,
  STANCES,
  scoreEvidence,
} from '../../../domain/scoring.ts';
import { sourceText } from '../../support/fixtures.ts';

/** Texts that are independent of each other; each has a lightly edited copy (byline and credit added). */
const POOL = Array.from({ length: 6 }, (_, i) => {
  const text = sourceText(700 + i, 60);
  return { original: fingerprint(text), copy: fingerprint(`By Wire Staff. ${text} Reporting by the desk.`) };
});
/** Texts independent of the pool and of each other: what a new, independent source carries. */
const FRESH = Array.from({ length: 4 }, (_, i) => fingerprint(sourceText(900 + i, 60)));

const DAY = 86_400_000;
const PUBLISHED = Date.parse('2026-01-01T00:00:00Z');

const attributes = {
  kind: fc.constantFrom(...SOURCE_KINDS),
  stance: fc.constantFrom(...STANCES),
  reliability: fc.option(fc.constantFrom(...RELIABILITY_GRADES), { nil: undefined }),
  credibility: fc.option(fc.constantFrom(...CREDIBILITY_LEVELS), { nil: undefined }),
  ageDays: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
};

function evidence(
  id: string,
  a: {
    kind: Evidence['kind'];
    stance: Evidence['stance'];
    reliability?: Evidence['reliability'];
    credibility?: Evidence['credibility'];
    ageDays?: number | undefined;
  },
  fp: Evidence['fingerprint'],
): Evidence {
  return {
    sourceId: id,
    kind: a.kind,
    stance: a.stance,
    ...(a.reliability ? { reliability: a.reliability } : {}),
    ...(a.credibility ? { credibility: a.credibility } : {}),
    ...(a.ageDays !== undefined
      ? { publishedAt: new Date(PUBLISHED).toISOString(), retrievedAt: new Date(PUBLISHED + a.ageDays * DAY).toISOString() }
      : {}),
    ...(fp ? { fingerprint: fp } : {}),
  };
}

/** A briefing's evidence: up to 8 sources with unique ids, texts drawn from the pool (so some are copies of others). */
const evidenceList = fc
  .uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }),
      ...attributes,
      text: fc.integer({ min: 0, max: POOL.length - 1 }),
      edited: fc.boolean(),
    }),
    { selector: (r) => r.id, maxLength: 8 },
  )
  .map((rows) => rows.map((r) => evidence(r.id, r, r.edited ? POOL[r.text]!.copy : POOL[r.text]!.original)));

const gaps = fc.subarray(Object.keys(CONTENT_GAPS) as ContentGap[]);
const score = (e: readonly Evidence[], g: ContentGap[] = []) => scoreEvidence(e, { gaps: g }).confidence.score;
const newId = (list: readonly Evidence[]) => `new-${list.map((e) => e.sourceId).join('').length}`;

describe('confidence model properties', () => {
  it('the score is in [0, 1] with two decimals, and shares add up to it', () => {
    fc.assert(
      fc.property(evidenceList, gaps, (list, g) => {
        const { confidence, explanation } = scoreEvidence(list, { gaps: g });
        expect(confidence.score).toBeGreaterThanOrEqual(0);
        expect(confidence.score).toBeLessThanOrEqual(1);
        expect(Math.round(confidence.score * 100) / 100).toBe(confidence.score);
        const total = explanation.sources.reduce((sum, s) => sum + s.contribution, 0);
        expect(Math.abs(total - confidence.score)).toBeLessThanOrEqual(0.006 + 0.0005 * list.length);
      }),
    );
  });

  it('the order of the sources does not matter', () => {
    fc.assert(
      fc.property(
        evidenceList.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        gaps,
        ([list, shuffled], g) => {
          expect(scoreEvidence(shuffled, { gaps: g })).toEqual(scoreEvidence(list, { gaps: g }));
        },
      ),
    );
  });

  it('the same input gives the same output, also after a round trip through storage (JSON)', () => {
    fc.assert(
      fc.property(evidenceList, gaps, (list, g) => {
        const once = scoreEvidence(list, { gaps: g });
        expect(scoreEvidence(JSON.parse(JSON.stringify(list)) as Evidence[], { gaps: [...g] })).toEqual(once);
        expect(JSON.parse(JSON.stringify(once))).toEqual(once);
      }),
    );
  });

  it('a duplicate (the same source id again) changes nothing', () => {
    fc.assert(
      fc.property(
        evidenceList.filter((l) => l.length > 0),
        fc.nat(),
        gaps,
        (list, pick, g) => {
          const again = list[pick % list.length]!;
          expect(scoreEvidence([...list, { ...again }], { gaps: g })).toEqual(scoreEvidence(list, { gaps: g }));
        },
      ),
    );
  });

  it('a syndicated copy (same text, lightly edited, retrieved as late or later) changes neither score nor grade', () => {
    fc.assert(
      fc.property(
        evidenceList.filter((l) => l.length > 0),
        fc.nat(),
        fc.integer({ min: 0, max: 1000 }),
        gaps,
        (list, pick, laterBy, g) => {
          const original = list[pick % list.length]!;
          const pool = POOL.find((p) => p.original === original.fingerprint || p.copy === original.fingerprint)!;
          const retrieved = original.retrievedAt ? new Date(Date.parse(original.retrievedAt) + laterBy * DAY).toISOString() : undefined;
          const copy: Evidence = {
            ...original,
            sourceId: newId(list),
            fingerprint: original.fingerprint === pool.original ? pool.copy : pool.original,
            ...(retrieved ? { retrievedAt: retrieved } : {}),
          };
          const before = scoreEvidence(list, { gaps: g }).confidence;
          const after = scoreEvidence([...list, copy], { gaps: g }).confidence;
          expect([after.score, after.grade, after.independentOrigins]).toEqual([before.score, before.grade, before.independentOrigins]);
        },
      ),
    );
  });

  it('an added independent supporting source never lowers the score', () => {
    fc.assert(
      fc.property(evidenceList, fc.record(attributes), fc.integer({ min: 0, max: FRESH.length - 1 }), gaps, (list, a, text, g) => {
        const added = evidence(newId(list), { ...a, stance: 'supports' }, FRESH[text]);
        expect(score([...list, added], g)).toBeGreaterThanOrEqual(score(list, g));
      }),
    );
  });

  it('a contradicting source never raises the score', () => {
    fc.assert(
      fc.property(evidenceList, fc.record(attributes), fc.integer({ min: 0, max: POOL.length + FRESH.length - 1 }), gaps, (list, a, text, g) => {
        const fp = text < POOL.length ? POOL[text]!.original : FRESH[text - POOL.length];
        const added = evidence(newId(list), { ...a, stance: 'contradicts' }, fp);
        expect(score([...list, added], g)).toBeLessThanOrEqual(score(list, g));
      }),
    );
  });

  it('without a direct supporting source the grade is never A', () => {
    fc.assert(
      fc.property(evidenceList, gaps, (list, g) => {
        const noDirect = list.filter((e) => !(e.kind === 'direct' && e.stance === 'supports'));
        const { grade, score: s } = scoreEvidence(noDirect, { gaps: g }).confidence;
        expect(grade).not.toBe('A');
        expect(s).toBeLessThanOrEqual(0.89);
      }),
    );
  });

  it('an incomplete briefing never scores above 0.74', () => {
    fc.assert(
      fc.property(
        evidenceList,
        gaps.filter((g) => g.length > 0),
        (list, g) => {
          expect(score(list, g)).toBeLessThanOrEqual(0.74);
        },
      ),
    );
  });
});
