/**
 * The completeness gate's checks of written content: every field of every
 * language (the original and each translation) against the publisher's
 * templates and generic placeholders (domain/templates.ts), sentences
 * repeated across fields whatever their punctuation or character width, and
 * empty or too-short structured fields. Each problem names its field by JSON
 * pointer (`#/sections/operatingSurface/operatingSurface`,
 * `#/translations/zh/whatToWatch/1`) and maps to a content-gap code the
 * scoring cap names without quoting content.
 */
import * as z from 'zod/mini';
import { schema } from './schema.ts';
import type { ContentGap } from './scoring.ts';
import type { WrittenSections } from './sections.ts';
import { FIELD_TITLE, GENERIC_WATCH_VOCABULARY, PLACEHOLDER_PATTERNS, PLACEHOLDER_VALUE, PUBLISHER_TEMPLATES } from './templates.ts';

/** What is wrong with a field. */
export const COMPLETENESS_CODES = ['empty', 'too-short', 'placeholder', 'template', 'section-title', 'repeated-sentence', 'no-sources'] as const;
export type CompletenessCode = (typeof COMPLETENESS_CODES)[number];

/** One problem that blocks publishing, named by the field it is in. */
export const CompletenessIssue = /* @__PURE__ */ schema(() =>
  z.object({
    pointer: z
      .string()
      .check(
        z.describe('The field: `#/sections/operatingSurface/marketExposure`, `#/translations/zh/whatToWatch/1`; `#/sources` for missing evidence'),
      ),
    code: z.enum(COMPLETENESS_CODES),
    detail: z.string().check(z.describe('What is wrong with it, for a person to read')),
  }),
);
export type CompletenessIssue = z.output<typeof CompletenessIssue>;

/** One issue with the content-gap codes it amounts to (what the scoring cap sees). */
interface Finding extends CompletenessIssue {
  gaps: ContentGap[];
}

/** NFKC, lower case, whitespace runs as one space: the form templates are written against. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A sentence's identity: normalised, without punctuation, symbols or spaces (`.` and `。`, `１４` and `14` are one). */
const sentenceKey = (sentence: string) => normaliseText(sentence).replace(/[\p{P}\p{S}\s]/gu, '');

/** Words in a text; Chinese, which writes a word in about two characters, counts one word per two. */
const wordCount = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\p{sc=Han}{1,2}/gu, ' x ')
    .match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** How much a sentence says, for the repeat check: a Chinese character weighs two letters. */
const weight = (key: string) => key.replace(/\p{sc=Han}/gu, 'xx').length;

/** Repeated sentences shorter than this (12 letters, 6 ideographs) are set phrases, not copied text. */
const MIN_REPEATED_WEIGHT = 12;

/** Sentences of a field: ends of sentences (not a decimal point) and line breaks. */
const sentencesOf = (text: string) =>
  text
    .normalize('NFKC')
    .split(/(?<=[.!?。;])(?!\d)\s*|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const watchLeftover = (text: string) => GENERIC_WATCH_VOCABULARY.reduce((t, re) => t.replace(re, ' '), normaliseText(text));

/** The template, placeholder or title a field's text is, if any. */
function boilerplateIn(text: string, watch: boolean): Omit<CompletenessIssue, 'pointer'> | undefined {
  const normalised = normaliseText(text);
  const key = sentenceKey(text);
  if (!key || PLACEHOLDER_VALUE.test(key)) {
    return { code: 'placeholder', detail: 'is a placeholder' };
  }
  const raw = text.normalize('NFKC');
  const marker = PLACEHOLDER_PATTERNS.map((re) => re.exec(raw)?.[0]).find((m) => m !== undefined);
  if (marker !== undefined) return { code: 'placeholder', detail: `contains the placeholder "${marker.slice(0, 40)}"` };
  if (FIELD_TITLE.test(key)) return { code: 'section-title', detail: 'is only a title' };
  const sentences = sentencesOf(text).map(normaliseText);
  const template = PUBLISHER_TEMPLATES.find((t) => (t.scope === 'field' ? t.pattern.test(normalised) : sentences.some((s) => t.pattern.test(s))));
  if (template) return { code: 'template', detail: `is template text (${template.id})` };
  if (watch && !/[\p{L}\p{N}]/u.test(watchLeftover(text))) {
    return { code: 'template', detail: 'is template text (generic-what-to-watch)' };
  }
  return undefined;
}

interface Leaf {
  pointer: string;
  text: string;
  /** The field's name (`marketExposure`, or the array's name for an item such as `whatToWatch/1`). */
  field: string;
}

/**
 * Every written text field of one language, with its pointer: a walk of the sections (so a field added
 * later is checked too), keys in alphabetical order so that the problems come in the same order however
 * the stored item orders them.
 */
function leavesOf(value: unknown, pointer: string, field = ''): Leaf[] {
  if (typeof value === 'string') return [{ pointer, text: value, field }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leavesOf(v, `${pointer}/${i}`, field));
  if (!value || typeof value !== 'object') return [];
  return Object.keys(value)
    .sort()
    .flatMap((k) => leavesOf((value as Record<string, unknown>)[k], `${pointer}/${k}`, k));
}

/** Fields a missing value of which is a content gap of its own: the operating surface's. */
const GAP_FIELDS: Partial<Record<string, ContentGap>> = { operatingSurface: 'operating-surface', marketExposure: 'market-exposure' };
/** Prose: checked for repeated sentences; the operating surface's prose must say at least two words. */
const PROSE = new Set([
  'headline',
  'coverage',
  'publishedReporting',
  'operatingSurface',
  'marketExposure',
  'whatToWatch',
  'trendContext',
  'evidence',
  'path',
]);
/** Optional: an empty trend context is a section not written, not a defect. */
const OPTIONAL = new Set(['trendContext']);

function repeatedSentences(leaves: readonly Leaf[]): Finding[] {
  const firstSeen = new Map<string, string>();
  const findings: Finding[] = [];
  for (const leaf of leaves.filter((l) => PROSE.has(l.field))) {
    for (const sentence of sentencesOf(leaf.text)) {
      const key = sentenceKey(sentence);
      if (weight(key) < MIN_REPEATED_WEIGHT) continue;
      const first = firstSeen.get(key);
      if (first === undefined) {
        firstSeen.set(key, leaf.pointer);
        continue;
      }
      findings.push({
        pointer: leaf.pointer,
        code: 'repeated-sentence',
        detail: `repeats "${sentence.slice(0, 80)}" (first in ${first})`,
        gaps: ['repeated-text'],
      });
    }
  }
  return findings;
}

/**
 * The findings of the last sections seen, by their text: every scoring of a briefing assesses the same
 * sections again (its sources change, its text does not), and the text checks are most of a scoring's CPU.
 * Bounded, so a long-lived process keeps only the recent ones; findings are never mutated by callers.
 */
const recentFindings = new Map<string, readonly Finding[]>();
const RECENT_FINDINGS = 256;

/** The problems of one language's sections, each under `base` (`#/sections` or `#/translations/<lang>`). */
export function sectionFindings(s: WrittenSections, base: string): Finding[] {
  const key = `${base}\u0000${JSON.stringify(s)}`;
  const known = recentFindings.get(key);
  if (known) return [...known];
  const findings = findSectionProblems(s, base);
  if (recentFindings.size >= RECENT_FINDINGS) recentFindings.delete(recentFindings.keys().next().value!);
  recentFindings.set(key, findings);
  return [...findings];
}

function findSectionProblems(s: WrittenSections, base: string): Finding[] {
  const findings: Finding[] = [];
  const surface = s.operatingSurface;
  const parties = `${base}/operatingSurface/affectedParties`;
  if (surface.affectedParties.length === 0) {
    findings.push({ pointer: parties, code: 'empty', detail: 'is empty', gaps: ['affected-parties'] });
  }
  const leaves = leavesOf(s, base).filter((l) => !(OPTIONAL.has(l.field) && l.text === ''));
  const partyFindings: Finding[] = [];
  for (const leaf of leaves) {
    const gap = GAP_FIELDS[leaf.field];
    const found: Omit<CompletenessIssue, 'pointer'> | undefined =
      leaf.text === ''
        ? { code: 'empty', detail: 'is empty' }
        : (boilerplateIn(leaf.text, leaf.field === 'whatToWatch') ??
          (gap && wordCount(leaf.text) < 2 ? { code: 'too-short', detail: 'is too short (at least 2 words)' } : undefined));
    if (!found) continue;
    const boilerplate = found.code !== 'empty' && found.code !== 'too-short';
    const finding: Finding = { pointer: leaf.pointer, ...found, gaps: [...(gap ? [gap] : []), ...(boilerplate ? (['boilerplate'] as const) : [])] };
    (leaf.pointer.startsWith(`${parties}/`) ? partyFindings : findings).push(finding);
  }
  // Parties that are all placeholders leave the briefing with no affected party named.
  const allPlaceholders = partyFindings.length > 0 && partyFindings.length === surface.affectedParties.length;
  findings.push(...partyFindings.map((f) => (allPlaceholders ? { ...f, gaps: ['affected-parties' as const, ...f.gaps] } : f)));
  findings.push(...repeatedSentences(leaves));
  return findings;
}

const GAP_ORDER: readonly ContentGap[] = ['affected-parties', 'operating-surface', 'market-exposure', 'repeated-text', 'boilerplate'];

/** The content-gap codes of findings, each once, in a fixed order. */
export function gapsOf(findings: readonly Finding[]): ContentGap[] {
  const found = new Set(findings.flatMap((f) => f.gaps));
  return GAP_ORDER.filter((g) => found.has(g));
}

/** The issues without their gap codes, as the API shows them. */
export const issuesOf = (findings: readonly Finding[]): CompletenessIssue[] => findings.map(({ gaps: _, ...issue }) => issue);
