/**
 * A staff change to a briefing made on the version the caller read: If-Match is required before
 * anything is read (428), the briefing must exist (404) and still be that version (412), and a
 * version that lands between the read and the write is a 412 too, never retried (a retry would
 * apply the change over a version the caller never saw). The change itself is the caller's, pure.
 */
import type { Briefing, BriefingSnapshot } from '#domain/briefing.ts';
import { NotFoundError } from '#domain/errors.ts';
import type { Source } from '#domain/source.ts';
import type { OutgoingEvent } from '#events/index.ts';
import { assertIfMatch, requireIfMatch, staleVersion } from './etag.ts';
import { loadBriefing, saveBriefing } from './table/briefings.ts';
import { VersionConflictError } from './table/versioning.ts';

export interface VersionedChange {
  briefing: Briefing;
  events: OutgoingEvent[];
  snapshot: BriefingSnapshot;
}

export async function changeOnVersionRead(
  briefingId: string,
  ifMatchHeader: string | undefined,
  now: Date,
  change: (current: Briefing, sources: Source[]) => VersionedChange,
): Promise<Briefing> {
  const ifMatch = requireIfMatch(ifMatchHeader);
  const loaded = await loadBriefing(briefingId);
  if (!loaded) throw new NotFoundError(`no briefing ${briefingId}`);
  assertIfMatch(ifMatch, loaded.briefing.version);
  const { briefing, events, snapshot } = change(loaded.briefing, loaded.sources);
  try {
    await saveBriefing(loaded.briefing, briefing, events, now, snapshot);
  } catch (error) {
    if (error instanceof VersionConflictError) throw staleVersion();
    throw error;
  }
  return briefing;
}
