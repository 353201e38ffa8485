import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES as ALL_ROUTES, FALLBACK_FUNCTION, type FunctionName, nestedStackOf, type RouteSpec } from '#functions/manifest.ts';
import { CORS_EXPOSED_HEADERS, CORS_MAX_AGE_SECONDS, CORS_METHODS, CORS_REQUEST_HEADERS } from '#infra/cors.ts';
import { pascalCase } from '#infra/naming.ts';
import type { BriefingsFunctions } from './functions.ts';
import type { Identity } from './identity.ts';

/** Props of {@link Api}. */
export interface ApiProps {
  functions: BriefingsFunctions;
  identity: Identity;
  /** Of the `$default` stage: steady requests per second and burst. */
  throttle?: { rateLimit: number; burstLimit: number };
  /** Of the access log group. */
  removalPolicy: RemovalPolicy;
  /** How long the access log is kept. */
  logRetention: RetentionDays;
  /** Browser origins allowed to call the API (the stage's `corsOrigins`); API Gateway answers their preflight. */
  corsOrigins: readonly string[];
}

/** The routes of the main stack's functions; the email capability's nested stack adds its own (infra/constructs/email.ts). */
const ROUTES = ALL_ROUTES.filter((route) => !nestedStackOf(route.fn));

/**
 * HTTP API context variables only (the REST API's standard fields include some
 * HTTP APIs lack). The authorizer error is the one trace of a rejected token,
 * because such a request never reaches a function.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    routeKey: '$context.routeKey',
    status: '$context.status',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

/**
 * The HTTP API: one route per manifest ROUTE. `jwt` routes sit behind a Cognito
 * JWT authorizer; `optional` routes have none, because anonymous readers are
 * welcome and the handler verifies a token if one is sent. Wrong methods on known
 * paths (`ANY`) and unknown paths (`$default`) reach the fallback function, so
 * the API answers 405 and 404 as problem+json rather than API Gateway's own body.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** The Cognito JWT authorizer of the `jwt` routes, shared with the routes nested stacks add (infra/constructs/email.ts). */
  readonly jwtAuthorizer: HttpJwtAuthorizer;
  private readonly jwt: IHttpRouteAuthorizer;
  private readonly none = new HttpNoneAuthorizer();
  private readonly fallback: IFunction;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    // One integration (and one Lambda permission per route) per function, however many routes share it.
    const integrationOf = (name: FunctionName): HttpLambdaIntegration => {
      let integration = integrations.get(name);
      if (!integration) {
        const fn = props.functions.get(name);
        integration = new HttpLambdaIntegration(pascalCase(name), fn);
        integrations.set(name, integration);
        Validations.of(fn).acknowledge({
          id: 'Serverless-LambdaDLQ',
          reason:
            `${name} is invoked synchronously by API Gateway; a dead-letter queue only ever receives failed asynchronous ` +
            "invocations. Its failures go back to the caller as problem+json and raise the function's Errors alarm.",
        });
      }
      return integration;
    };

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Signal Briefings API',
      defaultIntegration: integrationOf(FALLBACK_FUNCTION),
      // The default stage is added below, because only an explicit stage takes throttling settings.
      createDefaultStage: false,
      // API Gateway answers every preflight itself (before any route), with the policy of infra/cors.ts.
      corsPreflight: {
        allowOrigins: [...props.corsOrigins],
        allowMethods: CORS_METHODS.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...CORS_REQUEST_HEADERS],
        exposeHeaders: [...CORS_EXPOSED_HEADERS],
        maxAge: Duration.seconds(CORS_MAX_AGE_SECONDS),
        allowCredentials: false,
      },
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      // Per-route metrics (Latency, Count, 4xx, 5xx by Method and Resource): the read routes' p99 alarms and the dashboard.
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'AccessLogs', { retention: props.logRetention, removalPolicy: props.removalPolicy }),
        ),
        format: ACCESS_LOG_FORMAT,
      },
    });

    const jwt = new HttpJwtAuthorizer('CognitoJwt', props.identity.issuer, {
      // Cognito access tokens carry the client id in `client_id`, ID tokens in `aud`; API Gateway accepts either.
      jwtAudience: [props.identity.client.userPoolClientId],
    });
    this.jwtAuthorizer = jwt;
    this.jwt = jwt;
    this.fallback = props.functions.get(FALLBACK_FUNCTION);
    const none = this.none;
    // A nested stack's functions get their routes there (EmailDigests; Webhooks through addRoutesIn), so this template stays under CloudFormation's limit.
    const routes = ROUTES;
    for (const route of routes) {
      const added = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationOf(route.fn),
        authorizer: route.auth === 'jwt' ? jwt : none,
      });
      if (route.auth !== 'jwt') {
        const reason =
          route.auth === 'optional'
            ? 'The handler verifies a bearer token itself when one is sent (issuer and audience of this pool).'
            : 'It answers every caller alike (the public feed) and reads no token.';
        for (const r of added) {
          Validations.of(r).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${route.method} ${route.path} is open to anonymous readers by design (the public tier); a JWT authorizer would reject them. ${reason}`,
          });
        }
      }
    }
    const fallbackReason =
      'Reaches only route-not-found, which answers 404 or 405 as problem+json and reads nothing; an authorizer here ' +
      'would turn a wrong method or unknown path into 401 and hide the Allow header.';
    for (const path of new Set(routes.map((route) => route.path))) {
      const added = this.httpApi.addRoutes({ path, methods: [HttpMethod.ANY], integration: integrationOf(FALLBACK_FUNCTION), authorizer: none });
      for (const r of added) Validations.of(r).acknowledge({ id: 'AwsSolutions-APIG4', reason: `ANY ${path}: ${fallbackReason}` });
    }
    const defaultRoute = this.httpApi.node.tryFindChild('DefaultRoute');
    if (defaultRoute) Validations.of(defaultRoute).acknowledge({ id: 'AwsSolutions-APIG4', reason: `$default: ${fallbackReason}` });
  }

  /**
   * The routes of functions deployed in a nested stack, made in that stack (`scope`): each route, its
   * integration and Lambda permission, and `ANY` on each of their paths to the fallback function, as for the
   * main stack's routes. Every such route must sit behind the JWT authorizer.
   */
  addRoutesIn(scope: Construct, routes: readonly RouteSpec[], functionOf: (name: FunctionName) => IFunction): void {
    for (const route of routes) {
      if (route.auth !== 'jwt') throw new Error(`${route.method} ${route.path}: a nested stack's routes are jwt routes`);
      const id = `${route.method}${pascalCase(route.path.replace(/[{}]/g, ''))}`;
      Validations.of(functionOf(route.fn)).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          `${route.fn} is invoked synchronously by API Gateway; a dead-letter queue only ever receives failed asynchronous ` +
          "invocations. Its failures go back to the caller as problem+json and raise the function's Errors alarm.",
      });
      new HttpRoute(scope, `${id}Route`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${id}Integration`, functionOf(route.fn)),
        authorizer: this.jwt,
      });
    }
    const fallback = new HttpLambdaIntegration('FallbackIntegration', this.fallback);
    for (const path of new Set(routes.map((route) => route.path))) {
      const r = new HttpRoute(scope, `Any${pascalCase(path.replace(/[{}]/g, ''))}Route`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(path, HttpMethod.ANY),
        integration: fallback,
        authorizer: this.none,
      });
      Validations.of(r).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `ANY ${path}: reaches only route-not-found, which answers 404 or 405 as problem+json and reads nothing.`,
      });
    }
  }

  /** Base URL of the `$default` stage, ending in `/`. */
  get url(): string {
    return this.stage.url;
  }
}
