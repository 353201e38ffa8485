/**
 * What the deployed bundles carry (bench/bundle-composition.ts, the CDK app's
 * own bundling options): routes behind the JWT authorizer bundle no token
 * verifier (jose), and functions written with zod/mini bundle no classic zod,
 * yet answer with zod's English messages.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleCompositions, type Composition } from '../../bench/bundle-composition.ts';

/** A jwt route, a jwt route that also calls Cognito, and the fallback: none verifies a token itself. */
const WITHOUT_VERIFIER = ['get-me', 'grant-entitlement', 'route-not-found'] as const;

describe('bundles', () => {
  let bundles: Composition[];
  const parts = (name: string) => bundles.find((b) => b.name === name)!.all.map((c) => c.name);

  beforeAll(async () => {
    bundles = await bundleCompositions({ functions: WITHOUT_VERIFIER });
  });

  it('leave jose out of functions that do not verify tokens themselves', () => {
    for (const name of WITHOUT_VERIFIER) expect(parts(name), name).not.toContain('jose');
  });

  it('carry no classic zod where every schema is zod/mini, but zod\'s English messages', () => {
    for (const name of WITHOUT_VERIFIER) {
      expect(parts(name), name).not.toContain('zod/classic');
      expect(parts(name), name).toContain('zod/locales');
    }
  });
});

describe('zod/mini messages', () => {
  it('are the English ones classic zod gives, once functions/commons/validation.ts is loaded', () => {
    // A fresh process: in this one, classic zod (imported by other modules) has already installed its messages.
    const script = `
      const z = await import('zod/mini');
      const parse = async () => z.safeParse((await import('./domain/entitlement.ts')).GrantInput, { tier: 'gold', roles: ['admin', 'admin'] }).error.issues.map((i) => i.message);
      const bare = await parse();
      await import('./functions/commons/validation.ts');
      process.stdout.write(JSON.stringify({ bare, english: await parse() }));`;

    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: process.cwd() });

    expect(child.stderr).toBe('');
    const { bare, english } = JSON.parse(child.stdout) as { bare: string[]; english: string[] };
    expect(bare).toEqual(['Invalid input', 'roles must not repeat']);
    expect(english).toEqual(['Invalid option: expected one of "strategy-circle"|"leadership-alliance"', 'roles must not repeat']);
  });
});
