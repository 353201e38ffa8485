/**
 * The local stand-in for the email capability's SQS queues and their Lambda event source mappings: an HTTP
 * endpoint that speaks the SQS JSON protocol handlers use (`SendMessage`, `SendMessageBatch`; point
 * AWS_ENDPOINT_URL_SQS at `url`), and a delivery loop per queue that invokes its consumer with real-shaped
 * SQSEvent batches, as Lambda's mapping does: at most `batchSize` messages per invocation, at most
 * `maxConcurrency` invocations at once, `batchItemFailures` (or a throw, for the whole batch) delivering the
 * messages again after a short delay (the visibility timeout, shortened), and after `maxReceiveCount`
 * deliveries the message goes to `<dataDir>/dead-letters.jsonl`, like the deployed redrive policy.
 *
 * In memory: messages still queued when the stack stops are gone (the deployed queues keep them).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { appendDeadLetter, errorMessage } from './dead-letters.ts';
import type { Log } from './log.ts';

export interface LocalQueueSpec {
  name: string;
  /** The consuming function's name, for logs and dead letters. */
  target: string;
  invoke: (event: SQSEvent) => Promise<unknown>;
  batchSize: number;
  maxConcurrency: number;
  maxReceiveCount: number;
}

interface Message {
  messageId: string;
  body: string;
  receiveCount: number;
  sentAt: number;
  visibleAt: number;
}

const ACCOUNT = '000000000000';
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

class LocalQueue {
  readonly messages: Message[] = [];
  readonly running = new Set<Promise<void>>();
  /** Counters since start: messages sent, deliveries, dead-lettered. */
  readonly stats = { sent: 0, invocations: 0, redelivered: 0, deadLettered: 0 };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly spec: LocalQueueSpec,
    private readonly opts: { dataDir: string; region: string; log: Log; retryDelayMs: number },
  ) {}

  get arn(): string {
    return `arn:aws:sqs:${this.opts.region}:${ACCOUNT}:${this.spec.name}`;
  }

  send(body: string): string {
    const messageId = randomUUID();
    this.messages.push({ messageId, body, receiveCount: 0, sentAt: Date.now(), visibleAt: 0 });
    this.stats.sent++;
    queueMicrotask(() => this.pump());
    return messageId;
  }

  get busy(): boolean {
    return this.messages.length > 0 || this.running.size > 0;
  }

  /** Starts invocations while there are visible messages and room under the concurrency. */
  pump(): void {
    const now = Date.now();
    while (this.running.size < this.spec.maxConcurrency) {
      const batch: Message[] = [];
      for (let i = 0; i < this.messages.length && batch.length < this.spec.batchSize; ) {
        if (this.messages[i]!.visibleAt <= now) batch.push(...this.messages.splice(i, 1));
        else i++;
      }
      if (batch.length === 0) break;
      const run = this.deliver(batch).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
    // Messages waiting out their delay: look again when the first becomes visible.
    const next = Math.min(...this.messages.map((m) => m.visibleAt));
    if (this.messages.length > 0 && next > now && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, next - now);
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async deliver(batch: Message[]): Promise<void> {
    for (const m of batch) m.receiveCount++;
    const records: SQSRecord[] = batch.map((m) => ({
      messageId: m.messageId,
      receiptHandle: `${m.messageId}#${m.receiveCount}`,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentAt),
        SenderId: ACCOUNT,
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: md5(m.body),
      eventSource: 'aws:sqs',
      eventSourceARN: this.arn,
      awsRegion: this.opts.region,
    }));
    this.stats.invocations++;
    let failed: Set<string>;
    let error = '';
    try {
      const result = (await this.spec.invoke({ Records: records })) as { batchItemFailures?: Array<{ itemIdentifier?: string }> } | undefined;
      failed = new Set((result?.batchItemFailures ?? []).map((f) => String(f.itemIdentifier)));
      if (failed.size > 0) error = `batchItemFailures: ${failed.size}`;
    } catch (thrown) {
      failed = new Set(batch.map((m) => m.messageId));
      error = errorMessage(thrown);
    }
    for (const m of batch.filter((b) => failed.has(b.messageId))) {
      if (m.receiveCount >= this.spec.maxReceiveCount) {
        this.stats.deadLettered++;
        this.opts.log.error(`queue ${this.spec.name}: message ${m.messageId} failed ${m.receiveCount} times; dead-lettered (${error})`);
        appendDeadLetter(this.opts.dataDir, {
          source: 'queue',
          target: this.spec.target,
          attempts: m.receiveCount,
          error,
          failedAt: new Date().toISOString(),
          payload: m.body,
        });
        continue;
      }
      this.stats.redelivered++;
      m.visibleAt = Date.now() + this.opts.retryDelayMs * 2 ** (m.receiveCount - 1);
      this.messages.push(m);
    }
  }
}

class SqsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** The local queues: start, point AWS_ENDPOINT_URL_SQS at `url`, name a queue by `urlOf(name)`. */
export class LocalQueues {
  private readonly queues = new Map<string, LocalQueue>();
  private server: Server | undefined;
  url = '';

  constructor(private readonly opts: { dataDir: string; region: string; log: Log; retryDelayMs?: number }) {}

  add(spec: LocalQueueSpec): void {
    this.queues.set(spec.name, new LocalQueue(spec, { ...this.opts, retryDelayMs: this.opts.retryDelayMs ?? 200 }));
  }

  urlOf(name: string): string {
    return `${this.url}/${ACCOUNT}/${name}`;
  }

  /** Per queue: messages sent, invocations, redeliveries and dead letters since start. */
  get stats(): Record<string, LocalQueue['stats']> {
    return Object.fromEntries([...this.queues].map(([name, q]) => [name, q.stats]));
  }

  get busy(): boolean {
    return [...this.queues.values()].some((q) => q.busy);
  }

  /** Sends a message as a handler would (the local `npm run digest` and tests start a run this way). */
  send(name: string, body: unknown): string {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`no local queue ${name}`);
    return queue.send(JSON.stringify(body));
  }

  /** Resolves once every queue is empty and no invocation runs (messages waiting out a retry delay count as queued). */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.queues.values()].flatMap((q) => [...q.running]);
      if (running.length > 0) {
        await Promise.allSettled(running);
        continue;
      }
      if (!this.busy) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async start(port = 0): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
    this.server = server;
  }

  async stop(): Promise<void> {
    for (const queue of this.queues.values()) queue.stop();
    await Promise.allSettled([...this.queues.values()].flatMap((q) => [...q.running]));
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  private queueOf(queueUrl: unknown): LocalQueue {
    const name = typeof queueUrl === 'string' ? queueUrl.split('/').at(-1) : undefined;
    const queue = name ? this.queues.get(name) : undefined;
    if (!queue) throw new SqsError('com.amazonaws.sqs#QueueDoesNotExist', `The specified queue does not exist: ${String(queueUrl)}`);
    return queue;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(body));
    };
    try {
      const target = String(req.headers['x-amz-target'] ?? '');
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      if (target === 'AmazonSQS.SendMessage') {
        const body = String(input['MessageBody'] ?? '');
        const messageId = this.queueOf(input['QueueUrl']).send(body);
        return reply(200, { MessageId: messageId, MD5OfMessageBody: md5(body) });
      }
      if (target === 'AmazonSQS.SendMessageBatch') {
        const queue = this.queueOf(input['QueueUrl']);
        const entries = (input['Entries'] ?? []) as Array<{ Id: string; MessageBody: string }>;
        if (entries.length === 0 || entries.length > 10) {
          throw new SqsError('com.amazonaws.sqs#TooManyEntriesInBatchRequest', 'A batch holds 1 to 10 entries');
        }
        const successful = entries.map((e) => ({ Id: e.Id, MessageId: queue.send(e.MessageBody), MD5OfMessageBody: md5(e.MessageBody) }));
        return reply(200, { Successful: successful, Failed: [] });
      }
      if (target === 'AmazonSQS.GetQueueUrl') return reply(200, { QueueUrl: this.urlOf(this.queueOf(`/${String(input['QueueName'])}`).spec.name) });
      throw new SqsError('com.amazonaws.sqs#UnsupportedOperation', `the local queues do not implement ${target}`);
    } catch (error) {
      if (error instanceof SqsError) return reply(400, { __type: error.type, message: error.message });
      this.opts.log.error('local queues: request failed', error);
      return reply(500, { __type: 'com.amazonaws.sqs#InternalError', message: errorMessage(error) });
    }
  }
}
