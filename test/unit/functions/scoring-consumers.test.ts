import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { rescore } from '#domain/briefing.ts';
import { BriefingScored, SourceIngested } from '#events/index.ts';
import { handler as autoPublish } from '#functions/pipeline/auto-publish-briefing.ts';
import { handler as score } from '#functions/pipeline/score-briefing.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { busEvent, context } from '#test/support/lambda.ts';
import { announcedScore, eventsPut, partitionItems, partsPut, putAt, scorePuts, storeBriefing } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const ingested = busEvent(SourceIngested.detailType, { ...SourceIngested.example, briefingId: 'b-1' });
const writtenEvents = () =>
  ddb.commandCalls(TransactWriteCommand).flatMap((c) => eventsPut(c.args[0].input.TransactItems!).map((i) => i['detailType']));

beforeEach(() => {
  ddb.reset();
  ddb.on(BatchWriteCommand).resolves({});
});

/** The outbox records the scorer deleted in one request, and the confirmations sent one by one. */
const confirmed = () => ({
  together: ddb.commandCalls(BatchWriteCommand).map((c) =>
    Object.values(c.args[0].input.RequestItems!)[0]!
      .map((r) => r.DeleteRequest!.Key!['pk'])
      .sort(),
  ),
  alone: ddb.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key!['pk']),
});
const ingestedOf = (s: { briefingId: string; sourceId: string }) =>
  busEvent(SourceIngested.detailType, {
    ...SourceIngested.example,
    eventId: `ingested_${s.briefingId}_${s.sourceId}`,
    briefingId: s.briefingId,
    sourceId: s.sourceId,
  });

describe('score-briefing (on Source Ingested)', () => {
  it('re-scores from all sources and announces Briefing Scored with old and new values, without a transaction', async () => {
    storeBriefing(ddb, draft(), [source('direct', 1), source('reporting', 2)]);
    ddb.on(PutCommand).resolves({});

    await score(ingested, context);

    // The briefing and its sources come from one consistent Query.
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':pk': 'BRIEFING#b-1', ':lo': 'L', ':hi': 'SOURCE#~' },
      ConsistentRead: true,
    });
    // A draft not due for auto-publishing: the scoring parts (notes, explanation), then the head, conditional on
    // the version read, carrying the event its stream record announces; no transaction, no outbox record, no snapshot.
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    const puts = scorePuts(ddb);
    expect(puts.map((p) => p.Item!['sk'])).toEqual(['M', 'L#explanation', 'P']);
    expect(puts.slice(0, 2).every((p) => p.ConditionExpression === undefined)).toBe(true);
    expect(puts[2]).toMatchObject({
      Item: { sk: 'P', confidence: { score: 0.76, grade: 'A/B' }, version: 2, announces: 'Briefing Scored' },
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': 1 },
    });
    expect(announcedScore(ddb)).toMatchObject({
      eventId: 'scored_b-1_2',
      previous: { score: 0, grade: 'D' },
      current: { score: 0.76, grade: 'A/B' },
      autoPublishDue: false,
    });
  });

  it('announces in a transaction with a pending outbox record when the draft becomes due for its auto-publish rule', async () => {
    const rule = { minGrade: 'B/C', proposedBy: 'analyst-1', approvedBy: 'editor-1' };
    storeBriefing(ddb, draft({ autoPublish: rule }), [source('direct', 1), source('reporting', 2)]);
    ddb.on(TransactWriteCommand).resolves({});

    await score(ingested, context);

    expect(scorePuts(ddb)).toHaveLength(0);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Put!.Item).toMatchObject({ sk: 'P', version: 2 });
    expect(items[0]!.Put!.Item).not.toHaveProperty('announces');
    expect(partsPut(items)).toEqual(['P', 'M', 'L#explanation']);
    const [record] = eventsPut(items);
    expect(record).toMatchObject({ detail: { autoPublishDue: true }, gsi1pk: expect.stringMatching(/^PENDING#/) });
  });

  it('does not announce a draft as due while its rule is only proposed (no editor approved it)', async () => {
    storeBriefing(ddb, draft({ autoPublish: { minGrade: 'B/C', proposedBy: 'analyst-1' } }), [source('direct', 1), source('reporting', 2)]);
    ddb.on(PutCommand).resolves({});

    await score(ingested, context);

    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(announcedScore(ddb)).toMatchObject({ autoPublishDue: false });
  });

  it("saves in a transaction when a re-score changes more than what scoring derives (a published briefing's feed entries)", async () => {
    const published = { ...draft(), status: 'published' as const, publishedAt: NOW.toISOString() };
    storeBriefing(ddb, published, [source('direct', 1), source('reporting', 2)]);
    ddb.on(TransactWriteCommand).resolves({});

    await score(ingested, context);

    expect(scorePuts(ddb)).toHaveLength(0);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.some((i) => String(i.Put?.Item?.['pk']).startsWith('FEED'))).toBe(true);
    // Nothing awaits a published briefing's re-score: its record has no pending marker.
    expect(eventsPut(items)[0]).not.toHaveProperty('gsi1pk');
  });

  it('confirms, in one request after the score is stored, the Source Ingested of every source the score newly covers', async () => {
    const sources = [source('direct', 1), source('reporting', 2)];
    storeBriefing(ddb, draft(), sources);
    ddb.on(PutCommand).resolves({});

    await score(ingestedOf(sources[1]!), context);

    expect(confirmed()).toEqual({ together: [sources.map((s) => `OUTBOX#ingested_b-1_${s.sourceId}`).sort()], alone: [] });
    // Never ahead of its consequence: the head (the score) is stored before anything is confirmed.
    const order = ddb.calls().map((c) => c.args[0].constructor.name);
    expect(order.lastIndexOf('PutCommand')).toBeLessThan(order.indexOf('BatchWriteCommand'));
  });

  it("confirms nothing when an earlier score already covered the event's source (that scoring confirmed it)", async () => {
    const sources = [source('direct', 1), source('reporting', 2)];
    storeBriefing(ddb, rescore(draft(), sources, NOW).briefing, sources);

    await score(ingestedOf(sources[0]!), context);

    expect(confirmed()).toEqual({ together: [], alone: [] });
  });

  it('confirms its own source with the score it stored even when the notes listed it already (notes ahead of their head)', async () => {
    // A scoring that stopped between its notes and its head: the notes count both sources, the score neither.
    const sources = [source('direct', 1), source('reporting', 2)];
    const ahead = rescore(draft(), sources, NOW).briefing;
    storeBriefing(ddb, { ...draft(), sourceNotes: ahead.sourceNotes, scoreExplanation: ahead.scoreExplanation }, sources);
    ddb.on(PutCommand).resolves({});

    await score(ingestedOf(sources[1]!), context);

    expect(announcedScore(ddb)).toBeDefined();
    expect(confirmed()).toEqual({ together: [[`OUTBOX#ingested_b-1_${sources[1]!.sourceId}`]], alone: [] });
  });

  it("confirms the event itself when its source is not among the briefing's sources, and nothing when the score fails", async () => {
    storeBriefing(ddb, draft(), [source('direct', 1)]);
    ddb.on(PutCommand).resolves({});
    await score(ingested, context);
    expect(confirmed().alone).toEqual([`OUTBOX#${SourceIngested.example.eventId}`]);

    ddb.reset();
    ddb.on(BatchWriteCommand).resolves({});
    storeBriefing(ddb, draft(), [source('direct', 1)]);
    ddb.on(PutCommand).rejects(new Error('throttled'));
    await expect(score(ingestedOf(source('direct', 1)), context)).rejects.toThrow('throttled');
    expect(confirmed()).toEqual({ together: [], alone: [] });
  });

  it('writes and announces nothing when a repeated event finds the same evidence', async () => {
    const sources = [source('direct', 1)];
    storeBriefing(ddb, rescore(draft(), sources, NOW).briefing, sources);

    await score(ingested, context);

    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('re-reads and retries when another writer changed the briefing in between', async () => {
    const stale = draft();
    const fresh = { ...stale, version: 2 };
    const sources = [source('direct', 1)];
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: partitionItems(stale, sources) })
      .resolves({ Items: partitionItems(fresh, sources) });
    ddb.on(PutCommand).resolves({});
    ddb
      .on(PutCommand, { ConditionExpression: 'version = :expected' })
      .rejectsOnce(new ConditionalCheckFailedException({ message: 'x', $metadata: {} }))
      .resolves({});

    await score(ingested, context);

    const expected = scorePuts(ddb).flatMap((p) => (p.Item!['sk'] === 'P' ? [p.ExpressionAttributeValues] : []));
    expect(expected).toEqual([{ ':expected': 1 }, { ':expected': 2 }]);
  });

  it('rejects an event that breaks its contract, so it is retried and dead-lettered', async () => {
    await expect(score(busEvent(SourceIngested.detailType, { briefingId: 'b-1' }), context)).rejects.toThrow(/invalid Source Ingested/);
  });
});

describe('auto-publish-briefing (on Briefing Scored)', () => {
  const scored = busEvent(BriefingScored.detailType, { ...BriefingScored.example, briefingId: 'b-1' });

  it('publishes a draft whose grade meets the rule an editor approved, announcing Briefing Published with who proposed and approved it', async () => {
    const rule = { minGrade: 'A/B', proposedBy: 'analyst-1', approvedBy: 'editor-1' };
    const b = rescore(draft({ autoPublish: rule }), [source('direct', 1), source('reporting', 2)], NOW).briefing;
    storeBriefing(ddb, b);
    ddb.on(TransactWriteCommand).resolves({});

    await autoPublish(scored, context);

    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Put!.Item).toMatchObject({ sk: 'P', status: 'published', version: b.version + 1 });
    expect(putAt(items, 'L')!.Item).toMatchObject({ publishedBy: 'rule:auto-publish' });
    expect(putAt(items, `V#${String(b.version + 1).padStart(9, '0')}`)!.Item).toMatchObject({
      action: 'published',
      by: 'rule:auto-publish',
      approvedBy: 'editor-1',
      proposedBy: 'analyst-1',
    });
    expect(writtenEvents()).toEqual(['Briefing Published']);
    const outbox = items.find((i) => String(i.Put?.Item?.['pk']).startsWith('OUTBOX#'))!.Put!.Item!;
    expect(JSON.stringify(outbox)).toContain('"approvedBy":"editor-1"');
  });

  it('publishes nothing by a rule an analyst only proposed, nor by one below the floor in force (AUTO_PUBLISH_FLOOR)', async () => {
    const proposed = rescore(draft({ autoPublish: { minGrade: 'B/C', proposedBy: 'analyst-1' } }), [source('direct', 1)], NOW).briefing;
    storeBriefing(ddb, proposed);
    await autoPublish(scored, context);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);

    const approved = { ...proposed, autoPublish: { ...proposed.autoPublish!, approvedBy: 'editor-1' } }; // 0.60 B/C
    storeBriefing(ddb, approved);
    process.env['AUTO_PUBLISH_FLOOR'] = 'A/B';
    try {
      await autoPublish(scored, context);
    } finally {
      delete process.env['AUTO_PUBLISH_FLOOR'];
    }
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    ddb.on(TransactWriteCommand).resolves({});
    await autoPublish(scored, context);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('does nothing below the threshold, without a rule, or when already published', async () => {
    const low = rescore(draft({ autoPublish: { minGrade: 'A', approvedBy: 'editor-1' } }), [source('direct', 1)], NOW).briefing;
    storeBriefing(ddb, low);
    await autoPublish(scored, context);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
