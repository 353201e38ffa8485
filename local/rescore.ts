/**
 * `npm run rescore [-- --dry-run]`: after a change of the scoring model, asks the running local
 * stack to score every briefing again, as an operator does in AWS (docs/deploy.md): it invokes
 * `rescore-briefings` through the local Lambda Invoke API until the walk is done, printing what
 * each invocation did. Safe to run again, and to interrupt: a second run skips what is done.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESCORE_FUNCTION } from '#functions/manifest.ts';
import type { RescoreReport } from '#functions/pipeline/rescore-briefings.ts';
import { localFile, readLocalDetails } from './local-file.ts';

const dataDir = join(fileURLToPath(new URL('../', import.meta.url)), '.data');

async function main(): Promise<number> {
  const details = readLocalDetails(dataDir);
  const endpoint = details?.endpoints?.lambda;
  if (!endpoint) {
    console.error(`No running local stack found at ${localFile(dataDir)}. Start the stack first: npm start`);
    return 1;
  }
  const dryRun = process.argv.includes('--dry-run');
  let cursor: string | undefined;
  const total = { briefings: 0, requested: 0, current: 0, alreadyRequested: 0 };
  let model = '';
  do {
    const res = await fetch(`${endpoint}/2015-03-31/functions/${RESCORE_FUNCTION}/invocations`, {
      method: 'POST',
      body: JSON.stringify({ ...(cursor ? { cursor } : {}), ...(dryRun ? { dryRun } : {}) }),
    }).catch(() => undefined);
    if (!res?.ok || res.headers.get('x-amz-function-error')) {
      console.error(
        `The local stack did not run ${RESCORE_FUNCTION} (${res ? `${res.status} ${await res.text()}` : 'not running?'}). Start it: npm start`,
      );
      return 1;
    }
    const report = (await res.json()) as RescoreReport;
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += report[k];
    model = report.modelVersion;
    cursor = report.cursor;
  } while (cursor);
  console.log(
    `${dryRun ? 'Would re-score' : 'Re-scoring requested for'} ${total.requested} of ${total.briefings} briefings with model ` +
      `${model} (${total.current} already current or retracted, ${total.alreadyRequested} already requested). ` +
      'Briefing Scored follows for each whose score or grade moves.',
  );
  return 0;
}

main().then((code) => process.exit(code));
