/**
 * Issue 16, point 1: a profile a draft creates is unknown to readers until a published briefing names
 * the entity (or an editor publishes the profile): the writes a briefing's save makes for its entities.
 */
import { describe, expect, it } from 'vitest';
import { type Briefing, editBriefing } from '#domain/briefing.ts';
import { entityWrites } from '#functions/commons/table/entities.ts';
import { draft, NOW } from '#test/support/fixtures.ts';

const later = new Date(NOW.getTime() + 3_600_000);
const entities = [
  { entityId: 'acme', name: 'Acme Networks', kind: 'company' as const },
  { entityId: 'northwind', name: 'Northwind', kind: 'company' as const },
];
/** The briefing as publishing leaves it (the publishing checks are domain/briefing.ts's and tested there). */
const publish = (b: Briefing, ctx: { now: Date }): Briefing => ({
  ...b,
  status: 'published',
  publishedAt: ctx.now.toISOString(),
  updatedAt: ctx.now.toISOString(),
  version: b.version + 1,
});
/** Per written profile: its key and the value it would set `publishedAt` to if absent (undefined: it stays unpublished). */
const writes = (items: ReturnType<typeof entityWrites>) =>
  items.map((i) => [
    i.Update!.Key!['pk'],
    i.Update!.UpdateExpression!.includes('#publishedAt') ? i.Update!.ExpressionAttributeValues![':publishedAt'] : undefined,
  ]);

describe('entity profiles a briefing writes', () => {
  it('creates the profiles a draft names without making them public', () => {
    // Prepare
    const b = draft({ entities });
    // Act
    const items = entityWrites(undefined, b);
    // Assess
    expect(writes(items)).toEqual([
      ['ENTITY#acme', undefined],
      ['ENTITY#northwind', undefined],
    ]);
    for (const i of items) expect(i.Update!.UpdateExpression).toMatch(/^SET (#\w+ = if_not_exists\(#\w+, :\w+\)(, )?)+$/);
  });

  it('makes every entity of a briefing public when it is published (if not public already), at the publication', () => {
    const before = draft({ entities });
    const after = publish(before, { now: later });
    expect(writes(entityWrites(before, after))).toEqual([
      ['ENTITY#acme', later.toISOString()],
      ['ENTITY#northwind', later.toISOString()],
    ]);
  });

  it('makes an entity an edit adds to a published briefing public at once, and leaves those already named alone', () => {
    const published = publish(draft({ entities: entities.slice(0, 1) }), { now: NOW });
    // The edit as edit-briefing stores it (its checks are domain/briefing.ts's).
    const edited: Briefing = { ...published, entities, version: published.version + 1, updatedAt: later.toISOString() };
    expect(writes(entityWrites(published, edited))).toEqual([['ENTITY#northwind', later.toISOString()]]);
  });

  it('leaves an entity an edit adds to a draft unpublished', () => {
    const before = draft({ entities: entities.slice(0, 1) });
    const { briefing: edited } = editBriefing(before, { entities }, { by: 'analyst-1', now: later });
    expect(writes(entityWrites(before, edited))).toEqual([['ENTITY#northwind', undefined]]);
  });
});
