/**
 * `npm run -s digest [-- <yyyy-mm-dd>]`: starts a daily digest run on the running local stack now, as EventBridge
 * Scheduler does at 07:00 UTC in AWS: the start message goes to the local plan queue, the planner pages the daily
 * members and the sender mails each their digest (docs/email.md). Default day: the one whose digest covers what
 * was published until now (its window is the 24 hours before its 06:45 UTC cut-off). Prints where to read the mails.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DigestDay, digestDayCovering, digestWindow } from '#domain/email.ts';
import { LOCAL_AWS } from './engines.ts';
import { localFile, readLocalDetails } from './local-file.ts';
import { LOCAL_QUEUES } from './queue-names.ts';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

const dataDir = join(fileURLToPath(new URL('../', import.meta.url)), '.data');

async function main(): Promise<number> {
  const details = readLocalDetails(dataDir);
  if (!details?.endpoints?.sqs || !details.endpoints.ses) {
    console.error(`No local stack with email at ${localFile(dataDir)}. Start the stack first: npm start`);
    return 1;
  }
  const day = process.argv[2] ?? digestDayCovering(new Date());
  if (!DigestDay.safeParse(day).success) {
    console.error(`Usage: npm run -s digest [-- <yyyy-mm-dd>] (got "${day}")`);
    return 2;
  }
  const sqs = new SQSClient({ ...LOCAL_AWS, endpoint: details.endpoints.sqs });
  try {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: `${details.endpoints.sqs}/000000000000/${LOCAL_QUEUES.plan}`,
        MessageBody: JSON.stringify({ kind: 'start', day }),
      }),
    );
  } catch (error) {
    console.error(
      `The local stack is not running (its queues do not answer at ${details.endpoints.sqs}): ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  } finally {
    sqs.destroy();
  }
  const { from, to } = digestWindow(day);
  console.log(`daily digest of ${day} started (alerts of versions from ${from} to ${to}); read the emails in a second at ${details.endpoints.ses}`);
  return 0;
}

main().then((code) => process.exit(code));
