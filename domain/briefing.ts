/**
 * Briefings: the sections of the brief, their tiers, drafting, completeness,
 * scoring and publishing. Pure: ids, clocks and people are handed in.
 */
import * as z from 'zod/mini';
import { BRIEFING_CHANGES, type BriefingChange } from './changes.ts';
import { type CompletenessIssue, gapsOf, issuesOf, sectionFindings } from './completeness.ts';
import { ConflictError, IncompleteError, NotFoundError, ValidationError } from './errors.ts';
import { LanguageTag } from './language.ts';
import { schema } from './schema.ts';
import {
  applyOverride,
  BANDS,
  Confidence,
  type ContentGap,
  Credibility,
  compareIds,
  DEFAULT_RELIABILITY,
  type EventWindow,
  Explanation,
  evidenceKey,
  GRADES,
  type Grade,
  gradeRange,
  gradeRank,
  NO_EVIDENCE,
  type Override,
  Reliability,
  recencyFactor,
  SOURCE_KINDS,
  STANCES,
  scoreEvidence,
} from './scoring.ts';
import { failurePaths, relationshipEvidence, text, trendContext, WrittenSections, whatToWatch } from './sections.ts';
import { countsAsEvidence, evidenceOf, keyedEvidenceOf, type Source, SourceState } from './source.ts';
import { stableJson } from './stable-json.ts';

export const EntityRef = /* @__PURE__ */ schema(() =>
  z.strictObject({
    entityId: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a lowercase slug such as scale-ai')),
    name: text(200),
    kind: z._default(z.enum(['company', 'person', 'government', 'organisation', 'network']), 'company'),
  }),
);
export type EntityRef = z.infer<typeof EntityRef>;

/**
 * Limits of one briefing. A save writes its parts, feed entries (one per entity and language) and
 * entity profiles in one transaction of at most 100 items; these keep the largest change under it
 * (test/unit/functions/briefing-transaction-size.test.ts).
 */
export const MAX_ENTITIES = 10;
export const MAX_TRANSLATIONS = 5;

/** Language tag → the written sections in that language. */
export const Translations = /* @__PURE__ */ schema(() =>
  z
    .record(LanguageTag, WrittenSections)
    .check(z.refine((t) => Object.keys(t).length <= MAX_TRANSLATIONS, { error: `at most ${MAX_TRANSLATIONS} translations` })),
);
export type Translations = z.infer<typeof Translations>;

const related = /* @__PURE__ */ schema(() => z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(10)));
const AutoPublishInput = /* @__PURE__ */ schema(() => z.strictObject({ minGrade: z.enum(GRADES) }));
/** When the thing the briefing is about happened: a date (`2026-06-20`) or a date-time with a time zone. */
/** When the thing the briefing is about happened: a date (`2026-06-20`) or a date-time with a time zone. */
const eventTime = /* @__PURE__ */ schema(() =>
  z
    .string()
    .check(
      z.regex(
        /^\d{4}-[01]\d-[0-3]\d(?:T[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-][0-2]\d:[0-5]\d))?$/,
        'must be an ISO 8601 date (2026-06-20) or date-time with a time zone (2026-06-20T08:00:00Z)',
      ),
    ),
);

const entities = /* @__PURE__ */ schema(() => z.array(EntityRef).check(z.minLength(1), z.maxLength(MAX_ENTITIES)));

/** What an analyst sends to create a draft. Status, score and dates are never accepted from clients. */
export const BriefingInput = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      language: LanguageTag,
      entities,
      related: z._default(related, []),
      autoPublish: z.optional(AutoPublishInput),
      /** When the event happened (or the observation window opened): sources are judged by their distance from it. */
      eventDate: z.optional(eventTime),
      sections: WrittenSections,
      translations: z.optional(Translations),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.translations && input.language in input.translations) {
          ctx.addIssue({
            code: 'custom',
            path: ['translations', input.language],
            message: `the original language (${input.language}) is not a translation`,
          });
        }
      }),
    ),
);
export type BriefingInput = z.infer<typeof BriefingInput>;

const written = /* @__PURE__ */ schema(() => WrittenSections.shape);

/**
 * What an analyst sends to edit a briefing: any of its written sections (each
 * replaced whole, defaults left out so an absent field never resets a stored
 * one), entities, related briefings and the auto-publish rule (`null` removes
 * it). Language, status, score and dates are not editable here.
 */
export const BriefingPatch = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      sections: z.optional(
        z.strictObject({
          headline: z.optional(written.headline),
          coverage: z.optional(written.coverage),
          publishedReporting: z.optional(written.publishedReporting),
          signalBrief: z.optional(written.signalBrief),
          operatingSurface: z.optional(written.operatingSurface),
          marketContext: z.optional(written.marketContext),
          whatToWatch: z.optional(whatToWatch),
          trendContext: z.optional(trendContext),
          relationshipEvidence: z.optional(relationshipEvidence),
          failurePaths: z.optional(failurePaths),
        }),
      ),
      entities: z.optional(entities),
      related: z.optional(related),
      autoPublish: z.optional(z.nullable(AutoPublishInput)),
      /** `null` removes it. */
      eventDate: z.optional(z.nullable(eventTime)),
      /** Each translation replaced whole; `null` removes it. */
      translations: z.optional(
        z.record(LanguageTag, z.nullable(WrittenSections)).check(z.refine((t) => Object.keys(t).length > 0, { error: 'name at least one language' })),
      ),
    })
    .check(
      z.refine((p) => Object.values(p).some((v) => v !== undefined), {
        error: 'send at least one of sections, entities, related, autoPublish, eventDate, translations',
      }),
    ),
);
export type BriefingPatch = z.infer<typeof BriefingPatch>;

/** One source as Leadership Alliance readers see it: how it was weighed and its share of the score. */
export const SourceNote = /* @__PURE__ */ schema(() =>
  z
    .object({
      sourceId: z.string(),
      url: z.string().check(z.describe('Canonical URL')),
      publisher: z.string(),
      title: z.string(),
      kind: z.enum(SOURCE_KINDS),
      stance: z.enum(STANCES),
      language: z.string(),
      publishedAt: z.optional(z.string()),
      reliability: z.object({
        grade: Reliability,
        setBy: z.enum(['analyst', 'default']),
        reason: z.optional(z.string()),
      }),
      credibility: z.optional(Credibility),
      originId: z.string().check(z.describe('The origin (group of copies of one text) the source belongs to')),
      copyOf: z.optional(z.string()).check(z.describe('Set on a copy: the member through which its origin is counted')),
      weight: z.number(),
      contribution: z.number().check(z.describe('Points of the score this source accounts for; negative when it lowers it')),
      share: z.number().check(z.describe('Its share of the score (contribution ÷ score)')),
      reasons: z.array(z.string()),
      note: z.optional(z.string()),
      state: z.optional(SourceState).check(z.describe('Set on a source that no longer counts (staff only: readers do not see such sources)')),
    })
    .check(z.describe('One source as Leadership Alliance readers see it: how it was weighed and its share of the score.')),
);
export type SourceNote = z.output<typeof SourceNote>;

/** `retracted` is final: a retracted briefing is hidden from readers and is neither edited nor published again. */
export const BRIEFING_STATUSES = ['draft', 'published', 'retracted'] as const;
export type BriefingStatus = (typeof BRIEFING_STATUSES)[number];

/**
 * The lowest grade an auto-publish rule may name when the publisher configures no other floor
 * (`AUTO_PUBLISH_FLOOR`, infra/stage-config.ts `autoPublishFloor`): B/C, "Medium" (score 0.55 and up).
 */
export const DEFAULT_AUTO_PUBLISH_FLOOR: Grade = 'B/C';

/**
 * A briefing's auto-publish rule: publish the draft once its grade reaches `minGrade` (and never below the
 * publisher's floor). An analyst proposes it; it takes effect only once an editor approves it (or an
 * editor sets it). A rule stored before approvals existed has neither and waits for an editor.
 */
export const AutoPublishRule = /* @__PURE__ */ schema(() =>
  z
    .object({
      minGrade: z.enum(GRADES).check(z.describe("Publish the draft once its grade reaches this (and the publisher's floor)")),
      proposedBy: z.optional(z.string()).check(z.describe('Who set this grade: an analyst proposing it, or an editor setting it')),
      proposedAt: z.optional(z.iso.datetime()),
      approvedBy: z.optional(z.string()).check(z.describe('The editor who approved it; absent: proposed only, it publishes nothing')),
      approvedAt: z.optional(z.iso.datetime()),
    })
    .check(z.describe('Staff only: the auto-publish rule. An analyst proposes it; it takes effect once an editor approves it (or sets it).')),
);
export type AutoPublishRule = z.output<typeof AutoPublishRule>;

/**
 * An edit of a published briefing waiting for an editor: the written content as proposed (what readers
 * will see once an editor publishes it), what it changes and who proposed it. Readers keep the
 * published content until then; staff read both.
 */
export const PendingRevision = /* @__PURE__ */ schema(() =>
  z
    .object({
      sections: WrittenSections,
      translations: z.optional(Translations),
      entities: z.array(EntityRef),
      related: z.array(z.string()),
      eventDate: z.optional(z.string()),
      changes: z.array(z.enum(BRIEFING_CHANGES)).check(z.describe('What the revision changes, over every edit that built it')),
      proposedBy: z.string().check(z.describe('Who last edited the revision')),
      proposedAt: z.iso.datetime(),
    })
    .check(
      z.describe(
        'Staff only: an edit of a published briefing waiting for an editor (POST /briefings/{briefingId}/publish publishes it). Readers see the published sections until then.',
      ),
    ),
);
export type PendingRevision = z.output<typeof PendingRevision>;

export interface Briefing {
  briefingId: string;
  status: BriefingStatus;
  language: string;
  entities: EntityRef[];
  related: string[];
  autoPublish?: AutoPublishRule;
  /** An analyst's edit of the published briefing, waiting for an editor to publish it; staff only. */
  pendingRevision?: PendingRevision;
  /** The sections in `language` (the original). */
  sections: WrittenSections;
  /** The same sections in other languages, by language tag; absent or empty when there are none. */
  translations?: Translations;
  /** When the event happened (see docs/scoring.md, "Weights"): sources are judged by their distance from it. */
  eventDate?: string;
  /** An analyst's assessment of the score in place of the model's, while the evidence stays as it was. */
  override?: Override;
  confidence: Confidence;
  sourceNotes: SourceNote[];
  /** How the score was reached (origins, caps, shares); staff read it. Absent until first scored. */
  scoreExplanation?: Explanation;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Who last edited the written content (PATCH); absent until the first edit. */
  updatedBy?: string;
  publishedAt?: string;
  publishedBy?: string;
  /** Set when an editor retracted the briefing (status `retracted`); the reason is editorial, for staff only. */
  retractedAt?: string;
  retractedBy?: string;
  retractionReason?: string;
  /** Incremented on every write; the basis of optimistic concurrency. */
  version: number;
}

/**
 * Who decides: `editor` is true when the caller holds the editor role (or admin), whose rules take
 * effect at once and whose edits of a published briefing go live; `floor` is the publisher's lowest
 * auto-publish grade (no rule below it is accepted).
 */
export interface EditorialContext {
  by: string;
  now: Date;
  editor?: boolean;
  floor?: Grade;
}

export function createDraft(input: BriefingInput, ctx: EditorialContext & { briefingId: string }): Briefing {
  const at = ctx.now.toISOString();
  const autoPublish = input.autoPublish && ruleSet(undefined, input.autoPublish.minGrade, ctx);
  return {
    briefingId: ctx.briefingId,
    status: 'draft',
    language: input.language,
    entities: input.entities,
    related: input.related,
    ...(autoPublish ? { autoPublish } : {}),
    ...(input.eventDate ? { eventDate: input.eventDate } : {}),
    sections: input.sections,
    ...(input.translations && Object.keys(input.translations).length > 0 ? { translations: input.translations } : {}),
    confidence: NO_EVIDENCE,
    sourceNotes: [],
    createdAt: at,
    createdBy: ctx.by,
    updatedAt: at,
    version: 1,
  };
}

/**
 * A rule set at `minGrade` by `ctx.by`: proposed by an analyst, approved at once by an editor. An
 * editor approving the grade an analyst proposed keeps who proposed it. Below the floor: refused.
 */
function ruleSet(current: AutoPublishRule | undefined, minGrade: Grade, ctx: EditorialContext): AutoPublishRule {
  if (ctx.floor && gradeRank(minGrade) < gradeRank(ctx.floor)) {
    throw new ValidationError('the request body is invalid', [
      { pointer: '#/autoPublish/minGrade', detail: `must be ${ctx.floor} or higher: the publisher's floor for auto-publishing` },
    ]);
  }
  const at = ctx.now.toISOString();
  const proposal =
    ctx.editor && current?.minGrade === minGrade && current.proposedBy && !current.approvedBy
      ? { proposedBy: current.proposedBy, ...(current.proposedAt ? { proposedAt: current.proposedAt } : {}) }
      : { proposedBy: ctx.by, proposedAt: at };
  return { minGrade, ...proposal, ...(ctx.editor ? { approvedBy: ctx.by, approvedAt: at } : {}) };
}

/** The rule without its approval: back to proposed. */
const unapproved = ({ approvedBy: _, approvedAt: __, ...rule }: AutoPublishRule): AutoPublishRule => rule;

/** The written content a revision replaces (and an edit changes). */
type Content = Pick<Briefing, 'sections' | 'translations' | 'entities' | 'related' | 'eventDate'>;

const contentOf = (b: Content): Content => ({
  sections: b.sections,
  ...(b.translations && Object.keys(b.translations).length > 0 ? { translations: b.translations } : {}),
  entities: b.entities,
  related: b.related,
  ...(b.eventDate ? { eventDate: b.eventDate } : {}),
});

/** The briefing as it reads once its pending revision is published (itself when none is pending). */
export function withRevision(b: Briefing): Briefing {
  if (!b.pendingRevision) return b;
  const { pendingRevision, translations: _, eventDate: __, ...rest } = b;
  return { ...rest, ...contentOf(pendingRevision) };
}

/** The written content of a briefing in its languages (a bare `sections` is the original alone). */
type Languages = Pick<Briefing, 'sections'> & Partial<Pick<Briefing, 'language' | 'translations'>>;

/** The briefing's sections in every language it carries: the original first, then each translation. */
export function sectionsInEveryLanguage(b: Languages): Array<[string | undefined, WrittenSections]> {
  return [[b.language, b.sections], ...Object.entries(b.translations ?? {}).sort(([x], [y]) => compareIds(x, y))];
}

/** Every language's findings, under `#/sections` for the original and `#/translations/<lang>` for a translation. */
const findingsOf = (b: Languages) =>
  sectionsInEveryLanguage(b).flatMap(([language, sections]) =>
    sectionFindings(sections, language === undefined || language === b.language ? '#/sections' : `#/translations/${language}`),
  );

/**
 * Content defects of a briefing in any of its languages, as codes the scoring
 * cap can name without quoting content: readers of a translation see its text,
 * so its defects weigh like the original's (the evidence, and so the score, is shared).
 */
export function briefingGaps(b: Languages): ContentGap[] {
  return gapsOf(findingsOf(b));
}

/** Content defects of one language's sections, as codes the scoring cap can name without quoting content. */
export function contentGaps(sections: WrittenSections): ContentGap[] {
  return gapsOf(sectionFindings(sections, '#/sections'));
}

/** Whether a briefing may be published, and if not, why: each problem as a line and as an issue naming its field. */
export interface Completeness {
  complete: boolean;
  /** One plain line per issue: `<pointer>: <detail>`, or the detail alone when it is about no written field. */
  problems: string[];
  issues: CompletenessIssue[];
}

/**
 * What stops a briefing from being complete, in any language: empty or
 * too-short operating-surface fields, template or placeholder text, a field
 * that is only its title, repeated sentences, or no evidence at all
 * (domain/completeness.ts, domain/templates.ts).
 */
export function assessCompleteness(b: Languages & Pick<Briefing, 'sourceNotes'>): Completeness {
  const issues = issuesOf(findingsOf(b));
  if (b.sourceNotes.every((n) => n.state !== undefined)) issues.push({ pointer: '#/sources', code: 'no-sources', detail: 'no sources yet' });
  const problems = issues.map((i) => (i.code === 'no-sources' ? i.detail : `${i.pointer}: ${i.detail}`));
  return { complete: issues.length === 0, problems, issues };
}

/**
 * An editor publishes: a complete draft, or the pending revision of a published briefing (its
 * content replaces the published one as a new version; `publishedAt` keeps the first publication).
 * Anything else is a `ConflictError`; incomplete content an `IncompleteError`.
 */
export function publish(b: Briefing, ctx: { by: string; now: Date }): Briefing {
  if (b.status === 'retracted') throw new ConflictError(`briefing ${b.briefingId} was retracted and cannot be published again`);
  if (b.status === 'published' && !b.pendingRevision)
    throw new ConflictError(`briefing ${b.briefingId} is already published and no revision is pending`);
  const next = withRevision(b);
  const { complete, problems, issues } = assessCompleteness(next);
  if (!complete) throw new IncompleteError(`briefing ${b.briefingId} is incomplete`, problems, issues);
  const at = ctx.now.toISOString();
  if (b.pendingRevision) return { ...next, updatedAt: at, updatedBy: b.pendingRevision.proposedBy, version: b.version + 1 };
  return { ...b, status: 'published', publishedAt: at, publishedBy: ctx.by, updatedAt: at, version: b.version + 1 };
}

/**
 * A staff edit: the patch applied as exactly one new version, with what it changed and whether it
 * waits for an editor. The score is not recomputed here: the edit is announced (Briefing Edited)
 * and scoring re-reads the briefing.
 *
 * - A draft takes the edit. An analyst's edit of its content puts an approved auto-publish rule
 *   back to proposed: the editor approved publishing the text they saw.
 * - A published briefing edited by an analyst keeps its published content: the edit becomes (or
 *   extends) its pending revision, which readers do not see until an editor publishes it.
 * - An editor's own edit of a published briefing goes live (a new published version), unless a
 *   revision is pending: then it extends the revision, published with it.
 * - What readers would see must stay complete (`IncompleteError`); the auto-publish rule is set as
 *   in {@link ruleSet}; `null` removes it.
 */
export function editBriefing(
  b: Briefing,
  patch: BriefingPatch,
  ctx: EditorialContext,
): { briefing: Briefing; changes: BriefingChange[]; pending: boolean } {
  if (b.status === 'retracted') throw new ConflictError(`briefing ${b.briefingId} was retracted and cannot be edited`);
  if (patch.translations && b.language in patch.translations) {
    throw new ValidationError('the request body is invalid', [
      { pointer: `#/translations/${b.language}`, detail: `the original language (${b.language}) is not a translation: edit sections instead` },
    ]);
  }
  const given = (k: keyof BriefingPatch) => patch[k] !== undefined;
  const contentChanges = (['sections', 'translations', 'entities', 'related', 'eventDate'] as const).filter(given);
  const pending = b.status === 'published' && contentChanges.length > 0 && (!ctx.editor || b.pendingRevision !== undefined);
  const base = pending && b.pendingRevision ? b.pendingRevision : b;
  const translations = applyTranslations(base.translations ?? {}, patch.translations ?? {});
  const eventDate = patch.eventDate === undefined ? base.eventDate : (patch.eventDate ?? undefined);
  const content: Content = contentOf({
    sections: { ...base.sections, ...stripUndefined(patch.sections ?? {}) },
    translations,
    entities: patch.entities ?? base.entities,
    related: patch.related ?? base.related,
    ...(eventDate ? { eventDate } : {}),
  });
  let rule = patch.autoPublish === undefined ? b.autoPublish : patch.autoPublish && ruleSet(b.autoPublish, patch.autoPublish.minGrade, ctx);
  if (rule?.approvedBy && b.status === 'draft' && contentChanges.length > 0 && !ctx.editor) rule = unapproved(rule);
  const { autoPublish: _, pendingRevision: __, translations: ___, eventDate: ____, ...rest } = b;
  const kept = { ...rest, ...(b.translations ? { translations: b.translations } : {}), ...(b.eventDate ? { eventDate: b.eventDate } : {}) };
  const at = ctx.now.toISOString();
  const briefing: Briefing = pending
    ? {
        ...kept,
        ...(rule ? { autoPublish: rule } : {}),
        pendingRevision: {
          ...content,
          changes: BRIEFING_CHANGES_ORDER.filter((c) => contentChanges.includes(c as never) || b.pendingRevision?.changes.includes(c)),
          proposedBy: ctx.by,
          proposedAt: at,
        },
        version: b.version + 1,
      }
    : {
        ...rest,
        ...content,
        ...(rule ? { autoPublish: rule } : {}),
        ...(b.pendingRevision ? { pendingRevision: b.pendingRevision } : {}),
        updatedAt: at,
        updatedBy: ctx.by,
        version: b.version + 1,
      };
  if (briefing.status === 'published') {
    const { complete, problems, issues } = assessCompleteness(withRevision(briefing));
    if (!complete) throw new IncompleteError(`the edit would leave published briefing ${b.briefingId} incomplete`, problems, issues);
  }
  const changes: BriefingChange[] = [...contentChanges, ...(given('autoPublish') ? (['autoPublish'] as const) : [])];
  return { briefing, changes: BRIEFING_CHANGES_ORDER.filter((c) => changes.includes(c)), pending };
}

/** The order changes are listed in (the event's). */
const BRIEFING_CHANGES_ORDER: readonly BriefingChange[] = ['sections', 'translations', 'entities', 'related', 'autoPublish', 'eventDate'];

/** What an editor sends to retract a published briefing. */
export const RetractionInput = /* @__PURE__ */ schema(() => z.strictObject({ reason: text(1000) }));
export type RetractionInput = z.infer<typeof RetractionInput>;

/**
 * An editor retracts a published briefing: it leaves the feed and readers no
 * longer see it (staff still do, with its status). Only a published briefing
 * can be retracted (`ConflictError` otherwise, including a second retraction).
 */
export function retract(b: Briefing, ctx: { by: string; now: Date; reason: string }): Briefing {
  if (b.status !== 'published') {
    throw new ConflictError(
      b.status === 'retracted'
        ? `briefing ${b.briefingId} is already retracted`
        : `briefing ${b.briefingId} is not published, so it cannot be retracted`,
    );
  }
  const at = ctx.now.toISOString();
  return { ...b, status: 'retracted', retractedAt: at, retractedBy: ctx.by, retractionReason: ctx.reason, updatedAt: at, version: b.version + 1 };
}

function applyTranslations(current: Translations, patch: Record<string, WrittenSections | null>): Translations {
  const next: Translations = { ...current };
  for (const [language, sections] of Object.entries(patch)) {
    if (sections === null) delete next[language];
    else next[language] = sections;
  }
  return next;
}

const stripUndefined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * True when the briefing's own rule, approved by an editor, asks for it to be published at its
 * current grade: a complete draft at or above the rule's grade and the publisher's `floor`
 * (when given: a rule approved under a lower floor waits for the new one). A rule only proposed
 * publishes nothing.
 */
export function dueForAutoPublish(b: Briefing, floor?: Grade): boolean {
  const rule = b.autoPublish;
  return (
    b.status === 'draft' &&
    rule?.approvedBy !== undefined &&
    gradeRank(b.confidence.grade) >= Math.max(gradeRank(rule.minGrade), floor ? gradeRank(floor) : 0) &&
    assessCompleteness(b).complete
  );
}

/**
 * Re-scores a briefing from all of its sources and its content gaps.
 * `changed` is false when the score and grade are what the briefing already
 * carries, so a repeated or reordered event produces no new Briefing Scored.
 * The result depends on the evidence only, never on `now` (which only dates the write).
 */
export function rescore(b: Briefing, sources: readonly Source[], now: Date): { briefing: Briefing; changed: boolean } {
  if (!sources.every(countsAsEvidence)) return rescoreCountedOnly(b, sources, now);
  const evidence = sources.map(evidenceOf);
  const key = overrideKeyOf(sources);
  const model = scoreEvidence(evidence, { gaps: briefingGaps(b), ...(eventWindowOf(b) ? { event: eventWindowOf(b)! } : {}) });
  // An override stands while the evidence is what it was made on; any change to the evidence lifts it.
  const override = b.override?.evidenceKey === key ? b.override : undefined;
  const { confidence, explanation } = applyOverride(model, override, key);
  const assessed = new Map(explanation.sources.map((a) => [a.sourceId, a]));
  const sourceNotes: SourceNote[] = [...new Map(sources.map((s) => [s.sourceId, s])).values()]
    .sort((x, y) => compareIds(x.sourceId, y.sourceId))
    .map((s) => {
      const a = assessed.get(s.sourceId)!;
      return {
        ...describedSource(s),
        reliability: { grade: a.reliability, setBy: a.reliabilitySetBy, ...(s.reliability ? { reason: s.reliability.reason } : {}) },
        ...(s.credibility ? { credibility: s.credibility } : {}),
        originId: a.originId,
        ...(a.copyOf ? { copyOf: a.copyOf } : {}),
        weight: a.weight,
        contribution: a.contribution,
        share: a.share,
        reasons: a.reasons,
        ...(s.note ? { note: s.note } : {}),
      };
    });
  const changed = confidence.score !== b.confidence.score || confidence.grade !== b.confidence.grade;
  const same = (x: unknown, y: unknown) => stableJson(x) === stableJson(y);
  if (!changed && same(confidence, b.confidence) && same(sourceNotes, b.sourceNotes) && same(explanation, b.scoreExplanation)) {
    return { briefing: b, changed: false };
  }
  const { override: _, ...rest } = b;
  return {
    briefing: {
      ...rest,
      ...(override ? { override } : {}),
      confidence,
      sourceNotes,
      scoreExplanation: explanation,
      updatedAt: now.toISOString(),
      version: b.version + 1,
    },
    changed,
  };
}

/** The event window a briefing's sources are judged against, if the analyst gave one. */
export function eventWindowOf(b: Pick<Briefing, 'eventDate'>): EventWindow | undefined {
  return b.eventDate ? { from: b.eventDate } : undefined;
}

/** What an analyst sends to assess the score in place of the model: a score or a grade (or both), and why. */
export const OverrideInput = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      score: z.optional(z.number().check(z.gte(0), z.lte(1))),
      grade: z.optional(z.enum(GRADES)),
      reason: text(1000),
    })
    .check(
      z.refine((o) => o.score !== undefined || o.grade !== undefined, { path: ['score'], error: 'send a score, a grade, or both' }),
      z.refine((o) => o.score === undefined || o.grade === undefined || inGrade(o.score, o.grade), {
        path: ['grade'],
        error: 'must be the grade of the score (see the confidence bands)',
      }),
    ),
);
export type OverrideInput = z.infer<typeof OverrideInput>;

function inGrade(score: number, grade: Grade): boolean {
  const [min, max] = gradeRange(grade);
  return score >= min && score < max;
}

/** What an override rests on, from stored sources: the same key `rescore` computes from their evidence. */
export function overrideKeyOf(sources: readonly Source[]): string {
  return evidenceKey(sources.filter(countsAsEvidence).map(keyedEvidenceOf));
}

/**
 * An analyst's assessment of the score or grade in place of the model's, on the current evidence,
 * as one new version. A grade alone keeps the model's score brought into the grade's band; a score
 * alone takes the band's grade. Scoring applies it (announced as Briefing Edited, `override`), and
 * lifts it when the evidence changes. The version history records it.
 */
export function setOverride(b: Briefing, input: OverrideInput, ctx: { by: string; now: Date; sources: readonly Source[] }): Briefing {
  if (b.status === 'retracted') throw new ConflictError(`briefing ${b.briefingId} was retracted`);
  const model = b.scoreExplanation?.override?.model ?? { score: b.confidence.score, grade: b.confidence.grade };
  const grade = input.grade ?? BANDS.find((band) => (input.score ?? 0) >= band.min)!.grade;
  const [min, max] = gradeRange(grade);
  const score = input.score ?? Math.round(Math.min(Math.max(model.score, min), max - 0.01) * 100) / 100;
  const override: Override = {
    score,
    grade,
    reason: input.reason,
    by: ctx.by,
    at: ctx.now.toISOString(),
    evidenceKey: overrideKeyOf(ctx.sources),
    model,
  };
  return { ...b, override, updatedAt: ctx.now.toISOString(), updatedBy: ctx.by, version: b.version + 1 };
}

/** Lifts an analyst's override, as one new version: the model's score returns when scoring re-reads the briefing. */
export function liftOverride(b: Briefing, ctx: { by: string; now: Date }): Briefing {
  if (!b.override) throw new NotFoundError(`briefing ${b.briefingId} has no analyst override`);
  const { override: _, ...rest } = b;
  return { ...rest, updatedAt: ctx.now.toISOString(), updatedBy: ctx.by, version: b.version + 1 };
}

/**
 * Re-scores from the sources that count as evidence only; the others
 * (withdrawn, retracted by their publisher) stay in the source notes with their
 * state and no weight, so staff see what was taken out, by whom and why.
 */
function rescoreCountedOnly(b: Briefing, sources: readonly Source[], now: Date): { briefing: Briefing; changed: boolean } {
  const { briefing: scored, changed } = rescore(b, sources.filter(countsAsEvidence), now);
  const uncounted = [...new Map(sources.filter((s) => !countsAsEvidence(s)).map((s) => [s.sourceId, s])).values()].map(uncountedNote);
  const sourceNotes = [...scored.sourceNotes, ...uncounted].sort((x, y) => compareIds(x.sourceId, y.sourceId));
  const same = (x: unknown, y: unknown) => stableJson(x) === stableJson(y);
  if (!changed && same(sourceNotes, b.sourceNotes) && same(scored.confidence, b.confidence) && same(scored.scoreExplanation, b.scoreExplanation)) {
    return { briefing: b, changed: false };
  }
  return { briefing: { ...scored, sourceNotes, updatedAt: now.toISOString(), version: b.version + 1 }, changed };
}

/** What a source note says of the source itself, counted or not. */
function describedSource(s: Source): Pick<SourceNote, 'sourceId' | 'url' | 'publisher' | 'title' | 'kind' | 'stance' | 'language' | 'publishedAt'> {
  return {
    sourceId: s.sourceId,
    url: s.canonicalUrl,
    publisher: s.publisher,
    title: s.title,
    kind: s.kind,
    stance: s.stance,
    language: s.language,
    ...(s.publishedAt ? { publishedAt: s.publishedAt } : {}),
  };
}

/** The note of a source that does not count: its own ratings, no weight, no share. */
function uncountedNote(s: Source): SourceNote {
  return {
    ...describedSource(s),
    reliability: s.reliability
      ? { grade: s.reliability.grade, setBy: 'analyst', reason: s.reliability.reason }
      : { grade: DEFAULT_RELIABILITY[s.kind], setBy: 'default' },
    ...(s.credibility ? { credibility: s.credibility } : {}),
    originId: s.sourceId,
    weight: 0,
    contribution: 0,
    share: 0,
    reasons: [
      s.state?.status === 'withdrawn' ? 'withdrawn by staff: not counted as evidence' : 'retracted by its publisher: not counted as evidence',
    ],
    ...(s.note ? { note: s.note } : {}),
    ...(s.state ? { state: s.state } : {}),
  };
}

/** What staff read at GET /briefings/{id}/score: the confidence, how it was reached, and every source's part in it. */
export const ScoreReport = /* @__PURE__ */ schema(() =>
  z.object({
    briefingId: z.string(),
    status: z.enum(BRIEFING_STATUSES),
    updatedAt: z.iso.datetime(),
    confidence: Confidence,
    explanation: z.optional(Explanation).check(z.describe('Absent for a briefing not scored since model v2')),
    sources: z.array(SourceNote),
    freshness: z
      .optional(z.object({ lastConfirmedAt: z.string(), daysSinceConfirmed: z.number().check(z.int(), z.minimum(0)), decayedScore: z.number() }))
      .check(
        z.describe(
          'How old the signal is now: when a supporting source last confirmed it, and the score it would carry if it decayed like old evidence (full 30 days, then halving every 180). For editors; never applied to the published score',
        ),
      ),
  }),
);
export type ScoreReport = z.output<typeof ScoreReport>;

/**
 * Staleness against now, for the editor: when the signal was last confirmed and the score it would
 * carry if it decayed like old evidence (full for 30 days, then halving every 180). Never applied to
 * the published score, which depends on the evidence only; the editor decides whether to look again.
 */
export type Freshness = NonNullable<ScoreReport['freshness']>;

export function scoreReport(b: Briefing, now: Date = new Date()): ScoreReport {
  const last = b.confidence.lastConfirmedAt;
  const days = last ? Math.max(0, Math.floor((now.getTime() - Date.parse(last)) / 86_400_000)) : 0;
  return {
    briefingId: b.briefingId,
    status: b.status,
    updatedAt: b.updatedAt,
    confidence: b.confidence,
    ...(b.scoreExplanation ? { explanation: b.scoreExplanation } : {}),
    sources: b.sourceNotes,
    ...(last
      ? {
          freshness: {
            lastConfirmedAt: last,
            daysSinceConfirmed: days,
            decayedScore: Math.round(b.confidence.score * recencyFactor(days) * 100) / 100,
          },
        }
      : {}),
  };
}

/**
 * The editorial actions that leave a snapshot in a briefing's version history (rescoring alone does not).
 * `proposed`: an edit of a published briefing saved as its pending revision (the snapshot holds the
 * revision's content; readers still see the published one).
 */
export const EDITORIAL_ACTIONS = ['created', 'edited', 'proposed', 'published', 'retracted', 'assessed', 'unassessed'] as const;
export type EditorialAction = (typeof EDITORIAL_ACTIONS)[number];

/** Who proposed and who approved what a snapshot records (the fields are absent where they do not apply). */
/**
 * Who decided what a version made public: on a publication, the editor whose decision it is and who proposed
 * what it made public; on an editor's own edit of a published briefing, which went live: that editor.
 */
const reviewFields = /* @__PURE__ */ schema(() => ({
  approvedBy: z
    .optional(z.string())
    .check(
      z.describe(
        "On a publication: the editor whose decision it is (who published, or who approved the auto-publish rule); on an editor's own live edit: that editor",
      ),
    ),
  proposedBy: z
    .optional(z.string())
    .check(z.describe("On a publication: who proposed what it made public (the revision's author, or the auto-publish rule's)")),
}));

/** The written content of a briefing as one editorial action left it, and who did what when. Staff read it. */
export const BriefingSnapshot = /* @__PURE__ */ schema(() =>
  z
    .object({
      briefingId: z.string(),
      version: z.number().check(z.int(), z.minimum(1)),
      action: z.enum(EDITORIAL_ACTIONS),
      by: z.string(),
      at: z.iso.datetime(),
      status: z.enum(BRIEFING_STATUSES),
      language: z.string(),
      sections: WrittenSections,
      translations: Translations,
      entities: z.array(EntityRef),
      related: z.array(z.string()),
      confidence: Confidence,
      ...reviewFields,
      autoPublish: z.optional(AutoPublishRule).check(z.describe('The auto-publish rule at this version')),
    })
    .check(z.describe('The written content of a briefing as one editorial action left it (for `proposed`: the revision proposed).')),
);
export type BriefingSnapshot = z.output<typeof BriefingSnapshot>;

/** The snapshot of `b` (of its pending revision's content, for `proposed`). */
export function snapshotOf(b: Briefing, ctx: { action: EditorialAction; by: string; now: Date } & Review): BriefingSnapshot {
  const content = ctx.action === 'proposed' ? withRevision(b) : b;
  return {
    briefingId: b.briefingId,
    version: b.version,
    action: ctx.action,
    by: ctx.by,
    at: ctx.now.toISOString(),
    status: b.status,
    language: b.language,
    sections: content.sections,
    translations: content.translations ?? {},
    entities: content.entities,
    related: content.related,
    confidence: b.confidence,
    ...(b.autoPublish ? { autoPublish: b.autoPublish } : {}),
    ...(ctx.approvedBy ? { approvedBy: ctx.approvedBy } : {}),
    ...(ctx.proposedBy ? { proposedBy: ctx.proposedBy } : {}),
  };
}

/** One line of the version history list. */
export const VersionSummary = /* @__PURE__ */ schema(() =>
  z
    .object({
      version: z.number().check(z.int(), z.minimum(1)),
      action: z.enum(EDITORIAL_ACTIONS),
      by: z.string().check(z.describe('Who acted: a user id, or `rule:auto-publish`')),
      at: z.iso.datetime(),
      status: z.enum(BRIEFING_STATUSES),
      headline: z.string(),
      score: z.number().check(z.minimum(0), z.maximum(1)),
      grade: z.enum(GRADES),
      ...reviewFields,
      autoPublish: z.optional(AutoPublishRule).check(z.describe('The auto-publish rule at this version')),
    })
    .check(z.describe("One editorial action in a briefing's history.")),
);
export type VersionSummary = z.output<typeof VersionSummary>;
export type Review = Pick<VersionSummary, 'approvedBy' | 'proposedBy'>;

export function summarizeSnapshot(s: BriefingSnapshot): VersionSummary {
  return {
    version: s.version,
    action: s.action,
    by: s.by,
    at: s.at,
    status: s.status,
    headline: s.sections.headline,
    score: s.confidence.score,
    grade: s.confidence.grade,
    ...(s.autoPublish ? { autoPublish: s.autoPublish } : {}),
    ...(s.approvedBy ? { approvedBy: s.approvedBy } : {}),
    ...(s.proposedBy ? { proposedBy: s.proposedBy } : {}),
  };
}
