/**
 * Entity records (STUB: the seam is fixed, the implementation is in progress).
 *
 * entityWrites(prev, next): the writes that make sure every entity a briefing
 * names has a profile (created from the briefing's reference if absent, never
 * overwriting an analyst's profile); the caller adds them to its transaction.
 */
import type { Briefing } from '../../../domain/briefing.ts';
import type { TransactItem } from './transact.ts';

export function entityWrites(_prev: Briefing | undefined, _next: Briefing): TransactItem[] {
  return [];
}
