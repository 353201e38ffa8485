/**
 * Spec: the README and the docs hold together. Every relative link in README.md, docs/ and the
 * folders' own READMEs points at a file that exists, and every `#anchor` at a heading of that file
 * (GitHub's slugs); the README fits on a screen or two.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const SKIP = new Set(['node_modules', '.data', '.git', 'cdk.out']);

/** The Markdown files of the repository (not its dependencies or generated data). */
function markdownFiles(dir = '.'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = dir === '.' ? name : join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** The text outside fenced code blocks, where a line starting with `#` is a heading. */
const withoutFences = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '');

/** The text outside code (fenced blocks and inline), where `[text](target)` is a link. */
const prose = (markdown: string) => withoutFences(markdown).replace(/`[^`\n]*`/g, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, text] of withoutFences(readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = slug(text!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Relative links `[text](target)` of a file, as written. */
function relativeLinks(file: string): string[] {
  return [...prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** Why a link does not resolve, or undefined when it does. */
function brokenLink(file: string, target: string): string | undefined {
  const [path, anchor] = target.split('#') as [string, string | undefined];
  const resolved = path === '' ? file : normalize(join(dirname(file), decodeURI(path)));
  if (!existsSync(resolved)) return `${file}: ${target} (no ${resolved})`;
  if (anchor === undefined) return undefined;
  if (statSync(resolved).isDirectory() || !resolved.endsWith('.md')) return `${file}: ${target} (an anchor in a file that is not Markdown)`;
  return anchorsOf(resolved).has(anchor) ? undefined : `${file}: ${target} (no heading #${anchor} in ${resolved})`;
}

describe('the README and the docs', () => {
  it('link only to files and headings that exist', () => {
    // Prepare
    const files = markdownFiles();
    // Act
    const broken = files.flatMap((file) => relativeLinks(file).flatMap((target) => brokenLink(file, target) ?? []));
    // Assess
    expect(files).toContain('README.md');
    expect(files.filter((f) => f.startsWith('docs/')).length).toBeGreaterThan(10);
    expect(broken).toEqual([]);
  });

  it('find a broken link, a missing heading and a moved file', () => {
    expect(brokenLink('README.md', 'docs/nowhere.md')).toMatch(/no docs\/nowhere\.md/);
    expect(brokenLink('README.md', 'docs/reliability.md#no-such-heading')).toMatch(/no heading/);
    expect(brokenLink('docs/deploy.md', 'reliability.md#the-reconciler')).toBeUndefined();
    expect(brokenLink('docs/deploy.md', '../README.md#node-versions')).toBeUndefined();
    expect(brokenLink('docs/reliability.md', 'consuming-events.md#2-the-handler-parse-with-the-contract-deduplicate-on-eventid')).toBeUndefined();
  });

  it('make anchors as GitHub does', () => {
    expect(slug('7. After a change of the scoring model')).toBe('7-after-a-change-of-the-scoring-model');
    expect(slug('Hardened infra (cdk-nag)')).toBe('hardened-infra-cdk-nag');
    expect(slug('2. The handler: parse with the contract, deduplicate on `eventId`')).toBe(
      '2-the-handler-parse-with-the-contract-deduplicate-on-eventid',
    );
  });

  it('keep the README to a screen or two (at most 150 lines)', () => {
    expect(readFileSync('README.md', 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(150);
  });
});
