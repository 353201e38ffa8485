import { describe, expect, it } from 'vitest';
import {
  fingerprint,
  MIN_SHINGLES,
  NEAR_DUPLICATE_OVERLAP,
  nearDuplicate,
  normalise,
  overlap,
  SKETCH_SIZE,
  shingleHashes,
} from '#domain/fingerprint.ts';
import { sourceText } from '#test/support/fixtures.ts';
import { INDEPENDENT_EN, INDEPENDENT_ZH, WIRE_EN, WIRE_EN_COPY, WIRE_ZH, WIRE_ZH_COPY } from '#test/support/texts.ts';

/** Containment computed from the full shingle sets, to check the sketch's estimate against. */
function exactOverlap(a: string, b: string): number {
  const [x, y] = [shingleHashes(a), shingleHashes(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  return [...small].filter((h) => large.has(h)).length / small.size;
}

describe('normalise', () => {
  it('ignores case, punctuation, whitespace and full-width forms, in English and Chinese', () => {
    expect(normalise('Scale AI, cuts 14%!')).toBe(normalise('scale   ai cuts １４％'));
    expect(normalise('Scale AI 裁员约14%。')).toBe(normalise('Scale AI裁员约１４％'));
  });
});

describe('near-duplicates', () => {
  it.each([
    ['an English wire story and its syndicated copy (byline, two words, credit line)', WIRE_EN, WIRE_EN_COPY],
    ['a Chinese story and its republished copy (credit, full-width digits, one verb)', WIRE_ZH, WIRE_ZH_COPY],
    ['a full article and an excerpt of it', WIRE_EN, WIRE_EN.slice(0, 220)],
  ])('%s are one origin', (_, a, b) => {
    expect(overlap(fingerprint(a), fingerprint(b))).toBeGreaterThanOrEqual(NEAR_DUPLICATE_OVERLAP);
    expect(nearDuplicate(fingerprint(a), fingerprint(b))).toBe(true);
    expect(exactOverlap(a, b)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_OVERLAP);
  });

  it.each([
    ['two independent English reports of the same facts', WIRE_EN, INDEPENDENT_EN],
    ['two independent Chinese reports of the same facts', WIRE_ZH, INDEPENDENT_ZH],
    ['the same story in English and in Chinese (translation is not detected)', WIRE_EN, WIRE_ZH],
    ['two unrelated texts', sourceText(1), sourceText(2)],
  ])('%s are separate origins', (_, a, b) => {
    expect(overlap(fingerprint(a), fingerprint(b))).toBeLessThan(0.5);
    expect(nearDuplicate(fingerprint(a), fingerprint(b))).toBe(false);
  });

  it('estimates the overlap of long texts from their sketches close to the exact value', () => {
    for (const [a, b] of [
      [WIRE_EN, WIRE_EN_COPY],
      [WIRE_EN, INDEPENDENT_EN],
      [sourceText(3, 200), sourceText(4, 200)],
    ] as const) {
      expect(shingleHashes(a).size).toBeGreaterThan(SKETCH_SIZE);
      expect(Math.abs(overlap(fingerprint(a), fingerprint(b)) - exactOverlap(a, b))).toBeLessThan(0.12);
    }
  });

  it('is exact for texts whose shingles fit in the sketch', () => {
    const a = WIRE_ZH.slice(0, 100);
    const b = WIRE_ZH.slice(20, 120);
    expect(overlap(fingerprint(a), fingerprint(b))).toBe(exactOverlap(a, b));
  });

  it('calls short texts copies only when (nearly) identical: a flash headline run by five portals', () => {
    const short = 'Scale AI cuts staff';
    expect(shingleHashes(short).size).toBeLessThan(MIN_SHINGLES);
    expect(nearDuplicate(fingerprint(short), fingerprint(`${short}!`))).toBe(true);
    expect(nearDuplicate(fingerprint(short), fingerprint('Scale AI hires staff'))).toBe(false);
    expect(nearDuplicate(fingerprint(short), fingerprint(`${short} after Meta bought 49% of it`))).toBe(false);
  });

  it('folds traditional Chinese into simplified, so script variants are one text', () => {
    expect(
      overlap(
        fingerprint('臨時首席執行官在內部備忘錄中表示，生成式業務擴張過快'),
        fingerprint('临时首席执行官在内部备忘录中表示，生成式业务扩张过快'),
      ),
    ).toBe(1);
  });
});

describe('fingerprint', () => {
  it('is compact whatever the length of the text, and deterministic', () => {
    const long = sourceText(9, 5000);
    const fp = fingerprint(long);
    expect(fp.sketch.length).toBeLessThanOrEqual(Math.ceil((SKETCH_SIZE * 4 * 4) / 3));
    expect(fingerprint(long)).toEqual(fp);
    expect(fp.shingles).toBeGreaterThan(SKETCH_SIZE);
  });

  it('is symmetric', () => {
    expect(overlap(fingerprint(WIRE_EN), fingerprint(WIRE_EN_COPY))).toBe(overlap(fingerprint(WIRE_EN_COPY), fingerprint(WIRE_EN)));
  });
});
