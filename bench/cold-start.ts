/**
 * Cold start: every function of functions/manifest.ts, and the floor
 * (bench/floor/get-item.ts), bundled as the CDK app bundles them, then
 * imported by fresh `node` processes. Each child times the dynamic import of
 * the bundle and reports its peak RSS.
 *
 * Bundling: the CDK app's own options (BUNDLING, exported by
 * infra/constructs/briefings-function.ts) turned into esbuild's build options
 * exactly as NodejsFunction turns them into esbuild flags, all functions in
 * parallel. To prove it, one function is also bundled by the construct itself
 * (`npx esbuild` through the CDK, as in `cdk synth`), and the two bundles
 * must be byte-identical.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type BuildOptions, build } from 'esbuild';
import { FALLBACK_FUNCTION, FUNCTIONS, type FunctionName, ROUTES } from '#functions/manifest.ts';
import { median, quantile, ratio } from './stats.ts';

export const FLOOR = 'floor (one GetItem)';
const FLOOR_ENTRY = 'bench/floor/get-item.ts';
const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The function bundled both ways to check that the bench's bundles are the CDK's. */
const VERIFIED_WITH_CDK: FunctionName = 'get-briefing';

export interface ColdStartRow {
  name: string;
  kind: 'api' | 'consumer' | 'floor' | 'reference';
  bundleKB: number;
  /** Minified bytes in the bundle by origin (see PARTS), in KB. */
  contents: Record<string, number>;
  sourceMapKB: number;
  initMs: number;
  initMsP90: number;
  maxRssMB: number;
  sizeRatio: number;
  initRatio: number;
  rssRatio: number;
}

export interface ColdStartResult {
  runs: number;
  /** From the synthesized construct, not assumed. */
  memoryMb: number;
  nodeOptions: string;
  esbuildTarget: string;
  /** The bench's bundle of VERIFIED_WITH_CDK is byte-identical to the one the construct produced. */
  identicalToCdk: { function: string; identical: boolean };
  rows: ColdStartRow[];
}

interface Bundle {
  name: string;
  kind: ColdStartRow['kind'];
  file: string;
  contents: Record<string, number>;
}

/** What a bundle is made of, from esbuild's metafile: the packages that explain its size, then the rest. */
export const PARTS = ['AWS SDK', 'zod', 'jose', 'Powertools', 'middy', 'app code', 'other'] as const;

function partOf(input: string): (typeof PARTS)[number] {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
  if (!pkg) return 'app code';
  if (/^@(aws-sdk|smithy|aws-crypto)\//.test(pkg) || ['tslib', 'fast-xml-parser', 'strnum', 'bowser', 'uuid'].includes(pkg)) return 'AWS SDK';
  if (pkg === 'zod') return 'zod';
  if (pkg === 'jose') return 'jose';
  if (pkg.startsWith('@aws-lambda-powertools/')) return 'Powertools';
  if (pkg.startsWith('@middy/')) return 'middy';
  return 'other';
}

const API_FUNCTIONS = new Set<FunctionName>([...ROUTES.map((r) => r.fn), FALLBACK_FUNCTION]);

/** The options this translation knows; anything else in BUNDLING must be added here first. */
const TRANSLATED = new Set([
  'format',
  'mainFields',
  'banner',
  'footer',
  'minify',
  'sourceMap',
  'sourceMapMode',
  'sourcesContent',
  'externalModules',
  'forceDockerBundling',
  'logLevel',
  'target',
  'define',
  'loader',
  'keepNames',
  'inject',
  'esbuildArgs',
]);

/** `esbuildArgs` as build options: only `--alias` (`from=to`, or a list of them) is used. */
function aliasesOf(args: BundlingOptions['esbuildArgs']): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const [flag, value] of Object.entries(args ?? {})) {
    if (flag !== '--alias' || typeof value === 'boolean') throw new Error(`bench/cold-start.ts does not translate the esbuild argument ${flag} yet`);
    for (const pair of Array.isArray(value) ? value : [value]) {
      const [from, to] = String(pair).split('=') as [string, string];
      aliases[from] = to;
    }
  }
  return aliases;
}

/** NodejsFunction's esbuild flags (aws-lambda-nodejs/lib/bundling.js, buildEsbuildArgs) as build options. */
export function esbuildOptions(b: BundlingOptions, target: string, entry: string, outdir: string): BuildOptions {
  const unknown = Object.keys(b).filter((k) => !TRANSLATED.has(k));
  if (unknown.length) throw new Error(`bench/cold-start.ts does not translate the bundling option(s) ${unknown.join(', ')} yet`);
  const mode = b.sourceMapMode ?? 'default';
  return {
    entryPoints: [join(PROJECT_ROOT, entry)],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    target: b.target ?? target,
    platform: 'node',
    ...(b.format ? { format: b.format as 'esm' | 'cjs' } : {}),
    outfile: join(outdir, b.format === 'esm' ? 'index.mjs' : 'index.js'),
    minify: b.minify ?? false,
    ...((b.sourceMapMode ?? b.sourceMap) ? { sourcemap: mode === 'default' ? true : (mode as 'external' | 'inline' | 'both') } : {}),
    ...(b.sourcesContent === false ? { sourcesContent: false } : {}),
    external: b.externalModules ?? ['@aws-sdk/*'],
    ...(b.loader ? { loader: b.loader as BuildOptions['loader'] } : {}),
    ...(b.define ? { define: b.define } : {}),
    ...(b.logLevel ? { logLevel: b.logLevel as BuildOptions['logLevel'] } : {}),
    ...(b.keepNames ? { keepNames: true } : {}),
    ...(b.banner ? { banner: { js: b.banner } } : {}),
    ...(b.footer ? { footer: { js: b.footer } } : {}),
    ...(b.mainFields ? { mainFields: b.mainFields } : {}),
    ...(b.inject ? { inject: b.inject } : {}),
    ...(b.esbuildArgs ? { alias: aliasesOf(b.esbuildArgs) } : {}),
  };
}

/** Bundles every function as `cdk synth` does, and checks one against the construct's own bundle. */
async function bundleAll(outdir: string): Promise<Omit<ColdStartResult, 'runs' | 'rows'> & { bundles: Bundle[] }> {
  const { App, Stack } = await import('aws-cdk-lib');
  const { CfnFunction } = await import('aws-cdk-lib/aws-lambda');
  const { BUNDLING, BriefingsFunction } = await import('#infra/constructs/briefings-function.ts');

  // The construct itself, once: the reference bundle, plus memory, environment and runtime as deployed.
  const stack = new Stack(new App({ outdir: join(outdir, 'cdk') }), 'Bench');
  const fn = new BriefingsFunction(stack, 'Reference', { entry: FUNCTIONS[VERIFIED_WITH_CDK].entry, description: 'bench', kind: 'api' });
  const cfn = fn.node.defaultChild as InstanceType<typeof CfnFunction>;
  const env = (stack.resolve(cfn.environment) as { variables?: Record<string, string> } | undefined)?.variables ?? {};
  const cdkBundle = join(outdir, 'cdk', (fn.node.findChild('Code') as unknown as { assetPath: string }).assetPath, 'index.mjs');
  const esbuildTarget = `node${/nodejs(\d+)/.exec(fn.runtime.name)?.[1] ?? ''}`;

  const entries: Array<[string, string, Bundle['kind']]> = [
    ...(Object.keys(FUNCTIONS) as FunctionName[]).map((name): [string, string, Bundle['kind']] => [
      name,
      FUNCTIONS[name].entry,
      API_FUNCTIONS.has(name) ? 'api' : 'consumer',
    ]),
    [FLOOR, FLOOR_ENTRY, 'floor'],
  ];
  const bundles = await Promise.all(
    entries.map(async ([name, entry, kind], i) => {
      const dir = join(outdir, `fn${i}`);
      mkdirSync(dir);
      const options = esbuildOptions(BUNDLING, esbuildTarget, entry, dir);
      // The metafile is metadata only: the bundle's bytes are unchanged (the CDK comparison below proves it).
      const { metafile } = await build({ ...options, metafile: true });
      const output = Object.entries(metafile.outputs).find(([file]) => file.endsWith('.mjs') || file.endsWith('.js'))?.[1];
      const contents: Record<string, number> = Object.fromEntries(PARTS.map((p) => [p, 0]));
      for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) contents[partOf(input)]! += bytesInOutput / 1024;
      return { name, kind, file: options.outfile!, contents };
    }),
  );
  const mine = bundles.find((b) => b.name === VERIFIED_WITH_CDK)!;
  return {
    bundles,
    memoryMb: Number(cfn.memorySize),
    nodeOptions: env['NODE_OPTIONS'] ?? '',
    esbuildTarget,
    identicalToCdk: { function: VERIFIED_WITH_CDK, identical: readFileSync(mine.file).equals(readFileSync(cdkBundle)) },
  };
}

/** Runs in each child: times the import of one bundle and reports peak memory. */
const CHILD = `
const t0 = performance.now();
await import(process.env.BENCH_BUNDLE);
const initMs = performance.now() - t0;
const maxRssKB = process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify({ initMs, maxRssKB, rss: process.memoryUsage().rss }));
`;

/** What the modules read at import, with values shaped like the deployed ones. */
const CHILD_ENV = {
  TABLE_NAME: 'signal-briefings-bench',
  EVENT_BUS_NAME: 'signal-briefings-bench',
  JWT_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_bench',
  JWT_AUDIENCE: 'bench-client',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  POWERTOOLS_SERVICE_NAME: 'signal-briefings',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  // Lambda runs Node 22, where the SDK prints no "upgrade Node" notice; here it would only add noise to the timing.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

function importOnce(file: string, nodeOptions: string): { initMs: number; maxRssKB: number } {
  const child = spawnSync(process.execPath, [...nodeOptions.split(' ').filter(Boolean), '--input-type=module', '-e', CHILD], {
    env: { PATH: process.env['PATH'] ?? '', ...CHILD_ENV, BENCH_BUNDLE: pathToFileURL(file).href },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (child.status !== 0) throw new Error(`importing ${file} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { initMs: number; maxRssKB: number };
}

/** Bundles everything, then imports each bundle `runs` times, round-robin so machine noise hits all of them alike. */
export async function measureColdStarts(opts: { runs: number; log: (line: string) => void }): Promise<ColdStartResult> {
  const outdir = mkdtempSync(join(tmpdir(), 'signal-briefings-bench-cdk-'));
  try {
    const started = performance.now();
    const { bundles, ...bundling } = await bundleAll(outdir);
    opts.log(
      `  bundled ${bundles.length} functions in ${Math.round(performance.now() - started)} ms; ${bundling.identicalToCdk.function} ` +
        (bundling.identicalToCdk.identical
          ? "is byte-identical to the CDK construct's bundle"
          : "DIFFERS from the CDK construct's bundle: check bench/cold-start.ts"),
    );
    const empty = join(outdir, 'empty.mjs');
    writeFileSync(empty, 'export {};\n');
    const targets: Bundle[] = [...bundles, { name: 'node, empty module', kind: 'reference', file: empty, contents: {} }];
    const samples = new Map(targets.map((t) => [t.name, [] as Array<{ initMs: number; maxRssKB: number }>]));
    for (let run = 0; run < opts.runs; run++) {
      for (const t of targets) samples.get(t.name)!.push(importOnce(t.file, bundling.nodeOptions));
    }
    const rowOf = (t: Bundle) => {
      const s = samples.get(t.name)!;
      const map = `${t.file}.map`;
      return {
        name: t.name,
        kind: t.kind,
        bundleKB: statSync(t.file).size / 1024,
        contents: t.contents,
        sourceMapKB: t.kind === 'reference' ? 0 : statSync(map).size / 1024,
        initMs: median(s.map((x) => x.initMs)),
        initMsP90: quantile(
          s.map((x) => x.initMs),
          0.9,
        ),
        maxRssMB: median(s.map((x) => x.maxRssKB)) / 1024,
      };
    };
    const floorTarget = targets.find((t) => t.kind === 'floor')!;
    const floor = rowOf(floorTarget);
    const floorSamples = samples.get(floorTarget.name)!;
    const rows = targets.map((t) => {
      const row = rowOf(t);
      return {
        ...row,
        sizeRatio: ratio(row.bundleKB, floor.bundleKB),
        // Paired by round: each import against the floor's import of the same round, a few seconds apart, so a
        // slow stretch of this shared machine slows both; the median of those ratios, not a ratio of medians.
        initRatio: median(samples.get(t.name)!.map((x, round) => x.initMs / floorSamples[round]!.initMs)),
        rssRatio: ratio(row.maxRssMB, floor.maxRssMB),
      };
    });
    return { runs: opts.runs, ...bundling, rows };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
