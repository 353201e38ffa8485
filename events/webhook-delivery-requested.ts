/**
 * Webhook Delivery Requested v1: one signed delivery to one partner's endpoint (issue 17.3). Put by
 * functions/webhooks/prepare-webhook-deliveries.ts; the partner's own rule (functions/webhooks/destinations.ts)
 * hands it to the partner's API destination, which POSTs `body` verbatim with `signature` and `timestamp`
 * as headers. Not an announcement of this system (it is not in CONTRACTS, nor in the event catalogue or
 * the archive): its source is {@link WEBHOOK_SOURCE}, and its body may hold sections of the partner's tier.
 */

import * as z from 'zod/mini';
import { schema } from '#domain/schema.ts';
import { WEBHOOK_EVENTS } from '#domain/webhooks.ts';
import { defineEvent } from './contract.ts';

export const WEBHOOK_DELIVERY_REQUESTED = 'Webhook Delivery Requested';
/** Apart from EVENT_SOURCE: the archive keeps only `signal-briefings` events, so signed bodies are never replayed stale. */
export const WEBHOOK_SOURCE = 'signal-briefings.webhooks';

export const WebhookDeliveryRequested = /* @__PURE__ */ schema(() =>
  defineEvent({
    detailType: WEBHOOK_DELIVERY_REQUESTED,
    schemaVersion: 1,
    summary: "One signed delivery to one partner's webhook: the exact body, its timestamp and its HMAC-SHA256 signature.",
    fields: {
      webhookId: z.string(),
      deliveryId: z.string(),
      type: z.enum(WEBHOOK_EVENTS),
      /** Unix seconds, as a string: the `Signal-Timestamp` header. */
      timestamp: z.string().check(z.regex(/^\d+$/)),
      /** `v1=<hex>`: the `Signal-Signature` header. */
      signature: z.string(),
      /** The request body, byte for byte what was signed. */
      body: z.string(),
    },
    example: {
      schemaVersion: 1,
      eventId: 'dl_4f1c2a9b0e7d6c5b4a3f2e1d0c9b8a7f',
      occurredAt: '2026-06-20T08:15:02.000Z',
      webhookId: 'wh_01jy7zk6q3w8y2n4v5t6r7s8pa',
      deliveryId: 'dl_4f1c2a9b0e7d6c5b4a3f2e1d0c9b8a7f',
      type: 'briefing.retracted',
      timestamp: '1781943302',
      signature: 'v1=5d2c0a4f0b1e8c7d6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b',
      body: '{"deliveryId":"dl_4f1c2a9b0e7d6c5b4a3f2e1d0c9b8a7f","type":"briefing.retracted","occurredAt":"2026-06-20T08:15:02.000Z","webhookId":"wh_01jy7zk6q3w8y2n4v5t6r7s8pa","tier":"public","briefingId":"01JY7ZK6Q3W8Y2N4V5T6R7S8PA","briefingVersion":5}',
    },
  }),
);
export type WebhookDeliveryRequestedDetail = z.infer<typeof WebhookDeliveryRequested.detail>;
