/**
 * Spec: membership is wired as the manifest says. The user pool invokes the
 * sign-up trigger, which has no rights on the pool (so pool and trigger do not
 * depend on each other); the group sync and the grant route hold exactly the
 * pool admin actions they use, on that pool only. (A trigger with rights on
 * its pool would be a dependency cycle, which synthesis itself rejects.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EntitlementChanged, patternFor } from '#events/index.ts';
import { ENV } from '#functions/commons/env.ts';
import { FUNCTIONS, type FunctionName, ROUTES, SUBSCRIPTIONS, USER_POOL_TRIGGERS } from '#functions/manifest.ts';
import { USER_POOL_ACTIONS } from '#infra/constructs/functions.ts';
import { functionId, idsOfType, refId, type Synthesized, statementsOf, synthesize } from './synth.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ bundle: false });
});

type Json = Record<string, any>;
const poolId = () => idsOfType(synth.resources, 'AWS::Cognito::UserPool')[0]!;
const cognitoStatements = (name: FunctionName) =>
  statementsOf(synth.resources, functionId(synth.resources, name)).filter((s) => s.actions.some((a) => a.startsWith('cognito-idp:')));

describe('sign-up confirmation', () => {
  it('is the post-confirmation trigger of the user pool, invocable by Cognito for that pool only', () => {
    // Prepare
    const triggerId = functionId(synth.resources, USER_POOL_TRIGGERS.postConfirmation);
    // Act
    const lambdaConfig = synth.resources[poolId()]!['Properties']['LambdaConfig'];
    const permissions = idsOfType(synth.resources, 'AWS::Lambda::Permission')
      .map((id) => synth.resources[id]!['Properties'])
      .filter((p: Json) => refId(p['FunctionName']) === triggerId);
    // Assess
    expect(lambdaConfig).toEqual({ PostConfirmation: { 'Fn::GetAtt': [triggerId, 'Arn'] } });
    expect(permissions).toEqual([
      expect.objectContaining({
        Action: 'lambda:InvokeFunction',
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [poolId(), 'Arn'] },
      }),
    ]);
  });

  it('holds no rights on the pool and is not told its id, so the pool and the trigger do not depend on each other', () => {
    const env = synth.resources[functionId(synth.resources, 'confirm-sign-up')]!['Properties']['Environment']['Variables'];
    expect(cognitoStatements('confirm-sign-up')).toEqual([]);
    expect(ENV.userPoolId in env).toBe(false);
  });
});

describe('user pool admin rights', () => {
  const entries = Object.entries(FUNCTIONS) as [FunctionName, (typeof FUNCTIONS)[FunctionName]][];

  it.each(entries.map(([name, spec]) => [name, 'userPool' in spec ? spec.userPool : undefined] as const))(
    '%s may call the pool admin API for: %s',
    (name, use) => {
      // Act
      const statements = cognitoStatements(name);
      // Assess
      expect(statements.flatMap((s) => s.actions).sort()).toEqual(use ? [...USER_POOL_ACTIONS[use]].sort() : []);
      for (const s of statements) expect(s.resource).toEqual({ 'Fn::GetAtt': [poolId(), 'Arn'] });
      const env = synth.resources[functionId(synth.resources, name)]!['Properties']['Environment']['Variables'];
      expect(env[ENV.userPoolId]).toEqual(use ? { Ref: poolId() } : undefined);
    },
  );
});

describe('group sync', () => {
  it('is subscribed to Entitlement Changed v1', () => {
    expect(SUBSCRIPTIONS).toContainEqual(expect.objectContaining({ fn: 'sync-member-groups', pattern: patternFor(EntitlementChanged) }));
    const rules = idsOfType(synth.resources, 'AWS::Events::Rule').map((id) => synth.resources[id]!['Properties']);
    const rule = rules.find((r: Json) => JSON.stringify(r['EventPattern']) === JSON.stringify(patternFor(EntitlementChanged)));
    expect(rule?.['Targets'].map((t: Json) => refId(t['Arn']))).toContain(functionId(synth.resources, 'sync-member-groups'));
  });
});

describe('membership routes', () => {
  it('sit behind the JWT authorizer', () => {
    const membership = ROUTES.filter(
      (r) => r.path === '/me' || r.path.startsWith('/members/') || r.path.startsWith('/me/access-requests') || r.path.startsWith('/access-requests'),
    );
    expect(membership.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'DELETE /members/{userId}/entitlement',
      'GET /access-requests',
      'GET /me',
      'GET /me/access-requests',
      'GET /members/{userId}/entitlement',
      'POST /me/access-requests',
      'POST /members/{userId}/access-requests/{requestId}/decision',
      'PUT /members/{userId}/entitlement',
    ]);
    for (const route of membership) expect(route.auth).toBe('jwt');
  });
});
