/** The email functions' configuration (EMAIL_ENV), read at first use; a missing variable fails loudly. */
import { requireEnv, requireSigningKey } from './config.ts';
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
    return requireSigningKey(EMAIL_ENV.tokenKey);
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
