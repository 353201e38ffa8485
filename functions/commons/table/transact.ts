/**
 * One write inside a TransactWriteItems call, as the document client takes it.
 * Modules that own a kind of record (feed entries, entity profiles…) return
 * these, and the module that owns the state change puts them in its transaction.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
