/** Small, valid inputs for tests; each test changes only what it is about. */
import { type Briefing, BriefingInput, createDraft } from '#domain/briefing.ts';
import type { EntityProfile } from '#domain/entity.ts';
import type { SourceKind, Stance } from '#domain/scoring.ts';
import { newSource, type Source, SourceInput } from '#domain/source.ts';

export const NOW = new Date('2026-06-20T08:00:00.000Z');

export const briefingInput = (overrides: Record<string, unknown> = {}) =>
  BriefingInput.parse({
    language: 'en',
    entities: [{ entityId: 'acme', name: 'Acme Networks' }],
    sections: {
      headline: 'Acme Networks pauses its northern fibre build',
      coverage: 'Acme is covered for operational-dependency signals in regional connectivity.',
      publishedReporting: 'Acme said it will pause construction for two quarters. The pause follows a permit dispute.',
      signalBrief: { signal: 'Build paused', signalType: 'Infrastructure', region: 'Europe', marketClass: 'Institutional' },
      operatingSurface: { affectedParties: ['Regional ISPs'], operatingSurface: 'Backhaul routes', marketExposure: 'Wholesale capacity' },
      marketContext: { operationalRelevance: 'High', timeHorizon: 'Next quarter' },
      whatToWatch: ['Permit rulings from the regional authority'],
      trendContext: 'CANARY-STRATEGY trend paragraph about regional fibre builds slowing down.',
      relationshipEvidence: [{ from: 'Acme', to: 'Northwind', relation: 'supplier', evidence: 'CANARY-LEADERSHIP contract filing' }],
      failurePaths: [{ path: 'CANARY-FAILURE regional outage risk grows', affected: 'Regional ISPs' }],
    },
    ...overrides,
  });

/** A draft by analyst-1; an `autoPublish` rule is stored exactly as given (`approvedBy` for one an editor approved). */
export const draft = (overrides: Record<string, unknown> = {}, briefingId = 'b-1'): Briefing => {
  const { autoPublish, ...rest } = overrides as { autoPublish?: Briefing['autoPublish'] };
  const b = createDraft(briefingInput(autoPublish ? { ...rest, autoPublish: { minGrade: autoPublish.minGrade } } : rest), {
    briefingId,
    by: 'analyst-1',
    now: NOW,
  });
  return autoPublish ? { ...b, autoPublish } : b;
};

const WORDS = (
  'acme network fibre route build permit county regional operator capacity backhaul wholesale pause quarter filing ' +
  'statement contractor crew tower spectrum licence carrier subsea cable landing station datacentre campus power grid ' +
  'budget delay dispute ruling investor lender bond rating outage repair customer partner supplier vendor price demand'
).split(' ');

/**
 * A deterministic text of about 40 words, different for every `n`: sources
 * built from different numbers are independent origins, never near-duplicates.
 */
export function sourceText(n: number, words = 40): string {
  let state = (n * 2654435761) >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % WORDS.length;
  };
  return `${Array.from({ length: words }, () => WORDS[next()]).join(' ')}.`;
}

/** A stored source of `kind`; its URL, publisher and text derive from `n`, so different numbers are independent sources. */
export const source = (
  kind: SourceKind,
  n: number,
  stance: Stance = 'supports',
  briefingId = 'b-1',
  overrides: Record<string, unknown> = {},
): Source =>
  newSource(
    SourceInput.parse({
      briefingId,
      url: `https://news${n}.example.com/story-${n}`,
      publisher: `Outlet ${n}`,
      kind,
      stance,
      title: `Story ${n}`,
      excerpt: sourceText(n),
      publishedAt: '2026-06-19T08:00:00Z',
      ...overrides,
    }),
    'analyst-1',
    NOW,
  );

/** An analyst-described company profile as stored: Scale AI unless told otherwise. */
export const entityProfile = (overrides: Partial<EntityProfile> = {}): EntityProfile => ({
  entityId: 'scale-ai',
  name: 'Scale AI',
  kind: 'company',
  aliases: [],
  origin: 'analyst',
  updatedAt: NOW.toISOString(),
  version: 1,
  // A public profile (a published briefing named it); pass `publishedAt: undefined` for one only a draft knows.
  publishedAt: NOW.toISOString(),
  ...overrides,
});
