/**
 * One write inside a TransactWriteItems call, as the document client takes it.
 * Modules that own a kind of record (feed entries, entity profiles…) return
 * these, and the module that owns the state change puts them in its transaction.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Why each item of a cancelled transaction failed, in the order the items were sent
 * (`ConditionalCheckFailed`, `TransactionConflict`, `None`…); empty for any other error.
 */
export function cancellationCodes(error: unknown): Array<string | undefined> {
  return error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).map((r) => r.Code) : [];
}
