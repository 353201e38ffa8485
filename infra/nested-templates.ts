/**
 * The resources of a stack's template together with those of its nested stacks' templates
 * (infra/constructs/email.ts, infra/constructs/webhooks.ts), each nested template's parameters replaced by what the parent passes
 * them, so that a reference reads as if the whole were one template. The local stack reads every
 * function's role from it (local/role-policies.ts), and the infra specs read it (test/infra/synth.ts).
 * Not used by `cdk deploy`, which deploys the templates as they are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CfnResource, NestedStack, type Stack } from 'aws-cdk-lib';

// biome-ignore lint/suspicious/noExplicitAny: templates are untyped JSON, read by their documented shape
type Json = Record<string, any>;

/** Each nested stack of `stack` and its template, as written in the cloud assembly at `assemblyDir`. */
export function nestedTemplates(stack: Stack, assemblyDir: string): Array<{ stack: NestedStack; resourceId: string; template: Json }> {
  return stack.node
    .findAll()
    .filter((c): c is NestedStack => NestedStack.isNestedStack(c) && c.nestedStackParent === stack)
    .map((nested) => ({
      stack: nested,
      resourceId: stack.getLogicalId(nested.nestedStackResource as CfnResource),
      template: JSON.parse(readFileSync(join(assemblyDir, nested.templateFile), 'utf8')) as Json,
    }));
}

/** `resources` (the parent template's) with every nested stack's resources added, their parameters resolved. */
export function withNestedResources(stack: Stack, resources: Record<string, Json>, assemblyDir: string): Record<string, Json> {
  const merged: Record<string, Json> = { ...resources };
  for (const { resourceId, template } of nestedTemplates(stack, assemblyDir)) {
    const parameters = (resources[resourceId]?.['Properties']?.['Parameters'] ?? {}) as Json;
    const resolve = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(resolve);
      if (value === null || typeof value !== 'object') return value;
      const v = value as Json;
      if (typeof v['Ref'] === 'string' && v['Ref'] in parameters) return parameters[v['Ref']];
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, resolve(inner)]));
    };
    for (const [id, resource] of Object.entries((template['Resources'] ?? {}) as Json)) {
      if (id in merged) throw new Error(`nested stack ${resourceId}: logical id ${id} is also the main stack's`);
      merged[id] = resolve(resource) as Json;
    }
  }
  return merged;
}
