/** Configuration from the environment, read once; a missing variable fails loudly at first use. */
import { FEED_START_MONTH, MONTH_PATTERN } from '#domain/feed.ts';
import { ENV } from './env.ts';

/** A revoked or expired entitlement stops gated access within this many seconds. */
export const MAX_ENTITLEMENT_CACHE_SECONDS = 60;

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

/** An HMAC key from the environment: at least 32 characters, so a guessed key forges nothing. */
export function requireSigningKey(name: string): string {
  const key = requireEnv(name);
  if (key.length < 32) throw new Error(`${name} must be at least 32 characters`);
  return key;
}

export const config = {
  get tableName() {
    return requireEnv(ENV.tableName);
  },
  get eventBusName() {
    return requireEnv(ENV.eventBusName);
  },
  get jwtIssuer() {
    return requireEnv(ENV.jwtIssuer);
  },
  get jwtAudience() {
    return requireEnv(ENV.jwtAudience);
  },
  get userPoolId() {
    return requireEnv(ENV.userPoolId);
  },
  /** The key feed cursors are signed with; at least 32 characters, so a guessed key forges nothing. */
  get cursorSigningKey() {
    return requireSigningKey(ENV.cursorSigningKey);
  },
  /** The oldest month the feed holds entries for: where a read stops walking back. */
  get feedStartMonth() {
    const month = process.env[ENV.feedStartMonth] || FEED_START_MONTH;
    if (!MONTH_PATTERN.test(month)) throw new Error(`${ENV.feedStartMonth} must be a month such as 2026-11, got "${month}"`);
    return month;
  },
  /** How long a function may reuse an entitlement record it read: 0-60 s, 60 when unset (the revocation promise is 60 s). */
  get entitlementCacheSeconds() {
    const raw = process.env[ENV.entitlementCacheSeconds];
    if (raw === undefined || raw === '') return MAX_ENTITLEMENT_CACHE_SECONDS;
    const seconds = Number(raw);
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_ENTITLEMENT_CACHE_SECONDS) {
      throw new Error(`${ENV.entitlementCacheSeconds} must be a number of seconds from 0 to ${MAX_ENTITLEMENT_CACHE_SECONDS}, got "${raw}"`);
    }
    return seconds;
  },
};
