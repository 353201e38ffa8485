/**
 * The local stack as a process: stopped by SIGTERM (what Ctrl-C and `kill`
 * do to `npm start`) or killed by SIGKILL while deliveries are running, then
 * started again on the same data directory. A stop lets running deliveries
 * finish with DynamoDB Local still up; whatever did not finish, and anything
 * a killed process was delivering, is delivered after the restart.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '#local/engines.ts';
import type { EventEnvelope } from '#local/event-envelope.ts';
import { killGroup, startStackChild } from '#test/support/stack-child.ts';
import { type LocalStack, startTestStack } from './harness.ts';

const SCRIPT = join(import.meta.dirname, '../support/stack-process.ts');
/** As in the script. */
const STOP_TEST_EVENT = 'Test Process Stop';
const MARKER_SK = 'DRAINED';

const startStackProcess = (dataDir: string) => startStackChild(SCRIPT, [dataDir, 'stop']);

async function publishStopTestEvent(busUrl: string, n: string): Promise<void> {
  const client = new EventBridgeClient({ ...LOCAL_AWS, endpoint: busUrl });
  const result = await client.send(
    new PutEventsCommand({
      Entries: [{ EventBusName: 'signal-briefings', Source: 'test', DetailType: STOP_TEST_EVENT, Detail: JSON.stringify({ n }) }],
    }),
  );
  client.destroy();
  expect(result.FailedEntryCount).toBe(0);
}

/** Starts the stack in this process on the data directory and takes the two test rules' deliveries. */
async function restartInProcess(dataDir: string) {
  const stack = await startTestStack({ dataDir });
  const delivered: Record<string, EventEnvelope[]> = { TestFinishing: [], TestInterrupted: [] };
  for (const rule of ['TestFinishing', 'TestInterrupted'] as const) {
    stack.bus.subscribe({ rule, target: rule, pattern: { 'detail-type': [STOP_TEST_EVENT] }, invoke: async (e) => void delivered[rule]!.push(e) });
  }
  return { stack, delivered };
}

async function markerOf(stack: LocalStack, n: string) {
  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const { Item } = await ddb.send(new GetCommand({ TableName: stack.tableName, Key: { pk: `TEST#${n}`, sk: MARKER_SK }, ConsistentRead: true }));
  ddb.destroy();
  return Item;
}

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'signal-briefings-stop-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('stopping the local stack process', () => {
  it('on SIGTERM mid-delivery, lets the running delivery finish its write, and delivers the interrupted one after the restart', async () => {
    // Prepare: both deliveries running in the stack process.
    const dataDir = tempDataDir();
    const proc = startStackProcess(dataDir);
    cleanup.push(() => killGroup(proc.child, 'SIGKILL'));
    const busUrl = (await proc.line(/^ready /)).split(' ')[1]!;
    const n = randomUUID();
    await publishStopTestEvent(busUrl, n);
    await proc.line(/^delivering TestFinishing$/);
    await proc.line(/^delivering TestInterrupted$/);

    // Act
    killGroup(proc.child, 'SIGTERM');
    const code = await proc.exited;
    const { stack, delivered } = await restartInProcess(dataDir);
    cleanup.push(() => stack.stop());
    const event = await stack.bus.waitFor((e) => e.envelope.detail['n'] === n && e.deliveries.every((d) => d.status === 'delivered'));
    await stack.settled();

    // Assess
    expect(code).toBe(0);
    expect(proc.lines).toContain('stopped');
    expect(await markerOf(stack, n)).toBeDefined(); // written after the signal: DynamoDB Local was still up
    expect(event.deliveries.map((d) => d.rule)).toEqual(['TestInterrupted']);
    expect(delivered['TestInterrupted']).toHaveLength(1);
    expect(delivered['TestFinishing']).toEqual([]);
  });

  it('on SIGKILL mid-delivery, delivers every unfinished delivery after the restart', async () => {
    // Prepare
    const dataDir = tempDataDir();
    const proc = startStackProcess(dataDir);
    cleanup.push(() => killGroup(proc.child, 'SIGKILL'));
    const busUrl = (await proc.line(/^ready /)).split(' ')[1]!;
    const n = randomUUID();
    await publishStopTestEvent(busUrl, n);
    await proc.line(/^delivering TestFinishing$/);
    await proc.line(/^delivering TestInterrupted$/);

    // Act
    killGroup(proc.child, 'SIGKILL');
    await proc.exited;
    const { stack, delivered } = await restartInProcess(dataDir);
    cleanup.push(() => stack.stop());
    const event = await stack.bus.waitFor((e) => e.envelope.detail['n'] === n && e.deliveries.every((d) => d.status === 'delivered'));
    await stack.settled();

    // Assess
    expect(event.deliveries.map((d) => d.rule).sort()).toEqual(['TestFinishing', 'TestInterrupted']);
    expect(delivered['TestFinishing']).toHaveLength(1);
    expect(delivered['TestInterrupted']).toHaveLength(1);
    expect(await markerOf(stack, n)).toBeUndefined();
  });
});
