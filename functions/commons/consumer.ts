/**
 * The edge of every event consumer: the detail is parsed with its contract
 * before the handler sees it. Any error is thrown back so that Lambda retries
 * and, in the end, the function's failure queue keeps the event. The work runs
 * under the event's correlation id (its `correlationId`, else its own
 * `eventId`), so its logs and the events it causes carry the same id.
 *
 * Consumers are traced (Powertools tracer): a `## <handler>` subsegment per
 * invocation with the ColdStart and Service annotations and any error, and
 * each table request as a subsegment. The table client is shared with the API
 * functions, which must not bundle the tracer, so it is captured here, where
 * only consumer bundles import it.
 *
 * Once the handler has done its work (whatever it decided: a duplicate that
 * changes nothing counts), the consumer of an awaited event confirms the
 * consequence by deleting the event's outbox record and its pending marker
 * (functions/commons/table/pending-changes.ts); a record still there minutes
 * later is what the reconciler re-drives. A failed handler confirms nothing.
 * A handler that confirms its events itself (the scorer confirms every source
 * a score newly covers, in one request) answers {@link CONFIRMED_BY_HANDLER}.
 */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { EventContract } from '#events/index.ts';
import { ddb } from './clients/dynamodb.ts';
import { traced, tracer } from './clients/tracer.ts';
import { correlationIdOf, withCorrelationId } from './correlation.ts';
import { logger } from './logger.ts';
import { metricsMiddleware } from './metrics.ts';
import { AWAITED_EVENTS } from './table/outbox.ts';
import { confirmConsequence } from './table/pending-changes.ts';
// English issue messages in the log of a detail that breaks its contract.
import './validation.ts';

// In Lambda each function is its own bundle, so this traces the consumer's client only
// (in the local stack, one process for all, tracing is off and this changes nothing).
traced(ddb);

/** What a handler answers when it has seen to its event's confirmation itself: the edge then sends nothing. */
export const CONFIRMED_BY_HANDLER = 'confirmed-by-handler';

/**
 * `contracts`: the contract the consumer's rule selects, or several (one rule
 * each); the detail is parsed with the contract of its detail-type.
 */
export function eventConsumer<C extends EventContract>(
  contracts: C | readonly C[],
  fn: (detail: z.infer<C['detail']>, ctx: { now: Date; event: EventBridgeEvent<string, unknown> }) => Promise<unknown>,
  /**
   * `confirms: false`: another consumer confirms the events' consequence (the one subscription each awaited
   * event has, functions/manifest.ts); this one only reacts to them, and its failures stay in its failure queue.
   */
  opts: { confirms?: boolean } = {},
) {
  const list: readonly C[] = Array.isArray(contracts) ? contracts : [contracts as C];
  const handle = async (event: EventBridgeEvent<string, unknown>): Promise<void> => {
    const raw = (event.detail ?? {}) as { correlationId?: unknown; eventId?: unknown };
    const correlationId = correlationIdOf(raw.correlationId) ?? correlationIdOf(raw.eventId) ?? event.id;
    return withCorrelationId(correlationId, async () => {
      // A single contract parses whatever its rule delivered, as before; with several, the detail-type picks one.
      const contract = list.length === 1 ? list[0] : list.find((c) => c.detailType === event['detail-type']);
      if (!contract) {
        logger.error('event of a type this consumer does not take', { detailType: event['detail-type'] });
        throw new Error(`unexpected ${event['detail-type']} event ${event.id}`);
      }
      const parsed = contract.detail.safeParse(event.detail);
      if (!parsed.success) {
        logger.error('event does not match its contract', { detailType: event['detail-type'], issues: parsed.error.issues });
        throw new Error(`invalid ${contract.detailType} event ${event.id}`);
      }
      const { eventId } = parsed.data as { eventId: string };
      logger.appendKeys({ eventId });
      const outcome = await fn(parsed.data as z.infer<C['detail']>, { now: new Date(), event });
      if (opts.confirms !== false && AWAITED_EVENTS.has(contract.detailType) && outcome !== CONFIRMED_BY_HANDLER) await confirmConsequence(eventId);
    });
  };
  // A consumer returns nothing, so there is no response to record; errors are recorded on the subsegment.
  return middy(handle)
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(metricsMiddleware());
}
