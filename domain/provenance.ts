/**
 * Provenance: whether two sources are one line of evidence, and why.
 *
 * Provenance first: the same outlet (or ownership group, see outlets.ts), or one crediting the
 * other ("according to Reuters"), or both crediting the same outlet or document. Then content:
 * a copy (same text), a light paraphrase (most content words and every figure), or a
 * translation (the figures and names of one are the other's). The relation is pairwise and
 * not transitive: a round-up that copies two reports depends on each, and never joins them.
 */
import { type Fingerprint, nearDuplicate, wordOverlap } from './fingerprint.ts';

/** Share of the shorter text's content words found in the longer from which it is a paraphrase (independent reports of the same facts share ≈0.4). */
export const PARAPHRASE_WORDS = 0.6;
/** Content words the shorter text needs for a paraphrase to be told from coincidence. */
export const MIN_PARAPHRASE_WORDS = 12;
/** Figures and names a paraphrase must share with its original. */
export const MIN_ANCHORS = 2;
/** Figures two texts in different scripts must share, and the share of the smaller set, to be one story translated. */
export const TRANSLATION_FIGURES = { min: 3, share: 0.8 } as const;

/** How a source depends on another. */
export const DEPENDENCE_RELATIONS = ['same outlet', 'credits', 'same credit', 'copy', 'paraphrase', 'translation'] as const;
export type Relation = (typeof DEPENDENCE_RELATIONS)[number];

export interface Provenance {
  sourceId: string;
  /** The publisher's line (outlets.ts `publisherLine`). */
  line: string;
  /** Lines it credits (outlets.ts `creditLine`), sorted. */
  credits: readonly string[];
  fingerprint?: Fingerprint;
}

/** The lines a source speaks for: what it credits when it credits anything, else its publisher's. */
export function claims(p: Provenance): readonly string[] {
  return p.credits.length > 0 ? p.credits : [p.line];
}

function subsetShare(a: readonly string[], b: readonly string[]): { shared: number; share: number } {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const inLarge = new Set(large);
  const shared = small.filter((x) => inLarge.has(x)).length;
  return { shared, share: small.length === 0 ? 0 : shared / small.length };
}

/** Content relation of two fingerprints, if any. Symmetric. */
export function contentRelation(a: Fingerprint, b: Fingerprint): 'copy' | 'paraphrase' | 'translation' | undefined {
  if (nearDuplicate(a, b)) return 'copy';
  if (a.script && b.script && a.script === b.script && a.script !== 'other') {
    const enough = Math.min(a.words ?? 0, b.words ?? 0) >= MIN_PARAPHRASE_WORDS;
    const figures = subsetShare(a.figures ?? [], b.figures ?? []);
    const sameFigures = figures.share === 1 || (a.figures ?? []).length + (b.figures ?? []).length === 0;
    // A paraphrase keeps the story's anchors: its figures and names, at least two of them.
    const anchors = figures.shared + subsetShare(a.names ?? [], b.names ?? []).shared;
    if (enough && sameFigures && anchors >= MIN_ANCHORS && wordOverlap(a, b) >= PARAPHRASE_WORDS) return 'paraphrase';
    return undefined;
  }
  if (a.script && b.script && a.script !== b.script) {
    const figures = subsetShare(a.figures ?? [], b.figures ?? []);
    // The names written in Latin script in the Chinese text must be the English text's too.
    const han = a.script === 'han' ? a : b;
    const latin = han === a ? b : a;
    // A name may sit inside a longer run of capitalised words on the Latin side ("Interim CEO Jason Droege").
    const hanNames = han.names ?? [];
    const found = hanNames.filter((n) => (latin.names ?? []).some((l) => ` ${l} `.includes(` ${n} `))).length;
    if (hanNames.length > 0 && found / hanNames.length < TRANSLATION_FIGURES.share) return undefined;
    // Many figures in common; or a short story's every figure (at least two) and at least two names.
    const manyFigures = figures.shared >= TRANSLATION_FIGURES.min && figures.share >= TRANSLATION_FIGURES.share;
    const shortStory = figures.shared >= 2 && figures.share === 1 && found >= 2;
    return manyFigures || shortStory ? 'translation' : undefined;
  }
  return undefined;
}

/** Why `b` and `a` are one line of evidence, or undefined when they are independent. Symmetric. */
export function dependence(a: Provenance, b: Provenance): Relation | undefined {
  if (a.sourceId === b.sourceId) return undefined;
  const ca = claims(a);
  const cb = claims(b);
  if (a.credits.length === 0 && b.credits.length === 0 && a.line === b.line) return 'same outlet';
  if (a.fingerprint && b.fingerprint && nearDuplicate(a.fingerprint, b.fingerprint)) return 'copy';
  if (ca.some((c) => c === b.line) || cb.some((c) => c === a.line)) return 'credits';
  if (ca.some((c) => cb.includes(c))) return 'same credit';
  if (a.fingerprint && b.fingerprint) return contentRelation(a.fingerprint, b.fingerprint);
  return undefined;
}
