/**
 * The deployment's sign-up and request-access pages, for the functions that
 * draw lock screens (`rendersLocks` in functions/manifest.ts; set with
 * `cdk deploy -c signUpUrl=… -c requestAccessUrl=…`). Unset: domain/unlock.ts
 * leaves sign-up to the client and points requests at this API's route.
 */
import type { UnlockLinks } from '#domain/unlock.ts';
import { UNLOCK_ENV } from './env.ts';

export const unlockLinks = (): UnlockLinks => ({
  signUpUrl: process.env[UNLOCK_ENV.signUpUrl],
  requestAccessUrl: process.env[UNLOCK_ENV.requestAccessUrl],
});
