/**
 * The deploy guide's smoke test (docs/deploy.md, section 6) as one command,
 * against any deployed stack from its outputs, or the local stack:
 *
 *   npm run smoke -- --api <ApiUrl> --client-id <UserPoolClientId> --username <admin email> --password <password>
 *
 * The user must be an admin (the guide's section 5). Steps: sign in; grant
 * yourself the analyst and editor roles; create a briefing (docs/smoke/briefing.json);
 * add a direct source (docs/smoke/source.json); wait for its score (scored from that source);
 * publish; read it anonymously (member sections locked, naming the tier that
 * unlocks them) and find it in the feed; a 404 as problem+json; retract it.
 * One line per step; exit 1 at the first failure. `--region` (default
 * AWS_REGION) is the user pool's; `--cognito-endpoint` points at another
 * Cognito (the local stack's).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { type ApiSchemas, apiClient, describeAnswer } from '#contracts/client.ts';

const ROOT = new URL('../', import.meta.url);
/** Deadline of the wait for the score, against a pipeline that never scores (scoring takes seconds). */
const SCORE_DEADLINE_MS = 120_000;

interface Options {
  api: string;
  clientId: string;
  username: string;
  password: string;
  region: string;
  cognitoEndpoint?: string;
}

class SmokeFailure extends Error {}

export async function smoke(o: Options, say: (line: string) => void = console.log): Promise<void> {
  const api = o.api.replace(/\/+$/, '');
  const cognito = new CognitoIdentityProviderClient({ region: o.region, ...(o.cognitoEndpoint ? { endpoint: o.cognitoEndpoint } : {}) });
  const signIn = async () => {
    const { AuthenticationResult } = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: o.clientId,
        AuthParameters: { USERNAME: o.username, PASSWORD: o.password },
      }),
    );
    if (!AuthenticationResult?.IdToken) throw new SmokeFailure('sign-in returned no token (a new password required? sign in once by hand)');
    return AuthenticationResult.IdToken;
  };
  /** The API as the signed-in admin (after sign-in), or anonymously. */
  const staff = () => apiClient(api, { token });
  const anonymous = apiClient(api);
  const step = async (name: string, run: () => Promise<string | undefined>) => {
    try {
      const detail = await run();
      say(`ok    ${name}${detail ? `: ${detail}` : ''}`);
    } catch (error) {
      say(`FAIL  ${name}: ${error instanceof Error ? error.message : String(error)}`);
      throw error instanceof SmokeFailure ? error : new SmokeFailure(name);
    }
  };
  /** The answer's data when the call answered `status`; a failure naming what came back otherwise. */
  const expectStatus = <T extends { response: Response; error?: unknown }>(answer: T, status: number): T => {
    if (answer.response.status !== status) throw new SmokeFailure(describeAnswer(`expected ${status}, but it`, answer.response, answer.error));
    return answer;
  };

  let token = '';
  let userId = '';
  let briefingId = '';
  const briefing = () => ({ params: { path: { briefingId } } });
  try {
    await step('sign in as an admin', async () => {
      token = await signIn();
      const { data: me } = expectStatus(await staff().GET('/me'), 200);
      if (!me!.roles.includes('admin')) throw new SmokeFailure(`${o.username} is not an admin (roles: ${JSON.stringify(me!.roles)})`);
      userId = me!.userId;
      return `user ${userId}`;
    });
    await step('grant yourself the analyst and editor roles', async () => {
      const body = { tier: 'strategy-circle' as const, roles: ['analyst' as const, 'editor' as const, 'admin' as const] };
      expectStatus(await staff().PUT('/members/{userId}/entitlement', { params: { path: { userId } }, body }), 200);
      token = await signIn();
      return undefined;
    });
    await step('create a briefing', async () => {
      const body = smokeFile<ApiSchemas['BriefingInput']>('briefing.json');
      const { data } = expectStatus(await staff().POST('/briefings', { body }), 201);
      briefingId = data!.briefingId;
      return briefingId;
    });
    await step('add a direct source', async () => {
      const body = { ...smokeFile<ApiSchemas['SourceInput']>('source.json'), briefingId };
      expectStatus(await staff().POST('/sources', { body }), 201);
      return undefined;
    });
    await step('its score, from Source Ingested through scoring', async () => {
      const deadline = Date.now() + SCORE_DEADLINE_MS;
      for (;;) {
        const { data } = expectStatus(await staff().GET('/briefings/{briefingId}/score', briefing()), 200);
        const { confidence } = data!;
        // Scored from the source: an unrated direct source alone is not grade A under model v3 (docs/scoring.md).
        if (confidence.score > 0) return `${confidence.score} (${confidence.grade}, ${confidence.label})`;
        if (Date.now() > deadline) throw new SmokeFailure(`no score within ${SCORE_DEADLINE_MS / 1000} s: ${JSON.stringify(confidence)}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    });
    await step('publish', async () => {
      const { data } = expectStatus(await staff().POST('/briefings/{briefingId}/publish', briefing()), 200);
      if (data!.status !== 'published') throw new SmokeFailure(`status ${data!.status}`);
      return undefined;
    });
    await step('read it anonymously: public sections readable, member sections locked', async () => {
      const { data } = expectStatus(await anonymous.GET('/briefings/{briefingId}', briefing()), 200);
      const locked = data!.sections.filter((s) => s.locked);
      if (!data!.sections.some((s) => !s.locked)) throw new SmokeFailure('no readable section');
      if (locked.length === 0 || locked.some((s) => !s.unlockTier)) throw new SmokeFailure(`locked sections: ${JSON.stringify(locked)}`);
      return `${locked.length} locked (${locked.map((s) => `${s.name}: ${s.unlockTier}`).join(', ')})`;
    });
    await step('find it in the feed', async () => {
      const { data } = expectStatus(await anonymous.GET('/briefings'), 200);
      if (!data!.items.some((i) => i.briefingId === briefingId)) throw new SmokeFailure('not on the first page');
      return undefined;
    });
    await step('an unknown briefing is a 404 problem', async () => {
      const { response } = expectStatus(
        await staff().POST('/briefings/{briefingId}/publish', { params: { path: { briefingId: 'smoke-test-no-such-briefing' } } }),
        404,
      );
      const type = response.headers.get('content-type') ?? '';
      if (!type.startsWith('application/problem+json')) throw new SmokeFailure(`content-type ${type}`);
      return undefined;
    });
  } finally {
    if (briefingId) {
      await step('retract the smoke briefing', async () => {
        const body = { reason: 'deployment smoke test' };
        const answer = await staff().POST('/briefings/{briefingId}/retract', { ...briefing(), body });
        // A draft (a failure before publishing) cannot be retracted: it is left for the operator to read.
        if (answer.response.status === 409) return 'not published, left as a draft';
        expectStatus(answer, 200);
        return undefined;
      });
    }
    cognito.destroy();
  }
}

/** A request body of the deploy guide (docs/smoke/), as the guide's curl sends it; the API validates it. */
function smokeFile<T>(name: string): T {
  const body = JSON.parse(readFileSync(new URL(`docs/smoke/${name}`, ROOT), 'utf8')) as Record<string, unknown>;
  delete body['briefingId'];
  return body as T;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      api: { type: 'string' },
      'client-id': { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      region: { type: 'string' },
      'cognito-endpoint': { type: 'string' },
    },
  });
  const region = values.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'];
  const missing = (['api', 'client-id', 'username', 'password'] as const).filter((k) => !values[k]);
  if (missing.length > 0 || !region) {
    console.error(
      'usage: npm run smoke -- --api <ApiUrl> --client-id <UserPoolClientId> --username <admin email> --password <password> [--region <region>]\n' +
        `missing: ${[...missing.map((k) => `--${k}`), ...(region ? [] : ['--region (or AWS_REGION)'])].join(', ')}`,
    );
    process.exit(2);
  }
  smoke({
    api: values.api!,
    clientId: values['client-id']!,
    username: values.username!,
    password: values.password!,
    region,
    ...(values['cognito-endpoint'] ? { cognitoEndpoint: values['cognito-endpoint'] } : {}),
  }).then(
    () => console.log('smoke test passed'),
    () => {
      console.error('smoke test failed');
      process.exitCode = 1;
    },
  );
}
