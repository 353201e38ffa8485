/**
 * One Powertools Metrics instance per function: business counts as CloudWatch
 * embedded metric format (EMF) lines in the function's own log, so publishing
 * needs no IAM permission and no API call. Namespace `SignalBriefings`; the
 * `service` dimension comes from POWERTOOLS_SERVICE_NAME. Output is off when
 * POWERTOOLS_METRICS_DISABLED is true (unit tests, the local stack by default).
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';

export { MetricUnit };

import { METRICS_NAMESPACE } from './metrics-namespace.ts';

export { METRICS_NAMESPACE };

export const metrics = new Metrics({ namespace: METRICS_NAMESPACE });

/**
 * Flushes what the invocation recorded, after it returns or throws. Not
 * Powertools' `logMetrics`: that one publishes on every invocation, and an
 * invocation with nothing recorded (every read) logs a "No application metrics
 * to publish" warning, even with metrics disabled.
 */
export function flushMetrics(): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}

export const metricsMiddleware = (): MiddlewareObj => ({ after: flushMetrics, onError: flushMetrics });
