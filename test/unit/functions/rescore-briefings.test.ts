/** rescore-briefings: after a model change, one Briefing Edited (model) per briefing scored by another model; resumable, idempotent. */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { MODEL_VERSION } from '#domain/scoring.ts';
import { BriefingEdited } from '#events/index.ts';
import { handler, type RescoreReport } from '#functions/pipeline/rescore-briefings.ts';
import { context } from '#test/support/lambda.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const head = (briefingId: string, modelVersion: string, status = 'published') => ({ briefingId, version: 3, status, confidence: { modelVersion } });
const run = (input: unknown, ctx: Context = context) => handler(input, ctx) as Promise<RescoreReport>;

beforeEach(() => ddb.reset());

describe('rescore-briefings', () => {
  it('asks for a re-score of each briefing scored by another model, and of none already current or retracted', async () => {
    ddb
      .on(ScanCommand)
      .resolves({ Items: [head('b-1', 'v2'), head('b-2', MODEL_VERSION), head('b-3', 'v1', 'retracted'), head('b-4', 'v2', 'draft')] });
    ddb.on(TransactWriteCommand).resolves({});
    const report = await run({});
    expect(report).toMatchObject({ modelVersion: MODEL_VERSION, briefings: 4, requested: 2, current: 2, alreadyRequested: 0 });
    expect(report.cursor).toBeUndefined();
    const puts = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems![0]!.Put!);
    expect(puts.map((p) => p.Item!['detail'])).toEqual([
      expect.objectContaining({ briefingId: 'b-1', changes: ['model'], eventId: `model_b-1_${MODEL_VERSION}` }),
      expect.objectContaining({ briefingId: 'b-4', changes: ['model'] }),
    ]);
    for (const p of puts) {
      expect(p.ConditionExpression).toBe('attribute_not_exists(pk)');
      expect(BriefingEdited.detail.safeParse(p.Item!['detail']).success).toBe(true);
    }
  });

  it('counts a request an earlier run already wrote (its event exists) and goes on', async () => {
    ddb.on(ScanCommand).resolves({ Items: [head('b-1', 'v2')] });
    ddb
      .on(TransactWriteCommand)
      .rejects(new TransactionCanceledException({ message: 'x', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] }));
    expect(await run({})).toMatchObject({ requested: 0, alreadyRequested: 1 });
  });

  it('writes nothing in a dry run', async () => {
    ddb.on(ScanCommand).resolves({ Items: [head('b-1', 'v2')] });
    expect(await run({ dryRun: true })).toMatchObject({ requested: 1 });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('stops before its time is up with a cursor, and resumes from it', async () => {
    ddb.on(ScanCommand).resolves({ Items: [head('b-1', MODEL_VERSION)], LastEvaluatedKey: { pk: 'BRIEFING#b-1', sk: 'P' } });
    const short = { ...context, getRemainingTimeInMillis: () => 5_000 } as Context;
    const first = await run({}, short);
    expect(first.cursor).toBeDefined();
    ddb.reset();
    ddb.on(ScanCommand).resolves({ Items: [] });
    await run({ cursor: first.cursor });
    expect(ddb.commandCalls(ScanCommand)[0]!.args[0].input.ExclusiveStartKey).toEqual({ pk: 'BRIEFING#b-1', sk: 'P' });
  });
});
