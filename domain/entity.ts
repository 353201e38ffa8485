/**
 * Entities (the companies, people, networks… briefings are about): their
 * profile and their relationships to other entities. Pure: clocks and people
 * are handed in.
 *
 * A relationship is stored once per (relation, target) on its source and
 * mirrored on its target, so both entities' pages show it with its direction.
 * Its evidence is Leadership Alliance content (domain/visibility.ts gates it).
 */
import * as z from 'zod/mini';
import { EntityRef } from './briefing.ts';
import { ForbiddenError, ValidationError } from './errors.ts';
import { LanguageTag } from './language.ts';
import { schema } from './schema.ts';

/** The slug rule of EntityRef: `scale-ai`, `meta`. */
export const EntityId = /* @__PURE__ */ schema(() => EntityRef.shape.entityId);
export const ENTITY_KINDS = /* @__PURE__ */ schema(() => EntityRef.shape.kind.def.innerType.options);
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * The relations an analyst may state. A closed vocabulary rather than free
 * text: the relation is part of the item's key (one link per relation and
 * target), so "investor in" and "invests in" must not become two links, and
 * clients can filter or label by it. A new relation is a one-line change here.
 */
export const RELATIONS = [
  'investor in',
  'acquired',
  'subsidiary of',
  'partner of',
  'partner paused',
  'supplier to',
  'customer of',
  'competitor of',
  'executive of',
  'executive moved to',
  'founder of',
  'regulator of',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** The key-safe form of a relation: `investor in` → `investor-in`. */
export const relationSlug = (relation: Relation): string => relation.replace(/ /g, '-');

/** The most relationships one entity states (each is two writes, kept within one 100-item transaction with its removals). */
export const MAX_RELATIONSHIPS = 20;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const Alias = /* @__PURE__ */ schema(() =>
  z.strictObject({
    language: LanguageTag,
    name: text(200),
  }),
);
export type Alias = z.infer<typeof Alias>;

export const Evidence = /* @__PURE__ */ schema(() =>
  z.strictObject({
    text: text(2000),
    briefingId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    url: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000))),
  }),
);
export type Evidence = z.infer<typeof Evidence>;

/** A relationship as an analyst states it on its source entity. */
export const RelationshipInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    relation: z.enum(RELATIONS),
    target: EntityId,
    since: z.optional(z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date such as 2025-06, 2025-06-12 or 2025'))),
    /** One public line: who is linked to whom and how. */
    summary: text(300),
    evidence: z._default(z.array(Evidence).check(z.maxLength(10)), []),
  }),
);
export type RelationshipInput = z.infer<typeof RelationshipInput>;

/** What an analyst sends to PUT /entities/{entityId}: the whole profile and every outgoing relationship. */
export const EntityProfileInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    name: text(200),
    kind: z.enum(ENTITY_KINDS),
    aliases: z._default(z.array(Alias).check(z.maxLength(20)), []),
    /** Why the entity is covered (market relevance, infrastructure, governance…). */
    coverage: text(1000),
    relationships: z._default(z.array(RelationshipInput).check(z.maxLength(MAX_RELATIONSHIPS)), []),
    /** An editor publishes the profile itself (it is public from then on); absent: its visibility is unchanged. */
    publish: z.optional(z.literal(true)),
  }),
);
export type EntityProfileInput = z.infer<typeof EntityProfileInput>;

/**
 * A stored profile. `origin: briefing` is the minimal profile created when a
 * briefing first named the entity (name and kind only, no coverage yet);
 * an analyst's PUT makes it `analyst`.
 */
export interface EntityProfile {
  entityId: string;
  name: string;
  kind: EntityKind;
  aliases: Alias[];
  coverage?: string;
  origin: 'analyst' | 'briefing';
  updatedAt: string;
  updatedBy?: string;
  /** Incremented on every analyst write; the basis of optimistic concurrency. */
  version: number;
  /**
   * When the profile became public: the first publication of a briefing naming it, or an editor
   * publishing the profile itself. Absent: only staff know the entity exists (a draft named it, or
   * an analyst is preparing it), and every public route answers as for an entity nobody named.
   */
  publishedAt?: string;
}

/** Whether readers may know the entity exists (see {@link EntityProfile.publishedAt}). */
export const isPublicProfile = (profile: Pick<EntityProfile, 'publishedAt'> | undefined): boolean => profile?.publishedAt !== undefined;

/** One end of a relationship, with the name it had when the link was written. */
export const EntityEnd = /* @__PURE__ */ schema(() =>
  z.object({ entityId: z.string(), name: z.string().check(z.describe('Its name when the link was written')) }),
);
export type EntityEnd = z.output<typeof EntityEnd>;

/** A stored relationship, the same on both ends. */
export interface Relationship {
  from: EntityEnd;
  relation: Relation;
  to: EntityEnd;
  since?: string;
  summary: string;
  evidence: Evidence[];
}

/**
 * An analyst's PUT applied over the stored profile (undefined when there is
 * none): the new profile and its relationships, each naming both ends.
 * `names` holds the current names of the targets (read before; an unknown
 * target is a ValidationError naming the field). Duplicate (relation, target)
 * pairs and links to itself are refused the same way.
 */
export function replaceProfile(
  entityId: string,
  input: EntityProfileInput,
  prev: EntityProfile | undefined,
  ctx: { by: string; now: Date; names: ReadonlyMap<string, string>; mayPublish?: boolean },
): { profile: EntityProfile; relationships: Relationship[] } {
  if (input.publish && !ctx.mayPublish) throw new ForbiddenError('publishing a profile is an editor\'s decision: send it without "publish"');
  const issues: { pointer: string; detail: string }[] = [];
  const seen = new Set<string>();
  input.relationships.forEach((r, i) => {
    const key = `${r.relation}|${r.target}`;
    if (r.target === entityId) issues.push({ pointer: `#/relationships/${i}/target`, detail: 'an entity cannot be related to itself' });
    else if (!ctx.names.has(r.target))
      issues.push({ pointer: `#/relationships/${i}/target`, detail: `no entity ${r.target}: create its profile first` });
    if (seen.has(key)) issues.push({ pointer: `#/relationships/${i}`, detail: `"${r.relation}" ${r.target} is listed twice` });
    seen.add(key);
  });
  if (issues.length > 0) throw new ValidationError('the relationships are invalid', issues);

  const profile: EntityProfile = {
    entityId,
    name: input.name,
    kind: input.kind,
    aliases: input.aliases,
    coverage: input.coverage,
    origin: 'analyst',
    updatedAt: ctx.now.toISOString(),
    updatedBy: ctx.by,
    version: (prev?.version ?? 0) + 1,
    // Once public, always public: a later PUT without `publish` does not hide what readers have seen.
    ...(prev?.publishedAt ? { publishedAt: prev.publishedAt } : input.publish ? { publishedAt: ctx.now.toISOString() } : {}),
  };
  const relationships = input.relationships.map(
    (r): Relationship => ({
      from: { entityId, name: input.name },
      relation: r.relation,
      to: { entityId: r.target, name: ctx.names.get(r.target)! },
      ...(r.since ? { since: r.since } : {}),
      summary: r.summary,
      evidence: r.evidence,
    }),
  );
  return { profile, relationships };
}

/** The key of a relationship on its source: one link per relation and target. */
export const linkOf = (r: Pick<Relationship, 'relation' | 'to'>) => `${r.relation}|${r.to.entityId}`;
