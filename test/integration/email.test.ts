/**
 * Email digests end to end on the local stack (issue 17 point 2, docs/email.md): preferences through the API, a
 * publication through the API, the fan-out's alerts on the table stream, the queues, the sender and a real SES v2
 * endpoint (aws-ses-v2-local), whose store the test reads as a mailbox.
 *
 * - instant: a Leadership Alliance member gets an email at once, with the sections of their tier and the one-click
 *   unsubscribe headers; a Chinese reader gets the Chinese words;
 * - daily: a member downgraded between publication and the digest gets the lower tier's copy (the locked sections
 *   as markers, none of their text); a second run of the same day sends nothing more;
 * - the unsubscribe link (no login) stops mail; a tampered one is a 400 on `query:token`;
 * - a permanent bounce (an SES event on the bus) marks the address, and the sender skips it.
 */
import { randomUUID } from 'node:crypto';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rescore } from '#domain/briefing.ts';
import { digestDayCovering } from '#domain/email.ts';
import { LOCAL_AWS } from '#local/engines.ts';
import { briefingInput, draft, NOW, source } from '#test/support/fixtures.ts';
import { api, type LocalStack, startTestStack, tokenFor } from './harness.ts';

process.env['ENTITLEMENT_CACHE_SECONDS'] = '0';

const RUN = randomUUID().slice(0, 8).toUpperCase();
const canary = (part: string) => `CANARY-${RUN}-${part}`;
const ANY_CANARY = new RegExp(`CANARY-${RUN}-[A-Z0-9]+`, 'g');
const canariesIn = (text: string) => [...new Set(text.match(ANY_CANARY) ?? [])].sort();

interface StoredEmail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: Array<{ name: string; value: string }>;
}

let stack: LocalStack;
const tokens = {} as Record<'editor' | 'admin' | 'instant' | 'daily' | 'chinese' | 'bounced', string>;
const addresses = {} as Record<keyof typeof tokens, string>;
const subs = {} as Record<keyof typeof tokens, string>;
let createDraft: (id: string, tag: string) => Promise<void>;

async function mailbox(): Promise<StoredEmail[]> {
  const res = await fetch(`${stack.endpoints.ses}/store`);
  return ((await res.json()) as { emails: StoredEmail[] }).emails;
}
const mailTo = async (who: keyof typeof addresses) => (await mailbox()).filter((m) => m.destination.to.includes(addresses[who]));
const whole = (m: StoredEmail) => `${m.subject}\n${m.body.text ?? ''}\n${m.body.html ?? ''}`;

async function publishThroughApi(id: string, tag: string): Promise<void> {
  await createDraft(id, tag);
  const res = await api(stack, 'POST', `/briefings/${id}/publish`, { token: tokens.editor });
  expect(res.status, res.text).toBe(200);
  await stack.settled();
}

beforeAll(async () => {
  stack = await startTestStack();
  const groups = {
    editor: ['editors'],
    admin: ['admins'],
    instant: ['leadership-alliance'],
    daily: ['leadership-alliance'],
    chinese: ['strategy-circle'],
    bounced: ['strategy-circle'],
  } as const;
  for (const [who, g] of Object.entries(groups) as Array<[keyof typeof tokens, readonly ['editors']]>) {
    tokens[who] = await tokenFor(stack, g);
    subs[who] = (await api(stack, 'GET', '/me', { token: tokens[who] })).body.userId;
  }
  const briefings = await import('#functions/commons/table/briefings.ts');
  const sources = await import('#functions/commons/table/sources.ts');
  const { sourceIngested } = await import('#events/announcements.ts');
  createDraft = async (id, tag) => {
    const base = briefingInput().sections;
    const sections = {
      ...base,
      headline: `${base.headline} ${tag}`,
      trendContext: `${canary(`${tag}TREND`)} the trend behind the signal.`,
      relationshipEvidence: base.relationshipEvidence.map((r) => ({ ...r, evidence: `${canary(`${tag}REL`)} filing` })),
      failurePaths: base.failurePaths.map((f) => ({ ...f, path: `${canary(`${tag}FAIL`)} outage risk` })),
    };
    const s = source('direct', 1, 'supports', id, { note: `${canary(`${tag}NOTE`)} analyst note` });
    await briefings.createBriefing(rescore(draft({ sections }, id), [s], NOW).briefing);
    expect(await sources.addSource(s, sourceIngested(s, NOW), NOW)).toBe('added');
  };
  const profile = { name: 'Acme Networks', kind: 'company', coverage: 'Acme is covered.', relationships: [], publish: true };
  expect((await api(stack, 'PUT', '/entities/acme', { token: tokens.editor, body: profile })).status).toBe(200);
  const choose = async (who: keyof typeof tokens, body: object, headers: Record<string, string> = {}) => {
    expect((await api(stack, 'PUT', '/me/watchlist/acme', { token: tokens[who] })).status).toBe(200);
    const res = await api(stack, 'PUT', '/me/preferences', { token: tokens[who], body, headers });
    expect(res.status, res.text).toBe(200);
    addresses[who] = res.body.email;
  };
  await choose('instant', { delivery: 'instant' });
  await choose('daily', { delivery: 'daily' });
  await choose('chinese', { delivery: 'instant' }, { 'accept-language': 'zh-TW, en;q=0.5' });
  await choose('bounced', { delivery: 'instant' });
});
afterAll(() => stack?.stop());

describe('preferences', () => {
  it("are the caller's own: the account's verified address, the language from Accept-Language when none is named", async () => {
    const res = await api(stack, 'GET', '/me/preferences', { token: tokens.chinese });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ delivery: 'instant', language: 'zh-Hant', suppressed: false });
    expect(res.body.email).toMatch(/@test\.signal\.local$/);
  });

  it('refuses an unknown delivery with the field path, and a caller without a token', async () => {
    const bad = await api(stack, 'PUT', '/me/preferences', { token: tokens.instant, body: { delivery: 'weekly', address: 'x@y.z' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['#/address', '#/delivery']);
    expect((await api(stack, 'GET', '/me/preferences')).status).toBe(401);
  });
});

describe('instant, daily, unsubscribe, bounce', () => {
  const A = `mail-a-${RUN.toLowerCase()}`;

  beforeAll(async () => {
    await publishThroughApi(A, 'A');
  });

  it('sends an instant member the sections of their tier, with the one-click unsubscribe headers', async () => {
    const mails = await mailTo('instant');
    expect(mails).toHaveLength(1);
    const [mail] = mails as [StoredEmail];
    expect(mail.subject).toContain('New briefing:');
    expect(canariesIn(whole(mail))).toEqual(['ATREND', 'AREL', 'AFAIL', 'ANOTE'].map(canary).sort());
    const header = (name: string) => mail.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
    expect(header('List-Unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?token=[A-Za-z0-9_.%-]+>$/);
    expect(header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it("writes a Chinese reader's email in their language, with only Strategy Circle content", async () => {
    const [mail, ...more] = await mailTo('chinese');
    expect(more).toHaveLength(0);
    expect(mail!.body.text).toContain('您關注的實體');
    expect(canariesIn(whole(mail!))).toEqual([canary('ATREND')]);
    expect(mail!.body.text).toContain('領導力聯盟');
  });

  it("sends a daily member nothing at once; their digest, after a downgrade, is the lower tier's copy, and sent once", async () => {
    expect(await mailTo('daily')).toHaveLength(0);
    const downgrade = await api(stack, 'PUT', `/members/${subs.daily}/entitlement`, { token: tokens.admin, body: { tier: 'strategy-circle' } });
    expect(downgrade.status, downgrade.text).toBe(200);
    const day = digestDayCovering(new Date());
    stack.startDigest({ day });
    await stack.settled();
    const mails = await mailTo('daily');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(day);
    expect(canariesIn(whole(mails[0]!))).toEqual([canary('ATREND')]);
    expect(mails[0]!.body.text).toContain('Locked: Leadership Alliance unlocks this section');
    // The schedule's retry, or a redelivered message: the claim per member and day sends nothing more.
    stack.startDigest({ day });
    await stack.settled();
    expect(await mailTo('daily')).toHaveLength(1);
  });

  it('stops mail with the signed link, without a login; a tampered link is refused', async () => {
    const [mail] = await mailTo('instant');
    const link = /<(http[^>]+)>/.exec(mail!.headers!.find((h) => h.name === 'List-Unsubscribe')!.value)![1]!;
    const path = link.slice(stack.apiUrl.length);
    const page = await api(stack, 'GET', path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    // A GET changes nothing (mail scanners fetch links).
    expect((await api(stack, 'GET', '/me/preferences', { token: tokens.instant })).body.delivery).toBe('instant');
    const tampered = await api(stack, 'POST', `${path.slice(0, -2)}xx`, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(tampered.status).toBe(400);
    expect(tampered.body.errors[0].pointer).toBe('query:token');
    const oneClick = await api(stack, 'POST', path, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status, oneClick.text).toBe(200);
    expect((await api(stack, 'GET', '/me/preferences', { token: tokens.instant })).body).toMatchObject({ delivery: 'off' });
  });

  it('suppresses an address that bounced permanently, and sends it nothing more; the unsubscribed member gets nothing either', async () => {
    const bus = new EventBridgeClient({ ...LOCAL_AWS, endpoint: stack.endpoints.eventbridge });
    const bounce = {
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: addresses.bounced }] },
      mail: { destination: [addresses.bounced] },
    };
    const put = await bus.send(
      new PutEventsCommand({
        Entries: [{ Source: 'aws.ses', DetailType: 'Email Bounced', Detail: JSON.stringify(bounce), EventBusName: stack.busName }],
      }),
    );
    bus.destroy();
    expect(put.FailedEntryCount).toBe(0);
    await stack.settled();
    expect((await api(stack, 'GET', '/me/preferences', { token: tokens.bounced })).body.suppressed).toBe(true);
    const before = {
      bounced: (await mailTo('bounced')).length,
      instant: (await mailTo('instant')).length,
      chinese: (await mailTo('chinese')).length,
    };
    await publishThroughApi(`mail-b-${RUN.toLowerCase()}`, 'B');
    expect((await mailTo('bounced')).length).toBe(before.bounced);
    expect((await mailTo('instant')).length).toBe(before.instant);
    // The control: an instant member who did neither gets the new briefing.
    expect((await mailTo('chinese')).length).toBe(before.chinese + 1);
  });
});
