/**
 * Every Lambda function of the system and what triggers it. The CDK app
 * (infra/) deploys exactly this, and the local stack (local/) routes
 * HTTP requests, bus events and table-stream records with the same table, so
 * the two cannot drift.
 */
import {
  AlertFanOutContinued,
  BriefingEdited,
  BriefingPublished,
  BriefingRetracted,
  BriefingScored,
  EntitlementChanged,
  type EventPattern,
  patternFor,
  SourceIngested,
  SourceUpdated,
} from '#events/index.ts';
import type { IndexPartition, Partition } from './commons/table/keys.ts';

/**
 * A DynamoDB item action. A transaction is authorized part by part as these
 * (Put → PutItem, Update → UpdateItem, Delete → DeleteItem, ConditionCheck →
 * ConditionCheckItem): there is no TransactWriteItems permission to grant.
 */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem' | 'BatchWriteItem';

/**
 * What a function does to the table, and so all its role may do there
 * (infra/constructs/briefings-function.ts grants exactly this): the actions it
 * sends in each partition (functions/commons/table/keys.ts, enforced with
 * `dynamodb:LeadingKeys`), the index partitions it queries, and whether it scans.
 * The local stack denies any other call, as AWS would (local/local-iam.ts).
 * A signed-in route reads the caller's entitlement record: `user: ['GetItem']`.
 */
export type TableUse = { readonly [P in Partition]?: readonly TableAction[] } & {
  readonly index?: readonly IndexPartition[];
  readonly scan?: true;
};

/**
 * `jwt`: the API's JWT authorizer rejects calls without a valid token. `optional`: no authorizer; the handler
 * verifies a token if one is sent. `none`: no authorizer and no token read: every caller gets the same answer.
 */
export type RouteAuth = 'jwt' | 'optional' | 'none';

export interface FunctionSpec {
  /** Path of the handler module, from the project root; it exports `handler`. */
  entry: string;
  description: string;
  /** What it does to the table; absent: nothing (the relay reads only the stream). */
  table?: TableUse;
  /** Publishes to the event bus. */
  putsEvents?: boolean;
  /** Verifies optional bearer tokens itself, so it needs the user pool's issuer. */
  verifiesTokens?: boolean;
  /** Calls the user pool's admin API: `manage-groups` (group membership and global sign-out), `read-users` (a user's verified address). */
  userPool?: 'manage-groups' | 'read-users';
  /** Reads the published feed and signs its page cursors, so it needs the cursor signing key. */
  signsCursors?: boolean;
  /** Draws lock screens (domain/unlock.ts): names the deployment's sign-up and request-access pages, when it has them. */
  rendersLocks?: boolean;
  /** Sets or applies auto-publish rules: needs the publisher's floor (`AUTO_PUBLISH_FLOOR`, the stage's `autoPublishFloor`). */
  appliesAutoPublishRules?: boolean;
  /**
   * Deployed in a capability's nested stack (infra/constructs/email.ts, infra/constructs/webhooks.ts) with its routes
   * and triggers, not in the main stack, whose CloudFormation resources are near their 500 per template.
   */
  nestedStack?: 'email' | 'webhooks';
  /** What the function needs of the email capability (EMAIL_ENV): its queues, the SES sender, the unsubscribe key, the API's URL. */
  email?: { readonly enqueues?: readonly ('send' | 'plan')[]; readonly sends?: true; readonly signsLinks?: true };
  /**
   * Makes and removes partners' EventBridge connections, API destinations and rules (functions/webhooks/destinations.ts):
   * those actions on names with the deployment's webhook prefix only, and passing the delivery role.
   */
  managesWebhookDestinations?: boolean;
}

/**
 * What saving a briefing sends (functions/commons/table/briefings.ts `saveBriefing`): its parts, snapshots and
 * the removed parts' deletes, the outbox records, the feed entries and the entity profiles.
 */
const SAVES_BRIEFINGS = {
  briefing: ['Query', 'PutItem', 'DeleteItem'],
  outbox: ['PutItem'],
  feed: ['PutItem', 'DeleteItem'],
  entity: ['UpdateItem'],
} as const;

export const FUNCTIONS = {
  'create-briefing': {
    entry: 'functions/briefings/create-briefing.ts',
    description: 'POST /briefings: an analyst creates a draft',
    table: { user: ['GetItem'], briefing: ['PutItem'], entity: ['UpdateItem'] },
    appliesAutoPublishRules: true,
  },
  'ingest-source': {
    entry: 'functions/sources/ingest-source.ts',
    description: 'POST /sources: an analyst adds evidence to a briefing',
    table: { user: ['GetItem'], briefing: ['GetItem', 'ConditionCheckItem', 'PutItem'], outbox: ['PutItem'] },
  },
  'get-source': {
    entry: 'functions/sources/get-source.ts',
    description: 'GET /briefings/{briefingId}/sources/{sourceId}: staff read a source, its state, history and ETag',
    table: { user: ['GetItem'], briefing: ['GetItem'] },
  },
  'correct-source': {
    entry: 'functions/sources/correct-source.ts',
    description:
      'PATCH /briefings/{briefingId}/sources/{sourceId}: an analyst or editor corrects a source or changes its state, with a reason (If-Match)',
    table: { user: ['GetItem'], briefing: ['GetItem', 'PutItem'], outbox: ['PutItem'] },
  },
  'withdraw-source': {
    entry: 'functions/sources/withdraw-source.ts',
    description: 'DELETE /briefings/{briefingId}/sources/{sourceId}: an analyst or editor withdraws a source, with a reason (If-Match); it is kept',
    table: { user: ['GetItem'], briefing: ['GetItem', 'PutItem'], outbox: ['PutItem'] },
  },
  'override-score': {
    entry: 'functions/briefings/override-score.ts',
    description:
      'PUT /briefings/{briefingId}/score/override: an analyst or editor assesses the score or grade in place of the model, with a reason (If-Match)',
    table: { user: ['GetItem'], ...SAVES_BRIEFINGS },
  },
  'lift-score-override': {
    entry: 'functions/briefings/lift-score-override.ts',
    description: "DELETE /briefings/{briefingId}/score/override: an analyst or editor lifts an override; the model's score returns (If-Match)",
    table: { user: ['GetItem'], ...SAVES_BRIEFINGS },
  },
  'rescore-briefings': {
    entry: 'functions/pipeline/rescore-briefings.ts',
    description:
      'Run by operators after a scoring model change: asks score-briefing (Briefing Edited, model) to re-score every briefing scored by another model version; resumable, idempotent',
    table: { scan: true, outbox: ['PutItem'] },
  },
  'publish-briefing': {
    entry: 'functions/briefings/publish-briefing.ts',
    description: 'POST /briefings/{briefingId}/publish: an editor publishes a draft or the pending revision of a published briefing',
    table: { user: ['GetItem'], ...SAVES_BRIEFINGS },
  },
  'retract-briefing': {
    entry: 'functions/briefings/retract-briefing.ts',
    description: 'POST /briefings/{briefingId}/retract: an editor retracts a published briefing with a reason',
    table: { user: ['GetItem'], ...SAVES_BRIEFINGS },
  },
  'edit-briefing': {
    entry: 'functions/briefings/edit-briefing.ts',
    description:
      "PATCH /briefings/{briefingId}: staff edit a briefing (If-Match); an analyst's edit of a published one waits for an editor, an editor's goes live",
    appliesAutoPublishRules: true,
    table: { user: ['GetItem'], ...SAVES_BRIEFINGS },
  },
  'list-briefings': {
    entry: 'functions/briefings/list-briefings.ts',
    description: 'GET /briefings: published briefings, newest first, filtered',
    table: { feed: ['Query'], entity: ['GetItem'] },
    signsCursors: true,
  },
  'get-briefing-feed': {
    entry: 'functions/briefings/get-briefing-feed.ts',
    description: 'GET /feeds/{feed}: the published feed as RSS 2.0, Atom or JSON Feed, filtered like GET /briefings; public fields only',
    table: { feed: ['Query'], entity: ['GetItem'] },
    // Reads the newest page through the feed read that signs a continuation cursor (a feed hands none out) and walks months to the feed's start.
    signsCursors: true,
  },
  'get-briefing': {
    entry: 'functions/briefings/get-briefing.ts',
    description: "GET /briefings/{briefingId}: shaped for the caller's tier",
    table: { user: ['GetItem'], briefing: ['Query'] },
    verifiesTokens: true,
    rendersLocks: true,
  },
  'get-briefing-score': {
    entry: 'functions/briefings/get-briefing-score.ts',
    description: 'GET /briefings/{briefingId}/score: staff read the score and its explanation',
    table: { user: ['GetItem'], briefing: ['Query'] },
  },
  'list-briefing-versions': {
    entry: 'functions/briefings/list-briefing-versions.ts',
    description: "GET /briefings/{briefingId}/versions: staff read a briefing's version history",
    table: { user: ['GetItem'], briefing: ['Query'] },
  },
  'get-briefing-version': {
    entry: 'functions/briefings/get-briefing-version.ts',
    description: 'GET /briefings/{briefingId}/versions/{version}: staff read one snapshot of a briefing',
    table: { user: ['GetItem'], briefing: ['GetItem'] },
  },
  'route-not-found': { entry: 'functions/api/route-not-found.ts', description: 'Unknown routes (404) and wrong methods (405)' },
  'get-confidence-legend': {
    entry: 'functions/briefings/get-confidence-legend.ts',
    description: 'GET /confidence/legend: the confidence bands and marks, in each language served',
  },
  'score-briefing': {
    entry: 'functions/pipeline/score-briefing.ts',
    description: 'On Source Ingested, Source Updated and Briefing Edited: re-scores the briefing from all its sources',
    // Tells Briefing Scored whether the draft is now due for its rule (autoPublishDue), floor included.
    appliesAutoPublishRules: true,
    // A consumer also deletes the outbox record that confirms its event (the reconciler's marker); the scorer
    // deletes those of every source a score newly covers at once.
    table: { ...SAVES_BRIEFINGS, outbox: ['PutItem', 'DeleteItem', 'BatchWriteItem'] },
  },
  'auto-publish-briefing': {
    entry: 'functions/pipeline/auto-publish-briefing.ts',
    description: "On Briefing Scored: applies the briefing's auto-publish rule once an editor approved it",
    appliesAutoPublishRules: true,
    // A consumer also deletes the outbox record that confirms its event (the reconciler's marker).
    table: { ...SAVES_BRIEFINGS, outbox: ['PutItem', 'DeleteItem'] },
  },
  'relay-events': {
    entry: 'functions/pipeline/relay-events.ts',
    description: 'Table stream → event bus: publishes outbox records',
    putsEvents: true,
  },
  'get-me': { entry: 'functions/membership/get-me.ts', description: "GET /me: the caller's tier, roles and end date", table: { user: ['GetItem'] } },
  'get-entitlement': {
    entry: 'functions/membership/get-entitlement.ts',
    description: "GET /members/{userId}/entitlement: an admin reads a member's entitlement and its history",
    table: { user: ['GetItem', 'Query'] },
  },
  'grant-entitlement': {
    entry: 'functions/membership/grant-entitlement.ts',
    description: 'PUT /members/{userId}/entitlement: an admin grants a tier (Leadership Alliance with an end date) or staff roles',
    table: { user: ['GetItem', 'PutItem'], outbox: ['PutItem'] },
  },
  'revoke-entitlement': {
    entry: 'functions/membership/revoke-entitlement.ts',
    description: "DELETE /members/{userId}/entitlement: an admin revokes a member's entitlement",
    table: { user: ['GetItem', 'PutItem'], outbox: ['PutItem'] },
  },
  'request-access': {
    entry: 'functions/membership/request-access.ts',
    description: 'POST /me/access-requests: a member asks for Leadership Alliance, with a reason (one open request at a time)',
    table: { user: ['GetItem', 'Query', 'PutItem'], outbox: ['PutItem'] },
  },
  'list-my-access-requests': {
    entry: 'functions/membership/list-my-access-requests.ts',
    description: "GET /me/access-requests: the caller's own requests for a tier and their decisions",
    table: { user: ['GetItem', 'Query'] },
  },
  'list-access-requests': {
    entry: 'functions/membership/list-access-requests.ts',
    description: "GET /access-requests: admins page through members' requests for a tier, open ones first in line",
    table: { user: ['GetItem', 'BatchGetItem'], index: ['accessRequests'] },
  },
  'decide-access-request': {
    entry: 'functions/membership/decide-access-request.ts',
    description:
      "POST /members/{userId}/access-requests/{requestId}/decision: an admin approves a member's request (the grant, with an end date) or declines it with a reason",
    table: { user: ['GetItem', 'PutItem'], outbox: ['PutItem'] },
  },
  'confirm-sign-up': {
    entry: 'functions/membership/confirm-sign-up.ts',
    description: 'Cognito post-confirmation trigger: records the Strategy Circle membership of a new reader',
    table: { user: ['GetItem', 'PutItem'], outbox: ['PutItem'] },
  },
  'sync-member-groups': {
    entry: 'functions/membership/sync-member-groups.ts',
    description: 'On Entitlement Changed: puts the member in the Cognito groups of the record; signs a revoked member out everywhere',
    // Its only write confirms the event's consequence (deletes its outbox record).
    table: { user: ['GetItem'], outbox: ['DeleteItem'] },
    userPool: 'manage-groups',
  },
  'get-entity': {
    entry: 'functions/entities/get-entity.ts',
    description: "GET /entities/{entityId}: an entity's profile, relationships and recent briefings, shaped for the caller's tier",
    table: { user: ['GetItem'], entity: ['Query', 'BatchGetItem'], feed: ['Query'] },
    verifiesTokens: true,
    rendersLocks: true,
  },
  'put-entity': {
    entry: 'functions/entities/put-entity.ts',
    description: "PUT /entities/{entityId}: an analyst writes an entity's profile and relationships",
    table: { user: ['GetItem'], entity: ['Query', 'BatchGetItem', 'PutItem', 'DeleteItem'] },
  },
  'follow-entity': {
    entry: 'functions/following/follow-entity.ts',
    description: 'PUT /me/watchlist/{entityId}: a member follows an entity',
    table: { user: ['GetItem'], entity: ['GetItem'], member: ['GetItem', 'PutItem', 'UpdateItem'] },
  },
  'unfollow-entity': {
    entry: 'functions/following/unfollow-entity.ts',
    description: 'DELETE /me/watchlist/{entityId}: a member stops following an entity',
    table: { user: ['GetItem'], member: ['DeleteItem', 'UpdateItem'] },
  },
  'get-watchlist': {
    entry: 'functions/following/get-watchlist.ts',
    description: 'GET /me/watchlist: the entities the caller follows',
    table: { user: ['GetItem'], member: ['Query'] },
  },
  'get-alerts': {
    entry: 'functions/following/get-alerts.ts',
    description: "GET /me/alerts: the caller's alerts, newest first, with what their tier unlocks",
    table: { user: ['GetItem'], member: ['Query'], briefing: ['BatchGetItem'] },
    rendersLocks: true,
  },
  'alert-followers': {
    entry: 'functions/pipeline/alert-followers.ts',
    description: 'On Briefing Published (and its own Alert Fan-out Continued): writes one alert per follower of its entities, a page per invocation',
    table: { briefing: ['Query'], member: ['UpdateItem'], outbox: ['PutItem', 'DeleteItem'], index: ['followers'] },
  },
  'get-email-preferences': {
    entry: 'functions/email/get-preferences.ts',
    description: "GET /me/preferences: the caller's email delivery preference",
    table: { user: ['GetItem'], member: ['GetItem'], email: ['GetItem'] },
    nestedStack: 'email',
  },
  'put-email-preferences': {
    entry: 'functions/email/put-preferences.ts',
    description: 'PUT /me/preferences: the caller chooses instant or daily emails of their alerts, or none, and their language',
    table: { user: ['GetItem'], member: ['GetItem', 'PutItem'], email: ['GetItem'] },
    userPool: 'read-users',
    nestedStack: 'email',
  },
  unsubscribe: {
    entry: 'functions/email/unsubscribe.ts',
    description: "GET and POST /unsubscribe?token=: the signed one-click link of every email turns the member's email off, no login",
    table: { member: ['UpdateItem'] },
    email: { signsLinks: true },
    nestedStack: 'email',
  },
  'queue-instant-emails': {
    entry: 'functions/email/queue-instant-emails.ts',
    description: 'Table stream (new alerts): queues an instant email for each alerted member whose preference is instant',
    table: { member: ['BatchGetItem'] },
    email: { enqueues: ['send'] },
    nestedStack: 'email',
  },
  'plan-daily-digests': {
    entry: 'functions/email/plan-daily-digests.ts',
    description: 'Daily (EventBridge Scheduler) and its own continuations: pages the daily members by shard and queues their digests in batches',
    table: { index: ['digests'] },
    email: { enqueues: ['send', 'plan'] },
    nestedStack: 'email',
  },
  'send-emails': {
    entry: 'functions/email/send-emails.ts',
    description: "From the send queue: renders each digest or instant alert for the member's tier and language at send time and sends it with SES",
    table: { user: ['GetItem'], member: ['GetItem', 'Query', 'PutItem', 'DeleteItem'], briefing: ['Query'], email: ['GetItem'] },
    email: { sends: true, signsLinks: true },
    rendersLocks: true,
    nestedStack: 'email',
  },
  'record-email-feedback': {
    entry: 'functions/email/record-email-feedback.ts',
    description: 'SES bounces and complaints (configuration set event destination, default bus): marks the address suppressed',
    table: { email: ['UpdateItem'] },
    nestedStack: 'email',
  },
  'register-webhook': {
    entry: 'functions/webhooks/register-webhook.ts',
    description: "POST /webhooks: an admin registers a partner's HTTPS endpoint with a tier and a filter; its signing secret is shown once",
    table: { user: ['GetItem'], webhook: ['PutItem'] },
    managesWebhookDestinations: true,
    nestedStack: 'webhooks',
  },
  'list-webhooks': {
    entry: 'functions/webhooks/list-webhooks.ts',
    description: 'GET /webhooks: admins list the partner webhooks',
    table: { user: ['GetItem'], webhook: ['Query'] },
    nestedStack: 'webhooks',
  },
  'get-webhook': {
    entry: 'functions/webhooks/get-webhook.ts',
    description: 'GET /webhooks/{webhookId}: an admin reads a partner webhook',
    table: { user: ['GetItem'], webhook: ['GetItem'] },
    nestedStack: 'webhooks',
  },
  'delete-webhook': {
    entry: 'functions/webhooks/delete-webhook.ts',
    description: 'DELETE /webhooks/{webhookId}: an admin removes a partner webhook and its delivery path',
    table: { user: ['GetItem'], webhook: ['GetItem', 'DeleteItem'] },
    managesWebhookDestinations: true,
    nestedStack: 'webhooks',
  },
  'rotate-webhook-secret': {
    entry: 'functions/webhooks/rotate-webhook-secret.ts',
    description: "POST /webhooks/{webhookId}/secret: an admin replaces a partner webhook's signing secret; the new one is shown once",
    table: { user: ['GetItem'], webhook: ['GetItem', 'PutItem'] },
    nestedStack: 'webhooks',
  },
  'prepare-webhook-deliveries': {
    entry: 'functions/webhooks/prepare-webhook-deliveries.ts',
    description:
      "On Briefing Published and Briefing Retracted: signs one delivery per matching partner webhook, shaped for the partner's tier, and puts it on the bus for the partner's API destination",
    table: { webhook: ['Query'], briefing: ['Query'] },
    putsEvents: true,
    nestedStack: 'webhooks',
  },
  reconcile: {
    entry: 'functions/pipeline/reconcile.ts',
    description: 'Every 5 minutes: re-drives changes whose consequence no consumer confirmed (pending outbox records)',
    // Reads a pending Source Ingested's briefing whole (one consistent Query) and confirms those already done.
    table: { outbox: ['GetItem', 'PutItem', 'BatchWriteItem'], briefing: ['Query'], index: ['pending'] },
    putsEvents: true,
  },
} as const satisfies Record<string, FunctionSpec>;
export type FunctionName = keyof typeof FUNCTIONS;

/** The nested stack a function is deployed in (infra/constructs/email.ts, infra/constructs/webhooks.ts), or undefined for the main stack. */
export const nestedStackOf = (name: FunctionName): FunctionSpec['nestedStack'] => (FUNCTIONS[name] as FunctionSpec).nestedStack;

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path syntax, e.g. `/briefings/{briefingId}`. */
  path: string;
  fn: FunctionName;
  auth: RouteAuth;
}

export const ROUTES: readonly RouteSpec[] = [
  { method: 'POST', path: '/briefings', fn: 'create-briefing', auth: 'jwt' },
  { method: 'GET', path: '/briefings', fn: 'list-briefings', auth: 'none' },
  { method: 'GET', path: '/briefings/{briefingId}', fn: 'get-briefing', auth: 'optional' },
  { method: 'GET', path: '/feeds/{feed}', fn: 'get-briefing-feed', auth: 'none' },
  { method: 'PATCH', path: '/briefings/{briefingId}', fn: 'edit-briefing', auth: 'jwt' },
  { method: 'GET', path: '/briefings/{briefingId}/score', fn: 'get-briefing-score', auth: 'jwt' },
  { method: 'GET', path: '/briefings/{briefingId}/versions', fn: 'list-briefing-versions', auth: 'jwt' },
  { method: 'GET', path: '/briefings/{briefingId}/versions/{version}', fn: 'get-briefing-version', auth: 'jwt' },
  { method: 'POST', path: '/briefings/{briefingId}/publish', fn: 'publish-briefing', auth: 'jwt' },
  { method: 'POST', path: '/briefings/{briefingId}/retract', fn: 'retract-briefing', auth: 'jwt' },
  { method: 'POST', path: '/sources', fn: 'ingest-source', auth: 'jwt' },
  { method: 'GET', path: '/briefings/{briefingId}/sources/{sourceId}', fn: 'get-source', auth: 'jwt' },
  { method: 'PATCH', path: '/briefings/{briefingId}/sources/{sourceId}', fn: 'correct-source', auth: 'jwt' },
  { method: 'PUT', path: '/briefings/{briefingId}/score/override', fn: 'override-score', auth: 'jwt' },
  { method: 'DELETE', path: '/briefings/{briefingId}/score/override', fn: 'lift-score-override', auth: 'jwt' },
  { method: 'DELETE', path: '/briefings/{briefingId}/sources/{sourceId}', fn: 'withdraw-source', auth: 'jwt' },
  { method: 'GET', path: '/me', fn: 'get-me', auth: 'jwt' },
  { method: 'GET', path: '/members/{userId}/entitlement', fn: 'get-entitlement', auth: 'jwt' },
  { method: 'PUT', path: '/members/{userId}/entitlement', fn: 'grant-entitlement', auth: 'jwt' },
  { method: 'DELETE', path: '/members/{userId}/entitlement', fn: 'revoke-entitlement', auth: 'jwt' },
  { method: 'POST', path: '/me/access-requests', fn: 'request-access', auth: 'jwt' },
  { method: 'GET', path: '/me/access-requests', fn: 'list-my-access-requests', auth: 'jwt' },
  { method: 'GET', path: '/access-requests', fn: 'list-access-requests', auth: 'jwt' },
  { method: 'POST', path: '/members/{userId}/access-requests/{requestId}/decision', fn: 'decide-access-request', auth: 'jwt' },
  { method: 'GET', path: '/entities/{entityId}', fn: 'get-entity', auth: 'optional' },
  { method: 'PUT', path: '/entities/{entityId}', fn: 'put-entity', auth: 'jwt' },
  { method: 'GET', path: '/me/watchlist', fn: 'get-watchlist', auth: 'jwt' },
  { method: 'PUT', path: '/me/watchlist/{entityId}', fn: 'follow-entity', auth: 'jwt' },
  { method: 'DELETE', path: '/me/watchlist/{entityId}', fn: 'unfollow-entity', auth: 'jwt' },
  { method: 'GET', path: '/me/alerts', fn: 'get-alerts', auth: 'jwt' },
  { method: 'GET', path: '/confidence/legend', fn: 'get-confidence-legend', auth: 'none' },
  { method: 'GET', path: '/me/preferences', fn: 'get-email-preferences', auth: 'jwt' },
  { method: 'PUT', path: '/me/preferences', fn: 'put-email-preferences', auth: 'jwt' },
  { method: 'GET', path: '/unsubscribe', fn: 'unsubscribe', auth: 'none' },
  { method: 'POST', path: '/unsubscribe', fn: 'unsubscribe', auth: 'none' },
  { method: 'POST', path: '/webhooks', fn: 'register-webhook', auth: 'jwt' },
  { method: 'GET', path: '/webhooks', fn: 'list-webhooks', auth: 'jwt' },
  { method: 'GET', path: '/webhooks/{webhookId}', fn: 'get-webhook', auth: 'jwt' },
  { method: 'DELETE', path: '/webhooks/{webhookId}', fn: 'delete-webhook', auth: 'jwt' },
  { method: 'POST', path: '/webhooks/{webhookId}/secret', fn: 'rotate-webhook-secret', auth: 'jwt' },
];

/** Anything no route matches goes here ($default and ANY on known paths). */
export const FALLBACK_FUNCTION: FunctionName = 'route-not-found';

export interface SubscriptionSpec {
  /** Logical id of the EventBridge rule. */
  rule: string;
  fn: FunctionName;
  pattern: EventPattern;
  /**
   * `false`: the function reacts to the event but another subscription confirms its consequence (each awaited event has
   * exactly one that does, functions/commons/table/outbox.ts); the reconciler does not wait on this one.
   */
  confirms?: false;
}

// `@__PURE__`: a function that reads ROUTES only (route-not-found) leaves the event contracts out (domain/schema.ts).
export const SUBSCRIPTIONS: readonly SubscriptionSpec[] = [
  { rule: 'ScoreOnSourceIngested', fn: 'score-briefing', pattern: /* @__PURE__ */ patternFor(SourceIngested) },
  { rule: 'ScoreOnSourceUpdated', fn: 'score-briefing', pattern: /* @__PURE__ */ patternFor(SourceUpdated) },
  { rule: 'ScoreOnBriefingEdited', fn: 'score-briefing', pattern: /* @__PURE__ */ patternFor(BriefingEdited) },
  // Only scorings that make a draft due for its own rule: the others invoke (and bill) nothing.
  {
    rule: 'AutoPublishOnBriefingScored',
    fn: 'auto-publish-briefing',
    pattern: /* @__PURE__ */ patternFor(BriefingScored, { autoPublishDue: [true] }),
  },
  { rule: 'SyncGroupsOnEntitlementChanged', fn: 'sync-member-groups', pattern: /* @__PURE__ */ patternFor(EntitlementChanged) },
  { rule: 'AlertFollowersOnBriefingPublished', fn: 'alert-followers', pattern: /* @__PURE__ */ patternFor(BriefingPublished) },
  { rule: 'AlertFollowersOnFanOutContinued', fn: 'alert-followers', pattern: /* @__PURE__ */ patternFor(AlertFanOutContinued) },
  {
    rule: 'WebhooksOnBriefingPublished',
    fn: 'prepare-webhook-deliveries',
    pattern: /* @__PURE__ */ patternFor(BriefingPublished),
    confirms: false,
  },
  {
    rule: 'WebhooksOnBriefingRetracted',
    fn: 'prepare-webhook-deliveries',
    pattern: /* @__PURE__ */ patternFor(BriefingRetracted),
    confirms: false,
  },
];

/** The function that consumes the table's stream and publishes outbox records. */
export const STREAM_CONSUMER: FunctionName = 'relay-events';

/** Functions the user pool invokes (Cognito Lambda triggers), by trigger. */
export const USER_POOL_TRIGGERS = {
  postConfirmation: 'confirm-sign-up',
} as const satisfies Record<string, FunctionName>;

export interface ScheduleSpec {
  /** Logical id of the schedule's rule. */
  rule: string;
  fn: FunctionName;
  everyMinutes: number;
}

/** The function operators invoke after a change of the scoring model (`npm run rescore` locally). */
export const RESCORE_FUNCTION: FunctionName = 'rescore-briefings';

/** Functions run on a timer: an EventBridge schedule rule in AWS, a timer in the local stack. */
export const SCHEDULES: readonly ScheduleSpec[] = [{ rule: 'ReconcileEvery5Minutes', fn: 'reconcile', everyMinutes: 5 }];

/**
 * The email capability's triggers (docs/email.md), deployed by its nested stack (infra/constructs/email.ts) and
 * wired alike by the local stack: the plan and send queues' consumers, the consumer of new alerts on the table
 * stream, the consumer of SES feedback on the account's default bus. The daily schedule (EventBridge Scheduler at
 * domain/email.ts DIGEST_HOUR_UTC) sends the plan queue its start message.
 */
export const EMAIL = {
  planQueueConsumer: 'plan-daily-digests',
  sendQueueConsumer: 'send-emails',
  newAlertStreamConsumer: 'queue-instant-emails',
  feedbackConsumer: 'record-email-feedback',
  /** SES events of the configuration set's event destination, on the default bus. */
  feedbackPattern: { source: ['aws.ses'], 'detail-type': ['Email Bounced', 'Email Complained'] },
} as const satisfies {
  planQueueConsumer: FunctionName;
  sendQueueConsumer: FunctionName;
  newAlertStreamConsumer: FunctionName;
  feedbackConsumer: FunctionName;
  feedbackPattern: { source: readonly string[]; 'detail-type': readonly string[] };
};
