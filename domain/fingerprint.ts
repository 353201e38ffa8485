/**
 * Text fingerprints: how syndicated and lightly edited copies of one story are
 * recognised as the same origin, in Chinese as well as in English.
 *
 * A text is normalised (NFKC, lower case, letters and digits only, so
 * whitespace, punctuation, full-width forms and spacing around Latin words
 * inside Chinese text do not matter) and cut into overlapping 5-character
 * shingles. Character shingles need no word segmentation, which Chinese has
 * none of. The fingerprint keeps a bottom-k sketch: the 128 smallest 32-bit
 * hashes of the shingle set, plus the set's size. That is ~700 bytes whatever
 * the length of the text, exact for texts of up to ~130 characters and an
 * estimate from a uniform sample above that, so scoring never needs the text.
 *
 * Two texts are near-duplicates when the shorter is at least 85% contained in
 * the longer (`overlap ≥ NEAR_DUPLICATE_OVERLAP`, the ">85% overlap" rule of
 * thumb for folding wire copy): a copy with a new byline, a credit line or a
 * few edited words stays above it; an independent report of the same facts,
 * which shares names and figures but not sentences, stays far below (≈0.2 in
 * the tests). Containment rather than Jaccard, so an excerpt of an article is
 * recognised as a copy of it.
 */
import { Buffer } from 'node:buffer';

/** Characters per shingle. */
export const SHINGLE_CHARS = 5;
/** Hashes kept per fingerprint (bottom-k sketch). */
export const SKETCH_SIZE = 128;
/** Share of the shorter text found in the longer one from which two texts are one origin. */
export const NEAR_DUPLICATE_OVERLAP = 0.85;
/** Texts with fewer shingles than this (about 20 characters) are too short to call a copy. */
export const MIN_SHINGLES = 16;
/** Identifies the algorithm and its constants, so a future change can tell old fingerprints apart. */
export const FINGERPRINT_SCHEME = 'shingle5-bottom128-v1';

export interface Fingerprint {
  scheme: string;
  /** Number of distinct shingles in the text. */
  shingles: number;
  /** The smallest hashes, ascending, as big-endian uint32 in base64url. */
  sketch: string;
}

/** NFKC, lower case, letters and digits only. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** FNV-1a over UTF-16 code units, finished with murmur3's fmix32 so low bits are well mixed. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
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

function encode(values: readonly number[]): string {
  const bytes = Buffer.alloc(values.length * 4);
  for (const [i, v] of values.entries()) bytes.writeUInt32BE(v, i * 4);
  return bytes.toString('base64url');
}

function decode(sketch: string): number[] {
  const bytes = Buffer.from(sketch, 'base64url');
  const values: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) values.push(bytes.readUInt32BE(i));
  return values;
}

/** The fingerprint of a text. */
export function fingerprint(text: string): Fingerprint {
  const hashes = [...shingleHashes(text)].sort((a, b) => a - b);
  return { scheme: FINGERPRINT_SCHEME, shingles: hashes.length, sketch: encode(hashes.slice(0, SKETCH_SIZE)) };
}

/**
 * Estimated share of the shorter text's shingles that the longer text also
 * has (containment, 0..1). Exact when both sketches hold their whole set.
 *
 * Below the largest hash a truncated sketch keeps, it holds every hash of its
 * set; so for hashes under both sketches' cut-off, membership is exact, and
 * the shorter text's hashes there are a uniform sample of its shingles.
 */
export function overlap(a: Fingerprint, b: Fingerprint): number {
  if (a.scheme !== b.scheme || a.shingles === 0 || b.shingles === 0) return 0;
  // Ties broken on the sketch, so overlap(a, b) === overlap(b, a).
  const aFirst = a.shingles < b.shingles || (a.shingles === b.shingles && a.sketch <= b.sketch);
  const [short, long] = aFirst ? [a, b] : [b, a];
  const s = decode(short.sketch);
  const l = decode(long.sketch);
  const cutOff = Math.min(cutOffOf(short, s), cutOffOf(long, l));
  const sample = s.filter((h) => h <= cutOff);
  if (sample.length === 0) return 0;
  const inLong = new Set(l);
  return sample.filter((h) => inLong.has(h)).length / sample.length;
}

/** The largest hash up to which a sketch is complete: all of them if it holds the whole set. */
function cutOffOf(fp: Fingerprint, sketch: readonly number[]): number {
  return fp.shingles <= sketch.length ? Number.POSITIVE_INFINITY : (sketch[sketch.length - 1] ?? 0);
}

/** True when two fingerprints are of the same story: long enough to tell, and overlapping by the threshold. */
export function nearDuplicate(a: Fingerprint, b: Fingerprint): boolean {
  return Math.min(a.shingles, b.shingles) >= MIN_SHINGLES && overlap(a, b) >= NEAR_DUPLICATE_OVERLAP;
}
