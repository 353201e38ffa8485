/**
 * Spec: the CDK app registers every event contract in an EventBridge Schema
 * Registry, as the JSON Schema generated from its zod schema.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CONTRACTS } from '#events/index.ts';
import { eventBridgeSchema, registrySchemaName } from '#events/schemas.ts';
import { EventSchemas } from '#infra/constructs/event-schemas.ts';
import { BriefingsStack } from '#infra/stack.ts';
import { stageSettings } from '#infra/stage.ts';
import { idsOfType, refId } from '#test/infra/synth.ts';

type Json = Record<string, any>;

describe('the event schema registry', () => {
  it('is part of the stack', () => {
    // Prepare: building the construct tree is enough (a full synth takes ~10 s; `cdk synth` and test/infra/ do it)
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    // Act
    const stack = new BriefingsStack(app, 'SignalBriefings-test', { stage: stageSettings('test') });
    // Assess
    expect(stack.node.findAll().filter((c) => c instanceof EventSchemas)).toHaveLength(1);
  });

  it('holds one draft-04 schema per contract, generated from it, in one registry named after the stack', () => {
    // Prepare
    // The template is checked against CloudFormation's schemas by `cdk synth`; here that would add ~10 s.
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'SignalBriefings-test');
    new EventSchemas(stack, 'EventSchemas');
    // Act
    const resources = Template.fromStack(stack).toJSON()['Resources'] as Record<string, Json>;
    // Assess
    const registries = idsOfType(resources, 'AWS::EventSchemas::Registry');
    expect(registries).toHaveLength(1);
    expect(resources[registries[0]!]!['Properties']['RegistryName']).toBe('SignalBriefings-test-events');
    const schemas = idsOfType(resources, 'AWS::EventSchemas::Schema').map((id) => resources[id]!['Properties']);
    expect(schemas.map((s) => s['SchemaName']).sort()).toEqual(CONTRACTS.map(registrySchemaName).sort());
    for (const contract of CONTRACTS) {
      const schema = schemas.find((s) => s['SchemaName'] === registrySchemaName(contract))!;
      expect(schema['Type']).toBe('JSONSchemaDraft4');
      expect(JSON.parse(schema['Content'])).toEqual(eventBridgeSchema(contract));
      expect(refId(schema['RegistryName'])).toBe(registries[0]);
    }
  });
});
