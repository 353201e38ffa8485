/**
 * Builds the stack the way `cdk synth` does (cdk.json's feature flags, real
 * bundling) and answers the questions the infra specs ask of its template.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { UnlockLinks } from '#domain/unlock.ts';
import { FUNCTIONS, type FunctionName } from '#functions/manifest.ts';
import { addComplianceChecks } from '#infra/compliance.ts';
import { withNestedResources } from '#infra/nested-templates.ts';
import { BriefingsStack } from '#infra/stack.ts';
import { type StageSettings, stackName, stageSettings } from '#infra/stage.ts';

type Json = Record<string, any>;

export interface Synthesized {
  app: App;
  stack: BriefingsStack;
  template: Template;
  resources: Record<string, Json>;
  /** Directory of a function's bundle in the cloud assembly. */
  bundleDir(functionId: string): string;
}

/**
 * Synthesizes one stage. `bundle: false` skips esbuild, for specs that never look at code;
 * `reserveConcurrency` is the stack prop (`-c reservedConcurrency=false`); `checks` registers the
 * compliance packs as infra/app.ts does, so that synthesis fails on an unacknowledged finding.
 */
export function synthesize({
  stage = 'test',
  bundle = true,
  reserveConcurrency = true,
  checks = false,
  feedStartMonth = undefined as string | undefined,
  unlockLinks = undefined as UnlockLinks | undefined,
  /** Replaces some of the stage's settings (a configuration no named stage has, such as a webhook). */
  settings = {} as Partial<StageSettings>,
} = {}): Synthesized {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Json };
  const app = new App({
    // CloudFormation's own template validation is most of a synth's time; `cdk synth` still runs it.
    builtinCloudFormationValidation: false,
    context: {
      ...cdkJson.context,
      'aws:cdk:enable-asset-metadata': true,
      ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  if (checks) addComplianceChecks(app);
  const stack = new BriefingsStack(app, stackName(stageSettings(stage)), {
    stage: { ...stageSettings(stage), ...settings },
    reserveConcurrency,
    ...(feedStartMonth === undefined ? {} : { feedStartMonth }),
    ...(unlockLinks === undefined ? {} : { unlockLinks }),
  });
  const template = Template.fromStack(stack);
  const outdir = app.outdir;
  // With the nested stacks' resources (infra/constructs/email.ts, webhooks.ts), references resolved: "every function" is every function.
  const resources = withNestedResources(stack, template.toJSON()['Resources'] as Record<string, Json>, outdir);
  return {
    app,
    stack,
    template,
    resources,
    bundleDir: (functionId) => join(outdir, String(resources[functionId]?.['Metadata']?.['aws:asset:path'])),
  };
}

/** Logical ids of resources of one type. */
export function idsOfType(resources: Record<string, Json>, type: string): string[] {
  return Object.keys(resources).filter((id) => resources[id]!['Type'] === type);
}

/** The Lambda of a manifest function, found by the description infra copies from the manifest. */
export function functionId(resources: Record<string, Json>, name: FunctionName): string {
  const matches = idsOfType(resources, 'AWS::Lambda::Function').filter(
    (id) => resources[id]!['Properties']['Description'] === FUNCTIONS[name].description,
  );
  if (matches.length !== 1) throw new Error(`expected one Lambda for "${name}", found ${matches.length}`);
  return matches[0]!;
}

export interface Statement {
  actions: string[];
  resource: unknown;
  condition?: Json;
}

/** Every inline policy statement attached to a function's execution role. */
export function statementsOf(resources: Record<string, Json>, fnId: string): Statement[] {
  const roleId = resources[fnId]!['Properties']['Role']['Fn::GetAtt'][0] as string;
  return idsOfType(resources, 'AWS::IAM::Policy')
    .map((id) => resources[id]!['Properties'])
    .filter((policy) => (policy['Roles'] as Json[]).some((role) => role['Ref'] === roleId))
    .flatMap((policy) => policy['PolicyDocument']['Statement'] as Json[])
    .map((s) => ({
      actions: [s['Action']].flat() as string[],
      resource: s['Resource'],
      ...(s['Condition'] ? { condition: s['Condition'] as Json } : {}),
    }));
}

export function actionsOf(resources: Record<string, Json>, fnId: string): string[] {
  return statementsOf(resources, fnId).flatMap((s) => s.actions);
}

/** An intrinsic rendered as text (`${Logical.Attr}` for GetAtt, `${Logical}` for Ref), so specs can compare readable strings. */
export function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Json;
  if (v['Ref']) return `\${${v['Ref']}}`;
  if (v['Fn::GetAtt']) return `\${${(v['Fn::GetAtt'] as string[]).join('.')}}`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(render).join(v['Fn::Join'][0] as string);
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

/** The logical id a `Ref` or `Fn::GetAtt` points at. */
export function refId(value: unknown): string {
  const v = value as Json;
  return (v['Ref'] ?? v['Fn::GetAtt']?.[0]) as string;
}
