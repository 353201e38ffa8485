/**
 * The publisher's floor for auto-publish rules, from the environment (the stage's `autoPublishFloor`,
 * infra/stage-config.ts). Its own module so that only the functions that apply rules carry the grades.
 */
import { DEFAULT_AUTO_PUBLISH_FLOOR } from '#domain/briefing.ts';
import { GRADES, type Grade } from '#domain/scoring.ts';
import { ENV } from './env.ts';

/** `AUTO_PUBLISH_FLOOR`, or the default (B/C) when unset; anything but a grade fails loudly. */
export function autoPublishFloor(): Grade {
  const raw = process.env[ENV.autoPublishFloor];
  if (raw === undefined || raw === '') return DEFAULT_AUTO_PUBLISH_FLOOR;
  if (!(GRADES as readonly string[]).includes(raw)) throw new Error(`${ENV.autoPublishFloor} must be one of ${GRADES.join(', ')}, got "${raw}"`);
  return raw as Grade;
}
