/**
 * AWS list prices the cost model uses (us-east-1, on-demand, as quoted in
 * issue 3), and the few assumptions that are not measured. Change a price
 * here and `npm run bench` recomputes every cost.
 */
export const PRICES = {
  /** API Gateway HTTP API, per million requests (first 300 M/month tier). */
  httpApiPerMillionRequests: 1.0,
  /** Lambda, per million invocations. */
  lambdaPerMillionRequests: 0.2,
  /** Lambda duration, per GB-second on arm64. Since August 2025 the INIT phase is billed too. */
  lambdaPerGbSecondArm64: 0.0000133334,
  /** DynamoDB on-demand, per million read request units. */
  dynamoDbPerMillionReadUnits: 0.125,
  /** DynamoDB on-demand, per million write request units. */
  dynamoDbPerMillionWriteUnits: 0.625,
  /** EventBridge custom events, per million (each 64 KB chunk of an entry counts as one). */
  eventBridgePerMillionEvents: 1.0,
  /** Amazon SES outbound email, per million ($0.10 per 1,000; attachments and dedicated IPs not used). */
  sesPerMillionEmails: 100,
  /** SQS standard queues, per million requests (each 64 KB chunk counts as one; a batch of 10 is one request). */
  sqsPerMillionRequests: 0.4,
  /** EventBridge API destinations, per million invocations (each 64 KB chunk of a request counts as one). */
  apiDestinationPerMillionInvocations: 0.2,
  /** Data transfer out to the internet, per GB (first 10 TB/month): a webhook body leaves AWS. */
  dataTransferOutPerGb: 0.09,
} as const;

/** Not measured: stated, and printed with the results. */
export const ASSUMPTIONS = {
  /** Share of invocations that are cold starts (pays the measured module init as billed duration). */
  coldStartShare: 0.01,
  /** Duration of one relay-events invocation (one PutEvents call to EventBridge in-region); the local bus is not a fair measure. */
  relayDurationMs: 20,
  /** Stream batches at low traffic hold one outbox record: one relay invocation per event (the worst case). */
  relayInvocationsPerEvent: 1,
} as const;
