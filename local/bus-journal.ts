/**
 * The local bus's memory across restarts: an append-only journal,
 * `<dataDir>/event-bus/journal.jsonl`, one JSON object per line.
 *
 *   {"accepted": {busName, receivedAt, envelope, rules: [..]}}   an entry PutEvents accepted, with the rules it matched
 *   {"done": {id, rule}}                                        that rule's delivery finished (delivered or dead-lettered)
 *
 * Accepted entries are written and fsynced before PutEvents answers, so the
 * relay never checkpoints past an event that only lived in memory. Writes are
 * grouped (group commit): everything queued while a sync runs goes out in the
 * next write, with one fsync. "Done" lines never cost a sync of their own:
 * they ride along with the next accepted entries' write, or go out at most
 * DONE_DELAY_MS later when none comes (and at close). Losing one to a crash
 * means one needless redelivery after the restart, which consumers absorb.
 *
 * On open, the lines are folded into what is still pending and the file is
 * rewritten with only that (write, fsync, rename), so it stays as small as the
 * backlog; it is compacted the same way while running once enough has been
 * appended.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventEnvelope } from './event-envelope.ts';

/** An accepted entry whose deliveries have not all finished. */
export interface JournalEntry {
  busName: string;
  receivedAt: string;
  envelope: EventEnvelope;
  /** Rules still to deliver to. */
  rules: string[];
}

type Line = { accepted: JournalEntry } | { done: { id: string; rule: string } };

/** Lines appended since the last compaction before the journal is rewritten with the pending entries only. */
const COMPACT_AFTER_LINES = 5_000;
/** How long "done" lines may wait for an accepted entry's write to ride along with before they are written alone. */
const DONE_DELAY_MS = 250;

export function journalFile(dataDir: string): string {
  return join(dataDir, 'event-bus', 'journal.jsonl');
}

export class BusJournal {
  /** Pending entries by event id, in acceptance order. */
  private readonly pending = new Map<string, JournalEntry>();
  private readonly file: string;
  private handle: Promise<FileHandle> | undefined;
  private queue: Array<{ text: string; done: (error?: unknown) => void }> = [];
  /** "Done" lines waiting for the next write, and the timer that writes them if no accepted entry comes first. */
  private lazy: Array<{ text: string; done: (error?: unknown) => void }> = [];
  private lazyTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private appendedSinceCompaction = 0;
  /** Counters since open, for the bench's breakdown: writes (each one fsync), lines, time spent writing and syncing. */
  readonly stats = { syncs: 0, lines: 0, syncMs: 0 };

  /** Reads what a previous run left pending (a torn last line from a crash is skipped) and compacts the file. */
  constructor(dataDir: string) {
    this.file = journalFile(dataDir);
    mkdirSync(join(dataDir, 'event-bus'), { recursive: true });
    if (existsSync(this.file)) {
      for (const text of readFileSync(this.file, 'utf8').split('\n')) {
        const line = parseLine(text);
        if (line) this.apply(line);
      }
    }
    this.rewrite();
  }

  /** Entries a previous run accepted and did not finish delivering, oldest first. */
  recovered(): JournalEntry[] {
    return [...this.pending.values()].map((e) => ({ ...e, rules: [...e.rules] }));
  }

  /** Resolves once the entries are on disk (fsynced). */
  accept(entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    for (const entry of entries) this.apply({ accepted: entry });
    return this.append(entries.map((entry) => ({ accepted: entry }))).catch((error: unknown) => {
      // Not accepted after all (PutEvents answers an error): the publisher sends them again.
      for (const entry of entries) this.pending.delete(entry.envelope.id);
      throw error;
    });
  }

  /**
   * Records that a delivery finished; written with the next accepted entries (or DONE_DELAY_MS later), resolves once on
   * disk. Not awaited by callers: a lost mark only costs a redelivery.
   */
  done(id: string, rule: string): Promise<void> {
    this.apply({ done: { id, rule } });
    return new Promise((resolve, reject) => {
      this.lazy.push({ text: `${JSON.stringify({ done: { id, rule } } satisfies Line)}\n`, done: (error) => (error ? reject(error) : resolve()) });
      this.lazyTimer ??= setTimeout(() => this.startFlush(), DONE_DELAY_MS).unref();
    });
  }

  /** Writes what is waiting, then closes the file. */
  async close(): Promise<void> {
    while (this.flushing || this.lazy.length > 0) {
      this.startFlush();
      await this.flushing;
    }
    clearTimeout(this.lazyTimer);
    this.lazyTimer = undefined;
    await this.closeHandle();
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle) await (await handle).close();
  }

  private apply(line: Line): void {
    if ('accepted' in line) {
      if (line.accepted.rules.length > 0) this.pending.set(line.accepted.envelope.id, { ...line.accepted, rules: [...line.accepted.rules] });
      return;
    }
    const entry = this.pending.get(line.done.id);
    if (!entry) return;
    entry.rules = entry.rules.filter((r) => r !== line.done.rule);
    if (entry.rules.length === 0) this.pending.delete(line.done.id);
  }

  private append(lines: Line[]): Promise<void> {
    const text = lines.map((l) => `${JSON.stringify(l)}\n`).join('');
    return new Promise((resolve, reject) => {
      this.queue.push({ text, done: (error) => (error ? reject(error) : resolve()) });
      this.startFlush();
    });
  }

  private startFlush(): void {
    this.flushing ??= this.flush().finally(() => {
      this.flushing = undefined;
      // "Done" lines that arrived during the last write and found no accepted entry to ride with.
      if (this.lazy.length > 0 && !this.lazyTimer) this.lazyTimer = setTimeout(() => this.startFlush(), DONE_DELAY_MS).unref();
    });
  }

  /**
   * Writes everything queued, with the "done" lines waiting, in one write and one fsync; again while accepted entries
   * keep arriving (later "done" lines wait for them or for their timer).
   */
  private async flush(): Promise<void> {
    for (let first = true; first || this.queue.length > 0; first = false) {
      clearTimeout(this.lazyTimer);
      this.lazyTimer = undefined;
      const lazyCount = this.lazy.length;
      const batch = [...this.lazy.splice(0), ...this.queue.splice(0)];
      if (batch.length === 0) return;
      try {
        if (this.appendedSinceCompaction >= COMPACT_AFTER_LINES) {
          // The in-memory state already includes this batch, so the rewrite carries it too.
          await this.closeHandle();
          this.rewrite();
        } else {
          const started = performance.now();
          this.handle ??= open(this.file, 'a');
          const handle = await this.handle;
          await handle.write(batch.map((b) => b.text).join(''));
          // Only accepted entries need the sync: a "done" line in the page cache survives the process dying, and one lost
          // to a power cut costs a redelivery.
          if (batch.length > lazyCount) await handle.datasync();
          this.appendedSinceCompaction += batch.length;
          if (batch.length > lazyCount) this.stats.syncs++;
          this.stats.lines += batch.length;
          this.stats.syncMs += performance.now() - started;
        }
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error);
      }
    }
  }

  /** Replaces the file with the pending entries only, atomically. */
  private rewrite(): void {
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      const text = [...this.pending.values()].map((entry) => `${JSON.stringify({ accepted: entry } satisfies Line)}\n`).join('');
      if (text) writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    this.appendedSinceCompaction = 0;
  }
}

function parseLine(text: string): Line | undefined {
  if (!text.trim()) return undefined;
  try {
    const line = JSON.parse(text) as Line;
    if ('accepted' in line && line.accepted?.envelope?.id && Array.isArray(line.accepted.rules)) return line;
    if ('done' in line && typeof line.done?.id === 'string' && typeof line.done.rule === 'string') return line;
  } catch {
    // A line torn by a crash mid-write: its PutEvents never answered, so its publisher retries it.
  }
  return undefined;
}
