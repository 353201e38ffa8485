/**
 * Spec: one Node version story. package.json's `engines`, the README, the deploy guide and
 * `.ci/run` name the same range, and no installed package's declared engines leave out the
 * lowest Node of either line (so `npm ci` prints no `EBADENGINE` warning).
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
const readme = readFileSync('README.md', 'utf8');

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

  it('admit every installed package on the lowest Node of each line, so npm ci warns of no engine', () => {
    // Prepare
    const lowest = pkg.engines.node.split('||').map((range) => semver.minVersion(range)!.version);
    // Act
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !Array.isArray(entry.engines) && entry.engines?.node)
      .flatMap(([path, entry]) => {
        const range = (entry.engines as { node: string }).node;
        return lowest
          .filter((node) => !semver.satisfies(node, range))
          .map((node) => `${path.replace(/^.*node_modules\//, '')} (${range}) refuses ${node}`);
      });
    // Assess
    expect(lowest).toEqual(['20.19.0', '22.22.2']);
    expect(refusing).toEqual([]);
  });

  it('would catch a package that refuses Node 20', () => {
    expect(semver.satisfies('20.19.0', '>=22.22.2')).toBe(false);
    expect(semver.satisfies('20.19.0', '>=18.2.0')).toBe(true);
  });
});
