/**
 * `npm start`: runs the local stack in the foreground with its data in
 * `.data/`, seeds the demo data on first start, and prints how to use it.
 *
 *   npm start                 start (a restart keeps the data)
 *   npm start -- --reset      delete .data/ first (also: npm run reset)
 *   PORT=4000 npm start       API on another port (default 3000)
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_SOURCE } from './demo-data.ts';
import { isPortFree } from './engines.ts';
import { localFile, readLocalDetails } from './local-file.ts';
import { SeedError } from './seed.ts';
import { stopOnSignals } from './shutdown.ts';
import { type LocalStack, startLocalStack } from './stack.ts';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
process.env['AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE'] ??= '1';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const dataDir = join(repoRoot, '.data');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--reset');
  if (unknown.length) {
    console.error(`unknown argument(s): ${unknown.join(' ')}\nusage: npm start [-- --reset]   (PORT=3000 by default)`);
    process.exit(2);
  }
  if (args.includes('--reset')) {
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`reset: deleted ${relative(process.cwd(), dataDir) || dataDir}`);
  }
  const apiPort = Number(process.env['PORT'] ?? 3000);
  if (!Number.isInteger(apiPort) || apiPort < 0 || apiPort > 65535) throw new Error(`PORT must be a port number, got ${process.env['PORT']}`);

  const previous = readLocalDetails(dataDir);
  // Two stacks on one data directory would open the same DynamoDB Local database twice.
  if (previous?.pid && previous.pid !== process.pid && isRunning(previous.pid)) {
    throw new Error(`another local stack (pid ${previous.pid}) is already running on .data/ at ${previous.apiUrl}; stop it first`);
  }
  // Reuse the previous run's engine ports when they are free, so URLs and the token issuer stay stable across restarts.
  const reuse = async (url: string | undefined) => {
    const port = url ? Number(new URL(url).port) : 0;
    return port && (await isPortFree(port)) ? port : 0;
  };
  const [dynamoPort, cognitoPort, busPort, sesPort] = await Promise.all([
    reuse(previous?.endpoints?.dynamodb),
    reuse(previous?.endpoints?.cognito),
    reuse(previous?.endpoints?.eventbridge),
    // aws-ses-v2-local's own default port when free, so its page has one address to bookmark.
    reuse(previous?.endpoints?.ses ?? 'http://127.0.0.1:8005'),
  ]);

  console.log('Starting the local stack (DynamoDB Local, cognito-local, event bus, SES, queues, HTTP API)...');
  const started = Date.now();
  let stack: LocalStack | undefined;
  let stopping = false;
  const { shutdown } = stopOnSignals(async () => stack?.stop(), {
    stopping: (signal) => {
      stopping = true;
      console.log(`\n${signal}: stopping the local stack (running deliveries finish first)...`);
    },
    stopped: () => console.log('stopped; data kept in .data/, undelivered events included (npm run reset to delete it)'),
  });
  // `kill <npm pid>` makes npm forward SIGTERM to the `sh -c` it runs scripts with, which dies without
  // passing it on; this process is then re-parented. Notice that and stop, instead of leaving a JVM behind.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void shutdown('parent process exited'), 1_000).unref();

  try {
    stack = await startLocalStack({ dataDir, apiPort, dynamoPort, cognitoPort, busPort, sesPort, seed: true, feedStartMonth: launchMonth(dataDir) });
  } catch (error) {
    if (error instanceof SeedError) {
      console.error(
        `\nSeeding the demo data failed: ${error.message}\n` +
          'The handlers may still be placeholders, or the demo data no longer matches them. ' +
          'Nothing was recorded as seeded; after fixing, run `npm start -- --reset` to seed from scratch.',
      );
    }
    throw error;
  }
  if (stopping) return;
  console.log(usage(stack, Date.now() - started));
}

function usage(stack: LocalStack, ms: number): string {
  const api = stack.apiUrl;
  const scale = stack.briefings['scale-ai-en'];
  const lines = [
    '',
    `Signal Briefings is running locally (ready in ${(ms / 1000).toFixed(1)} s).`,
    '',
    `  API            ${api}`,
    `  DynamoDB Local ${stack.endpoints.dynamodb}   table ${stack.tableName}`,
    `  cognito-local  ${stack.endpoints.cognito}   pool ${stack.userPoolId}   client ${stack.clientId}`,
    `  event bus      ${stack.endpoints.eventbridge}   bus ${stack.busName}`,
    `  emails (SES)   ${stack.endpoints.ses}   every email sent, as a web page (JSON: ${stack.endpoints.ses}/store)`,
    `  details (JSON) ${localFile(stack.dataDir)}`,
    '',
    `Demo users (password for all: ${stack.users[0]?.password ?? '-'}):`,
    `  ${'reader'.padEnd(11)} no login: call the API without a token`,
    ...stack.users.map((u) => `  ${u.key.padEnd(11)} ${u.email.padEnd(30)} ${u.groups.join(', ').padEnd(20)} token: npm run -s token -- ${u.key}`),
    '',
    'Try:',
    `  curl -s ${api}/briefings`,
  ];
  if (scale) {
    lines.push(
      `  curl -s ${api}/briefings/${scale}                # anonymous: deeper sections locked`,
      `  curl -s ${api}/briefings/${scale} -H "Authorization: Bearer $(npm run -s token -- leadership)"`,
      `  curl -s "${api}/briefings/${scale}?lang=zh"       # the Chinese translation (or send Accept-Language: zh)`,
    );
  }
  lines.push(
    `  curl -s "${api}/briefings?entity=scale-ai&minGrade=A/B"   # filtered feed, newest first`,
    `  curl -s ${api}/feeds/briefings.rss             # the feed for feed readers (also briefings.atom, briefings.json; same filters)`,
    `  curl -s ${api}/entities/scale-ai               # profile, relationships (evidence locked), recent briefings`,
    `  curl -s ${api}/me/alerts -H "Authorization: Bearer $(npm run -s token -- strategy)"   # alerts for followed entities`,
    `  curl -s -X PUT ${api}/me/preferences -H "Authorization: Bearer $(npm run -s token -- strategy)" -H 'content-type: application/json' -d '{"delivery":"daily"}'`,
    `  npm run -s digest                              # the daily digest now (07:00 UTC in AWS); read it at ${stack.endpoints.ses}`,
    '  npm run -s webhook:demo -- strategy-circle     # a partner endpoint: signed webhook deliveries, verified (docs/webhooks.md)',
  );
  lines.push(
    `  curl -s -X POST ${api}/sources -H "Authorization: Bearer $(npm run -s token -- analyst)" -H 'content-type: application/json' \\`,
    `       -d '${JSON.stringify({ briefingId: scale ?? '<briefingId>', ...EXAMPLE_SOURCE })}'`,
    '       # the same URL again answers 409: a duplicate is recognised and emits no event',
    '',
    `API docs: ${api}/docs (OpenAPI ${api}/openapi.json) · event docs: ${api}/docs/events (AsyncAPI ${api}/asyncapi.json)`,
    `Seeded briefings: ${Object.keys(stack.briefings).join(', ') || 'none'}`,
    'Ctrl-C stops everything; data stays in .data/ (npm run reset to start over).',
  );
  return lines.join('\n');
}

main().catch((error: unknown) => {
  if (!(error instanceof SeedError)) console.error(`\nThe local stack could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only checks that the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The month this local deployment started (kept in .data/ across restarts): the feed's first month,
 * as an operator sets it at deploy, so a young feed's first page is one Query, not a walk through
 * empty months back to the code's default.
 */
function launchMonth(dir: string): string {
  const file = join(dir, 'feed-start-month');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${new Date().toISOString().slice(0, 7)}\n`);
  }
  return readFileSync(file, 'utf8').trim();
}
