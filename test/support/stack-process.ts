/**
 * A local stack in a process of its own (a script, not a module: test/integration/process-stop.test.ts
 * repeats its two names), stopped the way `npm start` is
 * (stopOnSignals), for the tests that stop or kill a whole process:
 *
 *   node --import tsx test/support/stack-process.ts <dataDir>
 *
 * Two test rules on `Test Process Stop` events: `TestFinishing` writes a
 * marker item once the stop has begun (so it needs DynamoDB Local after the
 * signal), `TestInterrupted` fails once the stop has begun. Each prints
 * `delivering <rule>` when invoked; `ready <bus url>` is printed when the
 * stack is up, `stopped` when the stop is done.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { stopOnSignals } from '#local/shutdown.ts';
import { startLocalStack } from '#local/stack.ts';

const STOP_TEST_EVENT = 'Test Process Stop';
const MARKER_SK = 'DRAINED';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: stack-process.ts <dataDir>');

const stack = await startLocalStack({
  dataDir,
  quiet: true,
  seed: false,
  demoUsers: false,
  busRetry: { attempts: 3, baseDelayMs: 20 },
  streamRetry: { attempts: 3, baseDelayMs: 20 },
});
stopOnSignals(() => stack.stop(), { stopped: () => console.log('stopped') });
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const pattern = { 'detail-type': [STOP_TEST_EVENT] };
stack.bus.subscribe({
  rule: 'TestFinishing',
  target: 'finishing-target',
  pattern,
  invoke: async (event) => {
    console.log('delivering TestFinishing');
    await stack.bus.stopRequested;
    await ddb.send(new PutCommand({ TableName: stack.tableName, Item: { pk: `TEST#${String(event.detail['n'])}`, sk: MARKER_SK } }));
  },
});
stack.bus.subscribe({
  rule: 'TestInterrupted',
  target: 'interrupted-target',
  pattern,
  invoke: async () => {
    console.log('delivering TestInterrupted');
    await stack.bus.stopRequested;
    throw new Error('interrupted by the stop');
  },
});
console.log(`ready ${stack.endpoints.eventbridge}`);
