/**
 * The user pool on cognito-local: pool, app client and groups (the groups
 * of domain/access.ts, the same the CDK app creates), its Lambda triggers,
 * users, and sign-in.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  GetGroupCommand,
  InitiateAuthCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { GROUP_DESCRIPTIONS, GROUP_NAMES } from '#domain/access.ts';
import { USER_POOL_TRIGGERS } from '#functions/manifest.ts';
import { LOCAL_AWS } from './engines.ts';

/** cognito-local's names for the CDK app's triggers (cognito-local configures triggers globally, not per pool). */
const COGNITO_LOCAL_TRIGGER: Record<keyof typeof USER_POOL_TRIGGERS, string> = {
  postConfirmation: 'PostConfirmation',
};

/**
 * Writes cognito-local's `.cognito/config.json` under its working directory
 * (`dir`), before it starts: the manifest's user pool triggers, invoked through
 * the local Lambda endpoint. Other settings already in the file are kept.
 */
export function writeCognitoLocalConfig(dir: string, opts: { lambdaEndpoint: string }): void {
  const configDir = join(dir, '.cognito');
  const file = join(configDir, 'config.json');
  mkdirSync(configDir, { recursive: true });
  let config: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      config = {};
    }
  }
  const triggers = Object.fromEntries(
    (Object.entries(USER_POOL_TRIGGERS) as [keyof typeof USER_POOL_TRIGGERS, string][]).map(([trigger, fn]) => [COGNITO_LOCAL_TRIGGER[trigger], fn]),
  );
  config['LambdaClient'] = { endpoint: opts.lambdaEndpoint, region: LOCAL_AWS.region, credentials: { ...LOCAL_AWS.credentials } };
  config['TriggerFunctions'] = triggers;
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}

/** Ids of the pool and app client, recorded in local.json so a restart reuses them. */
export interface PoolIds {
  userPoolId: string;
  clientId: string;
}

/** The tokens InitiateAuth returns. */
export interface Tokens {
  accessToken: string;
  idToken: string;
}

/** A client for the local Cognito endpoint. */
export function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ ...LOCAL_AWS, endpoint, maxAttempts: 2 });
}

/**
 * Returns the recorded pool and client when cognito-local still has them,
 * otherwise creates a new pool (email as username, like the deployed pool),
 * an app client allowing USER_PASSWORD_AUTH, and the groups.
 */
export async function ensureUserPool(client: CognitoIdentityProviderClient, recorded: PoolIds | undefined): Promise<PoolIds> {
  let ids = recorded && (await exists(client, recorded)) ? recorded : undefined;
  if (!ids) {
    const pool = await client.send(
      new CreateUserPoolCommand({
        PoolName: 'signal-briefings-local',
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
      }),
    );
    const userPoolId = pool.UserPool?.Id;
    if (!userPoolId) throw new Error('cognito-local returned no user pool id');
    const app = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'signal-briefings-local',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = app.UserPoolClient?.ClientId;
    if (!clientId) throw new Error('cognito-local returned no app client id');
    ids = { userPoolId, clientId };
  }
  await ensureGroups(client, ids.userPoolId);
  return ids;
}

async function exists(client: CognitoIdentityProviderClient, ids: PoolIds): Promise<boolean> {
  try {
    await client.send(new DescribeUserPoolClientCommand({ UserPoolId: ids.userPoolId, ClientId: ids.clientId }));
    return true;
  } catch {
    return false;
  }
}

/** Creates the groups that are missing; existing ones are left as they are. */
async function ensureGroups(client: CognitoIdentityProviderClient, userPoolId: string): Promise<void> {
  for (const name of GROUP_NAMES) {
    try {
      await client.send(new GetGroupCommand({ UserPoolId: userPoolId, GroupName: name }));
    } catch {
      await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: name, Description: GROUP_DESCRIPTIONS[name] }));
    }
  }
}

/**
 * Makes sure a confirmed user with this email, password and (at least) these
 * groups exists, and returns its `sub`. Idempotent, so it runs on every start.
 */
export async function ensureUser(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  user: { email: string; password: string; groups: readonly string[] },
): Promise<{ sub: string }> {
  let attributes: Array<{ Name?: string; Value?: string }> | undefined;
  try {
    attributes = (await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.email }))).UserAttributes;
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
    const created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    attributes = created.User?.Attributes;
  }
  // A permanent password moves the user out of FORCE_CHANGE_PASSWORD, so USER_PASSWORD_AUTH returns tokens.
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: user.email, Password: user.password, Permanent: true }));
  for (const group of user.groups) {
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.email, GroupName: group }));
  }
  const sub = attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new Error(`cognito-local returned no sub for ${user.email}`);
  return { sub };
}

/** Signs in with USER_PASSWORD_AUTH and returns the access and ID tokens. */
export async function signIn(client: CognitoIdentityProviderClient, clientId: string, email: string, password: string): Promise<Tokens> {
  const result = await client.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  const accessToken = result.AuthenticationResult?.AccessToken;
  const idToken = result.AuthenticationResult?.IdToken;
  if (!accessToken || !idToken) {
    throw new Error(`sign-in of ${email} returned ${result.ChallengeName ? `the challenge ${result.ChallengeName}` : 'no tokens'}`);
  }
  return { accessToken, idToken };
}
