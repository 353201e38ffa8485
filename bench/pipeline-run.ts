/**
 * `npm run bench:pipeline`: the pipeline part of `npm run bench` alone (bench/pipeline.ts),
 * with its breakdown, for quick iterations. Writes nothing.
 *
 *   BENCH_BRIEFINGS=60   briefings (5 sources each), as in the whole bench
 */
import './env.ts';
import { CapacityRecorder } from './capacity.ts';
import { EventTap, startBenchStack } from './local.ts';
import { measurePipeline } from './pipeline.ts';

const briefings = Number(process.env['BENCH_BRIEFINGS'] ?? 60);
const { stack, tokens, cleanup } = await startBenchStack();
try {
  const { ddb } = await import('#functions/commons/clients/dynamodb.ts');
  const recorder = new CapacityRecorder(ddb);
  const tap = new EventTap(stack);
  const result = await measurePipeline({ stack, recorder, tap, tokens, briefings, concurrency: 20, rawSeconds: 3, timeoutMs: 120_000 });
  console.log(JSON.stringify(result, null, 2));
} finally {
  await cleanup();
}
