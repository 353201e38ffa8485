/**
 * Spec: every Lambda in the stack is a manifest function, deployed with the
 * project's defaults and bundled as a self-contained ESM file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_FUNCTION, FUNCTIONS, type FunctionName, ROUTES, STREAM_CONSUMER, SUBSCRIPTIONS } from '#functions/manifest.ts';
import { functionId, idsOfType, refId, type Synthesized, synthesize } from './synth.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ bundle: true });
});

const names = Object.keys(FUNCTIONS) as FunctionName[];
const apiFunctions = new Set<FunctionName>([FALLBACK_FUNCTION, ...ROUTES.map((r) => r.fn)]);
const consumers = new Set<FunctionName>([STREAM_CONSUMER, ...SUBSCRIPTIONS.map((s) => s.fn)]);
const ESM_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";
/** A static or dynamic import, or esbuild's require shim, of an SDK package (the SDK's own error texts mention `require("@aws-sdk/...")`). */
const SDK_LEFT_OUTSIDE = /(\bfrom\s*|\bimport\s*\(\s*|__require\(\s*)["']@aws-sdk\/[\w-]+["']/;
const props = (name: FunctionName) => synth.resources[functionId(synth.resources, name)]!['Properties'];

describe('functions', () => {
  it('deploys every manifest function and no other Lambda', () => {
    // Prepare
    const expected = names.map((name) => FUNCTIONS[name].description);
    // Act
    const deployed = idsOfType(synth.resources, 'AWS::Lambda::Function').map((id) => synth.resources[id]!['Properties']['Description'] as string);
    // Assess
    expect(deployed.sort()).toEqual(expected.sort());
  });

  it.each(names.map((name) => [name]))('%s runs Node 22 on arm64 with tracing and 256 MB', (name) => {
    expect(props(name)).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      MemorySize: 256,
      Handler: 'index.handler',
    });
  });

  it.each(names.map((name) => [name]))('%s logs to its own log group, kept for a month', (name) => {
    // Act
    const logGroupId = refId(props(name)['LoggingConfig']['LogGroup']);
    // Assess
    expect(synth.resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
  });

  it('gives API functions 10 s and consumers 30 s', () => {
    for (const name of apiFunctions) expect(props(name)['Timeout'], name).toBe(10);
    for (const name of consumers) expect(props(name)['Timeout'], name).toBe(30);
  });

  it.each(names.map((name) => [name]))('%s is one minified ESM file with the AWS SDK inside and a source map', (name) => {
    // Prepare
    const dir = synth.bundleDir(functionId(synth.resources, name));
    // Act
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    // Assess (on excerpts: a failure should not print half a megabyte)
    expect(code.slice(0, ESM_BANNER.length)).toBe(ESM_BANNER);
    expect(code.match(/export\{[^}]*\bhandler\b[^}]*\}/)?.[0]).toBeDefined();
    expect(code.match(SDK_LEFT_OUTSIDE)?.[0] ?? null, 'an @aws-sdk import left to the runtime').toBeNull();
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
  });
});
