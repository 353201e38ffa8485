/**
 * The local stand-in for the dead-letter queues of the deployed stack: one
 * JSON object per line in `<dataDir>/dead-letters.jsonl`, so a failed
 * delivery is never lost silently and can be inspected or replayed by hand.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DeadLetter {
  /** Where the delivery failed: an EventBridge rule target, the stream relay, or a queue's consumer (local/queues.ts). */
  source: 'event-bus' | 'stream' | 'queue';
  /** Rule (bus) or function (stream) that kept failing. */
  target: string;
  attempts: number;
  error: string;
  failedAt: string;
  /** The event (bus) or stream records that could not be delivered. */
  payload: unknown;
}

export function deadLetterFile(dataDir: string): string {
  return join(dataDir, 'dead-letters.jsonl');
}

/** Appends synchronously: the record must be on disk even if the process stops right after. */
export function appendDeadLetter(dataDir: string, letter: DeadLetter): void {
  appendFileSync(deadLetterFile(dataDir), `${JSON.stringify(letter)}\n`);
}

/** Message of an unknown thrown value, for logs and dead letters. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
