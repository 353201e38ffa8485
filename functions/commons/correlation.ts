/**
 * The correlation id: one id from the API request through every event it
 * causes, so that one search of the logs finds the whole story. It travels
 * with the work, not through arguments: an edge starts a unit of work with
 * {@link withCorrelationId} (an event consumer with the event's id, the HTTP
 * edge with the request's); every outbox record written meanwhile carries it
 * (functions/commons/table/outbox.ts); the relay puts it into the event detail
 * as `correlationId`; the consumer of that event continues it. Every log line
 * of the unit carries it as Powertools' `correlation_id`.
 *
 * AsyncLocalStorage rather than a module variable: Lambda runs one invocation
 * at a time, but the local stack runs many handlers in one process at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { logger } from './logger.ts';

/** The header a client may send to choose the id (echoed in the response). */
export const CORRELATION_HEADER = 'x-correlation-id';

/** Safe to log and to put in an event (API Gateway request ids, UUIDs, event ids): no spaces, quotes or control characters, at most 128. */
const VALID = /^[A-Za-z0-9][A-Za-z0-9._:/+=-]{0,127}$/;

const current = new AsyncLocalStorage<string>();

/** The value as a correlation id, or undefined if it is not a string one would want in logs. */
export function correlationIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && VALID.test(value) ? value : undefined;
}

/** Runs `work` with this correlation id: in its log lines and in every outbox record it writes. */
export function withCorrelationId<T>(id: string, work: () => T): T {
  logger.setCorrelationId(id);
  return current.run(id, work);
}

/** The correlation id of the work in progress, if an edge started one. */
export function currentCorrelationId(): string | undefined {
  return current.getStore();
}
