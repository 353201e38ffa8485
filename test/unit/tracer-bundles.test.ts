/**
 * The Powertools tracer (and the X-Ray SDK under it) goes into the bus
 * consumers and the stream relay, never into an API function: their cold-start
 * budget has no room for its ~125 KB. Bundled as deployed (bench/bundle-composition.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleCompositions, type Composition } from '#bench/bundle-composition.ts';
import { FALLBACK_FUNCTION, type FunctionName, ROUTES, STREAM_CONSUMER, SUBSCRIPTIONS, USER_POOL_TRIGGERS } from '#functions/manifest.ts';

/** Everything off the request path: bus consumers, the stream relay, the user pool's triggers. */
const CONSUMERS: FunctionName[] = [...new Set([...SUBSCRIPTIONS.map((s) => s.fn), STREAM_CONSUMER, ...Object.values(USER_POOL_TRIGGERS)])];
const API: FunctionName[] = [...new Set([...ROUTES.map((r) => r.fn), FALLBACK_FUNCTION])];
const TRACER = ['@aws-lambda-powertools/tracer', 'aws-xray-sdk-core'];

describe('tracer in bundles', () => {
  let bundles: Composition[];
  const parts = (name: string) => bundles.find((b) => b.name === name)!.all.map((c) => c.name);

  beforeAll(async () => {
    bundles = await bundleCompositions({ functions: [...CONSUMERS, ...API], top: 0 });
  });

  it('is bundled into every bus consumer, the stream relay and the user pool trigger', () => {
    for (const name of CONSUMERS) expect(parts(name), name).toEqual(expect.arrayContaining(TRACER));
  });

  it('is left out of every API function', () => {
    for (const name of API) {
      for (const pkg of TRACER) expect(parts(name), name).not.toContain(pkg);
    }
  });

  it('is bundled into the API functions when the deployment asks for it (cdk deploy -c apiTracing=true)', async () => {
    const traced = await bundleCompositions({ functions: ['get-briefing', 'create-briefing'], top: 0, apiTracing: true });
    for (const name of ['get-briefing', 'create-briefing']) {
      const bundle = traced.find((b) => b.name === name)!;
      expect(
        bundle.all.map((c) => c.name),
        name,
      ).toEqual(expect.arrayContaining(TRACER));
      expect(bundle.bundleKB).toBeGreaterThan(bundles.find((b) => b.name === name)!.bundleKB + 50);
    }
  });
});
