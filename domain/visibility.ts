/**
 * The gating decision: what a viewer may see of a briefing. Every read path
 * goes through here. A locked section says that it exists and which tier
 * unlocks it, and nothing else: no content, no length, no hint.
 */
import { type Tier, tierRank, type Viewer } from './access.ts';
import type { AutoPublishRule, Briefing, PendingRevision } from './briefing.ts';
import type { EntityEnd, EntityProfile, Evidence, Relation, Relationship } from './entity.ts';
import { SECTIONS, type SectionName, type WrittenSections } from './sections.ts';
import type { UnlockOffer } from './unlock.ts';

export type SectionView =
  | { name: SectionName; title: string; tier: Tier; locked: false; content: unknown }
  | { name: SectionName; title: string; tier: Tier; locked: true; unlockTier: Tier; unlock?: UnlockOffer };

/**
 * What a locked marker says about unlocking its tier, in the served language (domain/unlock.ts's
 * unlockOffer with the deployment's links). Handed in by the reader's route, so that routes that
 * only ever answer staff (who see every section) do not carry the texts.
 */
export type LockScreen = (tier: Tier, language: string) => UnlockOffer;

export interface BriefingView {
  briefingId: string;
  status: Briefing['status'];
  /** The language the sections are served in. */
  language: string;
  /** The language the briefing was written in. */
  originalLanguage: string;
  /** The original language first, then each translation. */
  availableLanguages: string[];
  publishedAt?: string;
  updatedAt: string;
  entities: Briefing['entities'];
  related: string[];
  viewerTier: Tier;
  sections: SectionView[];
  /** Staff only: the auto-publish rule, who proposed it and who approved it (only an approved rule publishes). */
  autoPublish?: AutoPublishRule;
  /** Staff only: an edit of the published briefing waiting for an editor (`POST /briefings/{id}/publish`); readers see `sections`. */
  pendingRevision?: PendingRevision;
}

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
export interface BriefingSummary {
  briefingId: string;
  /** The language of the headline: the original's, or a translation's in a feed filtered by language. */
  language: string;
  /** Set when the headline is a translation's: the briefing's original language. */
  originalLanguage?: string;
  publishedAt: string;
  headline: string;
  signalType: string;
  region: string;
  score: number;
  grade: string;
  label: string;
  /** Set while an on-record denial disputes the signal (confidence.disputed). */
  disputed?: true;
  /** Set while the score is an analyst's assessment (confidence.analystAssessed). */
  analystAssessed?: true;
}

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

// ---- entities (domain/entity.ts) ----------------------------------------------------------------

/** Relationship evidence is gated like the briefing section of the same name: its tier comes from SECTIONS. */
const EVIDENCE_SECTION = SECTIONS.find((s) => s.name === 'relationshipEvidence')!;

/**
 * The evidence of a relationship: readable, or a marker saying it exists, which tier unlocks it and how (never its
 * count or text).
 */
export type EvidenceView = { tier: Tier; locked: false; content: Evidence[] } | { tier: Tier; locked: true; unlockTier: Tier; unlock?: UnlockOffer };

/** A relationship as one entity's page shows it: `outgoing` when the entity is its source, `incoming` when its target. */
export interface RelationshipView {
  direction: 'outgoing' | 'incoming';
  from: EntityEnd;
  relation: Relation;
  to: EntityEnd;
  since?: string;
  summary: string;
  evidence: EvidenceView;
}

export interface EntityView {
  entityId: string;
  name: string;
  kind: EntityProfile['kind'];
  aliases: EntityProfile['aliases'];
  coverage?: string;
  updatedAt: string;
  /** When the profile became public; absent: only staff see it (they see drafts too). */
  publishedAt?: string;
  viewerTier: Tier;
  relationships: RelationshipView[];
}

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
export interface SectionAccess {
  unlocked: SectionName[];
  locked: Array<{ name: SectionName; unlockTier: Tier; unlock?: UnlockOffer }>;
}

/** What an alert stores: which version of which briefing, when, for which followed entities, with its summary then. */
export interface StoredAlert {
  briefingId: string;
  briefingVersion: number;
  alertedAt: string;
  entityIds: string[];
  briefing: BriefingSummary;
}

/** An alert as its member reads it: the summary only while the briefing is published. */
export type AlertView = (StoredAlert & { status: 'published'; sections: SectionAccess }) | (Omit<StoredAlert, 'briefing'> & { status: 'retracted' });

/**
 * An alert judged against its briefing's status NOW: a briefing retracted (or gone) since the alert was
 * written shows as retracted, with nothing of its content (no headline, no summary, no sections).
 */
export function alertView(alert: StoredAlert, briefingStatus: Briefing['status'] | undefined, access: SectionAccess): AlertView {
  const { briefing, ...rest } = alert;
  return briefingStatus === 'published' ? { ...rest, briefing, status: 'published', sections: access } : { ...rest, status: 'retracted' };
}
