/**
 * `npm run -s webhook:demo -- [tier]`: a partner's endpoint for the running local stack (`npm start`). Listens
 * on 127.0.0.1, registers itself as a webhook of `tier` (default leadership-alliance) as the demo admin, and
 * prints every delivery it receives: whether its signature verifies (HMAC-SHA256 of `<timestamp>.<raw body>`
 * with the secret the registration answered, timestamp within 5 minutes: docs/webhooks.md), the event, and
 * which sections the tier unlocked. Ctrl-C removes the webhook again.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TIERS } from '#domain/access.ts';
import { verifyDelivery, WEBHOOK_HEADERS } from '#domain/webhooks.ts';
import { cognitoClient, signIn } from './identity.ts';
import { localFile, readLocalDetails } from './local-file.ts';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

const dataDir = join(fileURLToPath(new URL('../', import.meta.url)), '.data');
const tier = process.argv[2] ?? 'leadership-alliance';

async function main(): Promise<void> {
  if (!(TIERS as readonly string[]).includes(tier)) throw new Error(`usage: npm run -s webhook:demo -- [${TIERS.join('|')}]`);
  const details = readLocalDetails(dataDir);
  const admin = details?.users?.find((u) => u.groups.includes('admins'));
  if (!details?.apiUrl || !details.clientId || !details.endpoints?.cognito || !admin)
    throw new Error(`No local stack details at ${localFile(dataDir)}. Start the stack first: npm start`);
  const cognito = cognitoClient(details.endpoints.cognito);
  const { accessToken } = await signIn(cognito, details.clientId, admin.email, admin.password).finally(() => cognito.destroy());
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };

  let secret = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
      const check = verifyDelivery({
        secrets: [secret],
        body: raw,
        timestamp: header(WEBHOOK_HEADERS.timestamp),
        signature: header(WEBHOOK_HEADERS.signature),
        now: new Date(),
      });
      res.writeHead(check.ok ? 204 : 401).end();
      const body = JSON.parse(raw.toString('utf8')) as {
        type: string;
        briefing?: { briefingId: string; sections: Array<{ name: string; locked: boolean }> };
        briefingId?: string;
      };
      const sections = body.briefing?.sections ?? [];
      console.log(
        `${check.ok ? '✓ signature verified' : `✗ refused (${check.reason})`}  ${body.type} ${body.briefing?.briefingId ?? body.briefingId}  ` +
          `${raw.length} B` +
          (sections.length
            ? `  readable: ${sections.filter((s) => !s.locked).length}/${sections.length} sections, locked: ${
                sections
                  .filter((s) => s.locked)
                  .map((s) => s.name)
                  .join(', ') || 'none'
              }`
            : ''),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/signal-webhooks`;
  const registered = await fetch(`${details.apiUrl}/webhooks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: `Demo partner (${tier})`, url, tier }),
  });
  const webhook = (await registered.json()) as { webhookId: string; signingSecret: string };
  if (registered.status !== 201) throw new Error(`registration answered ${registered.status}: ${JSON.stringify(webhook)}`);
  secret = webhook.signingSecret;
  const draft = details.briefings?.['draft-example'];
  console.log(
    [
      `Partner endpoint ${url} registered as webhook ${webhook.webhookId} (tier ${tier}); signing secret ${secret} (shown once).`,
      'Every publication or retraction is delivered here. In another terminal, publish the demo draft, for instance:',
      `  curl -s -X POST ${details.apiUrl}/briefings/${draft ?? '<briefingId>'}/publish -H "Authorization: Bearer $(npm run -s token -- editor)"`,
      'Ctrl-C removes the webhook.',
    ].join('\n'),
  );
  const stop = async () => {
    await fetch(`${details.apiUrl}/webhooks/${webhook.webhookId}`, { method: 'DELETE', headers }).catch(() => undefined);
    server.close();
    console.log(`\nwebhook ${webhook.webhookId} removed`);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
