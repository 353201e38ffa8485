/**
 * On Briefing Published and Briefing Retracted: one signed delivery per partner whose filter matches.
 * Each partner's body is shaped for its tier by domain/visibility.ts (through domain/webhooks.ts), signed
 * with its secret over `<timestamp>.<body>`, and put on the bus as a Webhook Delivery Requested event that
 * the partner's own rule hands to its API destination (functions/webhooks/destinations.ts): EventBridge
 * POSTs the body verbatim with the signature headers, retries, rate-limits per partner and dead-letters.
 *
 * Recomputed from the briefing as it is now (consistent read), like every consumer: a publication that was
 * retracted before this ran is not delivered. Delivery ids derive from the event and the partner, so a
 * re-run puts deliveries with the same ids, and partners drop repeats. A failed put fails the invocation:
 * Lambda retries it, then its failure queue keeps the event. The consequence of Briefing Published is
 * confirmed by alert-followers, not here (`confirms: false`).
 */
import {
  deliveryIdOf,
  matchesFilter,
  publishedPayload,
  retractedPayload,
  serializePayload,
  signDelivery,
  signingSecretsAt,
  subjectOf,
} from '#domain/webhooks.ts';
import { BriefingPublished, type BriefingPublishedDetail, BriefingRetracted, type BriefingRetractedDetail } from '#events/index.ts';
import { WEBHOOK_DELIVERY_REQUESTED, WEBHOOK_SOURCE, type WebhookDeliveryRequestedDetail } from '#events/webhook-delivery-requested.ts';
import { config } from '#functions/commons/config.ts';
import { eventConsumer } from '#functions/commons/consumer.ts';
import { logger } from '#functions/commons/logger.ts';
import { MetricUnit, metrics } from '#functions/commons/metrics.ts';
import { publishEvents } from '#functions/commons/publisher.ts';
import { readBriefing } from '#functions/commons/table/briefings.ts';
import { listWebhooks } from '#functions/commons/table/webhooks.ts';

type Detail = BriefingPublishedDetail | BriefingRetractedDetail;

/** Bytes of deliveries per PutEvents call: below its 256 KB limit, with room for the entries' other fields. */
export const MAX_BATCH_BYTES = 200 * 1024;

/** Consecutive groups of at most `maxBytes` of details (a larger one alone: PutEvents then refuses that entry only). */
export function bySize<E extends { detail: { body: string } }>(events: readonly E[], maxBytes: number): E[][] {
  const batches: E[][] = [];
  let size = 0;
  for (const event of events) {
    const bytes = Buffer.byteLength(JSON.stringify(event.detail));
    const last = batches.at(-1);
    if (last && size + bytes <= maxBytes) {
      last.push(event);
      size += bytes;
    } else {
      batches.push([event]);
      size = bytes;
    }
  }
  return batches;
}
const isRetraction = (d: Detail): d is BriefingRetractedDetail => 'retractedAt' in d;

export const handler = eventConsumer(
  [BriefingPublished, BriefingRetracted],
  async (detail: Detail, { now }) => {
    const webhooks = await listWebhooks();
    if (webhooks.length === 0) return;
    const type = isRetraction(detail) ? 'briefing.retracted' : 'briefing.published';
    // Every part a partner of any tier may read (never the staff parts): the view shapes it down per partner.
    const briefing = await readBriefing(detail.briefingId, 'member', { consistent: true });
    if (!briefing) return logger.info('briefing not found; no deliveries', { briefingId: detail.briefingId });
    if (type === 'briefing.published' && briefing.status !== 'published') {
      return logger.info('briefing not published now; no deliveries', { briefingId: detail.briefingId, status: briefing.status });
    }
    const subject = subjectOf(briefing);
    const timestamp = Math.floor(now.getTime() / 1000);
    const deliveries = webhooks
      .filter((w) => matchesFilter(w.filter, type, subject))
      .map((w) => {
        const head = { deliveryId: deliveryIdOf(detail.eventId, w.webhookId), occurredAt: detail.occurredAt };
        const payload = isRetraction(detail) ? retractedPayload(detail, w, head) : publishedPayload(briefing, w, head);
        const body = serializePayload(payload);
        const delivery: WebhookDeliveryRequestedDetail = {
          schemaVersion: 1,
          eventId: head.deliveryId,
          occurredAt: detail.occurredAt,
          webhookId: w.webhookId,
          deliveryId: head.deliveryId,
          type,
          timestamp: String(timestamp),
          signature: signDelivery(signingSecretsAt(w, now), timestamp, body),
          body,
        };
        return { detailType: WEBHOOK_DELIVERY_REQUESTED, detail: delivery };
      });
    // PutEvents takes at most 256 KB a request: full briefings for many partners are put a few at a time.
    const failed: typeof deliveries = [];
    for (const batch of bySize(deliveries, MAX_BATCH_BYTES)) {
      failed.push(...(await publishEvents(batch, { busName: config.eventBusName, source: WEBHOOK_SOURCE })));
    }
    metrics.addMetric('WebhookDeliveriesPrepared', MetricUnit.Count, deliveries.length - failed.length);
    if (failed.length > 0) throw new Error(`${failed.length} of ${deliveries.length} webhook deliveries could not be put on the bus`);
  },
  { confirms: false },
);
