/**
 * Names of the environment variables the functions read (values in config.ts).
 * Its own module so that a handler's bundle does not pull the manifest (and
 * through it the event contracts) in just to know a variable's name.
 */
export const ENV = {
  tableName: 'TABLE_NAME',
  eventBusName: 'EVENT_BUS_NAME',
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` when deployed. */
  jwtIssuer: 'JWT_ISSUER',
  /** App client id: the audience (`aud` or `client_id`) a token must carry. */
  jwtAudience: 'JWT_AUDIENCE',
  /** The user pool whose groups and sessions the membership functions manage. */
  userPoolId: 'USER_POOL_ID',
  /** Seconds a function may reuse an entitlement record it read (0-60; 60 when unset). */
  entitlementCacheSeconds: 'ENTITLEMENT_CACHE_SECONDS',
  /** HMAC-SHA256 key the feed signs its page cursors with (functions whose manifest entry has `signsCursors`). */
  cursorSigningKey: 'CURSOR_SIGNING_KEY',
  /** The feed's first month (`yyyy-mm`, the deployment's launch): reads walk no further back. Default in domain/feed.ts. */
  feedStartMonth: 'FEED_START_MONTH',
  /** The lowest grade an auto-publish rule may name (`A`, `A/B`, `B/C`, `C/D`, `D`); default in domain/briefing.ts. */
  autoPublishFloor: 'AUTO_PUBLISH_FLOOR',
} as const;

/** Optional, for functions that draw lock screens (`rendersLocks` in the manifest); apart from ENV so that no other bundle carries them. */
export const UNLOCK_ENV = {
  /** The deployment's sign-up page, named by Strategy Circle lock screens. */
  signUpUrl: 'SIGN_UP_URL',
  /** Where a member asks for Leadership Alliance, named by its lock screens. */
  requestAccessUrl: 'REQUEST_ACCESS_URL',
} as const;

/** For the email functions only (functions/email/, docs/email.md); apart from ENV so that no other bundle carries them. */
export const EMAIL_ENV = {
  /** The verified sender (`Signal Briefings <briefings@example.com>`), from the stage's SES settings. */
  from: 'EMAIL_FROM',
  /** The SES configuration set every email is sent with: its event destination reports bounces and complaints. */
  configurationSet: 'EMAIL_CONFIGURATION_SET',
  /** HMAC-SHA256 key of the unsubscribe links (at least 32 characters). */
  tokenKey: 'EMAIL_TOKEN_KEY',
  /** The API's public base URL, which emails link to (briefings, the one-click unsubscribe). */
  publicApiUrl: 'PUBLIC_API_URL',
  /** The queue of emails to send (daily batches and instant alerts). */
  sendQueueUrl: 'EMAIL_SEND_QUEUE_URL',
  /** The queue the daily planner pages through (the schedule's start, each shard's next page). */
  planQueueUrl: 'DIGEST_PLAN_QUEUE_URL',
} as const;

/** For the webhook functions (`webhooks` in the manifest); apart from ENV so that no other bundle carries them. */
export const WEBHOOK_ENV = {
  /** Names of each partner's connection, API destination and rule start with this (the grants name it). */
  namePrefix: 'WEBHOOK_NAME_PREFIX',
  /** The queue deliveries go to once their retries are spent. */
  deadLetterQueueArn: 'WEBHOOK_DLQ_ARN',
  /** The role EventBridge assumes to invoke a partner's API destination. */
  invocationRoleArn: 'WEBHOOK_ROLE_ARN',
  /** `true` on the local stack only: endpoints may be http://127.0.0.1 (a deployment requires https). */
  allowLoopbackHttp: 'WEBHOOK_ALLOW_LOOPBACK_HTTP',
} as const;
