import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer, viewerFromGroups } from '#domain/access.ts';
import { type EntityProfile, EntityProfileInput, replaceProfile } from '#domain/entity.ts';
import { ValidationError } from '#domain/errors.ts';
import { sectionAccess, viewEntity } from '#domain/visibility.ts';
import { entityWrites } from '#functions/commons/table/entities.ts';
import { draft, entityProfile, NOW } from '#test/support/fixtures.ts';

const strategy = viewerFromGroups('u-1', ['strategy-circle']);
const leadership = viewerFromGroups('u-2', ['leadership-alliance']);
const analyst = viewerFromGroups('u-3', ['analysts']);
const revoked: Viewer = { userId: 'u-4', tier: 'public', roles: [] };

const input = (overrides: Record<string, unknown> = {}) =>
  EntityProfileInput.parse({
    name: 'Meta',
    kind: 'company',
    aliases: [{ language: 'zh', name: 'Meta 平台' }],
    coverage: 'Covered for its AI investments and data-centre build-out.',
    relationships: [
      {
        relation: 'investor in',
        target: 'scale-ai',
        since: '2025-06',
        summary: 'Took a minority stake in Scale AI.',
        evidence: [{ text: 'CANARY-EVIDENCE filing excerpt', url: 'https://example.com/demo/filing' }],
      },
    ],
    ...overrides,
  });
const names = new Map([['scale-ai', 'Scale AI']]);
const ctx = { by: 'analyst-1', now: NOW, names };

describe('replacing an entity profile', () => {
  it('names both ends of each relationship and bumps the version', () => {
    // Prepare
    const prev: EntityProfile = {
      entityId: 'meta',
      name: 'Meta',
      kind: 'company',
      aliases: [],
      origin: 'briefing',
      updatedAt: NOW.toISOString(),
      version: 0,
    };
    // Act
    const { profile, relationships } = replaceProfile('meta', input(), prev, ctx);
    // Assess
    expect(profile).toMatchObject({ entityId: 'meta', origin: 'analyst', version: 1, updatedBy: 'analyst-1' });
    expect(relationships).toEqual([
      expect.objectContaining({
        from: { entityId: 'meta', name: 'Meta' },
        relation: 'investor in',
        to: { entityId: 'scale-ai', name: 'Scale AI' },
        since: '2025-06',
      }),
    ]);
  });

  it.each([
    ['an unknown target', [{ relation: 'partner of', target: 'nowhere', summary: 'x' }], '#/relationships/0/target'],
    ['a link to itself', [{ relation: 'partner of', target: 'meta', summary: 'x' }], '#/relationships/0/target'],
    [
      'the same link twice',
      [
        { relation: 'investor in', target: 'scale-ai', summary: 'x' },
        { relation: 'investor in', target: 'scale-ai', summary: 'y' },
      ],
      '#/relationships/1',
    ],
  ])('refuses %s, naming the field', (_, relationships, pointer) => {
    const act = () => replaceProfile('meta', input({ relationships }), undefined, ctx);
    expect(act).toThrow(ValidationError);
    try {
      act();
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.pointer)).toContain(pointer);
    }
  });

  it('accepts only the relations of the vocabulary and slug targets', () => {
    expect(EntityProfileInput.safeParse({ ...input(), relationships: [{ relation: 'invests in', target: 'scale-ai', summary: 'x' }] }).success).toBe(
      false,
    );
    expect(EntityProfileInput.safeParse({ ...input(), relationships: [{ relation: 'partner of', target: 'Scale AI', summary: 'x' }] }).success).toBe(
      false,
    );
  });
});

describe('what each tier sees of an entity', () => {
  const { profile, relationships } = replaceProfile('meta', input(), undefined, ctx);
  const incoming = {
    from: { entityId: 'alexandr-wang', name: 'Alexandr Wang' },
    relation: 'executive moved to' as const,
    to: { entityId: 'meta', name: 'Meta' },
    summary: 'Joined Meta.',
    evidence: [{ text: 'CANARY-EVIDENCE memo' }],
  };

  it.each([
    ['anonymous', ANONYMOUS],
    ['Strategy Circle', strategy],
    ['a revoked member', revoked],
  ])('%s sees every relationship, each evidence a locked marker naming Leadership Alliance', (_, viewer) => {
    // Act
    const view = viewEntity(profile, [...relationships, incoming], viewer);
    // Assess
    expect(view.relationships.map((r) => [r.direction, r.relation, r.summary])).toEqual([
      ['outgoing', 'investor in', 'Took a minority stake in Scale AI.'],
      ['incoming', 'executive moved to', 'Joined Meta.'],
    ]);
    for (const r of view.relationships) expect(r.evidence).toEqual({ tier: 'leadership-alliance', locked: true, unlockTier: 'leadership-alliance' });
    expect(JSON.stringify(view)).not.toMatch(/CANARY/);
  });

  it.each([
    ['Leadership Alliance', leadership],
    ['staff', analyst],
  ])('%s reads the evidence', (_, viewer) => {
    const view = viewEntity(profile, [incoming, ...relationships], viewer);
    expect(view.relationships.map((r) => r.evidence.locked)).toEqual([false, false]);
    expect(JSON.stringify(view)).toMatch(/CANARY-EVIDENCE filing excerpt/);
  });

  it('marks the direction on the target: the same link shows as incoming on the other page', () => {
    const target = entityProfile();
    expect(viewEntity(target, relationships, ANONYMOUS).relationships[0]).toMatchObject({
      direction: 'incoming',
      from: { name: 'Meta' },
      to: { name: 'Scale AI' },
    });
  });

  it("says which of a briefing's sections a tier reads now", () => {
    expect(sectionAccess(revoked).locked.map((s) => s.name)).toEqual(['trendContext', 'relationshipEvidence', 'failurePaths', 'sourceNotes']);
    expect(sectionAccess(strategy).unlocked).toContain('trendContext');
    expect(sectionAccess(leadership).locked).toEqual([]);
  });
});

describe('entity profiles a briefing ensures (entityWrites)', () => {
  it('creates a minimal profile only for entities new in the briefing, never overwriting one', () => {
    // Prepare
    const prev = draft();
    const next = draft({
      entities: [
        { entityId: 'acme', name: 'Acme Networks' },
        { entityId: 'northwind', name: 'Northwind', kind: 'company' },
      ],
    });
    // Act
    const writes = entityWrites(prev, next);
    // Assess
    expect(writes).toHaveLength(1);
    const update = writes[0]!.Update!;
    expect(update.Key).toEqual({ pk: 'ENTITY#northwind', sk: 'PROFILE' });
    expect(update.ConditionExpression).toBeUndefined();
    const assignments = update.UpdateExpression!.replace(/^SET /, '').split(/,\s*(?=#)/);
    for (const a of assignments) expect(a).toMatch(/^(#\w+) = if_not_exists\(\1, :\w+\)$/);
    expect(update.ExpressionAttributeValues).toMatchObject({ ':name': 'Northwind', ':kind': 'company', ':origin': 'briefing', ':version': 0 });
  });

  it('ensures every entity of a new briefing, each once', () => {
    const next = draft({
      entities: [
        { entityId: 'acme', name: 'Acme' },
        { entityId: 'acme', name: 'Acme again' },
      ],
    });
    expect(entityWrites(undefined, next).map((w) => w.Update!.Key)).toEqual([{ pk: 'ENTITY#acme', sk: 'PROFILE' }]);
  });
});
