/**
 * Where the bytes of each function's bundle come from, without timing anything:
 * every function of functions/manifest.ts (or the ones named) and the floor,
 * bundled with the CDK app's own options (BUNDLING through cold-start.ts's
 * translation), then the top contributors from esbuild's metafile.
 *
 *   node --import tsx bench/bundle-composition.ts [function ...] [--top=8] [--json]
 *
 * A contributor is an npm package (`@smithy/core`; zod by part: `zod/classic`,
 * `zod/core`, `zod/mini`, `zod/locales`) or one of our files (`domain/scoring.ts`),
 * so the report says both which dependency and which of our imports pulled it in. Takes seconds; `npm run bench` does the full cold-start run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { FALLBACK_FUNCTION, FUNCTIONS, type FunctionName, ROUTES } from '#functions/manifest.ts';
import { esbuildOptions, FLOOR } from './cold-start.ts';
import { ratio } from './stats.ts';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const FLOOR_ENTRY = 'bench/floor/get-item.ts';
const API_FUNCTIONS = new Set<FunctionName>([...ROUTES.map((r) => r.fn), FALLBACK_FUNCTION]);

export interface Contributor {
  /** An npm package name, or a project file relative to the root. */
  name: string;
  KB: number;
}

export interface Composition {
  name: string;
  kind: 'api' | 'consumer' | 'floor';
  bundleKB: number;
  sizeRatio: number;
  /** Largest first; the last entry sums the rest when there are more than `top`. */
  top: Contributor[];
  /** Every contributor, largest first. */
  all: Contributor[];
}

/** The package an input of the metafile belongs to, or the project file itself. */
export function contributorOf(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
  // zod by part: `zod/classic` arrives whole with any classic import; `zod/core`, `zod/mini` and `zod/locales` tree-shake.
  if (pkg === 'zod') return `zod/${/node_modules\/zod\/(?:v4\/)?(classic|core|mini|locales)\//.exec(input)?.[1] ?? 'other'}`;
  if (pkg) return pkg;
  return relative(PROJECT_ROOT, resolve(PROJECT_ROOT, input)).split('\\').join('/');
}

/** Minified bytes in the output per contributor, largest first (KB). */
export function contributorsOf(metafile: Metafile): Contributor[] {
  const output = Object.entries(metafile.outputs).find(([file]) => /\.m?js$/.test(file))?.[1];
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const name = contributorOf(input);
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  return [...totals]
    .map(([name, bytes]) => ({ name, KB: bytes / 1024 }))
    .filter((c) => c.KB > 0)
    .sort((a, b) => b.KB - a.KB);
}

/**
 * The esbuild target of the deployed runtime, read from the construct itself
 * (with bundling skipped, so this costs no build).
 */
async function deployedTarget(): Promise<string> {
  const { App, Stack } = await import('aws-cdk-lib');
  const { BriefingsFunction } = await import('#infra/constructs/briefings-function.ts');
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const fn = new BriefingsFunction(new Stack(app, 'Composition'), 'Reference', {
    entry: FUNCTIONS[FALLBACK_FUNCTION].entry,
    description: 'composition',
    kind: 'api',
  });
  return `node${/nodejs(\d+)/.exec(fn.runtime.name)?.[1] ?? ''}`;
}

/** Bundles the named functions (all by default) and the floor as the CDK app does and reports what each is made of. */
export async function bundleCompositions(
  opts: { functions?: readonly FunctionName[]; top?: number; apiTracing?: boolean } = {},
): Promise<Composition[]> {
  const { BUNDLING: DEFAULT, apiTracingDefine } = await import('#infra/constructs/briefings-function.ts');
  // As a deployment with `-c apiTracing=true` bundles them, when asked.
  const BUNDLING = opts.apiTracing ? { ...DEFAULT, define: { ...DEFAULT.define, ...apiTracingDefine(true) } } : DEFAULT;
  const target = await deployedTarget();
  const names = opts.functions ?? (Object.keys(FUNCTIONS) as FunctionName[]);
  const entries: Array<[string, string, Composition['kind']]> = [
    [FLOOR, FLOOR_ENTRY, 'floor'],
    ...names.map((name): [string, string, Composition['kind']] => [name, FUNCTIONS[name].entry, API_FUNCTIONS.has(name) ? 'api' : 'consumer']),
  ];
  const outdir = mkdtempSync(join(tmpdir(), 'signal-briefings-composition-'));
  try {
    const built = await Promise.all(
      entries.map(async ([name, entry, kind], i) => {
        const { metafile } = await build({ ...esbuildOptions(BUNDLING, target, entry, join(outdir, `fn${i}`)), metafile: true });
        const all = contributorsOf(metafile);
        const output = Object.entries(metafile.outputs).find(([file]) => /\.m?js$/.test(file))?.[1];
        return { name, kind, bundleKB: (output?.bytes ?? 0) / 1024, all };
      }),
    );
    const floorKB = built[0]!.bundleKB;
    const top = opts.top ?? 8;
    return built.map((b) => {
      const head = b.all.slice(0, top);
      const restKB = b.all.slice(top).reduce((sum, c) => sum + c.KB, 0);
      return {
        ...b,
        sizeRatio: ratio(b.bundleKB, floorKB),
        top: restKB > 0 ? [...head, { name: `${b.all.length - top} more`, KB: restKB }] : head,
        all: b.all,
      };
    });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** One line per bundle: size, ratio to the floor, then the top contributors. */
export function formatCompositions(rows: readonly Composition[]): string {
  const kb = (n: number) => n.toFixed(0);
  return rows
    .map(
      (r) =>
        `${r.name.padEnd(24)} ${kb(r.bundleKB).padStart(4)} KB  ${r.sizeRatio.toFixed(2)}×  ${r.top.map((c) => `${c.name} ${kb(c.KB)}`).join(', ')}`,
    )
    .join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const top = Number(args.find((a) => a.startsWith('--top='))?.slice('--top='.length) ?? 8);
  const functions = args.filter((a) => !a.startsWith('--'));
  const unknown = functions.filter((f) => !(f in FUNCTIONS));
  if (unknown.length) throw new Error(`unknown function(s): ${unknown.join(', ')}`);
  const rows = await bundleCompositions({ ...(functions.length ? { functions: functions as FunctionName[] } : {}), top });
  console.log(
    args.includes('--json')
      ? JSON.stringify(
          rows.map(({ all: _all, ...r }) => r),
          null,
          2,
        )
      : formatCompositions(rows),
  );
}
