/**
 * Dates for tests that run against the wall clock (the local stack, handlers
 * that stamp `new Date()`): every one is derived from the instant the test
 * reads as "now", and none can land after it, whatever the calendar says.
 *
 * Tests that need a fixed instant use `NOW` (fixtures.ts) with fake timers
 * instead; the two are never mixed in one comparison.
 */

const DAY_MS = 24 * 3600 * 1000;

/** `ms` milliseconds before `now`. */
export const before = (now: Date, ms: number): Date => new Date(now.getTime() - ms);

/** `days` days after `now` (negative: before), as an ISO string, e.g. an entitlement's `validUntil`. */
export const inDays = (days: number, now = new Date()): string => new Date(now.getTime() + days * DAY_MS).toISOString();

/**
 * An instant in the UTC month `monthsBack` months before `now`'s, never after
 * `now`: `monthsBack` 0 is `offsetMs` (+1 s) before `now`, which can fall in
 * the previous month in the first seconds of a month; older months are
 * counted from their first instant, `offsetMs` (less than 28 days) into it.
 */
export function inMonthBefore(now: Date, monthsBack: number, offsetMs: number): Date {
  if (offsetMs < 0 || offsetMs >= 28 * DAY_MS) throw new Error(`offsetMs must be within a month's first 28 days, got ${offsetMs}`);
  if (monthsBack === 0) return before(now, offsetMs + 1000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1) + offsetMs);
}
