import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CachedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  OriginSslPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Construct } from 'constructs';

/**
 * The public reads the edge may cache: the feed, a briefing, an entity page, the syndication
 * feeds (`/feeds/{feed}`, the same for every caller). CloudFront's `*` crosses `/`, so the deeper
 * paths under them (`/briefings/{id}/versions`, `…/publish`) are listed first as pass-through
 * (behaviours match in order).
 */
export const CACHED_PATHS = ['/briefings', '/briefings/*', '/entities/*', '/feeds/*'] as const;
export const PASS_THROUGH_PATHS = ['/briefings/*/*', '/entities/*/*'] as const;

/**
 * Request headers that make up the cache key besides path and query: `Authorization`, so a
 * signed-in response can only ever be served to a request with the same token (and the API
 * answers those `private, no-store` anyway, which CloudFront does not store); `Accept-Language`,
 * which picks a briefing's language; `Origin`, which decides the CORS headers API Gateway adds.
 */
export const CACHE_KEY_HEADERS = ['Authorization', 'Accept-Language', 'Origin'] as const;

/**
 * Headers forwarded on cached paths beyond the key, for the writes that share those paths
 * (`POST /briefings`, `PATCH /briefings/{id}`), for conditional reads and for CORS preflights
 * (answered by API Gateway, never cached: only GET and HEAD are). None of them changes the body
 * of an anonymous read; `x-correlation-id` is only echoed (a cached answer echoes its first
 * requester's).
 */
export const FORWARDED_HEADERS = [
  'Content-Type',
  'If-Match',
  'If-None-Match',
  'X-Correlation-Id',
  'Access-Control-Request-Method',
  'Access-Control-Request-Headers',
] as const;

/** Upper bound on what the origin's `max-age` may ask for at the edge. */
const MAX_EDGE_TTL = Duration.minutes(5);

/** Props of {@link EdgeCache}. */
export interface EdgeCacheProps {
  api: HttpApi;
}

/**
 * A CloudFront distribution in front of the HTTP API, for anonymous readers: the cached
 * paths are stored for as long as the origin's `Cache-Control` says (nothing without one),
 * revalidated with its `ETag`; every other request passes through uncached with all its
 * headers but `Host`. The API stays reachable directly; clients may use either.
 */
export class EdgeCache extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: EdgeCacheProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const origin = new HttpOrigin(`${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });

    const publicReads = new CachePolicy(this, 'PublicReads', {
      comment: 'Anonymous reads: the origin Cache-Control decides; Authorization keys signed-in requests apart',
      // No Cache-Control, no caching: only responses the API marks public are stored.
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: MAX_EDGE_TTL,
      headerBehavior: CacheHeaderBehavior.allowList(...CACHE_KEY_HEADERS),
      // The API validates every parameter (an unknown one is a 400), so each one matters to the answer.
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const forwardForWrites = new OriginRequestPolicy(this, 'ForwardForWrites', {
      comment: 'Cached paths: what their writes and conditional reads need beyond the cache key',
      headerBehavior: OriginRequestHeaderBehavior.allowList(...FORWARDED_HEADERS),
      queryStringBehavior: OriginRequestQueryStringBehavior.none(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });

    const cached: BehaviorOptions = {
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachedMethods: CachedMethods.CACHE_GET_HEAD,
      cachePolicy: publicReads,
      originRequestPolicy: forwardForWrites,
      compress: true,
    };
    const passThrough: BehaviorOptions = {
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Everything the viewer sent, Authorization included, except Host (API Gateway routes on its own host name).
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Signal Briefings: edge cache for anonymous reads',
      defaultBehavior: passThrough,
      additionalBehaviors: Object.fromEntries([
        ...PASS_THROUGH_PATHS.map((path) => [path, passThrough] as const),
        ...CACHED_PATHS.map((path) => [path, cached] as const),
      ]),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableIpv6: true,
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Briefings are published to readers anywhere; there is no country the content may not reach.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF web ACL yet: the HTTP API behind it throttles per stage (50 req/s, burst 100) and every non-public request needs ' +
          'a token; cache hits never reach it. A web ACL (rate-based rule per IP) is the next step once abuse is observed ' +
          '(docs/performance.md, "Caching anonymous reads at a CDN").',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          "Every request that reaches the origin (misses and pass-through) is in the API's access log with its status and latency; " +
          "hits are counted by the distribution's CloudWatch metrics. CloudFront's own log delivery must be created in us-east-1, " +
          'and this stack is region-agnostic (synthesized offline).',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the viewer TLS policy; a ' +
          'minimum of TLSv1.2_2021 needs a custom domain with an ACM certificate in us-east-1, which no stage has yet.',
      },
    );
  }

  /** `https://<id>.cloudfront.net`, no trailing slash. */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
