/**
 * Spec: imports run down the layers (domain ← events, contracts ← functions ← infra, tools ← local), never up
 * and never in a loop, as .dependency-cruiser.cjs states (docs/decisions/0017-imports-run-down-the-layers.md).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as {
  forbidden: IForbiddenRuleType[];
  options: ICruiseOptions;
};
const LAYERS = ['domain', 'events', 'contracts', 'functions', 'infra', 'tools', 'local'];

/** The rule violations of the tree under `baseDir`, as `rule: from → to`. */
async function violations(baseDir: string, options: ICruiseOptions = config.options): Promise<string[]> {
  const dirs = LAYERS.filter((layer) => existsSync(join(baseDir, layer)));
  const { output } = await cruise(dirs, { ...options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  if (typeof output === 'string') throw new Error(output);
  return output.summary.violations.map((v) =>
    v.cycle?.length ? `${v.rule.name}: ${[v.from, ...v.cycle.map((c) => c.name)].join(' → ')}` : `${v.rule.name}: ${v.from} → ${v.to}`,
  );
}

describe('the import rules', () => {
  it('hold for the whole tree: no upward import, no loop', async () => {
    expect(await violations(ROOT)).toEqual([]);
  }, 60_000);

  it('catch an upward import and a loop, type-only imports included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signal-briefings-layers-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    try {
      write('domain/rule.ts', "import { handler } from '../functions/handler.ts';\nexport const rule = handler;\n");
      write('functions/handler.ts', 'export const handler = 1;\n');
      write('events/a.ts', "import type { B } from './b.ts';\nexport type A = { b?: B };\n");
      write('events/b.ts', "import type { A } from './a.ts';\nexport type B = { a?: A };\n");
      const found = await violations(dir, { ...config.options, tsConfig: undefined });
      expect(found).toContain('domain-imports-down-only: domain/rule.ts → functions/handler.ts');
      expect(found.filter((v) => v.startsWith('no-import-loop:')).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
