/**
 * Outbox records written on their own, not in a state change's transaction: for a consumer whose
 * work goes on in a later invocation (the alert fan-out's continuations). The relay publishes them
 * like any other, and an awaited one carries its pending marker, so the reconciler re-drives a
 * continuation that was lost. Each record is written once: a conditional Put, and one already there
 * (a retried invocation wrote it) is left as it is.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OutgoingEvent } from '#events/index.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { outboxPut } from './outbox.ts';

/** Writes each event's outbox record if absent; resolves once all are stored (or were already). */
export async function announce(events: readonly OutgoingEvent[], now: Date): Promise<void> {
  await Promise.all(
    events.map(async (event) => {
      try {
        await ddb.send(new PutCommand(outboxPut(config.tableName, event, now).Put));
      } catch (error) {
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      }
    }),
  );
}
