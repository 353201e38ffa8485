/**
 * Alert fan-out in pages (issue 14, point 5): which followers the next invocation of `alert-followers`
 * reads, so that no invocation handles more than a page and a million followers of one entity are
 * alerted by many short invocations, partly in parallel.
 *
 * A *part* is a range of one entity's followers, in the order of the followers index (by user id).
 * An unsegmented part covers them all; a large following is split into {@link FOLLOWER_SEGMENTS}
 * segments by the first character of the user id (user ids are Cognito subs, lowercase hex UUIDs;
 * any other id still falls in exactly one segment, as the segments cover every string), and each
 * segment is continued page by page on its own. `after` is the last user id a page reached.
 */

/** Lower bounds of the segments after the first ('' .. '1', '1' .. '2', …, 'f' .. the end). */
export const SEGMENT_BOUNDS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'] as const;
export const FOLLOWER_SEGMENTS = SEGMENT_BOUNDS.length + 1;

export interface FanOutPart {
  entityId: string;
  /** 0 .. FOLLOWER_SEGMENTS - 1; absent: every follower of the entity. */
  segment?: number;
  /** The last user id already handled in this part (exclusive lower bound). */
  after?: string;
  /** 1 for the first page of the part; part of the continuation's event id. */
  page: number;
}

/** The user ids a part covers: `from` inclusive (or the start), `to` exclusive (or the end), after `after`. */
export function rangeOf(part: FanOutPart): { from?: string; to?: string; after?: string } {
  const from = part.segment ? SEGMENT_BOUNDS[part.segment - 1] : undefined;
  const to = part.segment === undefined ? undefined : SEGMENT_BOUNDS[part.segment];
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(part.after ? { after: part.after } : {}) };
}

/** True when a user id (from the index) lies in the part's segment. */
export function inPart(part: FanOutPart, userId: string): boolean {
  const { from, to } = rangeOf(part);
  return (from === undefined || userId >= from) && (to === undefined || userId < to);
}

/**
 * What remains of a part after one page of it: nothing when the page reached its end; else the same
 * part after the page's last user id; or, when an unsegmented part has more after a full page (a
 * following larger than one invocation handles), every segment from the one holding that user id on,
 * so the rest goes on in parallel.
 */
export function remainderOf(part: FanOutPart, page: { last?: string; more: boolean; fullPage: boolean }): FanOutPart[] {
  if (!page.more || page.last === undefined) return [];
  const last = page.last;
  if (part.segment !== undefined || !page.fullPage) return [{ ...withoutAfter(part), after: last, page: part.page + 1 }];
  const parts: FanOutPart[] = [];
  for (let segment = 0; segment < FOLLOWER_SEGMENTS; segment++) {
    const seg: FanOutPart = { entityId: part.entityId, segment, page: 1 };
    const { from, to } = rangeOf(seg);
    if (to !== undefined && to <= last) continue; // wholly handled already
    parts.push(from === undefined || from <= last ? { ...seg, after: last } : seg);
  }
  return parts;
}

const withoutAfter = ({ after: _, ...rest }: FanOutPart): FanOutPart => rest;

/** A part's continuation is announced once: its event id names the change and the page. */
export function continuationId(briefingId: string, briefingVersion: number, part: FanOutPart): string {
  return `alerts_${briefingId}_${briefingVersion}_${part.entityId}_${part.segment ?? 'all'}_${part.page}`;
}
