/**
 * The CloudWatch namespace of the functions' business metrics, apart from metrics.ts so that the CDK
 * app (infra/constructs/monitoring.ts) names it without constructing the Powertools Metrics instance,
 * which reads its settings from the environment when first imported.
 */
export const METRICS_NAMESPACE = 'SignalBriefings';
