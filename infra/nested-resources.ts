/**
 * The whole deployment's resources: the main stack's and those of its nested stacks (the email capability's,
 * infra/constructs/email.ts), each nested parameter replaced by the value the parent passes it, so that a question
 * about "every function" (its role, its environment, its alarms) reads one map whatever stack holds the function.
 * The local stack's roles (local/role-policies.ts) and the infra specs (test/infra/synth.ts) read it.
 */
import { NestedStack, type Stack } from 'aws-cdk-lib';

// biome-ignore lint/suspicious/noExplicitAny: template fragments are untyped JSON, read by their documented shape
type Json = Record<string, any>;

export function withNestedResources(stack: Stack, resources: Record<string, Json>, templateOf: (nested: NestedStack) => Json): Record<string, Json> {
  const all = { ...resources };
  for (const nested of stack.node.findAll().filter((c): c is NestedStack => NestedStack.isNestedStack(c))) {
    const stackResource = nested.nestedStackResource ? resources[stack.getLogicalId(nested.nestedStackResource)] : undefined;
    const parameters = (stackResource?.['Properties']?.['Parameters'] ?? {}) as Json;
    Object.assign(all, inlineParameters(templateOf(nested)['Resources'] as Record<string, Json>, parameters));
  }
  return all;
}

/** A nested template's resources with every `Ref` to one of its parameters replaced by the parent's value for it. */
function inlineParameters(resources: Record<string, Json>, parameters: Json): Record<string, Json> {
  const inline = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(inline);
    if (value === null || typeof value !== 'object') return value;
    const v = value as Json;
    if ('Ref' in v && typeof v['Ref'] === 'string' && v['Ref'] in parameters) return parameters[v['Ref']];
    return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, inline(inner)]));
  };
  return inline(resources) as Record<string, Json>;
}
