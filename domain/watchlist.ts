/**
 * Watchlists and alerts: a member follows at most {@link WATCHLIST_CAP} entities, and each published
 * version of a briefing that names one of them leaves the member one alert (stored with the briefing's
 * public summary then, read against its status now). Stored in the member's partition
 * (functions/commons/table/watchlist.ts).
 */
import * as z from 'zod/mini';
import type { Briefing } from './briefing.ts';
import { ENTITY_KINDS } from './entity.ts';
import { ConflictError } from './errors.ts';
import { schema } from './schema.ts';
import { BriefingSummary, SectionAccess } from './visibility.ts';

/** The most entities one member follows. */
export const WATCHLIST_CAP = 200;

/** Following one more entity than the cap allows. */
export const watchlistFull = () =>
  new ConflictError(`a watchlist holds at most ${WATCHLIST_CAP} entities: unfollow one first`, { limit: WATCHLIST_CAP });

/** One followed entity, with the name and kind it had when followed. */
export const WatchEntry = /* @__PURE__ */ schema(() =>
  z.object({
    entityId: z.string(),
    name: z.string(),
    kind: z.enum(ENTITY_KINDS),
    followedAt: z.iso.datetime(),
  }),
);
export type WatchEntry = z.output<typeof WatchEntry>;

/**
 * An alert: a briefing version that names entities the member follows, with its public summary only
 * (`alertedAt`: when the announced version was made, `versionAt` else `publishedAt`, its place newest first).
 */
export const Alert = /* @__PURE__ */ schema(() =>
  z.object({
    briefingId: z.string(),
    briefingVersion: z.number().check(z.int(), z.minimum(1)),
    alertedAt: z.iso.datetime().check(z.describe('When the announced version was made')),
    entityIds: z.array(z.string()).check(z.describe('The followed entities the briefing names')),
    briefing: BriefingSummary,
  }),
);
export type Alert = z.output<typeof Alert>;

/** An alert as its member reads it: the summary only while the briefing is published. */
export const AlertView = /* @__PURE__ */ schema(() => {
  const { briefing: _, ...withoutSummary } = Alert.shape;
  return z.union([
    z.extend(Alert, {
      status: z.literal('published'),
      sections: SectionAccess.check(z.describe("Which of the briefing's sections the caller's tier reads now")),
    }),
    z
      .object({ ...withoutSummary, status: z.literal('retracted') })
      .check(z.describe('The briefing was retracted since the alert: nothing of its content is shown')),
  ]);
});
export type AlertView = z.output<typeof AlertView>;

/**
 * An alert judged against its briefing's status NOW: a briefing retracted (or gone) since the alert was
 * written shows as retracted, with nothing of its content (no headline, no summary, no sections).
 */
export function alertView(alert: Alert, briefingStatus: Briefing['status'] | undefined, access: SectionAccess): AlertView {
  const { briefing, ...rest } = alert;
  return briefingStatus === 'published' ? { ...rest, briefing, status: 'published', sections: access } : { ...rest, status: 'retracted' };
}
