/**
 * Spec: CloudFront in front of the HTTP API caches the public reads (the feed, a briefing, an
 * entity page, the syndication feeds) as the origin's Cache-Control says, keys every cached entry on Authorization so a
 * signed-in answer never reaches anyone else, and passes everything else through uncached.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#functions/manifest.ts';
import { idsOfType, refId, render, type Synthesized, synthesize } from './synth.ts';

/** CloudFront's managed policies (their ids are fixed by AWS). */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

let synth: Synthesized;
let config: Record<string, any>;
beforeAll(() => {
  synth = synthesize({ bundle: false });
  const [id, ...others] = idsOfType(synth.resources, 'AWS::CloudFront::Distribution');
  expect(others).toEqual([]);
  config = synth.resources[id!]!['Properties']['DistributionConfig'];
});

type Behavior = Record<string, any>;

/** The behaviour CloudFront applies to a path: the first whose pattern matches (`*` matches any characters, `/` included), else the default. */
function behaviorFor(path: string): Behavior {
  const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return (config['CacheBehaviors'] as Behavior[]).find((b) => glob(b['PathPattern']).test(path)) ?? config['DefaultCacheBehavior'];
}

/** The cache policy of a behaviour, or undefined for a managed one. */
function cachePolicyOf(behavior: Behavior): Record<string, any> | undefined {
  const id = behavior['CachePolicyId'];
  return typeof id === 'string' ? undefined : synth.resources[refId(id)]!['Properties']['CachePolicyConfig'];
}

/** Whether CloudFront may store a response under this behaviour at all. */
const mayCache = (behavior: Behavior) => behavior['CachePolicyId'] !== CACHING_DISABLED && (cachePolicyOf(behavior)?.['MaxTTL'] ?? 1) > 0;

/** A concrete path of a route (`/briefings/b-1/versions`). */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, 'x-1');

const PUBLIC_READS = ['/briefings', '/briefings/{briefingId}', '/entities/{entityId}', '/feeds/{feed}'];

describe('edge cache', () => {
  it('caches the public read paths and no other path of the API', () => {
    // Prepare
    const paths = [...new Set(ROUTES.map((r) => r.path))];
    // Act
    const cachedPaths = paths.filter((path) => mayCache(behaviorFor(concrete(path))));
    // Assess
    expect(cachedPaths.sort()).toEqual([...PUBLIC_READS].sort());
    expect(mayCache(behaviorFor('/unknown/path'))).toBe(false);
  });

  it('stores only GET and HEAD answers on those paths; their writes pass through', () => {
    for (const path of PUBLIC_READS) {
      // Act
      const behavior = behaviorFor(concrete(path));
      // Assess
      expect(behavior['CachedMethods']).toEqual(['GET', 'HEAD']);
      expect(behavior['AllowedMethods']).toEqual(expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'POST', 'PATCH', 'PUT', 'DELETE']));
    }
  });

  it('keys every cacheable entry on Authorization, the language and the CORS origin, with every query string and no cookie', () => {
    for (const path of PUBLIC_READS) {
      // Act
      const key = cachePolicyOf(behaviorFor(concrete(path)))!['ParametersInCacheKeyAndForwardedToOrigin'];
      // Assess
      expect(key['HeadersConfig']).toEqual({ HeaderBehavior: 'whitelist', Headers: ['Authorization', 'Accept-Language', 'Origin'] });
      expect(key['QueryStringsConfig']).toEqual({ QueryStringBehavior: 'all' });
      expect(key['CookiesConfig']).toEqual({ CookieBehavior: 'none' });
    }
  });

  it("lets the origin's Cache-Control decide: nothing is stored without one, and at most 5 minutes", () => {
    // Act
    const policy = cachePolicyOf(behaviorFor('/briefings/x-1'))!;
    // Assess
    expect(policy).toMatchObject({ DefaultTTL: 0, MinTTL: 0, MaxTTL: 300 });
  });

  it('forwards on the cached paths only what their writes, conditional reads and preflights need: never Host, cookies or more query strings', () => {
    // Prepare
    const behavior = behaviorFor('/briefings/x-1');
    // Act
    const forwarded = synth.resources[refId(behavior['OriginRequestPolicyId'])]!['Properties']['OriginRequestPolicyConfig'];
    // Assess
    expect(forwarded['HeadersConfig']).toEqual({
      HeaderBehavior: 'whitelist',
      Headers: ['Content-Type', 'If-Match', 'If-None-Match', 'X-Correlation-Id', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'],
    });
    expect(forwarded['CookiesConfig']).toEqual({ CookieBehavior: 'none' });
    expect(forwarded['QueryStringsConfig']).toEqual({ QueryStringBehavior: 'none' });
  });

  it.each([
    '/briefings/x-1/versions',
    '/briefings/x-1/publish',
    '/briefings/x-1/sources/x-2',
    '/me',
    '/me/watchlist/x-1',
    '/sources',
    '/members/x-1/entitlement',
  ])('passes %s through uncached with everything the viewer sent but Host', (path) => {
    // Act
    const behavior = behaviorFor(path);
    // Assess
    expect(behavior['CachePolicyId']).toBe(CACHING_DISABLED);
    expect(behavior['OriginRequestPolicyId']).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
    expect(behavior['AllowedMethods']).toContain('POST');
  });

  it("has one origin, the HTTP API's own host name, over HTTPS (TLS 1.2), and refuses plain HTTP from viewers", () => {
    // Prepare
    const [apiId] = idsOfType(synth.resources, 'AWS::ApiGatewayV2::Api');
    // Act
    const origins = config['Origins'] as Record<string, any>[];
    // Assess
    expect(origins).toHaveLength(1);
    expect(render(origins[0]!['DomainName'])).toBe(`\${${apiId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}`);
    expect(origins[0]!['CustomOriginConfig']).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    for (const behavior of [config['DefaultCacheBehavior'], ...config['CacheBehaviors']]) expect(behavior['ViewerProtocolPolicy']).toBe('https-only');
  });

  it('publishes its URL as a stack output of its own', () => {
    // Prepare
    const [distributionId] = idsOfType(synth.resources, 'AWS::CloudFront::Distribution');
    // Act
    const output = (synth.template.toJSON()['Outputs'] as Record<string, { Value: unknown }>)['EdgeUrl'];
    // Assess
    expect(render(output?.Value)).toBe(`https://\${${distributionId}.DomainName}`);
  });
});
