/**
 * `npm run -s token -- <userKey>`: prints an access token for a demo user of
 * the running local stack, and nothing else, so it can be used inline:
 *   curl -H "Authorization: Bearer $(npm run -s token -- leadership)" ...
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cognitoClient, signIn } from './identity.ts';
import { localFile, readLocalDetails } from './local-file.ts';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

const dataDir = join(fileURLToPath(new URL('../', import.meta.url)), '.data');

async function main(): Promise<number> {
  const details = readLocalDetails(dataDir);
  if (!details?.endpoints?.cognito || !details.clientId || !details.users) {
    console.error(`No local stack details at ${localFile(dataDir)}. Start the stack first: npm start`);
    return 1;
  }
  const keys = details.users.map((u) => u.key);
  const key = process.argv[2];
  const user = details.users.find((u) => u.key === key);
  if (!user) {
    console.error(`${key ? `Unknown user "${key}". ` : ''}Usage: npm run -s token -- <user>, where <user> is one of: ${keys.join(', ')}`);
    console.error('(A reader without a login needs no token: call the API without an Authorization header.)');
    return 2;
  }
  const alive = await fetch(`${details.endpoints.cognito}/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (!alive) {
    console.error(`The local stack is not running (cognito-local does not answer at ${details.endpoints.cognito}). Start it first: npm start`);
    return 1;
  }
  const client = cognitoClient(details.endpoints.cognito);
  try {
    const { accessToken } = await signIn(client, details.clientId, user.email, user.password);
    process.stdout.write(`${accessToken}\n`);
    return 0;
  } catch (error) {
    console.error(`Sign-in of ${user.email} failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error('If the data was reset while the stack was running, restart it: npm start');
    return 1;
  } finally {
    client.destroy();
  }
}

main().then((code) => process.exit(code));
