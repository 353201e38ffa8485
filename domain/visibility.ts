/**
 * The gating decision: what a viewer may see of a briefing. Every read path
 * goes through here. A locked section says that it exists and which tier
 * unlocks it, and nothing else: no content, no length, no hint.
 */
import { tierRank, type Tier, type Viewer } from './access.ts';
import { SECTIONS, type Briefing, type SectionName } from './briefing.ts';

export type SectionView =
  | { name: SectionName; title: string; tier: Tier; locked: false; content: unknown }
  | { name: SectionName; title: string; tier: Tier; locked: true; unlockTier: Tier };

export interface BriefingView {
  briefingId: string;
  status: Briefing['status'];
  language: string;
  publishedAt?: string;
  updatedAt: string;
  entities: Briefing['entities'];
  related: string[];
  viewerTier: Tier;
  sections: SectionView[];
}

export function canRead(viewer: Viewer, tier: Tier): boolean {
  return tierRank(viewer.tier) >= tierRank(tier);
}

/** Drafts are visible to staff only; to everyone else they do not exist. */
export function isVisible(b: Pick<Briefing, 'status'>, viewer: Viewer): boolean {
  return b.status === 'published' || viewer.roles.length > 0;
}

function sectionContent(b: Briefing, name: SectionName): unknown {
  if (name === 'confidence') return b.confidence;
  if (name === 'sourceNotes') return b.sourceNotes;
  return b.sections[name];
}

export function viewBriefing(b: Briefing, viewer: Viewer): BriefingView {
  return {
    briefingId: b.briefingId,
    status: b.status,
    language: b.language,
    ...(b.publishedAt ? { publishedAt: b.publishedAt } : {}),
    updatedAt: b.updatedAt,
    entities: b.entities,
    related: b.related,
    viewerTier: viewer.tier,
    sections: SECTIONS.map(({ name, title, tier }) =>
      canRead(viewer, tier)
        ? { name, title, tier, locked: false, content: sectionContent(b, name) }
        : { name, title, tier, locked: true, unlockTier: tier },
    ),
  };
}

/** A list item: public sections only, the same for every viewer. */
export interface BriefingSummary {
  briefingId: string;
  language: string;
  publishedAt: string;
  headline: string;
  signalType: string;
  region: string;
  score: number;
  grade: string;
  label: string;
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
  };
}
