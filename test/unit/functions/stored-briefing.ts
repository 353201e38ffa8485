/** Briefings as the table holds them, for handler unit tests that mock the document client. */
import { type DynamoDBDocumentClient, PutCommand, QueryCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import type { Briefing } from '#domain/briefing.ts';
import type { Source } from '#domain/source.ts';
import { scoredFromHead } from '#functions/commons/table/announcing-head.ts';
import { toItems } from '#functions/commons/table/briefings.ts';
import { SOURCE_ENTITY, sourceKey } from '#functions/commons/table/keys.ts';

/** The items of a briefing's partition: its parts, then its sources. */
export const partitionItems = (b: Briefing, sources: readonly Source[] = []) => [
  ...toItems(b),
  ...sources.map((s) => ({ ...sourceKey(b.briefingId, s.sourceId), entity: SOURCE_ENTITY, ...s })),
];

/**
 * Queries of the partition answer with the briefing's items inside the key
 * condition the handler sent (`begins_with` or `BETWEEN` on the sort key), as
 * DynamoDB would; a missing briefing answers nothing.
 */
export function storeBriefing(ddb: AwsClientStub<DynamoDBDocumentClient>, b: Briefing | undefined, sources: readonly Source[] = []) {
  const items = b ? partitionItems(b, sources) : [];
  return ddb.on(QueryCommand).callsFake((input: { KeyConditionExpression?: string; ExpressionAttributeValues?: Record<string, string> }) => {
    const v = input.ExpressionAttributeValues ?? {};
    const inRange = (sk: string) =>
      /begins_with\(sk, :p\)/.test(input.KeyConditionExpression ?? '') ? sk.startsWith(v[':p']!) : sk >= v[':lo']! && sk <= v[':hi']!;
    return { Items: items.filter((i) => i.pk === v[':pk'] && inRange(String(i.sk))) };
  });
}

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** The item a transaction puts at sort key `sk` (`P`, `L`, `M`, `V#000000003`, …). */
export const putAt = (items: TransactItems, sk: string) => items.find((i) => i.Put?.Item?.['sk'] === sk)?.Put;

/** The sort keys a transaction puts in the briefing's partition, in order. */
export const partsPut = (items: TransactItems) =>
  items.flatMap((i) => (i.Put && String(i.Put.Item?.['pk']).startsWith('BRIEFING#') ? [String(i.Put.Item!['sk'])] : []));

/** The outbox events a transaction writes, by detail type. */
export const eventsPut = (items: TransactItems) => items.flatMap((i) => (i.Put?.Item?.['entity'] === 'outbox' ? [i.Put.Item] : []));

/** The items a re-score saved on its own (saveScore) put in the briefing's partition, in the order sent: the head last. */
export const scorePuts = (ddb: AwsClientStub<DynamoDBDocumentClient>) =>
  ddb.commandCalls(PutCommand).flatMap((c) => (String(c.args[0].input.Item?.['pk']).startsWith('BRIEFING#') ? [c.args[0].input] : []));

/** The Briefing Scored detail the last head a re-score put announces (its stream record is the event). */
export const announcedScore = (ddb: AwsClientStub<DynamoDBDocumentClient>) => {
  const head = scorePuts(ddb).findLast((p) => p.Item?.['sk'] === 'P');
  return head?.Item?.['announces'] ? (scoredFromHead(head.Item).detail as Record<string, unknown>) : undefined;
};
