/** Spec: the HTTP API is exactly the manifest's ROUTES, guarded as each route's `auth` says. */
import { beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_FUNCTION, ROUTES, type RouteSpec } from '#functions/manifest.ts';
import { CORS_EXPOSED_HEADERS, CORS_MAX_AGE_SECONDS, CORS_METHODS, CORS_REQUEST_HEADERS } from '#infra/cors.ts';
import { stageSettings } from '#infra/stage.ts';
import { functionId, idsOfType, refId, render, type Synthesized, synthesize } from './synth.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ bundle: false });
});

function routeByKey(routeKey: string) {
  const ids = idsOfType(synth.resources, 'AWS::ApiGatewayV2::Route').filter((id) => synth.resources[id]!['Properties']['RouteKey'] === routeKey);
  expect(ids, `routes with key "${routeKey}"`).toHaveLength(1);
  return synth.resources[ids[0]!]!['Properties'];
}

/** Route → integration → the Lambda it invokes. */
function functionBehind(route: Record<string, any>): string {
  const integrationId = render(route['Target']).replace(/^integrations\/\$\{(.+)\}$/, '$1');
  return refId(synth.resources[integrationId]!['Properties']['IntegrationUri']);
}

function theAuthorizer() {
  const [id, ...others] = idsOfType(synth.resources, 'AWS::ApiGatewayV2::Authorizer');
  expect(others).toEqual([]);
  return { id: id!, props: synth.resources[id!]!['Properties'] };
}

const keyOf = (route: RouteSpec) => `${route.method} ${route.path}`;
const knownPaths = [...new Set(ROUTES.map((route) => route.path))];

describe('HTTP API', () => {
  it.each(ROUTES.map((route) => [keyOf(route), route] as const))('routes %s to its manifest function', (key, spec) => {
    // Act
    const route = routeByKey(key);
    // Assess
    expect(functionBehind(route)).toBe(functionId(synth.resources, spec.fn));
  });

  it.each(ROUTES.filter((r) => r.auth === 'jwt').map((route) => [keyOf(route)]))('puts %s behind the Cognito JWT authorizer', (key) => {
    // Prepare
    const authorizer = theAuthorizer();
    // Act
    const route = routeByKey(key);
    // Assess
    expect(route['AuthorizationType']).toBe('JWT');
    expect(refId(route['AuthorizerId'])).toBe(authorizer.id);
  });

  it.each(ROUTES.filter((r) => r.auth !== 'jwt').map((route) => [keyOf(route)]))(
    'leaves %s open to anonymous readers (the handler verifies optional tokens, or reads none)',
    (key) => {
      // Act
      const route = routeByKey(key);
      // Assess
      expect(route['AuthorizationType']).toBe('NONE');
      expect(route['AuthorizerId']).toBeUndefined();
    },
  );

  it("trusts tokens of this stack's user pool and app client only", () => {
    // Prepare
    const [poolId] = idsOfType(synth.resources, 'AWS::Cognito::UserPool');
    const [clientId] = idsOfType(synth.resources, 'AWS::Cognito::UserPoolClient');
    // Act
    const { props } = theAuthorizer();
    // Assess
    expect(props['AuthorizerType']).toBe('JWT');
    expect(props['IdentitySource']).toEqual(['$request.header.Authorization']);
    expect(render(props['JwtConfiguration']['Issuer'])).toBe(`https://cognito-idp.\${AWS::Region}.amazonaws.com/\${${poolId}}`);
    expect(props['JwtConfiguration']['Audience'].map(refId)).toEqual([clientId]);
  });

  it('gives handlers that verify tokens the same issuer and audience as the authorizer', () => {
    // Prepare
    const jwt = theAuthorizer().props['JwtConfiguration'];
    const verifiers = ROUTES.filter((r) => r.auth === 'optional').map((r) => functionId(synth.resources, r.fn));
    for (const id of verifiers) {
      // Act
      const env = synth.resources[id]!['Properties']['Environment']['Variables'];
      // Assess
      expect(render(env['JWT_ISSUER'])).toBe(render(jwt['Issuer']));
      expect(env['JWT_AUDIENCE']).toEqual(jwt['Audience'][0]);
    }
  });

  it.each([...knownPaths.map((path) => [`ANY ${path}`]), ['$default']])(
    'sends %s (a wrong method or an unknown path) to the fallback function',
    (key) => {
      // Act
      const route = routeByKey(key);
      // Assess
      expect(functionBehind(route)).toBe(functionId(synth.resources, FALLBACK_FUNCTION));
      expect(route['AuthorizationType']).toBe('NONE');
    },
  );

  it('has no route the manifest does not declare', () => {
    // Prepare
    const expected = [...ROUTES.map(keyOf), ...knownPaths.map((path) => `ANY ${path}`), '$default'];
    // Act
    const deployed = idsOfType(synth.resources, 'AWS::ApiGatewayV2::Route').map((id) => synth.resources[id]!['Properties']['RouteKey'] as string);
    // Assess
    expect(deployed.sort()).toEqual(expected.sort());
  });

  it('throttles the $default stage and deploys it automatically', () => {
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
    });
  });

  it('logs every request, with the authorizer error that a rejected token leaves nowhere else', () => {
    // Act
    const [stageId] = idsOfType(synth.resources, 'AWS::ApiGatewayV2::Stage');
    const settings = synth.resources[stageId!]!['Properties']['AccessLogSettings'];
    // Assess
    const logGroup = synth.resources[refId(settings['DestinationArn'])]!;
    expect(logGroup).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
    expect(JSON.parse(settings['Format'])).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
      authorizerError: '$context.authorizer.error',
    });
  });
});

describe('CORS', () => {
  it("lets API Gateway answer preflights for the stage's origins only, with the policy the local API applies", () => {
    // Prepare
    const [apiId] = idsOfType(synth.resources, 'AWS::ApiGatewayV2::Api');
    // Act
    const cors = synth.resources[apiId!]!['Properties']['CorsConfiguration'];
    // Assess
    expect(cors).toEqual({
      AllowOrigins: [...stageSettings('test').corsOrigins],
      AllowMethods: [...CORS_METHODS],
      AllowHeaders: [...CORS_REQUEST_HEADERS],
      ExposeHeaders: [...CORS_EXPOSED_HEADERS],
      MaxAge: CORS_MAX_AGE_SECONDS,
      AllowCredentials: false,
    });
    expect(cors['AllowOrigins']).not.toContain('*');
  });

  it('takes the origins from the stage: prod allows its own web origins, not the local ones', () => {
    // Act
    const prod = stageSettings('prod').corsOrigins;
    const dev = stageSettings('dev').corsOrigins;
    // Assess
    expect(prod.length).toBeGreaterThan(0);
    expect(prod.filter((origin) => dev.includes(origin))).toEqual([]);
    expect(prod.every((origin) => origin.startsWith('https://'))).toBe(true);
  });
});
