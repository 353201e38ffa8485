/**
 * Optimistic concurrency shared by the records that carry a `version`
 * (briefings, entitlements): the error a conditional write raises when the
 * stored version moved on, and the retry loop of consumers that may re-read.
 */
import { ConflictError } from '#domain/errors.ts';

/** Someone else changed the record since it was read. */
export class VersionConflictError extends ConflictError {}

/** Runs a read-modify-write until it lands on an unchanged version (optimistic concurrency). */
export async function withVersionRetry<T>(attempt: () => Promise<T>, maxAttempts = 5): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof VersionConflictError) || n >= maxAttempts) throw error;
    }
  }
}
