/** Configuration from the environment, read once; a missing variable fails loudly at first use. */
import { ENV } from '../manifest.ts';

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
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
};
