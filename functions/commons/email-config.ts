/** The email functions' configuration (EMAIL_ENV), read at first use; a missing variable fails loudly. */
import { requireEnv } from './config.ts';
import { EMAIL_ENV } from './env.ts';

export const emailConfig = {
  get from() {
    return requireEnv(EMAIL_ENV.from);
  },
  get configurationSet() {
    return requireEnv(EMAIL_ENV.configurationSet);
  },
  /** The unsubscribe links' key; at least 32 characters, so a guessed key forges nothing. */
  get tokenKey() {
    const key = requireEnv(EMAIL_ENV.tokenKey);
    if (key.length < 32) throw new Error(`${EMAIL_ENV.tokenKey} must be at least 32 characters`);
    return key;
  },
  /** Without a trailing slash. */
  get publicApiUrl() {
    return requireEnv(EMAIL_ENV.publicApiUrl).replace(/\/+$/, '');
  },
  get sendQueueUrl() {
    return requireEnv(EMAIL_ENV.sendQueueUrl);
  },
  get planQueueUrl() {
    return requireEnv(EMAIL_ENV.planQueueUrl);
  },
};
