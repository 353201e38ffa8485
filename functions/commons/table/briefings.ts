/**
 * Briefing records: key formats, item mapping and access functions.
 *
 * A briefing is stored as parts of its partition, split by who may read them,
 * so that every reader gets what their tier needs in one Query over a
 * contiguous sort-key range (the order of the keys below is what makes it work):
 *
 *   BRIEFING#<id> / L                  what only staff see: authors, the auto-publish rule,
 *                                      the retraction, the event date, the override
 *   BRIEFING#<id> / L#REVISION         the pending revision of a published briefing (staff only:
 *                                      readers' ranges start at M and P); absent when none is pending
 *   BRIEFING#<id> / L#explanation      the score's explanation (staff), written by scoring only
 *   BRIEFING#<id> / M                  source notes
 *   BRIEFING#<id> / M#<lang>           member sections, of the original language and of each translation
 *   BRIEFING#<id> / P                  the head: status, version (the optimistic-concurrency
 *                                      condition), languages, entities, related, confidence,
 *                                      reader-visible dates
 *   BRIEFING#<id> / P#<lang>           public sections, of the original language and of each translation
 *   BRIEFING#<id> / SOURCE#<sourceId>  sources (sources.ts)
 *   BRIEFING#<id> / V#<version, 9 digits>  editorial snapshots (version history)
 *
 * (The keys are built in keys.ts; each part's attributes are declared below and checked on read.)
 *
 * Reads: public `begins_with(sk, 'P')`; members `BETWEEN 'M' AND 'P~'`; staff
 * `BETWEEN 'L' AND 'P~'`; a write's read (briefing and sources, consistent)
 * `BETWEEN 'L' AND 'SOURCE#~'`. A save writes only the parts whose content
 * changed, always `P` (it carries the version). Sections live apart from the
 * head and the source notes, so a re-score (confidence, notes, explanation)
 * rewrites neither; `M` and `L#explanation` hold only what scoring derives, so
 * a re-score can write them without a transaction (scores.ts). Briefings stored
 * before those splits (sections in `P` and `M`, the explanation in `L`) read as
 * they are and move their parts out on their next save.
 */

import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Briefing, type BriefingSnapshot, type SourceNote, snapshotOf } from '#domain/briefing.ts';
import type { Explanation } from '#domain/scoring.ts';
import { SECTIONS, type WrittenSections } from '#domain/sections.ts';
import type { Source } from '#domain/source.ts';
import { stableJson } from '#domain/stable-json.ts';
import type { BriefingParts } from '#domain/visibility.ts';
import type { OutgoingEvent } from '#events/index.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { entityWrites } from './entities.ts';
import { feedWrites } from './feed.ts';
import { type Item, MalformedItemError, parseAttributes, parseItem, type StoredEntity, storedEntity } from './item.ts';
import {
  BRIEFING_ENTITY,
  BRIEFING_PART_ENTITY,
  BRIEFING_VERSION_ENTITY,
  briefingKey,
  briefingPartKey,
  briefingPk,
  briefingVersionKey,
  memberSk,
  publicSk,
  BRIEFING_SK as SK,
  SOURCE_ENTITY,
} from './keys.ts';
import { outboxPut } from './outbox.ts';
import { fromItem as sourceFromItem } from './sources.ts';
import { cancellationCodes, type TransactItem } from './transact.ts';
import { VersionConflictError } from './versioning.ts';

/** The parts only scoring writes (derived from the sources): a re-score may put them on their own (scores.ts). */
export const SCORING_PARTS: ReadonlySet<string> = new Set([SK.member, SK.explanation]);

/** The member sections (`M#<lang>`); the others are public (`P#<lang>`). */
type MemberSections = Pick<WrittenSections, 'trendContext' | 'relationshipEvidence' | 'failurePaths'>;
type PublicSections = Omit<WrittenSections, keyof MemberSections>;

// What each part holds, as a read checks it (parseItem). Briefings stored in an earlier layout kept
// their sections in `P` and `M` and their explanation in `L`: those attributes are declared too.

/** `P`, the head. The announcement a re-scored head carries is for the stream (saveScore), not part of the briefing. */
type Head = Pick<Briefing, 'briefingId' | 'status' | 'version' | 'language' | 'entities' | 'related' | 'confidence' | 'publishedAt' | 'updatedAt'> & {
  translationLanguages?: string[];
  sections?: PublicSections;
  announces?: unknown;
  scoredFrom?: unknown;
  correlationId?: unknown;
};
const HEAD = /* @__PURE__ */ storedEntity<Head>(BRIEFING_ENTITY, {
  briefingId: 'string',
  status: 'string',
  version: 'number',
  language: 'string',
  entities: 'list',
  related: 'list',
  confidence: 'map',
  updatedAt: 'string',
  translationLanguages: 'list?',
});
/** `L`: what only staff see. */
type StaffPart = Pick<
  Briefing,
  | 'createdAt'
  | 'createdBy'
  | 'updatedBy'
  | 'publishedBy'
  | 'retractedAt'
  | 'retractedBy'
  | 'retractionReason'
  | 'autoPublish'
  | 'eventDate'
  | 'override'
> & { scoreExplanation?: Explanation };
const STAFF_PART = /* @__PURE__ */ storedEntity<StaffPart>(BRIEFING_PART_ENTITY, { createdAt: 'string', createdBy: 'string' });
/** `L#REVISION` and `L#explanation`. */
const REVISION_PART = /* @__PURE__ */ storedEntity<Required<Pick<Briefing, 'pendingRevision'>>>(BRIEFING_PART_ENTITY, { pendingRevision: 'map' });
const EXPLANATION_PART = /* @__PURE__ */ storedEntity<{ scoreExplanation: Explanation }>(BRIEFING_PART_ENTITY, { scoreExplanation: 'map' });
/** `M`: the source notes. */
const NOTES_PART = /* @__PURE__ */ storedEntity<{ sourceNotes?: SourceNote[]; sections?: MemberSections }>(BRIEFING_PART_ENTITY, {
  sourceNotes: 'list?',
});
/** `P#<lang>` and `M#<lang>`: one tier's sections in one language. */
const PUBLIC_PART = /* @__PURE__ */ storedEntity<{ sections: PublicSections }>(BRIEFING_PART_ENTITY, { sections: 'map' });
const MEMBER_PART = /* @__PURE__ */ storedEntity<{ sections: MemberSections }>(BRIEFING_PART_ENTITY, { sections: 'map' });
/** `V#<version>`: a snapshot. */
const SNAPSHOT = /* @__PURE__ */ storedEntity<BriefingSnapshot>(BRIEFING_VERSION_ENTITY, {
  briefingId: 'string',
  version: 'number',
  action: 'string',
  by: 'string',
  at: 'string',
  status: 'string',
  language: 'string',
  sections: 'map',
  translations: 'map',
  entities: 'list',
  related: 'list',
  confidence: 'map',
});
/** What briefingStatuses projects from the heads. */
const HEAD_STATUS = /* @__PURE__ */ storedEntity<Pick<Briefing, 'briefingId' | 'status'>>(BRIEFING_ENTITY, {
  briefingId: 'string',
  status: 'string',
});

/** The sort-key condition of each reader's Query, and of a write's read (parts and sources). */
export function partsRange(parts: BriefingParts | 'write'): Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeValues'> {
  if (parts === 'public') return { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':p': SK.head } };
  const [lo, hi] = parts === 'member' ? [SK.member, SK.end] : parts === 'staff' ? [SK.staff, SK.end] : [SK.staff, SK.sourcesEnd];
  return { KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi', ExpressionAttributeValues: { ':lo': lo, ':hi': hi } };
}

/** Which written sections are public: the rest are stored in the member part. */
const PUBLIC_SECTIONS = new Set<string>(SECTIONS.filter((s) => s.tier === 'public').map((s) => s.name));

function splitSections(sections: WrittenSections): { pub: Item; member: Item } {
  const pub: Item = {};
  const member: Item = {};
  for (const [name, content] of Object.entries(sections)) (PUBLIC_SECTIONS.has(name) ? pub : member)[name] = content;
  return { pub, member };
}

/** What a reader below the member part gets for the sections it did not read: never served (they are locked), never saved. */
const UNREAD_MEMBER_SECTIONS: MemberSections = { trendContext: '', relationshipEvidence: [], failurePaths: [] };
/** What a reader below staff gets for the staff part it did not read: never served, never saved. */
const UNREAD_STAFF: StaffPart = { createdAt: '', createdBy: '' };

const part = (briefingId: string, sk: string, entity: string, attrs: Item): Item => ({
  ...briefingPartKey(briefingId, sk),
  entity,
  briefingId,
  ...attrs,
});

/**
 * The explanation as stored: each source's assessment without what its source note (the member
 * part, written with it) already holds, so a re-score writes those bytes once; `expandExplanation`
 * joins them again on read. Old explanations, stored whole, read as they are.
 */
function compactExplanation(e: Explanation): Item {
  return {
    ...e,
    sources: e.sources.map(
      ({
        originId: _o,
        copyOf: _c,
        reliability: _r,
        reliabilitySetBy: _s,
        credibility: _cr,
        weight: _w,
        contribution: _ct,
        share: _sh,
        reasons: _re,
        ...own
      }) => own,
    ),
  };
}

function expandExplanation(stored: Explanation, notes: readonly SourceNote[]): Explanation {
  const byId = new Map(notes.map((n) => [n.sourceId, n]));
  return {
    ...stored,
    sources: stored.sources.map((s) => {
      const note = byId.get(s.sourceId);
      if (!note || s.weight !== undefined) return s;
      return {
        ...s,
        originId: note.originId,
        ...(note.copyOf ? { copyOf: note.copyOf } : {}),
        reliability: note.reliability.grade,
        reliabilitySetBy: note.reliability.setBy,
        ...(note.credibility ? { credibility: note.credibility } : {}),
        weight: note.weight,
        contribution: note.contribution,
        share: note.share,
        reasons: note.reasons,
      };
    }),
  };
}

/** Every item of a briefing's state (not its sources or snapshots), `P` first. */
export function toItems(b: Briefing): Item[] {
  const {
    briefingId,
    status,
    version,
    language,
    entities,
    related,
    confidence,
    publishedAt,
    updatedAt,
    sections,
    translations = {},
    sourceNotes,
    createdAt,
    createdBy,
    updatedBy,
    publishedBy,
    retractedAt,
    retractedBy,
    retractionReason,
    autoPublish,
    scoreExplanation,
    eventDate,
    override,
    pendingRevision,
    ...unplaced
  } = b;
  // A new field of Briefing must be given a part here (who may read it decides which).
  const exhaustive: Record<string, never> = unplaced;
  void exhaustive;
  const original = splitSections(sections);
  const languages = Object.keys(translations).sort();
  const defined = (o: Item) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return [
    part(briefingId, publicSk(), BRIEFING_ENTITY, {
      ...defined({ status, version, language, entities, related, confidence, publishedAt, updatedAt }),
      translationLanguages: languages,
    }),
    part(briefingId, publicSk(language), BRIEFING_PART_ENTITY, { language, sections: original.pub }),
    ...languages.map((l) => part(briefingId, publicSk(l), BRIEFING_PART_ENTITY, { language: l, sections: splitSections(translations[l]!).pub })),
    part(briefingId, memberSk(), BRIEFING_PART_ENTITY, { sourceNotes }),
    part(briefingId, memberSk(language), BRIEFING_PART_ENTITY, { language, sections: original.member }),
    ...languages.map((l) => part(briefingId, memberSk(l), BRIEFING_PART_ENTITY, { language: l, sections: splitSections(translations[l]!).member })),
    part(
      briefingId,
      SK.staff,
      BRIEFING_PART_ENTITY,
      defined({
        createdAt,
        createdBy,
        updatedBy,
        publishedBy,
        retractedAt,
        retractedBy,
        retractionReason,
        autoPublish,
        eventDate,
        override,
      }),
    ),
    // Its own part, so a re-score (which rewrites L) never rewrites a revision's text.
    ...(pendingRevision ? [part(briefingId, SK.revision, BRIEFING_PART_ENTITY, { pendingRevision })] : []),
    ...(scoreExplanation ? [part(briefingId, SK.explanation, BRIEFING_PART_ENTITY, { scoreExplanation: compactExplanation(scoreExplanation) })] : []),
  ];
}

/**
 * The briefing from the items of its partition (any other items are ignored),
 * or undefined without a head. Parts that were not read (a reader's range)
 * come back empty: such a briefing serves that reader and is never saved.
 * MalformedItemError when a part read lacks what it must hold.
 */
export function fromItems(items: readonly Item[]): Briefing | undefined {
  const bySk = new Map(items.filter((i) => i['entity'] === BRIEFING_ENTITY || i['entity'] === BRIEFING_PART_ENTITY).map((i) => [String(i['sk']), i]));
  const headItem = bySk.get(SK.head);
  if (!headItem || headItem['entity'] !== BRIEFING_ENTITY) return undefined;
  const read = <T>(entity: StoredEntity<T>, sk: string): T | undefined => {
    const item = bySk.get(sk);
    return item && parseItem(entity, item);
  };
  const {
    briefingId,
    language,
    translationLanguages = [],
    sections: legacyPublic,
    announces,
    scoredFrom,
    correlationId,
    ...headAttrs
  } = parseItem(HEAD, headItem);
  const { sections: legacyMember, sourceNotes = [] } = read(NOTES_PART, memberSk()) ?? {};
  const publicSections = read(PUBLIC_PART, publicSk(language))?.sections ?? legacyPublic;
  if (!publicSections) throw new MalformedItemError(BRIEFING_PART_ENTITY, `${headItem['pk']} / ${publicSk(language)}`, 'sections is missing');
  const memberSections = read(MEMBER_PART, memberSk(language))?.sections ?? legacyMember;
  const { scoreExplanation: legacyExplanation, ...staff } = read(STAFF_PART, SK.staff) ?? UNREAD_STAFF;
  const sectionsOf = (pub: PublicSections, member: MemberSections | undefined): WrittenSections => ({ ...UNREAD_MEMBER_SECTIONS, ...member, ...pub });
  const translations = Object.fromEntries(
    translationLanguages.flatMap((l) => {
      const pub = read(PUBLIC_PART, publicSk(l));
      return pub ? [[l, sectionsOf(pub.sections, read(MEMBER_PART, memberSk(l))?.sections)]] : [];
    }),
  );
  const revision = read(REVISION_PART, SK.revision);
  const explanation = read(EXPLANATION_PART, SK.explanation)?.scoreExplanation ?? legacyExplanation;
  const briefing: Briefing = {
    ...staff,
    // `pendingRevision`, when one is pending.
    ...(revision ? { pendingRevision: revision.pendingRevision } : {}),
    ...(explanation ? { scoreExplanation: expandExplanation(explanation, sourceNotes) } : {}),
    ...headAttrs,
    briefingId,
    language,
    sections: sectionsOf(publicSections, memberSections),
    ...(Object.keys(translations).length > 0 ? { translations } : {}),
    sourceNotes,
  };
  // 1: sections in `P` and `M`; 2: the explanation in `L` (stateWrites moves them out).
  const earlier = (legacyPublic !== undefined || legacyMember !== undefined ? 1 : 0) | (legacyExplanation !== undefined ? 2 : 0);
  if (earlier) storedInEarlierLayout.set(briefing, earlier);
  return briefing;
}

/** Briefings read in an earlier layout: which one (fromItems); their next save writes the moved parts whatever changed. */
const storedInEarlierLayout = new WeakMap<Briefing, number>();

/** The parts a save writes whatever changed, for a briefing read in an earlier layout. */
function partsToMove(prev: Briefing | undefined): ReadonlySet<string> {
  const earlier = (prev && storedInEarlierLayout.get(prev)) ?? 0;
  return new Set([
    ...(earlier & 1 ? [publicSk(prev!.language), memberSk(prev!.language), memberSk()] : []),
    ...(earlier & 2 ? [SK.staff, SK.explanation] : []),
  ]);
}

async function queryAll(input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await ddb.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

const rangeQuery = (briefingId: string, parts: BriefingParts | 'write', consistent: boolean): QueryCommandInput => {
  const range = partsRange(parts);
  return {
    TableName: config.tableName,
    KeyConditionExpression: range.KeyConditionExpression,
    ExpressionAttributeValues: { ':pk': briefingPk(briefingId), ...range.ExpressionAttributeValues },
    ConsistentRead: consistent,
  };
};

/**
 * A briefing as a reader needs it (`partsFor(viewer)`): one Query of the parts
 * that reader may see, every language included; eventually consistent unless
 * asked (a consumer reading what an event announced asks).
 */
export async function readBriefing(briefingId: string, parts: BriefingParts, opts: { consistent?: boolean } = {}): Promise<Briefing | undefined> {
  return fromItems(await queryAll(rangeQuery(briefingId, parts, opts.consistent ?? false)));
}

/**
 * The current status of each briefing among `briefingIds` that exists (absent: no such briefing):
 * one BatchGetItem of their heads (100 keys a call), eventually consistent, unprocessed keys retried.
 * The projection trims the answer, not the cost: each head read is 0.5 RCU (a head is under 4 KB).
 */
export async function briefingStatuses(briefingIds: readonly string[]): Promise<Map<string, Briefing['status']>> {
  const statuses = new Map<string, Briefing['status']>();
  const unique = [...new Set(briefingIds)];
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map(briefingKey);
    for (let attempt = 0; keys && keys.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 5)));
      if (attempt > 8) throw new Error('briefing statuses could not be read: DynamoDB kept returning unprocessed keys');
      const { Responses, UnprocessedKeys }: BatchGetCommandOutput = await ddb.send(
        new BatchGetCommand({
          RequestItems: {
            [config.tableName]: { Keys: keys, ProjectionExpression: 'briefingId, #status', ExpressionAttributeNames: { '#status': 'status' } },
          },
        }),
      );
      for (const item of Responses?.[config.tableName] ?? []) {
        const head = parseAttributes(HEAD_STATUS, item);
        statuses.set(head.briefingId, head.status);
      }
      keys = UnprocessedKeys?.[config.tableName]?.Keys;
    }
  }
  return statuses;
}

/**
 * A briefing and its sources, as a write must start from: one strongly
 * consistent Query (paged only when the sources exceed 1 MB).
 */
export async function loadBriefing(briefingId: string): Promise<{ briefing: Briefing; sources: Source[] } | undefined> {
  const items = await queryAll(rangeQuery(briefingId, 'write', true));
  const briefing = fromItems(items);
  if (!briefing) return undefined;
  return { briefing, sources: items.filter((i) => i['entity'] === SOURCE_ENTITY).map(sourceFromItem) };
}

/** The writes that turn `prev` into `next`: `P` (conditional), the changed parts, the removed translations' deletes. */
export function stateWrites(prev: Briefing | undefined, next: Briefing, expectedVersion: number | undefined): TransactItem[] {
  const stale = partsToMove(prev);
  const before = new Map((prev ? toItems(prev) : []).filter((i) => !stale.has(String(i['sk']))).map((i) => [String(i['sk']), stableJson(i)]));
  const after = toItems(next);
  const [head, ...rest] = after;
  const condition =
    expectedVersion === undefined
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } };
  const kept = new Set(after.map((i) => String(i['sk'])));
  return [
    { Put: { TableName: config.tableName, Item: head!, ...condition } },
    ...rest.filter((i) => before.get(String(i['sk'])) !== stableJson(i)).map((Item) => ({ Put: { TableName: config.tableName, Item } })),
    ...[...before.keys()]
      .filter((sk) => !kept.has(sk))
      .map((sk) => ({ Delete: { TableName: config.tableName, Key: briefingPartKey(next.briefingId, sk) } })),
  ];
}

export function toSnapshotItem(s: BriefingSnapshot): Item {
  return { ...briefingVersionKey(s.briefingId, s.version), entity: BRIEFING_VERSION_ENTITY, ...s };
}

/**
 * Writes a briefing's new state all or nothing, only if its stored version is
 * still `prev.version` (no `prev`: only if it does not exist yet), with the
 * events that announce it, its feed entries and entity profiles, and (for an
 * editorial action) the snapshot of the new version. `prev` must be the
 * briefing as loadBriefing read it: only the parts that differ from it are written.
 */
/** The most items DynamoDB takes in one TransactWriteItems call. */
export const TRANSACTION_LIMIT = 100;

export async function saveBriefing(
  prev: Briefing | undefined,
  next: Briefing,
  events: readonly OutgoingEvent[],
  now: Date,
  snapshot?: BriefingSnapshot,
): Promise<void> {
  await commit(prev, next, [
    ...stateWrites(prev, next, prev?.version),
    ...(snapshot ? [snapshotPut(snapshot)] : []),
    ...events.map((e) => outboxPut(config.tableName, e, now)),
    ...feedWrites(prev, next),
    ...entityWrites(prev, next),
  ]);
}

/**
 * Stores a new draft with its `created` snapshot and events: `saveBriefing` without the feed,
 * where a draft never is (so create-briefing leaves the feed's code out of its bundle).
 */
export async function saveNewDraft(next: Briefing, events: readonly OutgoingEvent[], now: Date, snapshot: BriefingSnapshot): Promise<void> {
  if (next.status !== 'draft') throw new Error(`briefing ${next.briefingId} is not a draft: save it with saveBriefing`);
  await commit(undefined, next, [
    ...stateWrites(undefined, next, undefined),
    snapshotPut(snapshot),
    ...events.map((e) => outboxPut(config.tableName, e, now)),
    ...entityWrites(undefined, next),
  ]);
}

const snapshotPut = (snapshot: BriefingSnapshot): TransactItem => ({
  Put: { TableName: config.tableName, Item: toSnapshotItem(snapshot), ConditionExpression: 'attribute_not_exists(pk)' },
});

async function commit(prev: Briefing | undefined, next: Briefing, TransactItems: TransactItem[]): Promise<void> {
  // The input limits keep every change under this (test/unit/functions/briefing-transaction-size.test.ts);
  // failing here names the cause, where DynamoDB would answer an opaque ValidationException.
  if (TransactItems.length > TRANSACTION_LIMIT) {
    throw new Error(
      `saving briefing ${next.briefingId} needs ${TransactItems.length} writes, more than one transaction takes (${TRANSACTION_LIMIT})`,
    );
  }
  try {
    await ddb.send(new TransactWriteCommand({ TransactItems }));
  } catch (error) {
    // ConditionalCheckFailed on the head: another version landed first. TransactionConflict: another write to the
    // briefing was in flight. Either way the caller's read may be stale, so it re-reads (or answers 412).
    const codes = cancellationCodes(error);
    if (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) {
      throw new VersionConflictError(`briefing ${next.briefingId} changed since version ${prev?.version ?? 'none'}`);
    }
    throw error;
  }
}

/**
 * Stores a new briefing as it is (no events), with a `created` snapshot of it
 * by its author: for seeding and tests; drafts go through create-briefing.
 */
export async function createBriefing(b: Briefing): Promise<void> {
  const now = new Date(b.updatedAt);
  await saveBriefing(undefined, b, [], now, snapshotOf(b, { action: 'created', by: b.createdBy, now }));
}

/** The most snapshots one history read returns, newest first. */
export const VERSIONS_PAGE = 100;

/** Whether the briefing exists (its head), whatever its status. */
async function exists(briefingId: string): Promise<boolean> {
  const { Item } = await ddb.send(new GetCommand({ TableName: config.tableName, Key: briefingKey(briefingId), ProjectionExpression: 'pk' }));
  return Item !== undefined;
}

/** A briefing's snapshots, newest first (at most {@link VERSIONS_PAGE}); undefined when there is no such briefing. */
export async function listVersions(briefingId: string): Promise<BriefingSnapshot[] | undefined> {
  const { Items = [] } = await ddb.send(
    new QueryCommand({
      TableName: config.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': briefingPk(briefingId), ':v': SK.version },
      ScanIndexForward: false,
      Limit: VERSIONS_PAGE,
    }),
  );
  // No snapshot: either no such briefing, or one stored before histories were kept.
  if (Items.length === 0) return (await exists(briefingId)) ? [] : undefined;
  return Items.filter((i) => i['entity'] === BRIEFING_VERSION_ENTITY).map((i) => parseItem(SNAPSHOT, i));
}

export async function getVersion(briefingId: string, version: number): Promise<BriefingSnapshot | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName: config.tableName, Key: briefingVersionKey(briefingId, version) }));
  return Item && Item['entity'] === BRIEFING_VERSION_ENTITY ? parseItem(SNAPSHOT, Item) : undefined;
}
