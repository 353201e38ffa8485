/**
 * JSON Schema of every event contract, generated from its zod schema (never
 * written twice):
 *
 * - `detailSchema`: the `detail` a consumer receives (draft 2020-12 by default);
 *   the committed snapshots in `events/snapshots/` are these, one per version.
 * - `eventBridgeSchema`: the whole EventBridge event, envelope and detail, in
 *   JSON Schema draft-04, the dialect the EventBridge Schema Registry accepts
 *   (`AWS::EventSchemas::Schema` type `JSONSchemaDraft4`).
 *
 * Schemas describe what consumers may rely on: objects do not forbid extra
 * properties, so adding an optional field is a compatible change.
 */
import * as z from 'zod/mini';
import { EVENT_SOURCE, type EventContract } from './contract.ts';

export type JsonSchema = { [key: string]: unknown };
export type SchemaDialect = 'draft-2020-12' | 'draft-07' | 'draft-04';

const DIALECT_URI: Record<SchemaDialect, string> = {
  'draft-2020-12': 'https://json-schema.org/draft/2020-12/schema',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  'draft-04': 'http://json-schema.org/draft-04/schema#',
};

/** `Source Ingested` → `SourceIngested`: the id of a contract in documents and construct ids. */
export function contractId(contract: Pick<EventContract, 'detailType'>): string {
  return contract.detailType
    .replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())
    .replace(/^./, (c) => c.toUpperCase());
}

/** `Source Ingested` → `source-ingested`: the file name of a contract's snapshots. */
export function contractSlug(contract: Pick<EventContract, 'detailType'>): string {
  return contract.detailType
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The Schema Registry name of a contract, after AWS's own `<source>@<DetailType>` (e.g. `aws.events@ScheduledEvent`). */
export function registrySchemaName(contract: Pick<EventContract, 'detailType'>): string {
  return `${EVENT_SOURCE}@${contractId(contract)}`;
}

/** The JSON Schema of a contract's `detail`, as a standalone document. */
export function detailSchema(contract: EventContract, dialect: SchemaDialect = 'draft-2020-12'): JsonSchema {
  // `input`: what a valid event may carry. (zod's `output` would add `additionalProperties: false`,
  // which would make every added field a breaking change for consumers that validate.)
  const { $schema: _, ...schema } = z.toJSONSchema(contract.detail, { target: dialect, io: 'input' }) as JsonSchema;
  return {
    $schema: DIALECT_URI[dialect],
    title: `${contract.detailType} v${contract.schemaVersion}`,
    description: contract.summary,
    ...schema,
  };
}

/** The JSON Schema of the whole event as EventBridge delivers it: its envelope around the contract's detail. */
export function envelopeSchema(contract: EventContract, dialect: SchemaDialect): JsonSchema {
  const { $schema: _, title: __, ...detail } = detailSchema(contract, dialect);
  const string = (description: string, extra: JsonSchema = {}) => ({ type: 'string', description, ...extra });
  return {
    $schema: DIALECT_URI[dialect],
    title: contractId(contract),
    description: `${contract.detailType} v${contract.schemaVersion} on the signal-briefings bus. ${contract.summary}`,
    type: 'object',
    properties: {
      version: string('EventBridge envelope version ("0").'),
      id: string("EventBridge's id of this delivery; it changes when an event is re-published. Deduplicate on detail.eventId."),
      'detail-type': string('What happened.', { enum: [contract.detailType] }),
      source: string('The system that emitted the event.', { enum: [EVENT_SOURCE] }),
      account: string('The AWS account of the bus.'),
      time: string('When EventBridge received the event.', { format: 'date-time' }),
      region: string('The AWS region of the bus.'),
      resources: { type: 'array', items: { type: 'string' }, description: 'Unused (empty).' },
      detail,
    },
    required: ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'],
  };
}

/** What EventBridge delivers for the contract's example: the example detail in the envelope. */
export function exampleEvent(contract: EventContract): Record<string, unknown> {
  const occurredAt = (contract.example as { occurredAt: string }).occurredAt;
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': contract.detailType,
    source: EVENT_SOURCE,
    account: '123456789012',
    time: occurredAt.replace(/\.\d+Z$/, 'Z'),
    region: 'eu-west-1',
    resources: [],
    detail: contract.example,
  };
}

/**
 * The Schema Registry document of a contract: the whole event in draft-04, with
 * the `x-amazon-events-*` keys EventBridge's own schemas carry.
 */
export function eventBridgeSchema(contract: EventContract): JsonSchema {
  const { $schema, ...rest } = envelopeSchema(contract, 'draft-04');
  return {
    $schema,
    'x-amazon-events-source': EVENT_SOURCE,
    'x-amazon-events-detail-type': contract.detailType,
    ...rest,
  };
}
