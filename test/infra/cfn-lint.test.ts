/**
 * Spec: cfn-lint finds nothing, not even a warning, in the templates of a
 * throwaway stage and of production, their nested stacks' included. cfn-lint is a Python tool (`pip install
 * cfn-lint`; these machines have 1.51): where it is missing the lint is skipped
 * and says so, except in CI (`CI=true`), where a missing cfn-lint fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nestedTemplates } from '#infra/nested-templates.ts';
import { synthesize } from './synth.ts';

const version = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
const available = version.status === 0;
const inCi = process.env['CI'] === 'true';
if (!available && !inCi)
  console.warn('cfn-lint not found: the template lint (test/infra/cfn-lint.test.ts) is skipped; `pip install cfn-lint` runs it');

const STAGES = ['dev', 'prod'];
const dir = mkdtempSync(join(tmpdir(), 'signal-briefings-cfn-lint-'));
const fileOf = (stage: string) => join(dir, `${stage}.template.json`);
/** The nested stacks' templates of a stage (infra/constructs/email.ts, infra/constructs/webhooks.ts), linted with it. */
const nestedFileOf = (stage: string, id: string) => join(dir, `${stage}.${id}.nested.template.json`);
const nestedFiles: Record<string, string[]> = {};
let lint: { status: number | null; findings: string[] } | undefined;

// One cfn-lint run for both templates: its start (loading the resource specifications) is most of its time.
beforeAll(() => {
  if (!available) return;
  for (const stage of STAGES) {
    const synth = synthesize({ stage, bundle: false });
    writeFileSync(fileOf(stage), JSON.stringify(synth.template.toJSON()));
    nestedFiles[stage] = nestedTemplates(synth.stack, synth.app.outdir).map(({ resourceId, template }) => {
      writeFileSync(nestedFileOf(stage, resourceId), JSON.stringify(template));
      return nestedFileOf(stage, resourceId);
    });
  }
  const files = STAGES.flatMap((stage) => [fileOf(stage), ...nestedFiles[stage]!]);
  const run = spawnSync('cfn-lint', ['--format', 'parseable', '--', ...files], { encoding: 'utf8' });
  lint = { status: run.status, findings: `${run.stdout}${run.stderr}`.split('\n').filter(Boolean) };
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cfn-lint', () => {
  it.runIf(inCi)('is installed where CI runs', () => {
    expect(available, 'CI=true and cfn-lint is not on PATH (pip install cfn-lint)').toBe(true);
  });

  it.runIf(available).each(STAGES)('finds no error and no warning in the %s template and its nested stack', (stage) => {
    // Assess: parseable output is one line per finding, prefixed with the file
    expect(
      lint!.findings.filter(
        (line) => !line.startsWith(dir) || line.startsWith(fileOf(stage)) || nestedFiles[stage]!.some((file) => line.startsWith(file)),
      ),
      `cfn-lint ${version.stdout.trim()}`,
    ).toEqual([]);
  });

  it.runIf(available)('exits 0, which it does only when it finds nothing (2: errors, 4: warnings, 8: informational)', () => {
    expect(lint!.status).toBe(0);
  });
});
