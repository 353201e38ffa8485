/**
 * Spec: every event contract has a JSON Schema generated from its zod schema
 * (the detail, and the whole event in draft-04 for the Schema Registry) and a
 * channel, message and operations in an AsyncAPI 3 document that
 * @asyncapi/parser validates without a single diagnostic.
 */
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CONTRACTS, EVENT_SOURCE, patternFor } from '#events/index.ts';
import { contractId, detailSchema, eventBridgeSchema, exampleEvent, type JsonSchema } from '#events/schemas.ts';
import { SUBSCRIPTIONS } from '#functions/manifest.ts';
import { asyncApiDocument } from '#tools/asyncapi.ts';

const byName = CONTRACTS.map((c) => [c.detailType, c] as const);

/** Keywords draft-04 does not have (or means differently), which the registry would not understand. */
function laterDraftKeywords(schema: unknown, at = '#'): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => laterDraftKeywords(s, `${at}/${i}`));
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as JsonSchema;
  const found = ['const', '$defs', 'propertyNames', 'contains', 'if', 'prefixItems', 'unevaluatedProperties']
    .filter((k) => k in s && !(at.endsWith('/properties') && typeof s[k] === 'object'))
    .map((k) => `${at}/${k}`);
  for (const k of ['exclusiveMinimum', 'exclusiveMaximum']) if (k in s && typeof s[k] !== 'boolean') found.push(`${at}/${k}`);
  return [...found, ...Object.entries(s).flatMap(([k, v]) => laterDraftKeywords(v, `${at}/${k}`))];
}

describe('JSON Schema of each contract', () => {
  it.each(byName)('%s: the detail schema lists every field of the zod contract, requiring the required ones', (_, contract) => {
    // Act
    const schema = detailSchema(contract);
    // Assess
    expect(Object.keys(schema['properties'] as object).sort()).toEqual(Object.keys(contract.detail.shape).sort());
    const required = Object.entries(contract.detail.shape)
      .filter(([, field]) => !z.safeParse(field, undefined).success)
      .map(([name]) => name);
    expect((schema['required'] as string[]).sort()).toEqual(required.sort());
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(byName)('%s: the registry schema is the whole event in plain draft-04', (_, contract) => {
    // Act
    const schema = eventBridgeSchema(contract);
    // Assess
    expect(schema['$schema']).toBe('http://json-schema.org/draft-04/schema#');
    expect(schema['x-amazon-events-detail-type']).toBe(contract.detailType);
    expect(schema['x-amazon-events-source']).toBe(EVENT_SOURCE);
    expect((schema['properties'] as JsonSchema)['detail-type']).toMatchObject({ enum: [contract.detailType] });
    expect(laterDraftKeywords(schema)).toEqual([]);
  });
});

describe('the AsyncAPI document', () => {
  const document = asyncApiDocument();

  it('is valid AsyncAPI 3 (no errors, warnings or hints from @asyncapi/parser)', async () => {
    // Act
    const diagnostics = await new Parser().validate(document as never);
    // Assess
    const listed = diagnostics.map((d) => `severity ${d.severity} ${d.code}: ${d.message} at ${d.path.join('/')}`);
    expect(listed).toEqual([]);
  });

  it.each(byName)('%s: a channel with its pattern, a message with the contract example, a send operation', (_, contract) => {
    // Prepare
    const id = contractId(contract);
    const channels = document['channels'] as Record<string, JsonSchema>;
    const operations = document['operations'] as Record<string, JsonSchema>;
    const message = (document['components'] as { messages: Record<string, JsonSchema> }).messages[id]!;
    // Act
    const [example] = message['examples'] as Array<{ payload: Record<string, unknown> }>;
    // Assess
    expect(channels[id]!['x-eventbridge-pattern']).toEqual(patternFor(contract));
    expect(example!.payload).toEqual(exampleEvent(contract));
    expect(contract.detail.parse(example!.payload['detail'])).toEqual(contract.example);
    expect(Object.keys(example!.payload).sort()).toEqual([...((message['payload'] as JsonSchema)['required'] as string[])].sort());
    expect(operations[`publish${id}`]).toMatchObject({ action: 'send', channel: { $ref: `#/channels/${id}` } });
  });

  it('has a receive operation for every subscription in the manifest', () => {
    // Act
    const receivers = Object.values(document['operations'] as Record<string, JsonSchema>).filter((op) => op['action'] === 'receive');
    // Assess
    expect(receivers.map((op) => op['title']).sort()).toEqual(SUBSCRIPTIONS.map((s) => `${s.fn} (rule ${s.rule})`).sort());
  });
});
