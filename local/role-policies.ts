/**
 * The IAM policies of each function's execution role, as the CDK app
 * synthesizes them for a deployment (the dev stage, without bundling), with the
 * template's references to the table, the bus and the user pool resolved to the
 * local stack's names. The local stack evaluates every SDK call a handler makes
 * against these (local/local-iam.ts), so a grant the template lacks fails
 * locally as it would in AWS.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUNCTIONS, type FunctionName } from '#functions/manifest.ts';

// biome-ignore lint/suspicious/noExplicitAny: template fragments and SDK inputs are untyped JSON, read by their documented shape
type Json = Record<string, any>;

/** A function's role, with its policy documents as written in the template (intrinsics unresolved). */
export interface SynthesizedRole {
  /** Logical id of the role: AWS names the role after it, and AccessDenied messages name the role. */
  roleId: string;
  policies: Json[];
}

/** What the template's references stand for locally. */
export interface LocalResources {
  region: string;
  account: string;
  tableName: string;
  busName: string;
  userPoolId: string;
}

export interface SynthesizedRoles {
  roles: Record<FunctionName, SynthesizedRole>;
  /** What the webhook functions are configured with in the template (infra/constructs/webhooks.ts), for the local stack to set alike. */
  webhooks?: { namePrefix: string; deliveryRoleId: string };
  /** Type of each resource of the template, by logical id (to resolve references). */
  resourceTypes: Record<string, string>;
}

let synthesized: Promise<SynthesizedRoles> | undefined;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What the template is made from: a change to any of these synthesizes again. */
const SOURCES = ['infra', 'functions', 'events', 'contracts', 'domain'];
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'signal-briefings-roles');

/**
 * Each function's role, from an in-process synthesis of the CDK app (aws-cdk-lib's load and the synth
 * take 2-3 s of CPU), kept in node_modules/.cache by a digest of the sources it is made from, so the
 * local stacks of a test run (one per file) synthesize once between them, not once each.
 */
export function synthesizeRoles(): Promise<SynthesizedRoles> {
  synthesized ??= cachedOrSynthesized();
  synthesized.catch(() => {
    synthesized = undefined;
  });
  return synthesized;
}

async function cachedOrSynthesized(): Promise<SynthesizedRoles> {
  const file = join(CACHE_DIR, `${sourceDigest()}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SynthesizedRoles;
  } catch {
    const roles = await synthesize();
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written whole and renamed, so a stack starting in another process never reads half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(roles));
    renameSync(partial, file);
    return roles;
  }
}

function sourceDigest(): string {
  const hash = createHash('sha256');
  const visit = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) hash.update(path).update(readFileSync(join(ROOT, path)));
    }
  };
  for (const dir of SOURCES) if (existsSync(join(ROOT, dir))) visit(dir);
  for (const file of ['cdk.json', 'package-lock.json']) hash.update(file).update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 32);
}

async function synthesize(): Promise<SynthesizedRoles> {
  // Loaded here only: aws-cdk-lib is large, and the CDK app is needed once per local stack start.
  const [{ App }, { BriefingsStack }, { stackName, stageSettings }, { withNestedResources }, { Webhooks }] = await Promise.all([
    import('aws-cdk-lib'),
    import('#infra/stack.ts'),
    import('#infra/stage.ts'),
    import('#infra/nested-templates.ts'),
    import('#infra/constructs/webhooks.ts'),
  ]);
  const cdkJson = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as { context: Json };
  const app = new App({
    builtinCloudFormationValidation: false,
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] },
  });
  const stage = stageSettings('dev');
  const stack = new BriefingsStack(app, stackName(stage), { stage });
  const assembly = app.synth({ validateOnSynthesis: false });
  const template = assembly.getStackByName(stack.stackName).template as Json;
  // The webhook functions are in a nested stack (infra/constructs/webhooks.ts): their roles are read from its template.
  const roles = rolesOf(withNestedResources(stack, template['Resources'] as Record<string, Json>, assembly.directory));
  const webhooks = stack.node.findAll().find((c): c is InstanceType<typeof Webhooks> => c instanceof Webhooks);
  if (!webhooks) return roles;
  const deliveryRoleId = webhooks.getLogicalId(webhooks.invocationRole.node.defaultChild as import('aws-cdk-lib').CfnElement);
  return { ...roles, webhooks: { namePrefix: webhooks.namePrefix, deliveryRoleId } };
}

/** Each manifest function's role and policies in a template (functions are found by the description infra copies from the manifest). */
export function rolesOf(resources: Record<string, Json>): SynthesizedRoles {
  const ids = Object.keys(resources);
  const roles = {} as Record<FunctionName, SynthesizedRole>;
  for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
    const fnId = ids.find(
      (id) => resources[id]!['Type'] === 'AWS::Lambda::Function' && resources[id]!['Properties']['Description'] === FUNCTIONS[name].description,
    );
    if (!fnId) throw new Error(`the synthesized template has no function for "${name}"`);
    const roleId = resources[fnId]!['Properties']['Role']['Fn::GetAtt'][0] as string;
    const inline = (resources[roleId]!['Properties']['Policies'] ?? []) as Json[];
    const attached = ids
      .filter((id) => resources[id]!['Type'] === 'AWS::IAM::Policy')
      .map((id) => resources[id]!['Properties'])
      .filter((policy) => (policy['Roles'] as Json[]).some((role) => role['Ref'] === roleId));
    roles[name] = { roleId, policies: [...inline, ...attached].map((p) => p['PolicyDocument'] as Json) };
  }
  return { roles, resourceTypes: Object.fromEntries(ids.map((id) => [id, String(resources[id]!['Type'])])) };
}

/**
 * A policy document with its intrinsics replaced by local ARNs. A reference to
 * anything the local stack does not have (a log group, the stream, a queue)
 * becomes an ARN no request names, so a grant on it allows nothing locally.
 */
export function resolvePolicy(document: Json, resourceTypes: Record<string, string>, local: LocalResources): Json {
  const arn = (service: string, resource: string) => `arn:aws:${service}:${local.region}:${local.account}:${resource}`;
  const attribute = (id: string, attr: string): string => {
    const type = resourceTypes[id];
    if (type === 'AWS::DynamoDB::GlobalTable' || type === 'AWS::DynamoDB::Table') {
      const table = arn('dynamodb', `table/${local.tableName}`);
      return attr === 'Arn' ? table : `${table}/stream/local`;
    }
    if (type === 'AWS::Events::EventBus' && attr === 'Arn') return arn('events', `event-bus/${local.busName}`);
    if (type === 'AWS::Cognito::UserPool' && attr === 'Arn') return arn('cognito-idp', `userpool/${local.userPoolId}`);
    // Roles are named after their logical ids locally (the webhook delivery role, which a webhook function passes).
    if (type === 'AWS::IAM::Role' && attr === 'Arn') return localRoleArn(local.account, id);
    return arn('unresolved', `${id}/${attr}`);
  };
  const ref = (id: string): string => {
    if (id === 'AWS::Region') return local.region;
    if (id === 'AWS::AccountId') return local.account;
    if (id === 'AWS::Partition') return 'aws';
    if (id === 'AWS::URLSuffix') return 'amazonaws.com';
    const type = resourceTypes[id];
    if (type === 'AWS::DynamoDB::GlobalTable' || type === 'AWS::DynamoDB::Table') return local.tableName;
    if (type === 'AWS::Events::EventBus') return local.busName;
    if (type === 'AWS::Cognito::UserPool') return local.userPoolId;
    return `unresolved-${id}`;
  };
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value === null || typeof value !== 'object') return value;
    const v = value as Json;
    if ('Ref' in v) return ref(String(v['Ref']));
    if ('Fn::GetAtt' in v) {
      const [id, attr] = v['Fn::GetAtt'] as [string, string];
      return attribute(id, attr);
    }
    if ('Fn::Join' in v) {
      const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map((part) => String(resolve(part))).join(separator);
    }
    if ('Fn::Sub' in v && typeof v['Fn::Sub'] === 'string') {
      return (v['Fn::Sub'] as string).replace(/\$\{([^}]+)\}/g, (_, name: string) => {
        const [id, attr] = name.split('.');
        return attr ? attribute(id!, attr) : ref(id!);
      });
    }
    return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, resolve(inner)]));
  };
  return resolve(document) as Json;
}

/** A role's ARN on the local stack: named after its logical id. */
export const localRoleArn = (account: string, roleId: string) => `arn:aws:iam::${account}:role/${roleId}`;
