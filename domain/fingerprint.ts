/**
 * Text fingerprints: how copies, paraphrases and translations of one story
 * are recognised without keeping the text, in Chinese as well as in English.
 *
 * Four views of a text are kept (about 1.2 kB whatever its length):
 *
 * - **Shingles.** The text is normalised (traditional Chinese converted to
 *   simplified with OpenCC, then NFKC, lower case, letters and digits only, so
 *   script, whitespace, punctuation, full-width forms and spacing do not
 *   matter) and cut into overlapping 5-character shingles; the fingerprint
 *   keeps a bottom-k sketch (the 128 smallest 32-bit hashes and the set's
 *   size), exact up to ~130 characters and a uniform sample above. Two texts
 *   are copies when the shorter is at least 85 % contained in the longer
 *   (containment, so an excerpt matches its article).
 * - **Words.** Content words (English: stop words dropped, light stemming;
 *   Chinese: character pairs), as a bottom-64 sketch: a light paraphrase keeps
 *   most of them and every number where an independent report of the same
 *   facts keeps few.
 * - **Figures and names.** The numbers with their scale (`$14.3 billion` and
 *   `143亿美元` are both 1.43e10) and the Latin-script names (`Scale AI`,
 *   `Jason Droege`): a translation keeps them, in order, where its words differ.
 * - **Exact.** A hash of the whole normalised text, so that texts too short to
 *   sketch (a flash headline run by five portals) are still recognised.
 *
 * `relation` (in provenance.ts) compares two fingerprints with these views.
 */
import { Buffer } from 'node:buffer';
import { ConverterFactory } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import * as z from 'zod/mini';
import { schema } from './schema.ts';

/** Characters per shingle. */
export const SHINGLE_CHARS = 5;
/** Hashes kept per fingerprint (bottom-k sketch). */
export const SKETCH_SIZE = 128;
/** Word hashes kept per fingerprint. */
export const WORD_SKETCH_SIZE = 64;
/** Figures and names kept per fingerprint. */
export const MAX_FIGURES = 32;
/** Share of the shorter text found in the longer one from which two texts are copies. */
export const NEAR_DUPLICATE_OVERLAP = 0.85;
/** Texts with fewer shingles than this (about 20 characters) are copies only when (nearly) identical. */
export const MIN_SHINGLES = 16;
/** Identifies the algorithm; texts fingerprinted by `shingle5-bottom128-v1` (no script folding, no words) still compare by shingles. */
export const FINGERPRINT_SCHEME = 'shingle5-bottom128-v2';

/** A text's fingerprint: how copies, paraphrases and translations of it are recognised. */
export const Fingerprint = /* @__PURE__ */ schema(() =>
  z.object({
    scheme: z.string(),
    // Distinct shingles; the smallest hashes, ascending, as big-endian uint32 in base64url.
    shingles: z.number().check(z.int(), z.minimum(0)),
    sketch: z.string(),
    // Distinct content words (Chinese: character pairs); the smallest word hashes, as `sketch`.
    words: z.optional(z.number().check(z.int(), z.minimum(0))),
    wordSketch: z.optional(z.string()),
    // Figures with their scale (`1.43e10`, `14`, `2026`) and Latin-script names in lower case, in order of first appearance.
    figures: z.optional(z.array(z.string())),
    names: z.optional(z.array(z.string())),
    // The script most of its letters are in; a hash of the whole normalised text.
    script: z.optional(z.enum(['latin', 'han', 'other'])),
    exact: z.optional(z.string()),
  }),
);
export type Fingerprint = z.output<typeof Fingerprint>;

let toSimplified: ((text: string) => string) | undefined;

/** Traditional Chinese (Taiwan and Hong Kong variants included) as simplified; other text unchanged. */
export function simplified(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  // Character-level folding is what a fingerprint needs (both texts are folded the same way): Taiwan
  // and Hong Kong variant characters to OpenCC's standard traditional, then each traditional character
  // to its simplified form. Phrase tables (軟體/软件, 乾隆 vs 乾淨) are left out: they would triple the
  // ingest bundle for a few shingles; regional vocabulary stays as written.
  toSimplified ??= ConverterFactory([TWVariantsRev, HKVariantsRev], [TSCharacters]);
  return toSimplified!(text);
}

/** Simplified script, NFKC, lower case, letters and digits only. */
export function normalise(text: string): string {
  return simplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** FNV-1a over UTF-16 code units, finished with murmur3's fmix32 so low bits are well mixed. */
function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The distinct shingle hashes of a text (a text shorter than one shingle is one shingle). */
export function shingleHashes(text: string): Set<number> {
  const chars = Array.from(normalise(text));
  const hashes = new Set<number>();
  if (chars.length === 0) return hashes;
  if (chars.length <= SHINGLE_CHARS) return hashes.add(hash32(chars.join('')));
  for (let i = 0; i + SHINGLE_CHARS <= chars.length; i++) hashes.add(hash32(chars.slice(i, i + SHINGLE_CHARS).join('')));
  return hashes;
}

const STOP_WORDS = /* @__PURE__ */ new Set(
  /* @__PURE__ */ (
    'the and for that with this from have has had was were are is its it its their they them will would said says ' +
    'about after before into over under than then also but not been being which who whom what when where while ' +
    'of to in on at by as an a or be our your his her he she we you more most other some such can could should ' +
    'may might one two per new via just only out up all any each very'
  ).split(' '),
);

/** A crude English stem: enough that "cuts", "cutting" and "cut" meet. */
function stem(word: string): string {
  const w = word.replace(/'s$/, '');
  if (w.length <= 4) return w;
  return w.replace(/(?:ings?|edly|ed|es|s|ly)$/, '').replace(/(.)\1$/, '$1');
}

/** Content words: English words of 3+ letters that are not stop words, stemmed; Chinese character pairs. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  const plain = simplified(text.normalize('NFKC')).toLowerCase();
  for (const m of plain.matchAll(/[\p{Script=Latin}]{3,}/gu)) if (!STOP_WORDS.has(m[0])) words.add(stem(m[0]));
  for (const run of plain.matchAll(/\p{Script=Han}+/gu)) {
    const chars = Array.from(run[0]);
    if (chars.length === 1) words.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) words.add(chars[i]! + chars[i + 1]!);
  }
  return words;
}

const SCALES: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  billion: 1e9,
  bn: 1e9,
  million: 1e6,
  mn: 1e6,
  thousand: 1e3,
  万亿: 1e12,
  亿: 1e8,
  万: 1e4,
  千: 1e3,
};

/** The figures of a text with their scale, as canonical strings, in order of first appearance. */
export function figuresIn(text: string): string[] {
  const plain = text.normalize('NFKC');
  const out: string[] = [];
  const re = /(\d+(?:[,，]\d{3})*(?:\.\d+)?)\s*(trillion|tn|billion|bn|million|mn|thousand|万亿|亿|万|千)?/giu;
  for (const m of plain.matchAll(re)) {
    const value = Number(m[1]!.replace(/[,，]/g, '')) * (m[2] ? (SCALES[m[2].toLowerCase()] ?? 1) : 1);
    if (!Number.isFinite(value)) continue;
    const canonical = String(Number(value.toPrecision(4)));
    if (!out.includes(canonical)) out.push(canonical);
  }
  return out.slice(0, MAX_FIGURES);
}

/** Latin-script names: runs of capitalised words or acronyms (`Scale AI`, `Jason Droege`, `OpenAI`), lower case. */
export function namesIn(text: string): string[] {
  const out: string[] = [];
  const re = /\p{Lu}[\p{Script=Latin}\p{N}-]*(?:[ \t]+\p{Lu}[\p{Script=Latin}\p{N}-]*)*/gu;
  for (const m of text.normalize('NFKC').matchAll(re)) {
    const name = m[0].toLowerCase();
    if (name.length >= 2 && !STOP_WORDS.has(name) && !out.includes(name)) out.push(name);
  }
  return out.slice(0, MAX_FIGURES);
}

function scriptOf(text: string): Fingerprint['script'] {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  if (han === 0 && latin === 0) return 'other';
  // A Chinese text carries Latin names; a handful of Han characters make it Chinese.
  return han * 3 >= latin ? 'han' : 'latin';
}

function encode(values: readonly number[]): string {
  const bytes = Buffer.alloc(values.length * 4);
  for (const [i, v] of values.entries()) bytes.writeUInt32BE(v, i * 4);
  return bytes.toString('base64url');
}

export function decode(sketch: string): number[] {
  const bytes = Buffer.from(sketch, 'base64url');
  const values: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) values.push(bytes.readUInt32BE(i));
  return values;
}

const bottom = (hashes: Iterable<number>, k: number) => [...hashes].sort((a, b) => a - b).slice(0, k);

/** The fingerprint of a text. */
export function fingerprint(text: string): Fingerprint {
  const hashes = shingleHashes(text);
  const words = [...contentWords(text)].map((w) => hash32(w));
  const normalised = normalise(text);
  return {
    scheme: FINGERPRINT_SCHEME,
    shingles: hashes.size,
    sketch: encode(bottom(hashes, SKETCH_SIZE)),
    words: words.length,
    wordSketch: encode(bottom(new Set(words), WORD_SKETCH_SIZE)),
    figures: figuresIn(text),
    names: namesIn(text),
    script: scriptOf(text),
    exact: `${hash32(normalised).toString(16)}${hash32(normalised, 0x9747b28c).toString(16)}`,
  };
}

/** Shingle sketches of these schemes compare with each other (v2 only folds traditional to simplified script). */
const COMPATIBLE = /^shingle5-bottom128-v[12]$/;

/**
 * Estimated share of the shorter set found in the longer (containment, 0..1), from two bottom-k
 * sketches. Below the largest hash a truncated sketch keeps, it holds every hash of its set; so for
 * hashes under both sketches' cut-off, membership is exact, and the shorter set's hashes there are a
 * uniform sample of it. Exact when both sketches hold their whole set.
 */
export function containment(a: { size: number; sketch: string }, b: { size: number; sketch: string }): number {
  if (a.size === 0 || b.size === 0) return 0;
  // Ties broken on the sketch, so containment(a, b) === containment(b, a).
  const aFirst = a.size < b.size || (a.size === b.size && a.sketch <= b.sketch);
  const [short, long] = aFirst ? [a, b] : [b, a];
  const s = decode(short.sketch);
  const l = decode(long.sketch);
  const cutOff = Math.min(cutOffOf(short.size, s), cutOffOf(long.size, l));
  const sample = s.filter((h) => h <= cutOff);
  if (sample.length === 0) return 0;
  const inLong = new Set(l);
  return sample.filter((h) => inLong.has(h)).length / sample.length;
}

/** The largest hash up to which a sketch is complete: all of them if it holds the whole set. */
function cutOffOf(size: number, sketch: readonly number[]): number {
  return size <= sketch.length ? Number.POSITIVE_INFINITY : (sketch[sketch.length - 1] ?? 0);
}

/** Estimated share of the shorter text's shingles that the longer text also has. */
export function overlap(a: Fingerprint, b: Fingerprint): number {
  if (!COMPATIBLE.test(a.scheme) || !COMPATIBLE.test(b.scheme)) return 0;
  return containment({ size: a.shingles, sketch: a.sketch }, { size: b.shingles, sketch: b.sketch });
}

/** Estimated share of the shorter text's content words that the longer text also has (0 when either has none recorded). */
export function wordOverlap(a: Fingerprint, b: Fingerprint): number {
  if (!a.wordSketch || !b.wordSketch || !a.words || !b.words) return 0;
  return containment({ size: a.words, sketch: a.wordSketch }, { size: b.words, sketch: b.wordSketch });
}

/** True when two fingerprints are of the same text: identical, or the shorter mostly contained in the longer. */
export function nearDuplicate(a: Fingerprint, b: Fingerprint): boolean {
  if (a.exact && a.exact === b.exact && a.shingles > 0) return true;
  const small = Math.min(a.shingles, b.shingles);
  if (small >= MIN_SHINGLES) return overlap(a, b) >= NEAR_DUPLICATE_OVERLAP;
  // Short texts (a flash headline): nearly identical both ways, a word or two apart at most.
  return small >= SHINGLE_CHARS && Math.max(a.shingles, b.shingles) <= small + 4 && overlap(a, b) >= NEAR_DUPLICATE_OVERLAP;
}
