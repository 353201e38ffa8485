/**
 * Spec: every stored entity reads back as it was written, and a read checks what it reads
 * (functions/commons/table/item.ts): an item that lacks an attribute its entity requires, holds one of
 * the wrong kind, or is another entity's is refused with an error naming the entity, the item's key and
 * what is wrong, never cast into a domain value. Runs on the in-memory table (test/reliability), through
 * the table modules' own writes and reads.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccessRequest } from '#domain/access-request.ts';
import { publish, rescore, snapshotOf } from '#domain/briefing.ts';
import type { EntitlementHistoryEntry } from '#domain/entitlement.ts';
import type { Relationship } from '#domain/entity.ts';
import { summarize } from '#domain/visibility.ts';
import type { Alert } from '#domain/watchlist.ts';
import { memberAccessRequests, toItem as toAccessRequestItem } from '#functions/commons/table/access-requests.ts';
import { announce } from '#functions/commons/table/announce.ts';
import { createBriefing, getVersion, listVersions, loadBriefing, readBriefing } from '#functions/commons/table/briefings.ts';
import { getEntity, getProfile, saveProfile } from '#functions/commons/table/entities.ts';
import { entitlementHistory, getEntitlement, saveEntitlement } from '#functions/commons/table/entitlements.ts';
import { MalformedItemError, parseItem, storedEntity } from '#functions/commons/table/item.ts';
import {
  ALERT_ENTITY,
  alertKey,
  briefingKey,
  entitlementKey,
  PROFILE_ENTITY,
  profileKey,
  SOURCE_ENTITY,
  sourceKey,
} from '#functions/commons/table/keys.ts';
import { fromOutboxItem } from '#functions/commons/table/outbox.ts';
import { readOutboxItem } from '#functions/commons/table/pending-changes.ts';
import { addSource, getSource } from '#functions/commons/table/sources.ts';
import { listAlerts, listWatchlist, toWatchItem } from '#functions/commons/table/watchlist.ts';
import { InMemoryTable } from '#test/reliability/in-memory-table.ts';
import { draft, entityProfile, NOW, source } from '#test/support/fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
let table: InMemoryTable;

beforeEach(() => {
  ddb.reset();
  table = new InMemoryTable('briefings-test');
  table.install(ddb);
});

const scored = rescore(draft(), [source('direct', 1), source('reporting', 2)], NOW).briefing;
const published = publish(scored, { by: 'editor-1', now: NOW });
const translated = { ...published, translations: { fr: { ...published.sections, headline: 'Acme suspend son chantier de fibre au nord' } } };
const grant: EntitlementHistoryEntry = {
  userId: 'u-1',
  tier: 'leadership-alliance',
  roles: ['editor'],
  origin: 'admin',
  grantedBy: 'admin-1',
  validFrom: NOW.toISOString(),
  validUntil: '2027-06-20T08:00:00.000Z',
  version: 1,
  updatedAt: NOW.toISOString(),
  change: 'granted',
  changedBy: 'admin-1',
};
const event = (eventId: string) => ({ detailType: 'Source Ingested', detail: { eventId, schemaVersion: 1, briefingId: 'b-1' } });

/** The item stored at a key (to spoil it for the malformed cases). */
const stored = (key: { pk: string; sk: string }) => table.snapshot().find((i) => i['pk'] === key.pk && i['sk'] === key.sk)!;

describe('each stored entity reads back as written', () => {
  it('a briefing: every part (head, sections in two languages, source notes, staff, explanation) and its snapshot', async () => {
    // Act
    await createBriefing(translated);
    // Assess
    expect(await readBriefing('b-1', 'staff', { consistent: true })).toEqual(translated);
    expect((await loadBriefing('b-1'))?.briefing).toEqual(translated);
    expect(await getVersion('b-1', translated.version)).toEqual(snapshotOf(translated, { action: 'created', by: translated.createdBy, now: NOW }));
    expect(await listVersions('b-1')).toHaveLength(1);
  });

  it('a source, under its briefing', async () => {
    // Prepare
    await createBriefing(scored);
    const s = source('direct', 7);
    // Act
    await addSource(s, event('ev-source'), NOW);
    // Assess
    expect(await getSource('b-1', s.sourceId)).toEqual(s);
    expect((await loadBriefing('b-1'))?.sources).toEqual([s]);
  });

  it('an entity profile and a link, read from both ends', async () => {
    // Prepare
    const scale = entityProfile();
    const meta = entityProfile({ entityId: 'meta', name: 'Meta' });
    const link: Relationship = {
      from: { entityId: 'meta', name: 'Meta' },
      relation: 'investor in',
      to: { entityId: 'scale-ai', name: 'Scale AI' },
      summary: 'Meta took a 49% stake.',
      evidence: [],
    };
    // Act
    await saveProfile({ outgoing: [], incoming: [] }, scale, []);
    await saveProfile({ outgoing: [], incoming: [] }, meta, [link]);
    // Assess
    expect(await getProfile('scale-ai')).toEqual(scale);
    expect(await getEntity('meta')).toEqual({ profile: meta, outgoing: [link], incoming: [] });
    expect(await getEntity('scale-ai')).toEqual({ profile: scale, outgoing: [], incoming: [link] });
  });

  it('an entitlement record and its history entry', async () => {
    // Act
    await saveEntitlement(grant, undefined, [], NOW);
    // Assess
    const { change, changedBy, ...record } = grant;
    expect(await getEntitlement('u-1')).toEqual(record);
    expect(await entitlementHistory('u-1')).toEqual([grant]);
  });

  it('a request for a tier', async () => {
    // Prepare
    const request: AccessRequest = {
      requestId: '1',
      userId: 'u-1',
      tier: 'leadership-alliance',
      reason: 'I brief our board',
      status: 'open',
      requestedAt: NOW.toISOString(),
    };
    // Act
    table.seed(toAccessRequestItem(request));
    // Assess
    expect(await memberAccessRequests('u-1')).toEqual([request]);
  });

  it('a watch item, without the member id it also carries', async () => {
    // Prepare
    const entry = { entityId: 'scale-ai', name: 'Scale AI', kind: 'company' as const, followedAt: NOW.toISOString() };
    // Act: written as follow() puts it (the in-memory table cannot check follow's cap condition, an OR).
    table.seed(toWatchItem('m-1', entry));
    // Assess
    expect(await listWatchlist('m-1')).toEqual([entry]);
  });

  it('an alert, its followed entities (a string set, as addToAlert adds them) as a sorted list', async () => {
    // Prepare: the in-memory table has no ADD, so the item is written as addToAlert's update leaves it.
    const alert: Alert = {
      briefingId: 'b-1',
      briefingVersion: 2,
      alertedAt: NOW.toISOString(),
      entityIds: ['acme', 'meta'],
      briefing: summarize(published),
    };
    table.seed({ ...alertKey('m-1', alert), entity: ALERT_ENTITY, userId: 'm-1', expiresAt: 1, ...alert, entityIds: new Set(['meta', 'acme']) });
    // Act
    const alerts = await listAlerts('m-1', 10);
    // Assess
    expect(alerts).toEqual([alert]);
  });

  it('an outbox record, and the event it holds', async () => {
    // Act
    await announce([event('ev-1')], NOW);
    // Assess
    const record = await readOutboxItem('ev-1');
    expect(record).toMatchObject({ entity: 'outbox', detailType: 'Source Ingested', detail: event('ev-1').detail });
    expect(fromOutboxItem({ ...record! })).toEqual(event('ev-1'));
  });
});

describe('a malformed item is refused, naming the entity, its key and what is wrong', () => {
  it('a missing attribute', async () => {
    // Prepare
    await saveEntitlement(grant, undefined, [], NOW);
    const { tier, ...withoutTier } = stored(entitlementKey('u-1'));
    table.seed(withoutTier);
    // Act
    const read = getEntitlement('u-1');
    // Assess
    await expect(read).rejects.toThrow(MalformedItemError);
    await expect(read).rejects.toThrow('malformed entitlement item USER#u-1 / ENTITLEMENT: tier is missing');
  });

  it('an attribute of the wrong kind', async () => {
    // Prepare
    await createBriefing(scored);
    const s = source('direct', 7);
    await addSource(s, event('ev-source'), NOW);
    table.seed({ ...stored(sourceKey('b-1', s.sourceId)), version: '2' });
    // Act, Assess
    await expect(getSource('b-1', s.sourceId)).rejects.toThrow(
      `malformed source item BRIEFING#b-1 / SOURCE#${s.sourceId}: version is a string, not a number`,
    );
  });

  it("a briefing's head whose confidence is not a map, or whose public part is gone", async () => {
    // Prepare
    await createBriefing(scored);
    table.seed({ ...stored(briefingKey('b-1')), confidence: [] });
    // Act, Assess
    await expect(readBriefing('b-1', 'public')).rejects.toThrow('malformed briefing item BRIEFING#b-1 / P: confidence is a list, not a map');
    table.seed({ ...stored(briefingKey('b-1')), confidence: scored.confidence, language: 'de' });
    await expect(readBriefing('b-1', 'public')).rejects.toThrow('malformed briefing-part item BRIEFING#b-1 / P#de: sections is missing');
  });

  it("another entity's item where a key promised this one", async () => {
    // Prepare: a profile item written where a source belongs.
    table.seed({ ...sourceKey('b-1', 's-1'), entity: PROFILE_ENTITY, ...entityProfile() });
    // Act, Assess
    await expect(getSource('b-1', 's-1')).rejects.toThrow('malformed source item BRIEFING#b-1 / SOURCE#s-1: entity is "entity-profile"');
  });

  it('a link of an entity page without its evidence', async () => {
    // Prepare
    table.seed({ ...profileKey('meta'), entity: PROFILE_ENTITY, ...entityProfile({ entityId: 'meta', name: 'Meta' }) });
    table.seed({
      pk: profileKey('meta').pk,
      sk: 'REL#investor-in#scale-ai',
      entity: 'entity-link',
      from: {},
      relation: 'investor in',
      to: {},
      summary: 's',
    });
    // Act, Assess
    await expect(getEntity('meta')).rejects.toThrow('malformed entity-link item ENTITY#meta / REL#investor-in#scale-ai: evidence is missing');
  });

  it('a watch item whose name is a number', async () => {
    // Prepare
    table.seed({ ...toWatchItem('m-1', { entityId: 'scale-ai', name: 'Scale AI', kind: 'company', followedAt: NOW.toISOString() }), name: 42 });
    // Act, Assess
    await expect(listWatchlist('m-1')).rejects.toThrow('malformed watch item MEMBER#m-1 / WATCH#scale-ai: name is a number, not a string');
  });

  it('checks only what the declaration names, and the compiler holds the declaration to the domain type', () => {
    // Prepare
    const ENTRY = storedEntity<{ id: string; note?: string }>(SOURCE_ENTITY, { id: 'string', note: 'string?' });
    const item = (attrs: Record<string, unknown>) => ({ pk: 'BRIEFING#b-1', sk: 'SOURCE#s-1', entity: SOURCE_ENTITY, ...attrs });
    // Act, Assess
    expect(parseItem(ENTRY, item({ id: 'x', extra: 1 }))).toEqual({ id: 'x', extra: 1 });
    expect(() => parseItem(ENTRY, item({ id: 'x', note: 7 }))).toThrow(
      'malformed source item BRIEFING#b-1 / SOURCE#s-1: note is a number, not a string',
    );
    expect(() => parseItem(ENTRY, item({ note: 'n' }))).toThrow('id is missing');
    // @ts-expect-error: `id` is required by the type, so the declaration must name it.
    storedEntity<{ id: string }>(SOURCE_ENTITY, {});
    // @ts-expect-error: and with its kind.
    storedEntity<{ id: string }>(SOURCE_ENTITY, { id: 'number' });
  });
});
