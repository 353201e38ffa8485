/**
 * Spec: the deploy guide's smoke test (`npm run smoke`, tools/smoke.ts) passes
 * against the local stack, run as an operator runs it against a deployment, so
 * the smoke test cannot rot between deployments.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '#local/engines.ts';
import { type LocalStack, startTestStack, TEST_PASSWORD } from './harness.ts';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describe('npm run smoke', () => {
  it('passes against the local stack with an admin, step by step, and retracts its briefing', async () => {
    // Prepare: an admin, as the deploy guide's section 5 makes one
    const email = 'smoke-admin@test.signal.local';
    await stack.ensureUser({ email, password: TEST_PASSWORD, groups: ['admins'] });
    const args = ['run', '--silent', 'smoke', '--', '--api', stack.apiUrl, '--client-id', stack.clientId, '--username', email];
    // Act: the command of docs/deploy.md, with the local Cognito
    const { stdout } = await promisify(execFile)(
      'npm',
      [...args, '--password', TEST_PASSWORD, '--region', stack.region, '--cognito-endpoint', stack.cognitoFront.url],
      { env: { ...process.env, AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey } },
    );
    // Assess
    const lines = stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(lines.map((l) => l.replace(/:.*$/, ''))).toEqual([
      'ok    sign in as an admin',
      'ok    grant yourself the analyst and editor roles',
      'ok    create a briefing',
      'ok    add a direct source',
      'ok    its score, from Source Ingested through scoring',
      'ok    publish',
      'ok    read it anonymously',
      'ok    find it in the feed',
      'ok    an unknown briefing is a 404 problem',
      'ok    retract the smoke briefing',
      'smoke test passed',
    ]);
  });
});
