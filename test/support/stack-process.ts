/**
 * A local stack in a process of its own, stopped the way `npm start` is (stopOnSignals), for the tests
 * that stop or kill a whole process and start it again on the same data directory:
 *
 *   node --import tsx test/support/stack-process.ts <dataDir> stop|crash
 *
 * `stop` (test/integration/process-stop.test.ts, which repeats the two names below): two test rules on
 * `Test Process Stop` events. `TestFinishing` writes a marker item once the stop has begun (so it needs
 * DynamoDB Local after the signal), `TestInterrupted` fails once the stop has begun. Each prints
 * `delivering <rule>` when invoked; prints `ready <bus url>` when up.
 *
 * `crash` (test/integration/crash.test.ts, which kills it mid-ingestion): records the deliveries of the
 * events consumers act on (test/support/crash.ts) and prints, once up, `ready <json>` with the API's URL
 * and tokens of an analyst, a member and an editor (the same users on every start).
 *
 * Both print `stopped` when a stop is done.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { stopOnSignals } from '#local/shutdown.ts';
import { type LocalStack, startLocalStack } from '#local/stack.ts';
import { recordEvents } from './crash.ts';

const STOP_TEST_EVENT = 'Test Process Stop';
const MARKER_SK = 'DRAINED';
const PASSWORD = 'Test-pass-2026!';

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir || (mode !== 'stop' && mode !== 'crash')) throw new Error('usage: stack-process.ts <dataDir> stop|crash');

const stack = await startLocalStack({
  dataDir,
  quiet: true,
  seed: false,
  demoUsers: false,
  busRetry: { attempts: 3, baseDelayMs: 20 },
  streamRetry: { attempts: 3, baseDelayMs: 20 },
});
stopOnSignals(() => stack.stop(), { stopped: () => console.log('stopped') });
console.log(`ready ${mode === 'stop' ? stopScenario(stack) : await crashScenario(stack, dataDir)}`);

function stopScenario(stack: LocalStack): string {
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
  return stack.endpoints.eventbridge;
}

async function crashScenario(stack: LocalStack, dataDir: string): Promise<string> {
  recordEvents(stack.bus, dataDir);
  const tokenOf = async (email: string, groups: string[]) => {
    await stack.ensureUser({ email, password: PASSWORD, groups });
    return (await stack.signIn(email, PASSWORD)).accessToken;
  };
  const analyst = await tokenOf('crash-analyst@test.signal.local', ['analysts']);
  const member = await tokenOf('crash-member@test.signal.local', ['strategy-circle']);
  const editor = await tokenOf('crash-editor@test.signal.local', ['editors']);
  return JSON.stringify({ apiUrl: stack.apiUrl, analyst, member, editor });
}
