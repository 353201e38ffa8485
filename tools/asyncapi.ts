/**
 * The AsyncAPI 3 document of the event bus, generated from the contracts and
 * the manifest's subscriptions: one channel and message per contract (payload:
 * the whole EventBridge event, example: the contract's own), a `send`
 * operation for each (the outbox relay publishes them) and a `receive`
 * operation for each internal subscriber.
 */
import { readFileSync } from 'node:fs';
import { EVENT_SOURCE, type EventContract, patternFor } from '#events/contract.ts';
import { CONTRACTS } from '#events/index.ts';
import { contractId, contractSlug, envelopeSchema, exampleEvent, type JsonSchema } from '#events/schemas.ts';
import { FUNCTIONS, SUBSCRIPTIONS, type SubscriptionSpec } from '#functions/manifest.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const camel = (name: string) => name.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase());

/** The AsyncAPI 3.1 document of every contract on the bus. */
export function asyncApiDocument(
  contracts: readonly EventContract[] = CONTRACTS,
  subscriptions: readonly SubscriptionSpec[] = SUBSCRIPTIONS,
): JsonSchema {
  const channels: JsonSchema = {};
  const operations: JsonSchema = {};
  const messages: JsonSchema = {};
  for (const contract of contracts) {
    const id = contractId(contract);
    const pattern = patternFor(contract);
    const messageRef = { $ref: `#/channels/${id}/messages/${id}` };
    channels[id] = {
      // EventBridge has no addresses: a consumer selects events with a rule pattern, given here.
      address: contract.detailType,
      title: contract.detailType,
      description:
        `Events with detail-type "${contract.detailType}" (schemaVersion ${contract.schemaVersion}) from source "${EVENT_SOURCE}". ` +
        `Subscribe with an EventBridge rule on the bus and this pattern:\n\n\`\`\`json\n${JSON.stringify(pattern, null, 2)}\n\`\`\``,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      'x-eventbridge-pattern': pattern,
    };
    operations[`publish${id}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      title: `Publish ${contract.detailType}`,
      summary: `relay-events publishes it from the outbox, in the same transaction as the change it announces.`,
      messages: [messageRef],
    };
    const { $schema: _, ...payload } = envelopeSchema(contract, 'draft-07');
    messages[id] = {
      name: contract.detailType,
      title: `${contract.detailType} v${contract.schemaVersion}`,
      summary: contract.summary,
      description: "Deduplicate on `detail.eventId` (stable across retries and re-publishing); `id` is EventBridge's and changes.",
      contentType: 'application/json',
      payload,
      examples: [{ name: 'example', summary: `the example of events/${contractSlug(contract)}.ts`, payload: exampleEvent(contract) }],
    };
  }
  for (const subscription of subscriptions) {
    const contract = contracts.find((c) => c.detailType === subscription.pattern['detail-type'][0]);
    if (!contract) throw new Error(`subscription ${subscription.rule} selects "${subscription.pattern['detail-type'][0]}", which has no contract`);
    const id = contractId(contract);
    operations[camel(`${subscription.fn} on ${id}`)] = {
      action: 'receive',
      channel: { $ref: `#/channels/${id}` },
      title: `${subscription.fn} (rule ${subscription.rule})`,
      summary: FUNCTIONS[subscription.fn].description,
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    };
  }
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Signal Briefings events',
      version,
      description:
        `Events on the signal-briefings EventBridge bus (stack output \`EventBusName\`), source \`${EVENT_SOURCE}\`. ` +
        'Every detail carries `schemaVersion`, a stable `eventId` and `occurredAt`. A breaking change gets a new ' +
        'schemaVersion; within a version, fields are only added, so ignore fields you do not know. ' +
        'The contracts are the zod schemas in `events/`; see docs/consuming-events.md for how to subscribe.',
    },
    defaultContentType: 'application/json',
    servers: {
      bus: {
        host: 'events.{region}.amazonaws.com',
        protocol: 'https',
        title: 'The custom event bus',
        summary: "EventBridge in the stack's region; internal consumers attach rules to the bus, they do not connect to it.",
        variables: { region: { default: 'eu-west-1', description: 'the AWS region the stack is deployed in' } },
      },
    },
    channels,
    operations,
    components: { messages },
  };
}
