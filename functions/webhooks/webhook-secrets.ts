/**
 * What the webhook admin routes share: new ids, secrets and tokens (random, so not in domain/), and the
 * admin's view of a webhook without its secret.
 */
import { randomBytes } from 'node:crypto';
import type { Webhook, WebhookView } from '#domain/webhooks.ts';

/** `wh_` and 26 lower-case hex characters (104 random bits). */
export const newWebhookId = (): string => `wh_${randomBytes(13).toString('hex')}`;
/** The HMAC key: 256 random bits, `whsec_`-prefixed so that a leaked one is recognisable in a scan. */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
/** The connection's API key (functions/webhooks/destinations.ts TOKEN_HEADER): 256 random bits. */
export const newDeliveryToken = (): string => randomBytes(32).toString('base64url');

/** A webhook as admins see it: everything but the signing secret. */
export function viewOf(w: Webhook): WebhookView {
  const { signingSecret: _, previousSigningSecret: __, ...view } = w;
  return view;
}
