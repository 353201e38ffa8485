/**
 * Signed webhooks for partner systems (issue 17.3): what an admin registers, which briefings reach a
 * partner, what a delivery says (shaped for the partner's tier by visibility.ts, the one gating
 * decision) and how it is signed and verified. Pure: the clock, the secret and the ids are handed in.
 *
 * A delivery is signed with HMAC-SHA256 over `<timestamp>.<body>` (the timestamp in Unix seconds, the
 * body the exact bytes sent), with the partner's secret; the signature travels as
 * `Signal-Signature: v1=<hex>` beside `Signal-Timestamp`. A receiver recomputes it over the bytes it
 * received and refuses a timestamp outside the replay window (docs/webhooks.md).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { Tier } from './access.ts';
import type { Briefing } from './briefing.ts';
import { schema } from './schema.ts';
import { GRADES, type Grade, gradeRank } from './scoring.ts';
import { type BriefingView, viewBriefing } from './visibility.ts';

/** What a partner can be told about: a publication (or a new version of one), a retraction. */
export const WEBHOOK_EVENTS = ['briefing.published', 'briefing.retracted'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** The headers of a delivery (lower case, as Node and most frameworks read them). */
export const WEBHOOK_HEADERS = {
  signature: 'signal-signature',
  timestamp: 'signal-timestamp',
  deliveryId: 'signal-delivery-id',
  event: 'signal-event',
} as const;

/** A receiver refuses a delivery whose timestamp is further than this from its clock (either way). */
export const REPLAY_WINDOW_SECONDS = 300;

/** Deliveries per second to one partner: the API destination's `InvocationRateLimitPerSecond`. */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 10;
export const MAX_RATE_LIMIT_PER_SECOND = 300;

const names = (what: string) =>
  z.optional(
    z
      .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)))
      .check(z.minLength(1), z.maxLength(50), z.describe(`Only briefings with one of these ${what}; absent: any`)),
  );

export const WebhookFilter = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      entityIds: names('entity ids among their entities'),
      signalTypes: names('signal types'),
      regions: names('regions'),
      minGrade: z.optional(z.enum(GRADES)).check(z.describe('Only briefings graded this or better')),
      events: z.optional(z.array(z.enum(WEBHOOK_EVENTS)).check(z.minLength(1), z.describe('Which events; absent: all'))),
    })
    .check(z.describe('Which briefings reach the partner: every condition given must hold')),
);
export type WebhookFilter = z.output<typeof WebhookFilter>;

export const WebhookInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.describe('The partner, for people')),
    url: z.string().check(z.maxLength(2000), z.describe('Where deliveries are POSTed: https (http only to 127.0.0.1 on the local stack)')),
    tier: Tier.check(z.describe('What the partner may read: deliveries are shaped for this tier')),
    filter: z._default(WebhookFilter, {}),
    rateLimitPerSecond: z._default(z.int().check(z.minimum(1), z.maximum(MAX_RATE_LIMIT_PER_SECOND)), DEFAULT_RATE_LIMIT_PER_SECOND),
  }),
);
export type WebhookInput = z.output<typeof WebhookInput>;

/** Webhook ids are made by the API (`wh_` and 26 base32 characters); anything else is refused before it reaches a key. */
export const WebhookId = /* @__PURE__ */ schema(() => z.string().check(z.regex(/^wh_[a-z0-9]{26}$/, 'must be a webhook id (wh_…)')));

/** A registered partner endpoint, as admins see it (never its secret). */
export const WebhookView = /* @__PURE__ */ schema(() =>
  z.object({
    webhookId: z.string(),
    name: z.string(),
    url: z.string(),
    tier: Tier,
    filter: WebhookFilter,
    rateLimitPerSecond: z.int(),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
    secretRotatedAt: z.iso.datetime().check(z.describe('When the current signing secret was made')),
    previousSecretValidUntil: z
      .optional(z.iso.datetime())
      .check(z.describe('After a rotation: until then deliveries also carry a signature with the previous secret')),
  }),
);
export type WebhookView = z.output<typeof WebhookView>;

/** The stored webhook: the view and its signing secret (readable only by the webhook functions). */
export interface Webhook extends WebhookView {
  signingSecret: string;
  /** The secret a rotation replaced, still signing beside the new one until `previousSecretValidUntil`. */
  previousSigningSecret?: string;
}

/** How long a rotated-out secret keeps signing by default, so a partner can switch without missing a delivery. */
export const DEFAULT_ROTATION_OVERLAP_HOURS = 24;
export const MAX_ROTATION_OVERLAP_HOURS = 72;

/** What an admin may send to rotate: how long the previous secret keeps signing (0 after a leak: at once no more). */
export const RotateInput = /* @__PURE__ */ schema(() =>
  z.optional(
    z.strictObject({
      overlapHours: z
        .int()
        .check(
          z.minimum(0),
          z.maximum(MAX_ROTATION_OVERLAP_HOURS),
          z.describe(`Hours the previous secret keeps signing beside the new one (default ${DEFAULT_ROTATION_OVERLAP_HOURS}; 0 after a leak)`),
        ),
    }),
  ),
);
export type RotateInput = z.output<typeof RotateInput>;

/** The webhook with a new secret; the current one keeps signing beside it for `overlapHours`. */
export function rotateSecret(w: Webhook, next: string, ctx: { now: Date; overlapHours: number }): Webhook {
  const { previousSigningSecret: _, previousSecretValidUntil: __, ...rest } = w;
  const until = new Date(ctx.now.getTime() + ctx.overlapHours * 3_600_000);
  return {
    ...rest,
    signingSecret: next,
    secretRotatedAt: ctx.now.toISOString(),
    ...(ctx.overlapHours > 0 ? { previousSigningSecret: w.signingSecret, previousSecretValidUntil: until.toISOString() } : {}),
  };
}

/** The secrets a delivery prepared at `now` is signed with: the current one, and the previous one while it overlaps. */
export function signingSecretsAt(w: Pick<Webhook, 'signingSecret' | 'previousSigningSecret' | 'previousSecretValidUntil'>, now: Date): string[] {
  const overlapping = w.previousSigningSecret && w.previousSecretValidUntil && now.getTime() < Date.parse(w.previousSecretValidUntil);
  return overlapping ? [w.signingSecret, w.previousSigningSecret!] : [w.signingSecret];
}

/** What the registration and a rotation answer: the view and the secret, shown this once. */
export const WebhookWithSecret = /* @__PURE__ */ schema(() =>
  z.object({
    ...WebhookView.shape,
    signingSecret: z.string().check(z.describe('The HMAC-SHA256 key deliveries are signed with; shown once: store it now')),
  }),
);

/** Hosts a local stack may deliver to over plain http. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why `url` cannot receive deliveries, or undefined when it can: https, no credentials, no fragment. A
 * deployment never delivers to a loopback host; the local stack (`allowLoopbackHttp`) delivers over plain
 * http to 127.0.0.1 only, where the tests' receivers listen.
 */
export function endpointProblem(url: string, opts: { allowLoopbackHttp: boolean }): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.username || parsed.password) return 'must not carry credentials';
  if (parsed.hash) return 'must not have a fragment';
  const loopback = LOOPBACK_HOSTS.has(parsed.hostname);
  if (parsed.protocol === 'http:' && opts.allowLoopbackHttp && loopback) return undefined;
  if (parsed.protocol !== 'https:') return opts.allowLoopbackHttp ? 'must be https (or http://127.0.0.1 locally)' : 'must be https';
  if (loopback && !opts.allowLoopbackHttp) return 'must not be a loopback host';
  return undefined;
}

/** What a filter is matched against: the briefing's public facts. */
export interface WebhookSubject {
  entityIds: readonly string[];
  signalType: string;
  region: string;
  grade: Grade;
}

export function subjectOf(b: Briefing): WebhookSubject {
  return {
    entityIds: b.entities.map((e) => e.entityId),
    signalType: b.sections.signalBrief.signalType,
    region: b.sections.signalBrief.region,
    grade: b.confidence.grade,
  };
}

/** Whether a partner is told of `event` about `subject`: every condition its filter gives holds. */
export function matchesFilter(filter: WebhookFilter, event: WebhookEventType, subject: WebhookSubject): boolean {
  if (filter.events && !filter.events.includes(event)) return false;
  if (filter.entityIds && !filter.entityIds.some((id) => subject.entityIds.includes(id))) return false;
  if (filter.signalTypes && !filter.signalTypes.includes(subject.signalType)) return false;
  if (filter.regions && !filter.regions.includes(subject.region)) return false;
  if (filter.minGrade && gradeRank(subject.grade) < gradeRank(filter.minGrade)) return false;
  return true;
}

/** What every delivery says about itself. */
interface DeliveryHead {
  /** Stable for one event and one partner: a retried or re-sent delivery has the same id, so the partner can drop a repeat. */
  deliveryId: string;
  type: WebhookEventType;
  /** When the change happened (the event's `occurredAt`), not when it was sent. */
  occurredAt: string;
  webhookId: string;
  tier: Tier;
}

export type WebhookPayload =
  | (DeliveryHead & { type: 'briefing.published'; briefing: BriefingView })
  | (DeliveryHead & { type: 'briefing.retracted'; briefingId: string; briefingVersion: number });

/** The delivery id of one event for one partner: the same on every retry and re-drive. */
export function deliveryIdOf(eventId: string, webhookId: string): string {
  return `dl_${createHash('sha256').update(`${eventId}\n${webhookId}`).digest('hex').slice(0, 32)}`;
}

/**
 * A publication as a partner of `tier` may read it: exactly what `viewBriefing` shows a reader of that
 * tier (no staff fields: a partner is never staff), sections above it as locked markers.
 */
export function publishedPayload(
  b: Briefing,
  webhook: Pick<WebhookView, 'webhookId' | 'tier'>,
  head: { deliveryId: string; occurredAt: string },
): WebhookPayload {
  return {
    ...head,
    type: 'briefing.published',
    webhookId: webhook.webhookId,
    tier: webhook.tier,
    briefing: viewBriefing(b, { tier: webhook.tier, roles: [] }),
  };
}

export function retractedPayload(
  r: { briefingId: string; briefingVersion: number },
  webhook: Pick<WebhookView, 'webhookId' | 'tier'>,
  head: { deliveryId: string; occurredAt: string },
): WebhookPayload {
  return {
    ...head,
    type: 'briefing.retracted',
    webhookId: webhook.webhookId,
    tier: webhook.tier,
    briefingId: r.briefingId,
    briefingVersion: r.briefingVersion,
  };
}

/** The body of a delivery: minified JSON, the exact bytes signed and sent. */
export const serializePayload = (payload: WebhookPayload): string => JSON.stringify(payload);

/**
 * The `Signal-Signature` value: `v1=` and the hex HMAC-SHA256 of `<timestamp>.<body>` under each secret (the current
 * one first; during a rotation's overlap, the previous one too), comma-separated.
 */
export function signDelivery(secrets: string | readonly string[], timestamp: number, body: string): string {
  return [secrets]
    .flat()
    .map((secret) => `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`)
    .join(',');
}

export type VerifyFailure = 'malformed' | 'outside-window' | 'signature-mismatch';
export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: VerifyFailure };

/**
 * What a receiver does with a delivery: the timestamp must be within `windowSeconds` of `now` (a replay
 * of an old delivery fails even with its valid signature), and one of the `v1=` signatures must be the
 * HMAC of `<timestamp>.<body>` under one of `secrets` (the current one; during a hand-over, the previous
 * one too), compared in constant time. `body` is the raw bytes received, never a re-serialized parse.
 */
export function verifyDelivery(input: {
  secrets: readonly string[];
  body: string | Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  now: Date;
  windowSeconds?: number;
}): VerifyResult {
  const { timestamp, signature } = input;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature) return { ok: false, reason: 'malformed' };
  const seconds = Number(timestamp);
  const window = input.windowSeconds ?? REPLAY_WINDOW_SECONDS;
  if (Math.abs(input.now.getTime() / 1000 - seconds) > window) return { ok: false, reason: 'outside-window' };
  const given = signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => Buffer.from(part.slice(3), 'hex'));
  if (given.length === 0) return { ok: false, reason: 'malformed' };
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  for (const secret of input.secrets) {
    const expected = createHmac('sha256', secret).update(`${seconds}.`, 'utf8').update(body).digest();
    if (given.some((g) => g.length === expected.length && timingSafeEqual(g, expected))) return { ok: true, timestamp: seconds };
  }
  return { ok: false, reason: 'signature-mismatch' };
}
