/**
 * Spec: signed webhooks (issue 17.3) live in a nested stack of their own, so the main template grows by one
 * resource; their functions, routes and subscriptions are there; the role EventBridge assumes may only invoke
 * this deployment's partner API destinations; the dead-letter queue takes only their rules' failures; and
 * only the two admin routes that make and remove a partner's delivery path may touch EventBridge's control
 * plane, on names with the deployment's prefix.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_ENV } from '#functions/commons/env.ts';
import { FUNCTIONS, type FunctionName, type FunctionSpec, ROUTES } from '#functions/manifest.ts';
import { DESTINATION_ACTIONS, Webhooks, webhookNamePrefix } from '#infra/constructs/webhooks.ts';
import { nestedTemplates } from '#infra/nested-templates.ts';
import { functionId, idsOfType, refId, render, type Synthesized, statementsOf, synthesize } from './synth.ts';

type Json = Record<string, any>;
let synth: Synthesized;
let nested: Json;
beforeAll(() => {
  synth = synthesize({ stage: 'dev', bundle: false });
  // The webhooks' nested stack (the email capability has one of its own, infra/constructs/email.ts).
  const webhooks = nestedTemplates(synth.stack, synth.app.outdir).filter((n) => n.stack instanceof Webhooks);
  expect(webhooks).toHaveLength(1);
  nested = webhooks[0]!.template['Resources'] as Json;
});

const PREFIX = webhookNamePrefix('SignalBriefings-dev');
const WEBHOOK_FUNCTIONS = (Object.entries(FUNCTIONS) as [FunctionName, FunctionSpec][])
  .filter(([, s]) => s.nestedStack === 'webhooks')
  .map(([n]) => n);
const env = (name: FunctionName) => synth.resources[functionId(synth.resources, name)]!['Properties']['Environment']['Variables'] as Json;
const roleId = () => idsOfType(nested, 'AWS::IAM::Role').find((id) => JSON.stringify(nested[id]['Properties']).includes('events.amazonaws.com'))!;

describe('the Webhooks nested stack', () => {
  it('is one resource of the main template, and holds every webhook function, route and subscription', () => {
    const main = synth.template.toJSON()['Resources'] as Json;
    // Two nested stacks: this one and the email capability's (infra/constructs/email.ts).
    expect(idsOfType(main, 'AWS::CloudFormation::Stack')).toHaveLength(2);
    for (const name of WEBHOOK_FUNCTIONS) {
      expect(Object.keys(main)).not.toContain(functionId(synth.resources, name));
      expect(Object.keys(nested)).toContain(functionId(synth.resources, name));
    }
    const routeKeys = idsOfType(nested, 'AWS::ApiGatewayV2::Route').map((id) => nested[id]['Properties']['RouteKey']);
    const expected = ROUTES.filter((r) => WEBHOOK_FUNCTIONS.includes(r.fn)).map((r) => `${r.method} ${r.path}`);
    expect(routeKeys).toEqual(expect.arrayContaining(expected));
    for (const id of idsOfType(nested, 'AWS::ApiGatewayV2::Route')) {
      const route = nested[id]['Properties'];
      if (!String(route['RouteKey']).startsWith('ANY ')) expect(route['AuthorizationType'], route['RouteKey']).toBe('JWT');
    }
    expect(
      idsOfType(nested, 'AWS::Events::Rule')
        .map((id) => nested[id]['Properties']['EventPattern']['detail-type'][0])
        .sort(),
    ).toEqual(['Briefing Published', 'Briefing Retracted']);
  });

  it('lets EventBridge, as the delivery role, invoke only this deployment’s partner API destinations', () => {
    const id = roleId();
    const role = synth.resources[id]!['Properties'];
    expect(role['AssumeRolePolicyDocument']['Statement']).toEqual([
      expect.objectContaining({ Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    ]);
    const statements = idsOfType(synth.resources, 'AWS::IAM::Policy')
      .map((p) => synth.resources[p]!['Properties'])
      .filter((p) => p['Roles'].some((r: Json) => refId(r) === id))
      .flatMap((p) => p['PolicyDocument']['Statement']);
    expect(statements).toHaveLength(1);
    expect(statements[0]['Action']).toBe('events:InvokeApiDestination');
    expect(render(statements[0]['Resource'])).toMatch(new RegExp(`:api-destination/${PREFIX}-\\*$`));
  });

  it('gives the partner rules a dead-letter queue that only they may send to, and tells the admin routes which', () => {
    const queueId = refId(env('register-webhook')[WEBHOOK_ENV.deadLetterQueueArn]);
    expect(synth.resources[queueId]!['Type']).toBe('AWS::SQS::Queue');
    const policy = idsOfType(synth.resources, 'AWS::SQS::QueuePolicy')
      .map((id) => synth.resources[id]!['Properties'])
      .find((p) => p['Queues'].some((q: Json) => refId(q) === queueId))!;
    const fromEvents = policy['PolicyDocument']['Statement'].find((s: Json) => s['Principal']?.['Service'] === 'events.amazonaws.com');
    expect(fromEvents).toMatchObject({ Effect: 'Allow', Action: 'sqs:SendMessage' });
    expect(render(fromEvents['Condition']['ArnLike']['aws:SourceArn'])).toMatch(new RegExp(`:rule/\\$\\{\\w+\\}/${PREFIX}-\\*$`));
    expect(refId(env('register-webhook')[WEBHOOK_ENV.invocationRoleArn])).toBe(roleId());
    expect(env('register-webhook')[WEBHOOK_ENV.namePrefix]).toBe(PREFIX);
    expect(env('register-webhook')).not.toHaveProperty(WEBHOOK_ENV.allowLoopbackHttp);
  });

  it.each(WEBHOOK_FUNCTIONS.map((n) => [n]))('%s touches the EventBridge control plane only if it makes or removes delivery paths', (name) => {
    const statements = statementsOf(synth.resources, functionId(synth.resources, name));
    const control = statements.filter((s) =>
      s.actions.some((a) => (a.startsWith('events:') && a !== 'events:PutEvents') || a.startsWith('secretsmanager:') || a === 'iam:PassRole'),
    );
    if (!(FUNCTIONS[name] as FunctionSpec).managesWebhookDestinations) return expect(control).toEqual([]);
    const byResource = Object.fromEntries(control.map((s) => [render(s.resource), [...s.actions].sort()]));
    const resources = Object.keys(byResource);
    const find = (pattern: RegExp) => byResource[resources.find((r) => pattern.test(r))!];
    expect(find(new RegExp(`:connection/${PREFIX}-\\*$`))).toEqual([...DESTINATION_ACTIONS.connection].sort());
    expect(find(new RegExp(`:api-destination/${PREFIX}-\\*$`))).toEqual([...DESTINATION_ACTIONS.apiDestination].sort());
    expect(find(new RegExp(`:rule/\\$\\{\\w+\\}/${PREFIX}-\\*$`))).toEqual([...DESTINATION_ACTIONS.rule].sort());
    expect(find(new RegExp(`:secret:events!connection/${PREFIX}-\\*$`))).toEqual([...DESTINATION_ACTIONS.connectionSecret].sort());
    expect(find(new RegExp(`^\\$\\{${roleId()}\\.Arn\\}$`))).toEqual(['iam:PassRole']);
    expect(resources).toHaveLength(5);
  });
});
