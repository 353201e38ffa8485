/**
 * The local stack in a process of its own, for the crash test (test/integration/crash.test.ts), which
 * kills it mid-ingestion and starts it again on the same data directory:
 *
 *   node --import tsx test/support/crash-stack-process.ts <dataDir>
 *
 * Stopped the way `npm start` is (stopOnSignals). Records the deliveries of the events consumers act
 * on (test/support/crash.ts) and prints, once up, `ready <json>` with the API's URL and tokens of an
 * analyst, a member and an editor (the same users on every start).
 */
import { stopOnSignals } from '#local/shutdown.ts';
import { startLocalStack } from '#local/stack.ts';
import { recordEvents } from './crash.ts';

const PASSWORD = 'Test-pass-2026!';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-stack-process.ts <dataDir>');

const stack = await startLocalStack({
  dataDir,
  quiet: true,
  seed: false,
  demoUsers: false,
  busRetry: { attempts: 3, baseDelayMs: 20 },
  streamRetry: { attempts: 3, baseDelayMs: 20 },
});
stopOnSignals(() => stack.stop(), { stopped: () => console.log('stopped') });
recordEvents(stack.bus, dataDir);
const tokenOf = async (email: string, groups: string[]) => {
  await stack.ensureUser({ email, password: PASSWORD, groups });
  return (await stack.signIn(email, PASSWORD)).accessToken;
};
const analyst = await tokenOf('crash-analyst@test.signal.local', ['analysts']);
const member = await tokenOf('crash-member@test.signal.local', ['strategy-circle']);
const editor = await tokenOf('crash-editor@test.signal.local', ['editors']);
console.log(`ready ${JSON.stringify({ apiUrl: stack.apiUrl, analyst, member, editor })}`);
