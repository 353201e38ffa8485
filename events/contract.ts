/**
 * How an event contract is declared: a detail-type, a schema version, a zod
 * schema for the detail, a one-line summary and an example. Consumers, the
 * EventBridge rules (infra/ and the local bus) and the docs all read these.
 */

import * as z from 'zod/mini';
import { schema } from '#domain/schema.ts';

/** The `source` of every event this system emits. */
export const EVENT_SOURCE = 'signal-briefings';

/** Fields every event detail carries. */
export const EventEnvelopeFields = /* @__PURE__ */ schema(() => ({
  /** Stable id of the state change; consumers deduplicate on it. EventBridge's own id changes on re-publish. */
  eventId: z.string().check(z.minLength(1)),
  occurredAt: z.iso.datetime({ offset: true }),
}));

export interface EventContract<D extends z.ZodMiniObject = z.ZodMiniObject> {
  detailType: string;
  schemaVersion: number;
  summary: string;
  detail: D;
  example: z.infer<D>;
}

export function defineEvent<const V extends number, S extends z.core.$ZodShape>(def: {
  detailType: string;
  schemaVersion: V;
  summary: string;
  fields: S;
  example: NoInfer<z.infer<z.ZodMiniObject<S & typeof EventEnvelopeFields & { schemaVersion: z.ZodMiniLiteral<V> }>>>;
}) {
  const detail = z.object({ schemaVersion: z.literal(def.schemaVersion), ...EventEnvelopeFields, ...def.fields });
  const contract = { detailType: def.detailType, schemaVersion: def.schemaVersion, summary: def.summary, detail, example: def.example };
  // Each example is checked against its own contract in test/unit/events.test.ts (not at import: every function would pay for it at cold start).
  return contract;
}

/**
 * The EventBridge pattern that selects exactly one contract (and version); `detail` narrows it to the
 * events whose detail fields hold one of the values given (e.g. `{ autoPublishDue: [true] }`).
 */
export function patternFor(
  contract: Pick<EventContract, 'detailType' | 'schemaVersion'>,
  detail: Readonly<Record<string, readonly (string | number | boolean)[]>> = {},
) {
  return {
    source: [EVENT_SOURCE],
    'detail-type': [contract.detailType],
    detail: { ...detail, schemaVersion: [contract.schemaVersion] },
  };
}
export type EventPattern = ReturnType<typeof patternFor>;
