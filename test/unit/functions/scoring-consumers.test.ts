import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { rescore } from '../../../domain/briefing.ts';
import { BriefingScored, SourceIngested } from '../../../events/index.ts';
import { handler as autoPublish } from '../../../functions/auto-publish-briefing.ts';
import { handler as score } from '../../../functions/score-briefing.ts';
import { draft, NOW, source } from '../../support/fixtures.ts';
import { busEvent, context } from '../../support/lambda.ts';
import { eventsPut, partitionItems, partsPut, putAt, storeBriefing } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const ingested = busEvent(SourceIngested.detailType, { ...SourceIngested.example, briefingId: 'b-1' });
const writtenEvents = () =>
  ddb.commandCalls(TransactWriteCommand).flatMap((c) => eventsPut(c.args[0].input.TransactItems!).map((i) => i['detailType']));

beforeEach(() => ddb.reset());

describe('score-briefing (on Source Ingested)', () => {
  it('re-scores from all sources and announces Briefing Scored with old and new values', async () => {
    storeBriefing(ddb, draft(), [source('direct', 1), source('reporting', 2)]);
    ddb.on(TransactWriteCommand).resolves({});

    await score(ingested, context);

    // The briefing and its sources come from one consistent Query.
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':pk': 'BRIEFING#b-1', ':lo': 'L', ':hi': 'SOURCE#~' },
      ConsistentRead: true,
    });
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Put!.Item).toMatchObject({ sk: 'P', confidence: { score: 0.76, grade: 'A/B' }, version: 2 });
    expect(items[0]!.Put!.ExpressionAttributeValues).toEqual({ ':expected': 1 });
    // New source notes (M) and explanation (L); rescoring is not editorial, so no snapshot.
    expect(partsPut(items)).toEqual(['P', 'M', 'L']);
    expect(eventsPut(items)[0]!['detail']).toMatchObject({ previous: { score: 0, grade: 'D' }, current: { score: 0.76, grade: 'A/B' } });
  });

  it('writes and announces nothing when a repeated event finds the same evidence', async () => {
    const sources = [source('direct', 1)];
    storeBriefing(ddb, rescore(draft(), sources, NOW).briefing, sources);

    await score(ingested, context);

    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('re-reads and retries when another writer changed the briefing in between', async () => {
    const stale = draft();
    const fresh = { ...stale, version: 2 };
    const sources = [source('direct', 1)];
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: partitionItems(stale, sources) })
      .resolves({ Items: partitionItems(fresh, sources) });
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(new TransactionCanceledException({ message: 'x', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] }))
      .resolves({});

    await score(ingested, context);

    const expected = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems![0]!.Put!.ExpressionAttributeValues);
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
