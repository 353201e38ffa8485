/**
 * The local event-source mapping between the table's stream and the outbox
 * relay function: polls the stream on DynamoDB Local, keeps only the records
 * one of the shared RELAY_STREAM_FILTERS lets through (as Lambda filtering would),
 * and invokes the function with real-shaped DynamoDBStreamEvent batches.
 *
 * Delivery semantics follow Lambda's for streams, in order per shard:
 * `batchItemFailures` retries from the first failed record, a thrown error
 * retries the whole batch, the checkpoint never moves past an unprocessed
 * record. It is kept in `<dataDir>/stream-checkpoint.json`, so a restart
 * resumes where it stopped instead of re-publishing the whole outbox. After
 * the last attempt the records are dead-lettered and the relay moves on, like
 * the deployed mapping's retry limit and on-failure queue (which, unlike this
 * file, holds only the records' stream coordinates).
 */
import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AttributeValue,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type Shard,
  type _Record as StreamRecord,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import { appendDeadLetter, errorMessage } from './dead-letters.ts';
import { LOCAL_AWS } from './engines.ts';
import type { RetryPolicy } from './event-bus.ts';
import { type EventPatternJson, matchesPattern } from './event-pattern.ts';
import type { Log } from './log.ts';

export interface StreamRelayOptions {
  endpoint: string;
  streamArn: string;
  region: string;
  dataDir: string;
  /** Name of the consuming function, for logs and dead letters. */
  target: string;
  invoke: (event: { Records: LambdaStreamRecord[] }) => Promise<unknown>;
  /** Lambda event-source filter patterns over each record: a record that matches any of them is delivered. */
  filters: readonly EventPatternJson[];
  log: Log;
  batchSize?: number;
  pollIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
}

/** A stream record as Lambda delivers it (binary attributes base64, time in epoch seconds). */
export interface LambdaStreamRecord {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    ApproximateCreationDateTime?: number;
    Keys?: Record<string, unknown>;
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
    SequenceNumber: string;
    SizeBytes?: number;
    StreamViewType?: string;
  };
  eventSourceARN: string;
}

interface Checkpoint {
  streamArn: string;
  /** Per shard: the last sequence number handled, and whether the shard is finished. */
  shards: Record<string, { sequenceNumber?: string; finished?: boolean }>;
}

/** Polls the stream until stopped. */
export class StreamRelay {
  /** Records handed to the function and acknowledged, since start. */
  delivered = 0;
  /** Counters since start, for the bench's breakdown: where the relay's time goes. */
  private checkpointDirty = false;
  private checkpointWriting: Promise<void> | undefined;
  readonly stats = { polls: 0, emptyPolls: 0, recordsRead: 0, getRecordsMs: 0, batches: 0, invokeMs: 0, checkpointWrites: 0 };
  private readonly client: DynamoDBStreamsClient;
  private readonly checkpointFile: string;
  private checkpoint: Checkpoint;
  private shards: Shard[] = [];
  private readonly iterators = new Map<string, string>();
  private readonly retry: RetryPolicy;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeUp: AbortController = new AbortController();
  private cyclesStarted = 0;
  private readonly cycleWaiters: Array<{ minCycle: number; resolve: (records: number) => void; reject: (error: Error) => void }> = [];
  private lastDescribe = 0;

  constructor(private readonly opts: StreamRelayOptions) {
    this.client = new DynamoDBStreamsClient({ ...LOCAL_AWS, region: opts.region, endpoint: opts.endpoint });
    this.checkpointFile = join(opts.dataDir, 'stream-checkpoint.json');
    this.checkpoint = this.loadCheckpoint();
    // 6 attempts: the deployed mapping's first try plus its retryAttempts of 5.
    this.retry = { attempts: opts.retry?.attempts ?? 6, baseDelayMs: opts.retry?.baseDelayMs ?? 200 };
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp.abort();
    await this.loop;
    await this.checkpointWriting;
    for (const waiter of this.cycleWaiters.splice(0)) waiter.reject(new Error('stream relay stopped'));
    this.client.destroy();
  }

  /**
   * Resolves after a complete poll of every shard that started after this
   * call, with the number of stream records that poll read (0 = caught up).
   */
  nextCycle(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.cycleWaiters.push({ minCycle: this.cyclesStarted + 1, resolve, reject });
      this.wakeUp.abort();
    });
  }

  private async run(): Promise<void> {
    const interval = this.opts.pollIntervalMs ?? 150;
    while (!this.stopping) {
      const cycle = ++this.cyclesStarted;
      let records = 0;
      try {
        records = await this.pollOnce();
        this.stats.polls++;
        if (records === 0) this.stats.emptyPolls++;
        this.stats.recordsRead += records;
      } catch (error) {
        if (this.stopping) break;
        this.opts.log.error('stream relay: polling the table stream failed', error);
      }
      for (const waiter of this.cycleWaiters.filter((w) => w.minCycle <= cycle)) {
        this.cycleWaiters.splice(this.cycleWaiters.indexOf(waiter), 1);
        waiter.resolve(records);
      }
      if (this.stopping) break;
      if (records > 0 || this.cycleWaiters.length > 0) continue; // more may be waiting right behind
      this.wakeUp = new AbortController();
      await sleep(interval, undefined, { signal: this.wakeUp.signal }).catch(() => undefined);
    }
  }

  /** One pass over the shards that are ready; returns how many records were read. */
  private async pollOnce(): Promise<number> {
    // Shards split and close over time; re-list them now and then, and whenever one finishes.
    if (this.shards.length === 0 || Date.now() - this.lastDescribe > 5_000) await this.describeShards();
    let read = 0;
    for (const shard of this.shards) {
      const id = shard.ShardId;
      if (!id || this.checkpoint.shards[id]?.finished) continue;
      // Order across a split: a child is read only once its parent is finished (or trimmed away).
      const parent = shard.ParentShardId;
      if (parent && this.shards.some((s) => s.ShardId === parent) && !this.checkpoint.shards[parent]?.finished) continue;
      read += await this.pollShard(id);
      if (this.stopping) break;
    }
    return read;
  }

  private async describeShards(): Promise<void> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await this.client.send(new DescribeStreamCommand({ StreamArn: this.opts.streamArn, ExclusiveStartShardId: start }));
      shards.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    this.shards = shards;
    this.lastDescribe = Date.now();
  }

  private async pollShard(shardId: string): Promise<number> {
    const iterator = this.iterators.get(shardId) ?? (await this.iteratorFor(shardId));
    let page: GetRecordsCommandOutput;
    const started = performance.now();
    try {
      page = await this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      this.stats.getRecordsMs += performance.now() - started;
    } catch (error) {
      if (error instanceof ExpiredIteratorException) {
        this.iterators.delete(shardId); // re-created from the checkpoint on the next pass
        return 0;
      }
      throw error;
    }
    const records = page.Records ?? [];
    if (records.length > 0) await this.process(shardId, records);
    if (page.NextShardIterator) {
      this.iterators.set(shardId, page.NextShardIterator);
    } else {
      this.iterators.delete(shardId);
      this.saveShard(shardId, { finished: true });
      this.lastDescribe = 0; // its children appear in the next DescribeStream
    }
    return records.length;
  }

  private async iteratorFor(shardId: string): Promise<string> {
    const after = this.checkpoint.shards[shardId]?.sequenceNumber;
    try {
      const result = await this.client.send(
        new GetShardIteratorCommand({
          StreamArn: this.opts.streamArn,
          ShardId: shardId,
          ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
      if (!result.ShardIterator) throw new Error(`no shard iterator for ${shardId}`);
      return result.ShardIterator;
    } catch (error) {
      if (!(error instanceof TrimmedDataAccessException) || !after) throw error;
      this.opts.log.warn(`stream relay: checkpoint ${after} of shard ${shardId} was trimmed; reading from the oldest record`);
      this.saveShard(shardId, {});
      return this.iteratorFor(shardId);
    }
  }

  /** Hands the records that pass the filter to the function in batches, in order, then checkpoints past all of them. */
  private async process(shardId: string, records: StreamRecord[]): Promise<void> {
    const shaped = records.map((r) => this.toLambdaRecord(r));
    const selected = shaped.filter((r) => this.opts.filters.some((f) => matchesPattern(f, r)));
    const batchSize = this.opts.batchSize ?? 10;
    for (let i = 0; i < selected.length && !this.stopping; i += batchSize) {
      await this.deliver(shardId, selected.slice(i, i + batchSize));
    }
    const last = shaped.at(-1)?.dynamodb.SequenceNumber;
    // Past the records the filter left out too; already there when the last record was delivered.
    if (!this.stopping && last && this.checkpoint.shards[shardId]?.sequenceNumber !== last) this.saveShard(shardId, { sequenceNumber: last });
  }

  /**
   * One batch, like the deployed mapping (reportBatchItemFailures, bisectBatchOnError):
   * reported failures are retried from the first failed record; a thrown error
   * splits a batch of several records in two, each half retried on its own
   * (splitting does not use up attempts); a single record that keeps failing
   * is dead-lettered after the last attempt.
   */
  private async deliver(shardId: string, batch: LambdaStreamRecord[]): Promise<void> {
    let pending = batch;
    let lastError = '';
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      if (this.stopping) return;
      const started = performance.now();
      this.stats.batches++;
      try {
        const result = (await this.opts.invoke({ Records: pending }).finally(() => {
          this.stats.invokeMs += performance.now() - started;
        })) as { batchItemFailures?: Array<{ itemIdentifier?: string }> } | undefined;
        const failures = result?.batchItemFailures ?? [];
        if (failures.length === 0) {
          this.acknowledge(shardId, pending);
          return;
        }
        const firstFailed = firstFailedIndex(pending, failures);
        this.acknowledge(shardId, pending.slice(0, firstFailed));
        pending = pending.slice(firstFailed);
        lastError = `batchItemFailures from ${pending[0]?.dynamodb.SequenceNumber}`;
      } catch (error) {
        lastError = errorMessage(error);
        if (pending.length > 1) {
          const half = Math.ceil(pending.length / 2);
          await this.deliver(shardId, pending.slice(0, half));
          await this.deliver(shardId, pending.slice(half));
          return;
        }
      }
      if (attempt < this.retry.attempts) await sleep(this.retry.baseDelayMs * 2 ** (attempt - 1));
    }
    appendDeadLetter(this.opts.dataDir, {
      source: 'stream',
      target: this.opts.target,
      attempts: this.retry.attempts,
      error: lastError,
      failedAt: new Date().toISOString(),
      payload: { Records: pending },
    });
    this.opts.log.error(
      `stream relay: ${pending.length} record(s) dead-lettered after ${this.retry.attempts} attempts to ${this.opts.target}`,
      lastError,
    );
    this.acknowledge(shardId, pending);
  }

  private acknowledge(shardId: string, records: LambdaStreamRecord[]): void {
    const last = records.at(-1);
    if (!last) return;
    this.delivered += records.length;
    this.saveShard(shardId, { sequenceNumber: last.dynamodb.SequenceNumber });
  }

  private toLambdaRecord(record: StreamRecord): LambdaStreamRecord {
    const d = record.dynamodb ?? {};
    const created = d.ApproximateCreationDateTime;
    return {
      eventID: record.eventID ?? '',
      eventName: record.eventName as LambdaStreamRecord['eventName'],
      eventVersion: record.eventVersion ?? '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: this.opts.region,
      dynamodb: {
        ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
        ...(d.Keys ? { Keys: toJsonImage(d.Keys) } : {}),
        ...(d.NewImage ? { NewImage: toJsonImage(d.NewImage) } : {}),
        ...(d.OldImage ? { OldImage: toJsonImage(d.OldImage) } : {}),
        SequenceNumber: d.SequenceNumber ?? '',
        ...(d.SizeBytes !== undefined ? { SizeBytes: d.SizeBytes } : {}),
        ...(d.StreamViewType ? { StreamViewType: d.StreamViewType } : {}),
      },
      eventSourceARN: this.opts.streamArn,
    };
  }

  private loadCheckpoint(): Checkpoint {
    if (existsSync(this.checkpointFile)) {
      try {
        const saved = JSON.parse(readFileSync(this.checkpointFile, 'utf8')) as Checkpoint;
        // A recreated table has a new stream: an old checkpoint means nothing there.
        if (saved.streamArn === this.opts.streamArn) return saved;
      } catch {
        this.opts.log.warn(`stream relay: ignoring unreadable ${this.checkpointFile}`);
      }
    }
    return { streamArn: this.opts.streamArn, shards: {} };
  }

  private saveShard(shardId: string, state: Checkpoint['shards'][string]): void {
    this.checkpoint.shards[shardId] = { ...this.checkpoint.shards[shardId], ...state };
    if (!state.sequenceNumber && !state.finished) delete this.checkpoint.shards[shardId];
    this.checkpointDirty = true;
    this.checkpointWriting ??= this.writeCheckpoint().finally(() => {
      this.checkpointWriting = undefined;
    });
  }

  /**
   * Writes the checkpoint off the event loop, coalesced: while one write is in flight, later positions wait
   * and go out together in the next. A checkpoint only ever names records already handed to the function,
   * so one that lags (a crash before its write) re-delivers a few records, which consumers absorb; never
   * one not delivered. Write-then-rename, so a crash never leaves half a checkpoint.
   */
  private async writeCheckpoint(): Promise<void> {
    while (this.checkpointDirty) {
      this.checkpointDirty = false;
      this.stats.checkpointWrites++;
      try {
        await writeFile(`${this.checkpointFile}.tmp`, JSON.stringify(this.checkpoint, null, 2));
        await rename(`${this.checkpointFile}.tmp`, this.checkpointFile);
      } catch (error) {
        this.opts.log.error('stream relay: writing the checkpoint failed; the next one tries again', error);
      }
    }
  }
}

/** Lambda retries from the lowest failed record; an identifier it cannot find fails the whole batch. */
function firstFailedIndex(batch: LambdaStreamRecord[], failures: Array<{ itemIdentifier?: string }>): number {
  let first = batch.length;
  for (const failure of failures) {
    const index = batch.findIndex((r) => r.dynamodb.SequenceNumber === failure.itemIdentifier);
    if (index < 0) return 0;
    first = Math.min(first, index);
  }
  return first;
}

/** The SDK's AttributeValue with binary as bytes → the JSON form Lambda sends (binary as base64). */
function toJsonImage(image: Record<string, AttributeValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toJsonValue(value)]));
}

function toJsonValue(value: AttributeValue): unknown {
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.M !== undefined) return { M: toJsonImage(value.M) };
  if (value.L !== undefined) return { L: value.L.map(toJsonValue) };
  const { $unknown: _unknown, ...plain } = value as AttributeValue & { $unknown?: unknown };
  return plain;
}
