/**
 * DynamoDB work per operation of issue 3, each next to its floor: the
 * operations run one at a time on a quiet pipeline while a CapacityRecorder
 * (capacity.ts) records every request the handlers make.
 *
 * A briefing is stored in parts (functions/commons/table/briefings.ts): an
 * anonymous read queries the public ones (`P`, `P#<lang>`), a member's read
 * `M`… to `P~`, a write's read the whole briefing with its sources. The feed is
 * base-table entries, one per dimension value, written in the briefing's own
 * transaction (functions/commons/table/feed.ts); gsi1 holds followers only.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Briefing } from '#domain/briefing.ts';
import { partsRange, readBriefing } from '#functions/commons/table/briefings.ts';
import { feedWrites } from '#functions/commons/table/feed.ts';
import { ALERT_ENTITY, BRIEFING_ENTITY, briefingKey, SOURCE_ENTITY } from '#functions/commons/table/keys.ts';
import { DEMO_BRIEFINGS, type DemoBriefing } from '#local/demo-data.ts';
import { type CapacityRecorder, type DdbCall, itemSize, kindOf, priceConditionChecks, rawDocumentClient, readUnits, writeUnits } from './capacity.ts';
import { type EventTap, expectCall, type LocalStack, type Tokens } from './local.ts';
import { median, sum } from './stats.ts';

export interface Units {
  requests: number;
  rcu: number;
  wcu: number;
}

export interface OperationWork extends Units {
  name: string;
  /** DynamoDB Local's reported capacity units (read + write, table + index). */
  reportedUnits: number;
  /** The least DynamoDB work any design could do for the same result, and why. */
  floor: Units & { why: string };
  /** Median latency: client-observed for HTTP operations, summed DynamoDB time for pipeline steps. */
  latencyMs: number;
  /** Events the operation put on the bus. */
  events: number;
  /** The requests of the costliest instance of the operation. */
  requestsSeen: string[];
  repetitions: number;
}

/** A stored briefing's size: all its parts (not sources or snapshots), and the public ones an anonymous reader's Query returns. */
export interface BriefingBytes {
  /** Every part: `L`, `M`, `M#<lang>`, `P`, `P#<lang>`. */
  total: number;
  /** `P` and `P#<lang>`: what the anonymous Query reads. */
  public: number;
  /** `M`… to `P~`: what a member's Query reads. */
  member: number;
  /** Its translations (each adds a `P#<lang>` and an `M#<lang>` part). */
  languages: string[];
}

export interface DynamoDbWorkResult {
  /** The typical briefing: the untranslated published demo briefing of median total size. */
  typical: {
    key: string;
    briefingId: string;
    itemBytes: number;
    publicBytes: number;
    memberBytes: number;
    anonymousResponseBytes: number;
    memberResponseBytes: number;
  };
  /** The translated published demo briefing the translated read uses, if there is one. */
  translated?: { key: string; briefingId: string; languages: string[]; publicBytes: number; responseBytes: number };
  /** Every published demo briefing's parts, by key. */
  briefings: Record<string, BriefingBytes>;
  /** Kept for results readers: every published demo briefing's total bytes (all parts), by key. */
  itemBytes: Record<string, number>;
  listPage: { items: number; responseBytes: number; filtered: { entityId: string; items: number; responseBytes: number } };
  /** The feed entries publishing the measured briefing wrote (one per dimension value). */
  feedEntries: { count: number; bytes: number };
  operations: OperationWork[];
}

function summarize(name: string, perOp: DdbCall[][], floor: OperationWork['floor'], latencies: number[], events: number): OperationWork {
  const n = perOp.length;
  const all = perOp.flat();
  return {
    name,
    requests: all.length / n,
    rcu: sum(all.map((c) => c.rcu)) / n,
    wcu: sum(all.map((c) => c.wcu)) / n,
    reportedUnits: sum(all.map((c) => c.reportedUnits)) / n,
    floor,
    latencyMs: median(latencies),
    events: events / n,
    // The instance with the most requests (a cache miss, when a cache hides some).
    requestsSeen: ([...perOp].sort((a, b) => b.length - a.length)[0] ?? []).map(
      (c) =>
        `${c.command} (${c.detail})${c.ok ? '' : ' FAILED'}: ${c.rcu ? `${c.rcu} RCU` : ''}${c.rcu && c.wcu ? ' + ' : ''}${c.wcu ? `${c.wcu} WCU` : ''}`,
    ),
    repetitions: n,
  };
}

const byFn = (calls: DdbCall[], fn: string) => calls.filter((c) => c.fn === fn);

/** The names the cost model looks the operations up by. */
export const OPERATIONS = {
  anonymous: 'anonymous GET /briefings/{id}',
  translated: 'anonymous GET /briefings/{id}?lang= (translated)',
  member: 'member GET /briefings/{id}',
  list: 'GET /briefings (page of 20)',
  listFiltered: 'GET /briefings?entity= (page of 20)',
  /** A syndication feed (issue 17): the same page, rendered as RSS. */
  feed: 'GET /feeds/briefings.rss (page of 20)',
  ingest: 'POST /sources',
  scoring: 'scoring one source',
  check: 'auto-publish check (per scoring)',
  publish: 'publishing one briefing',
  alerts: 'alerting followers (per published briefing)',
} as const;

/**
 * Measures each operation of issue 3 one at a time on a quiet pipeline:
 * reads on the most typical demo briefing (the median size among the
 * untranslated ones) and on the translated one, writes on a fresh draft copy
 * of the typical one with its real sources, published with one member
 * following one of its entities.
 */
export async function measureDynamoDbWork(opts: {
  stack: LocalStack;
  recorder: CapacityRecorder;
  tap: EventTap;
  tokens: Tokens;
  repetitions: number;
}): Promise<DynamoDbWorkResult> {
  const { stack, recorder, tap, tokens, repetitions } = opts;
  const raw = rawDocumentClient(stack);
  try {
    // The demo briefings as stored, part by part, to pick the typical one: the three readers' Queries of each.
    const parts = async (briefingId: string, range: 'public' | 'member' | 'staff') => {
      const { KeyConditionExpression, ExpressionAttributeValues } = partsRange(range);
      const { Items = [] } = await raw.send(
        new QueryCommand({
          TableName: stack.tableName,
          KeyConditionExpression,
          ExpressionAttributeValues: { ':pk': briefingKey(briefingId).pk, ...ExpressionAttributeValues },
        }),
      );
      return Items;
    };
    const briefings: Record<string, BriefingBytes> = {};
    for (const [key, briefingId] of Object.entries(stack.briefings)) {
      const all = await parts(briefingId, 'staff');
      const head = all.find((i) => kindOf(i) === BRIEFING_ENTITY);
      if (head?.['status'] !== 'published') continue;
      const bytes = (items: Record<string, unknown>[]) => sum(items.map(itemSize));
      briefings[key] = {
        total: bytes(all),
        public: bytes(await parts(briefingId, 'public')),
        member: bytes(await parts(briefingId, 'member')),
        languages: (head['translationLanguages'] as string[] | undefined) ?? [],
      };
    }
    const untranslated = Object.entries(briefings)
      .filter(([, b]) => b.languages.length === 0)
      .sort((a, b) => a[1].total - b[1].total);
    const [typicalKey, typicalBytes] = untranslated[Math.floor((untranslated.length - 1) / 2)]!;
    const typicalId = stack.briefings[typicalKey]!;
    const demo = DEMO_BRIEFINGS.find((d) => d.key === typicalKey) as DemoBriefing;
    const translatedEntry = Object.entries(briefings).find(([, b]) => b.languages.length > 0);

    /**
     * A read's floor: one eventually consistent read of what the reader receives, sized as the smaller of the
     * response and the stored parts it is made of (`storedBytes`, when the read is of one briefing): a design
     * could store either, and the JSON the handler shapes is larger than the parts it reads.
     */
    const reads = async (name: string, path: string, token: string | undefined, floorWhy: string, storedBytes?: number) => {
      const perOp: DdbCall[][] = [];
      const latencies: number[] = [];
      let bytes = 0;
      let json: unknown;
      for (let i = 0; i < repetitions; i++) {
        const { result, calls } = await recorder.window(() => expectCall(stack, 200, 'GET', path, token ? { token } : {}));
        perOp.push(calls);
        latencies.push(result.ms);
        bytes = result.bytes;
        json = result.json;
      }
      const floorBytes = Math.min(bytes, storedBytes ?? bytes);
      const floor = {
        requests: 1,
        rcu: readUnits(floorBytes, false),
        wcu: 0,
        why: `${floorWhy} (${bytes} B returned${storedBytes !== undefined ? `, stored in ${storedBytes} B` : ''})`,
      };
      return { work: summarize(name, perOp, floor, latencies, 0), bytes, json };
    };

    const anonymous = await reads(
      OPERATIONS.anonymous,
      `/briefings/${typicalId}`,
      undefined,
      'one eventually consistent GetItem of what the reader receives',
      typicalBytes.public,
    );
    const translatedLanguage = translatedEntry?.[1].languages[0];
    const translated = translatedEntry
      ? await reads(
          OPERATIONS.translated,
          `/briefings/${stack.briefings[translatedEntry[0]]}?lang=${translatedLanguage}`,
          undefined,
          `one eventually consistent GetItem of what the reader receives (the ${translatedLanguage} text); the Query reads every language's public part`,
          translatedEntry[1].public,
        )
      : undefined;
    const member = await reads(
      OPERATIONS.member,
      `/briefings/${typicalId}`,
      tokens.member,
      'one eventually consistent GetItem of what the member receives',
      typicalBytes.member,
    );
    // A page the current month's bucket cannot fill walks back month by month (domain/feed.ts, at most its query budget);
    // an entity's entries are one all-time partition, so its page is one Query.
    const list = await reads(OPERATIONS.list, '/briefings?limit=20', undefined, 'one eventually consistent Query over the page');
    const listEntity = demo.input.entities[0]!.entityId;
    const filtered = await reads(
      OPERATIONS.listFiltered,
      `/briefings?limit=20&entity=${encodeURIComponent(listEntity)}`,
      undefined,
      `one eventually consistent Query over the page (entity ${listEntity})`,
    );
    // The same page for a feed reader: the same Query, written as RSS; its floor reads the page as stored (the JSON page's bytes).
    const feed = await reads(
      OPERATIONS.feed,
      '/feeds/briefings.rss?limit=20',
      undefined,
      'one eventually consistent Query over the page',
      list.bytes,
    );
    const itemsOf = (json: unknown) => (json as { items?: unknown[] } | undefined)?.items?.length ?? 0;

    // Writes: a draft copy of the typical briefing, its real sources one at a time, then an editor publishes it
    // while the member follows one of its entities (the alert fan-out).
    const { relatedKeys, autoPublish, ...input } = demo.input;
    const draft = await expectCall(stack, 201, 'POST', '/briefings', { token: tokens.analyst, body: { ...input, related: [] } });
    const briefingId = (draft.json as { briefingId: string }).briefingId;
    await expectCall(stack, 200, 'PUT', `/me/watchlist/${encodeURIComponent(listEntity)}`, { token: tokens.member });
    await stack.settled();
    const ingestCalls: DdbCall[][] = [];
    const scoreCalls: DdbCall[][] = [];
    const checkCalls: DdbCall[][] = [];
    const ingestLatency: number[] = [];
    let sourceEvents = 0;
    let scoredEvents = 0;
    for (const { expectDuplicate, ...source } of demo.sources.filter((s) => !s.expectDuplicate)) {
      const since = performance.now();
      const { result, calls } = await recorder.window(async () => {
        const res = await expectCall(stack, 201, 'POST', '/sources', { token: tokens.analyst, body: { ...source, briefingId } });
        await stack.settled();
        return res;
      });
      await priceConditionChecks(calls, stack, raw);
      ingestCalls.push(byFn(calls, 'ingest-source'));
      scoreCalls.push(byFn(calls, 'score-briefing'));
      checkCalls.push(byFn(calls, 'auto-publish-briefing'));
      ingestLatency.push(result.ms);
      sourceEvents += tap.count('Source Ingested', since);
      scoredEvents += tap.count('Briefing Scored', since);
    }
    const since = performance.now();
    const published = await recorder.window(async () => {
      const res = await expectCall(stack, 200, 'POST', `/briefings/${briefingId}/publish`, { token: tokens.editor });
      await stack.settled();
      return res;
    });
    const publishedEvents = tap.count('Briefing Published', since);

    // The feed entries a publish must write, as the table module plans them for the briefing as published.
    const publishedBriefing = (await readBriefing(briefingId, 'staff', { consistent: true })) as Briefing;
    const entryBytes = feedWrites(undefined, publishedBriefing).flatMap((w) => (w.Put ? [itemSize(w.Put.Item as Record<string, unknown>)] : []));
    const feedEntryUnits = sum(entryBytes.map(writeUnits));

    // Each scoring reads the briefing with every source so far; the floor reads the sources alone.
    const sourceSizes = ingestCalls.map((calls) => sum(calls.flatMap((c) => c.written.filter((w) => w.kind === SOURCE_ENTITY).map((w) => w.bytes))));
    const sourceBytes = median(sourceSizes);
    const scoringFloorRcu = sum(sourceSizes.map((_, i) => readUnits(sum(sourceSizes.slice(0, i + 1)), true))) / Math.max(1, sourceSizes.length);
    const dynamoMs = (calls: DdbCall[][]) => median(calls.map((cs) => sum(cs.map((c) => c.ms))));

    const alertCalls = byFn(published.calls, 'alert-followers');
    const alerts = alertCalls.filter(
      (c) => (c.command === 'PutItem' || c.command === 'UpdateItem') && c.written.some((w) => w.kind === ALERT_ENTITY),
    );
    const alertBytes = median(alerts.flatMap((c) => c.written.map((w) => w.bytes)));
    const entities = publishedBriefing.entities.length;

    const operations: OperationWork[] = [
      anonymous.work,
      ...(translated ? [translated.work] : []),
      member.work,
      list.work,
      filtered.work,
      feed.work,
      summarize(
        OPERATIONS.ingest,
        ingestCalls,
        {
          requests: 1,
          rcu: 0,
          wcu: writeUnits(sourceBytes),
          why: `one conditional PutItem of the source (${sourceBytes} B); its stream record is the event`,
        },
        ingestLatency,
        sourceEvents,
      ),
      summarize(
        OPERATIONS.scoring,
        scoreCalls,
        {
          requests: 2,
          rcu: scoringFloorRcu,
          wcu: 1,
          why: "one strongly consistent Query of the briefing's sources only (the model needs every source's evidence; the sources so far, on average) + one ≤ 1 KB score item written, not the whole briefing",
        },
        [dynamoMs(scoreCalls)],
        scoredEvents,
      ),
      summarize(
        OPERATIONS.check,
        checkCalls,
        { requests: 0, rcu: 0, wcu: 0, why: 'decidable inside the scoring write (the rule is on the briefing)' },
        [dynamoMs(checkCalls)],
        0,
      ),
      summarize(
        OPERATIONS.publish,
        [byFn(published.calls, 'publish-briefing')],
        {
          requests: 1,
          rcu: 0,
          wcu: 1 + feedEntryUnits,
          why:
            `one conditional write of a ≤ 1 KB status item + the feed entries the filters need, one per dimension value ` +
            `(${entryBytes.length} entries, ${sum(entryBytes)} B: all, type, region, market, each entity, each language), not transactional`,
        },
        [published.result.ms],
        publishedEvents,
      ),
      summarize(
        OPERATIONS.alerts,
        [alertCalls],
        {
          requests: entities + alerts.length,
          rcu: entities * readUnits(0, false),
          wcu: alerts.length * writeUnits(alertBytes),
          why: `one index Query of each named entity's followers (${entities} entities) + one write per follower (${alerts.length} follower(s), ${alertBytes} B alert); no re-read of the briefing`,
        },
        [dynamoMs([alertCalls])],
        0,
      ),
    ];
    return {
      typical: {
        key: typicalKey,
        briefingId: typicalId,
        itemBytes: typicalBytes.total,
        publicBytes: typicalBytes.public,
        memberBytes: typicalBytes.member,
        anonymousResponseBytes: anonymous.bytes,
        memberResponseBytes: member.bytes,
      },
      ...(translatedEntry && translated
        ? {
            translated: {
              key: translatedEntry[0],
              briefingId: stack.briefings[translatedEntry[0]]!,
              languages: translatedEntry[1].languages,
              publicBytes: translatedEntry[1].public,
              responseBytes: translated.bytes,
            },
          }
        : {}),
      briefings,
      itemBytes: Object.fromEntries(Object.entries(briefings).map(([k, b]) => [k, b.total])),
      listPage: {
        items: itemsOf(list.json),
        responseBytes: list.bytes,
        filtered: { entityId: listEntity, items: itemsOf(filtered.json), responseBytes: filtered.bytes },
      },
      feedEntries: { count: entryBytes.length, bytes: sum(entryBytes) },
      operations,
    };
  } finally {
    raw.destroy();
  }
}
