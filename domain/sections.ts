/**
 * The sections of a briefing: their order and tiers, and what an analyst writes in each. Apart from the
 * briefing's lifecycle (briefing.ts) so the completeness rules (completeness.ts) read them without a loop.
 */
import * as z from 'zod/mini';
import type { Tier } from './access.ts';
import { schema } from './schema.ts';

/** Every section of a briefing, in page order, with the tier that may read it. */
export const SECTIONS = [
  { name: 'headline', tier: 'public', title: 'Headline / signal' },
  { name: 'coverage', tier: 'public', title: 'Coverage' },
  { name: 'publishedReporting', tier: 'public', title: 'Published reporting' },
  { name: 'signalBrief', tier: 'public', title: 'Signal brief' },
  { name: 'operatingSurface', tier: 'public', title: 'Operating surface' },
  { name: 'marketContext', tier: 'public', title: 'Market context' },
  { name: 'whatToWatch', tier: 'public', title: 'What to watch' },
  { name: 'confidence', tier: 'public', title: 'Confidence' },
  { name: 'trendContext', tier: 'strategy-circle', title: 'Deeper trend context' },
  { name: 'relationshipEvidence', tier: 'leadership-alliance', title: 'Relationship evidence' },
  { name: 'failurePaths', tier: 'leadership-alliance', title: 'Failure paths' },
  { name: 'sourceNotes', tier: 'leadership-alliance', title: 'Source notes' },
] as const satisfies ReadonlyArray<{ name: string; tier: Tier; title: string }>;
export type SectionName = (typeof SECTIONS)[number]['name'];

export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const optionalText = (max: number) => z.string().check(z.trim(), z.maxLength(max));

export const SIGNAL_TYPES = ['Market', 'Infrastructure', 'Governance', 'Operational dependency'] as const;
export const RELEVANCE = ['Low', 'Medium', 'High', 'Critical'] as const;

// The sections that may be left out, without their defaults: BriefingPatch takes them bare, so an absent one never resets a stored one.
export const whatToWatch = /* @__PURE__ */ schema(() => z.array(text(500)).check(z.maxLength(20)));
export const trendContext = /* @__PURE__ */ schema(() => optionalText(10000));
export const relationshipEvidence = /* @__PURE__ */ schema(() =>
  z.array(z.strictObject({ from: text(200), to: text(200), relation: text(200), evidence: text(2000) })).check(z.maxLength(50)),
);
export const failurePaths = /* @__PURE__ */ schema(() => z.array(z.strictObject({ path: text(1000), affected: text(500) })).check(z.maxLength(30)));

/** The sections an analyst writes (confidence and source notes are computed). */
export const WrittenSections = /* @__PURE__ */ schema(() =>
  z.strictObject({
    headline: text(300),
    coverage: text(1000),
    publishedReporting: text(8000),
    signalBrief: z.strictObject({
      signal: text(500),
      signalType: z.enum(SIGNAL_TYPES),
      region: text(100),
      marketClass: text(100),
    }),
    operatingSurface: z.strictObject({
      affectedParties: z._default(z.array(text(200)).check(z.maxLength(30)), []),
      operatingSurface: z._default(optionalText(2000), ''),
      marketExposure: z._default(optionalText(2000), ''),
    }),
    marketContext: z.strictObject({ operationalRelevance: z.enum(RELEVANCE), timeHorizon: text(100) }),
    whatToWatch: z._default(whatToWatch, []),
    trendContext: z._default(trendContext, ''),
    relationshipEvidence: z._default(relationshipEvidence, []),
    failurePaths: z._default(failurePaths, []),
  }),
);
export type WrittenSections = z.infer<typeof WrittenSections>;
