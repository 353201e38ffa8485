/**
 * Feed entries (STUB: the seam is fixed, the implementation is in progress).
 *
 * feedWrites(prev, next): the puts/deletes that keep a briefing's feed entries in
 * step with its new state; the caller adds them to the same transaction as the
 * briefing itself. listFeed: one page of published briefings, newest first.
 */
import type { Briefing } from '../../../domain/briefing.ts';
import type { Grade } from '../../../domain/scoring.ts';
import type { BriefingSummary } from '../../../domain/visibility.ts';
import type { TransactItem } from './transact.ts';

export interface FeedFilter {
  signalType?: string;
  region?: string;
  marketClass?: string;
  entityId?: string;
  minGrade?: Grade;
  language?: string;
}

export function feedWrites(_prev: Briefing | undefined, _next: Briefing): TransactItem[] {
  return [];
}

export async function listFeed(_filter: FeedFilter, _page: { limit: number; cursor?: string }): Promise<{ items: BriefingSummary[]; nextCursor?: string }> {
  return { items: [] };
}
