import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { rescore } from '../../../domain/briefing.ts';
import { BriefingScored, SourceIngested } from '../../../events/index.ts';
import { handler as autoPublish } from '../../../functions/auto-publish-briefing.ts';
import { toItem } from '../../../functions/commons/table/briefings.ts';
import { handler as score } from '../../../functions/score-briefing.ts';
import { draft, NOW, source } from '../../support/fixtures.ts';
import { busEvent, context } from '../../support/lambda.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const ingested = busEvent(SourceIngested.detailType, { ...SourceIngested.example, briefingId: 'b-1' });
const sourceItems = (...s: ReturnType<typeof source>[]) => s.map((x) => ({ pk: 'BRIEFING#b-1', sk: `SOURCE#${x.sourceId}`, entity: 'source', ...x }));
const writtenEvents = () =>
  ddb.commandCalls(TransactWriteCommand).flatMap((c) => c.args[0].input.TransactItems!.slice(1).map((i) => i.Put!.Item!['detailType']));

beforeEach(() => ddb.reset());

describe('score-briefing (on Source Ingested)', () => {
  it('re-scores from all sources and announces Briefing Scored with old and new values', async () => {
    ddb.on(GetCommand).resolves({ Item: toItem(draft()) });
    ddb.on(QueryCommand).resolves({ Items: sourceItems(source('direct', 1), source('reporting', 2)) });
    ddb.on(TransactWriteCommand).resolves({});

    await score(ingested, context);

    const [put, outbox] = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(put!.Put!.Item).toMatchObject({ confidence: { score: 0.76, grade: 'A/B' }, version: 2 });
    expect(put!.Put!.ExpressionAttributeValues).toEqual({ ':expected': 1 });
    expect(outbox!.Put!.Item!['detail']).toMatchObject({ previous: { score: 0, grade: 'D' }, current: { score: 0.76, grade: 'A/B' } });
  });

  it('writes and announces nothing when a repeated event finds the same evidence', async () => {
    const sources = [source('direct', 1)];
    ddb.on(GetCommand).resolves({ Item: toItem(rescore(draft(), sources, NOW).briefing) });
    ddb.on(QueryCommand).resolves({ Items: sourceItems(...sources) });

    await score(ingested, context);

    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('re-reads and retries when another writer changed the briefing in between', async () => {
    const stale = draft();
    const fresh = { ...stale, version: 2 };
    ddb.on(GetCommand).resolvesOnce({ Item: toItem(stale) }).resolves({ Item: toItem(fresh) });
    ddb.on(QueryCommand).resolves({ Items: sourceItems(source('direct', 1)) });
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

  it("publishes a draft whose grade meets its rule, announcing Briefing Published", async () => {
    const b = rescore(draft({ autoPublish: { minGrade: 'A/B' } }), [source('direct', 1), source('reporting', 2)], NOW).briefing;
    ddb.on(GetCommand).resolves({ Item: toItem(b) });
    ddb.on(TransactWriteCommand).resolves({});

    await autoPublish(scored, context);

    const [put] = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(put!.Put!.Item).toMatchObject({ status: 'published', publishedBy: 'rule:auto-publish', gsi1pk: 'FEED#published' });
    expect(writtenEvents()).toEqual(['Briefing Published']);
  });

  it('does nothing below the threshold, without a rule, or when already published', async () => {
    const low = rescore(draft({ autoPublish: { minGrade: 'A' } }), [source('direct', 1)], NOW).briefing;
    ddb.on(GetCommand).resolves({ Item: toItem(low) });
    await autoPublish(scored, context);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
