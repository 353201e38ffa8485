/**
 * The gating decision: what a viewer may see of a briefing. Every read path
 * goes through here. A locked section says that it exists and which tier
 * unlocks it, and nothing else: no content, no length, no hint.
 */
import * as z from 'zod/mini';
import { Tier, tierRank, type Viewer } from './access.ts';
import { AutoPublishRule, BRIEFING_STATUSES, type Briefing, EntityRef, PendingRevision, SourceNote } from './briefing.ts';
import { ENTITY_KINDS, EntityEnd, type EntityProfile, Evidence, RELATIONS, type Relationship } from './entity.ts';
import { schema } from './schema.ts';
import { Confidence, GRADES } from './scoring.ts';
import { SECTIONS, type SectionName, WrittenSections } from './sections.ts';
import { UnlockOffer } from './unlock.ts';

// What readers are shown, as zod schemas: the types are inferred from them, and the OpenAPI document
// (contracts/responses.ts) names them, with these descriptions.

const SectionNames = /* @__PURE__ */ schema(() => z.enum(SECTIONS.map((s) => s.name) as [SectionName, ...SectionName[]]));

export const LockedSection = /* @__PURE__ */ schema(() =>
  z
    .object({
      name: SectionNames,
      title: z.string(),
      tier: Tier,
      locked: z.literal(true),
      unlockTier: Tier.check(z.describe('The tier that unlocks it')),
      unlock: z.optional(UnlockOffer).check(z.describe('How to unlock it (GET /briefings/{briefingId}), in the served language')),
    })
    .check(
      z.describe(
        "A section above the caller's tier: it says that it exists, which tier unlocks it and how to get that tier, nothing about its content.",
      ),
    ),
);

/** A section readable by the caller, or a locked marker; one readable variant per section, so each section's content is documented. */
export const SectionView = /* @__PURE__ */ schema(() => {
  const contentOf = (name: SectionName): z.core.$ZodType => {
    if (name === 'confidence') return Confidence;
    if (name === 'sourceNotes') return z.array(SourceNote);
    return WrittenSections.shape[name];
  };
  const readable = SECTIONS.map(({ name, title }) =>
    z
      .object({
        name: z.literal(name),
        title: z.string(),
        tier: Tier.check(z.describe('The lowest tier that reads it')),
        locked: z.literal(false),
        content: contentOf(name),
      })
      .check(z.meta({ title: `${title} (readable)` })),
  );
  return z.union([...readable, LockedSection]);
});
export type SectionView = z.output<typeof SectionView>;

/**
 * What a locked marker says about unlocking its tier, in the served language (domain/unlock.ts's
 * unlockOffer with the deployment's links). Handed in by the reader's route, so that routes that
 * only ever answer staff (who see every section) do not carry the texts.
 */
export type LockScreen = (tier: Tier, language: string) => UnlockOffer;

export const BriefingView = /* @__PURE__ */ schema(() =>
  z
    .object({
      briefingId: z.string(),
      status: z.enum(BRIEFING_STATUSES),
      language: z.string().check(z.describe('The language the sections are served in (`?lang=`, else Accept-Language, else the original)')),
      originalLanguage: z.string().check(z.describe('The language the briefing was written in')),
      availableLanguages: z.array(z.string()).check(z.describe('The original language first, then each translation')),
      publishedAt: z.optional(z.iso.datetime()),
      updatedAt: z.iso.datetime(),
      entities: z.array(EntityRef),
      related: z.array(z.string()).check(z.describe('Ids of related briefings')),
      viewerTier: Tier.check(z.describe('The tier the briefing was shaped for')),
      sections: z.array(SectionView).check(z.describe('Every section of the brief, in page order')),
      // Staff only: the rule (only an approved one publishes), and an edit of the published briefing waiting for an editor.
      autoPublish: z.optional(AutoPublishRule),
      pendingRevision: z.optional(PendingRevision),
    })
    .check(z.describe("A briefing shaped for the caller's tier: sections above it are locked markers.")),
);
export type BriefingView = z.output<typeof BriefingView>;

export function canRead(viewer: Viewer, tier: Tier): boolean {
  return tierRank(viewer.tier) >= tierRank(tier);
}

/** Drafts are visible to staff only; to everyone else they do not exist. */
export function isVisible(b: Pick<Briefing, 'status'>, viewer: Viewer): boolean {
  return b.status === 'published' || viewer.roles.length > 0;
}

/**
 * Which stored parts of a briefing a viewer's read needs: `public` (the head
 * and the public sections), `member` (+ the sections above public) or `staff`
 * (+ what only staff see). The table module maps each to one key range.
 */
export type BriefingParts = 'public' | 'member' | 'staff';

export function partsFor(viewer: Viewer): BriefingParts {
  if (viewer.roles.length > 0) return 'staff';
  return viewer.tier === 'public' ? 'public' : 'member';
}

/** The languages a briefing can be read in: the original first, then its translations. */
export function languagesOf(b: Pick<Briefing, 'language' | 'translations'>): string[] {
  return [
    b.language,
    ...Object.keys(b.translations ?? {})
      .filter((l) => l !== b.language)
      .sort(),
  ];
}

function sectionContent(b: Briefing, sections: WrittenSections, name: SectionName, viewer: Viewer): unknown {
  if (name === 'confidence') return b.confidence;
  // Withdrawn and publisher-retracted sources are not evidence; who took them out and why is for staff.
  if (name === 'sourceNotes') return viewer.roles.length > 0 ? b.sourceNotes : b.sourceNotes.filter((n) => n.state === undefined);
  return sections[name];
}

/**
 * The briefing shaped for `viewer`, in `language` when it has that translation (else in its original
 * language). With `lockScreen`, each locked marker also says how to unlock it, in the served language.
 */
export function viewBriefing(b: Briefing, viewer: Viewer, language: string = b.language, lockScreen?: LockScreen): BriefingView {
  const translation = language === b.language ? undefined : b.translations?.[language];
  const served = translation ? language : b.language;
  const sections = translation ?? b.sections;
  return {
    briefingId: b.briefingId,
    status: b.status,
    language: served,
    originalLanguage: b.language,
    availableLanguages: languagesOf(b),
    ...(b.publishedAt ? { publishedAt: b.publishedAt } : {}),
    updatedAt: b.updatedAt,
    entities: b.entities,
    related: b.related,
    viewerTier: viewer.tier,
    sections: SECTIONS.map(({ name, title, tier }) =>
      canRead(viewer, tier)
        ? { name, title, tier, locked: false, content: sectionContent(b, sections, name, viewer) }
        : { name, title, tier, locked: true, unlockTier: tier, ...(lockScreen ? { unlock: lockScreen(tier, served) } : {}) },
    ),
    // What only staff decide on (absent ones are dropped by JSON); readers never read the parts that hold them, nor are shown them here.
    ...(viewer.roles.length > 0 && { autoPublish: b.autoPublish, pendingRevision: b.pendingRevision }),
  };
}

/** A list item: public sections only, the same for every viewer. */
export const BriefingSummary = /* @__PURE__ */ schema(() =>
  z
    .object({
      briefingId: z.string(),
      language: z.string().check(z.describe("The headline's language: the original's, or a translation's when the feed is filtered by `language`")),
      originalLanguage: z.optional(z.string().check(z.describe('Present when the headline is a translation: the original language'))),
      publishedAt: z.iso.datetime(),
      headline: z.string(),
      signalType: z.string(),
      region: z.string(),
      score: z.number().check(z.minimum(0), z.maximum(1)),
      grade: z.enum(GRADES),
      label: z.string(),
      disputed: z.optional(z.literal(true)).check(z.describe('Present while an on-record denial disputes the signal')),
      analystAssessed: z.optional(z.literal(true)).check(z.describe("Present while the score is an analyst's assessment")),
    })
    .check(z.describe('A feed item: public fields only, the same for every caller.')),
);
export type BriefingSummary = z.output<typeof BriefingSummary>;

export function summarize(b: Briefing): BriefingSummary {
  return {
    briefingId: b.briefingId,
    language: b.language,
    publishedAt: b.publishedAt ?? b.updatedAt,
    headline: b.sections.headline,
    signalType: b.sections.signalBrief.signalType,
    region: b.sections.signalBrief.region,
    score: b.confidence.score,
    grade: b.confidence.grade,
    label: b.confidence.label,
    ...(b.confidence.disputed ? { disputed: true as const } : {}),
    ...(b.confidence.analystAssessed ? { analystAssessed: true as const } : {}),
  };
}

/**
 * One briefing as a syndication feed (RSS, Atom, JSON Feed: functions/briefings/render-feed.ts) carries it:
 * the public summary's fields, named one by one, so a field added to the summary reaches no feed by accident.
 */
export interface SyndicatedItem {
  briefingId: string;
  /** Where readers read it on this API: `/briefings/{briefingId}`, with `?lang=` when the headline is a translation. */
  path: string;
  title: string;
  /** The title's language; `originalLanguage` is set when it is a translation's. */
  language: string;
  originalLanguage?: string;
  publishedAt: string;
  signalType: string;
  region: string;
  score: number;
  grade: BriefingSummary['grade'];
  label: string;
  disputed?: true;
  analystAssessed?: true;
}

/**
 * What a syndication feed may say of a published briefing: the public summary only (headline, signal type,
 * region, confidence), the same for every reader whatever their tier, since a feed is fetched without a login
 * and cached by feed readers and CDNs. Never a section's text: the link leads to the briefing, where
 * {@link viewBriefing} gates the rest.
 */
export function syndicate(s: BriefingSummary): SyndicatedItem {
  const id = encodeURIComponent(s.briefingId);
  return {
    briefingId: s.briefingId,
    path: s.originalLanguage ? `/briefings/${id}?lang=${encodeURIComponent(s.language)}` : `/briefings/${id}`,
    title: s.headline,
    language: s.language,
    ...(s.originalLanguage ? { originalLanguage: s.originalLanguage } : {}),
    publishedAt: s.publishedAt,
    signalType: s.signalType,
    region: s.region,
    score: s.score,
    grade: s.grade,
    label: s.label,
    ...(s.disputed ? { disputed: true as const } : {}),
    ...(s.analystAssessed ? { analystAssessed: true as const } : {}),
  };
}

// ---- entities (domain/entity.ts) ----------------------------------------------------------------

/** Relationship evidence is gated like the briefing section of the same name: its tier comes from SECTIONS. */
const EVIDENCE_SECTION = SECTIONS.find((s) => s.name === 'relationshipEvidence')!;

/**
 * One piece of a relationship's evidence as readers see it: the stored Evidence, described here rather than in
 * domain/entity.ts so that the functions that validate evidence do not carry the description.
 */
export const EvidenceItem = /* @__PURE__ */ schema(() =>
  z.object({ ...Evidence.shape, briefingId: Evidence.shape.briefingId.check(z.describe('The briefing the evidence comes from')) }),
);

/** A relationship as one entity's page shows it: `outgoing` when the entity is its source, `incoming` when its target. */
export const RelationshipView = /* @__PURE__ */ schema(() =>
  z
    .object({
      direction: z
        .enum(['outgoing', 'incoming'])
        .check(z.describe('`outgoing`: this entity states the link; `incoming`: another entity states it about this one')),
      from: EntityEnd,
      relation: z.enum(RELATIONS),
      to: EntityEnd,
      since: z.optional(z.string()).check(z.describe('`YYYY`, `YYYY-MM` or `YYYY-MM-DD`')),
      summary: z.string().check(z.describe('One public line')),
      // Readable, or a marker saying it exists, which tier unlocks it and how (never its count or text).
      evidence: z.union([
        z.object({ tier: Tier, locked: z.literal(false), content: z.array(EvidenceItem) }).check(z.meta({ title: 'Evidence (readable)' })),
        z
          .object({
            tier: Tier,
            locked: z.literal(true),
            unlockTier: Tier.check(z.describe('The tier that unlocks it')),
            unlock: z.optional(UnlockOffer).check(z.describe('How to unlock it, as on a locked section of a briefing')),
          })
          .check(z.meta({ title: 'Evidence (locked)' }), z.describe('The evidence exists, this tier unlocks it and how to get it; nothing else.')),
      ]),
    })
    .check(
      z.describe("A relationship as one entity's page shows it: who, how, whom and a public summary; its evidence is Leadership Alliance content."),
    ),
);
export type RelationshipView = z.output<typeof RelationshipView>;
export type EvidenceView = RelationshipView['evidence'];

export const EntityView = /* @__PURE__ */ schema(() =>
  z
    .object({
      entityId: z.string(),
      name: z.string(),
      kind: z.enum(ENTITY_KINDS),
      aliases: z.array(z.object({ language: z.string(), name: z.string() })).check(z.describe('Other names, by language')),
      coverage: z.optional(z.string()).check(z.describe('Why the entity is covered; absent until an analyst writes the profile')),
      updatedAt: z.iso.datetime(),
      publishedAt: z
        .optional(z.iso.datetime())
        .check(z.describe('When the profile became public (a published briefing named it, or an editor published it); absent only for staff')),
      viewerTier: Tier.check(z.describe('The tier the page was shaped for')),
      relationships: z.array(RelationshipView).check(z.describe('Outgoing first, then incoming; readers see only links to public entities')),
    })
    .check(z.describe("An entity's profile and relationships, shaped for the caller's tier.")),
);
export type EntityView = z.output<typeof EntityView>;

/**
 * Whether a viewer may know the entity exists: a public profile to anyone, any profile to staff.
 * To everyone else an unpublished profile is absent (a draft must not tell who staff are working on).
 */
export function canSeeEntity(profile: Pick<EntityProfile, 'publishedAt'> | undefined, viewer: Viewer): profile is EntityProfile {
  return profile !== undefined && (profile.publishedAt !== undefined || viewer.roles.length > 0);
}

/**
 * The relationships a viewer may see on an entity's page: staff all, anyone else those whose other end is a
 * public profile (`isPublic`), so a public page does not name an entity only a draft knows.
 */
export function visibleLinks(
  entityId: string,
  links: readonly Relationship[],
  viewer: Viewer,
  isPublic: (entityId: string) => boolean,
): Relationship[] {
  if (viewer.roles.length > 0) return [...links];
  return links.filter((r) => isPublic(r.from.entityId === entityId ? r.to.entityId : r.from.entityId));
}

/**
 * An entity's page for a viewer: the profile and every relationship (who,
 * relation, whom, summary) for everyone; each relationship's evidence only to
 * Leadership Alliance and staff, a locked marker to anyone else (with `unlock` when `lockScreen` is handed in, as a
 * briefing's locked section). Outgoing links first, then incoming, each by relation and the other end.
 */
export function viewEntity(
  profile: EntityProfile,
  relationships: readonly Relationship[],
  viewer: Viewer,
  lockScreen?: (tier: Tier) => UnlockOffer,
): EntityView {
  const { tier } = EVIDENCE_SECTION;
  const readable = canRead(viewer, tier);
  const locked: EvidenceView = { tier, locked: true, unlockTier: tier, ...(lockScreen && !readable ? { unlock: lockScreen(tier) } : {}) };
  const views = relationships.map(
    (r): RelationshipView => ({
      direction: r.from.entityId === profile.entityId ? 'outgoing' : 'incoming',
      from: r.from,
      relation: r.relation,
      to: r.to,
      ...(r.since ? { since: r.since } : {}),
      summary: r.summary,
      evidence: readable ? { tier, locked: false, content: r.evidence } : locked,
    }),
  );
  const other = (v: RelationshipView) => (v.direction === 'outgoing' ? v.to : v.from).entityId;
  views.sort(
    (a, b) =>
      (a.direction === b.direction ? 0 : a.direction === 'outgoing' ? -1 : 1) ||
      a.relation.localeCompare(b.relation) ||
      other(a).localeCompare(other(b)),
  );
  return {
    entityId: profile.entityId,
    name: profile.name,
    kind: profile.kind,
    aliases: profile.aliases,
    ...(profile.coverage ? { coverage: profile.coverage } : {}),
    // Readers never see a time from before the profile was public (when a draft first named it, say).
    updatedAt: viewer.roles.length === 0 && profile.publishedAt && profile.publishedAt > profile.updatedAt ? profile.publishedAt : profile.updatedAt,
    ...(profile.publishedAt ? { publishedAt: profile.publishedAt } : {}),
    viewerTier: viewer.tier,
    relationships: views,
  };
}

/**
 * Which of a briefing's sections a viewer's tier reads now, and which stay locked (for alerts: never a promise of
 * locked content), each locked one with how to unlock it when `lockScreen` is handed in.
 */
export function sectionAccess(viewer: Viewer, lockScreen?: (tier: Tier) => UnlockOffer): SectionAccess {
  return {
    unlocked: SECTIONS.filter((s) => canRead(viewer, s.tier)).map((s) => s.name),
    locked: SECTIONS.filter((s) => !canRead(viewer, s.tier)).map((s) => ({
      name: s.name,
      unlockTier: s.tier,
      ...(lockScreen ? { unlock: lockScreen(s.tier) } : {}),
    })),
  };
}
export const SectionAccess = /* @__PURE__ */ schema(() =>
  z.object({
    unlocked: z.array(SectionNames),
    locked: z.array(
      z.object({
        name: SectionNames,
        unlockTier: Tier,
        unlock: z.optional(UnlockOffer).check(z.describe('How to unlock it, as on a locked section of a briefing')),
      }),
    ),
  }),
);
export type SectionAccess = z.output<typeof SectionAccess>;
