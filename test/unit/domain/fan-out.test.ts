/**
 * The alert fan-out's plan (domain/fan-out.ts): walking an entity's followers part by part, page by
 * page, as alert-followers does, reaches every follower exactly once, whatever the ids and page size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { continuationId, type FanOutPart, FOLLOWER_SEGMENTS, inPart, rangeOf, remainderOf } from '#domain/fan-out.ts';

/** One page of a part over a sorted list of user ids, as the index Query with Limit reads it. */
function page(ids: readonly string[], part: FanOutPart, limit: number) {
  const { from, after } = rangeOf(part);
  const start = ids.filter((u) => (after !== undefined ? u > after : from !== undefined ? u >= from : true));
  const read = start.slice(0, limit);
  const userIds = read.filter((u) => inPart(part, u));
  return { userIds, read: read.length, last: userIds.at(-1), more: start.length > limit && userIds.length === read.length };
}

/** Walks every part to its end; returns each user id visited (with repeats) and the parts made. */
function walk(ids: readonly string[], pageSize: number) {
  const sorted = [...new Set(ids)].sort();
  const visited: string[] = [];
  const queue: FanOutPart[] = [{ entityId: 'meta', page: 1 }];
  const parts: FanOutPart[] = [];
  while (queue.length > 0) {
    const part = queue.shift()!;
    parts.push(part);
    const p = page(sorted, part, pageSize);
    visited.push(...p.userIds);
    queue.push(...remainderOf(part, { ...(p.last !== undefined ? { last: p.last } : {}), more: p.more, fullPage: p.read === pageSize }));
  }
  return { sorted, visited, parts };
}

const hexId = fc.uuid();
const anyId = fc.oneof(hexId, fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom('0', 'f', 'ffff', 'g', 'Z', '~'));

describe('alert fan-out plan', () => {
  it('reaches every follower exactly once, for any ids and page size (500 runs)', () => {
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (ids, pageSize) => {
        const { sorted, visited } = walk(ids, pageSize);
        expect([...visited].sort()).toEqual(sorted); // each once (segments go on side by side, so not in order)
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it('splits a following larger than a page into the segments still ahead, then continues each on its own', () => {
    // Prepare: 64 hex ids, 4 per first character
    const ids = [...'0123456789abcdef'].flatMap((c) => [0, 1, 2, 3].map((i) => `${c}${i}-user`));
    // Act
    const first = remainderOf({ entityId: 'meta', page: 1 }, { last: '13-user', more: true, fullPage: true });
    const { visited, parts } = walk(ids, 8);
    // Assess
    expect(first).toEqual([
      { entityId: 'meta', segment: 1, after: '13-user', page: 1 },
      ...Array.from({ length: FOLLOWER_SEGMENTS - 2 }, (_, i) => ({ entityId: 'meta', segment: i + 2, page: 1 })),
    ]);
    expect(visited).toHaveLength(64);
    expect(new Set(parts.map((p) => continuationId('b-1', 2, p))).size).toBe(parts.length); // every continuation has its own id
  });

  it('continues a part that did not fill a page as it was, after its last follower', () => {
    expect(remainderOf({ entityId: 'meta', page: 1 }, { last: 'u-3', more: true, fullPage: false })).toEqual([
      { entityId: 'meta', after: 'u-3', page: 2 },
    ]);
    expect(remainderOf({ entityId: 'meta', segment: 4, after: '4a', page: 2 }, { last: '4f', more: true, fullPage: true })).toEqual([
      { entityId: 'meta', segment: 4, after: '4f', page: 3 },
    ]);
    expect(remainderOf({ entityId: 'meta', page: 1 }, { last: 'u-3', more: false, fullPage: true })).toEqual([]);
  });
});
