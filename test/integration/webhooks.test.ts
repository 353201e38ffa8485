/**
 * Signed webhooks (issue 17, point 3) on the local stack: an admin registers partners' endpoints (receivers
 * in this test, on 127.0.0.1), an editor publishes and retracts, and the local EventBridge delivers through
 * the API destinations the admin route made. Each receiver verifies what it gets as docs/webhooks.md tells
 * a partner to, with its own HMAC code (not the project's helper): the signature over `<timestamp>.<raw
 * body>`, the replay window; and checks the body is shaped for its tier. A tampered body, a wrong secret and
 * a replayed delivery fail that verification; a refusing endpoint is retried, then dead-lettered.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rescore } from '#domain/briefing.ts';
import { briefingInput, draft, NOW, source } from '#test/support/fixtures.ts';
import { api, type LocalStack, startTestStack, tokenFor } from './harness.ts';

const WINDOW_SECONDS = 300;

interface Received {
  headers: IncomingMessage['headers'];
  raw: Buffer;
  /** What this receiver's own check concluded, as its answer said. */
  verdict: 'ok' | 'bad-signature' | 'stale';
}

/**
 * A partner's endpoint: verifies each delivery as docs/webhooks.md says (HMAC-SHA256 of `<timestamp>.<raw body>`
 * with the secret, constant-time compare, timestamp within 5 minutes of its clock) and answers 401 when it fails.
 * `answers` scripts the status of the next requests (then 2xx); `clockOffsetSeconds` moves its clock.
 */
class Receiver {
  readonly received: Received[] = [];
  secret = '';
  answers: number[] = [];
  clockOffsetSeconds = 0;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const verdict = this.verify(req.headers, raw);
        this.received.push({ headers: req.headers, raw, verdict });
        const scripted = this.answers.shift();
        res.writeHead(scripted ?? (verdict === 'ok' ? 204 : 401)).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${address.port}/hooks/signal`;
  }

  verify(headers: IncomingMessage['headers'], raw: Buffer): Received['verdict'] {
    const timestamp = String(headers['signal-timestamp'] ?? '');
    const now = Date.now() / 1000 + this.clockOffsetSeconds;
    if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > WINDOW_SECONDS) return 'stale';
    const expected = createHmac('sha256', this.secret).update(`${timestamp}.`).update(raw).digest();
    const ok = String(headers['signal-signature'] ?? '')
      .split(',')
      .filter((s) => s.startsWith('v1='))
      .some((s) => {
        const given = Buffer.from(s.slice(3), 'hex');
        return given.length === expected.length && timingSafeEqual(given, expected);
      });
    return ok ? 'ok' : 'bad-signature';
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const canary = (part: string) => `CANARY-WEBHOOK-${part}`;
const withCanaries = () => {
  const base = briefingInput().sections;
  return {
    sections: {
      ...base,
      trendContext: `${canary('TREND')} the trend behind the signal.`,
      relationshipEvidence: base.relationshipEvidence.map((r) => ({ ...r, evidence: `${canary('REL')} filing` })),
      failurePaths: base.failurePaths.map((f) => ({ ...f, path: `${canary('FAIL')} outage risk` })),
    },
  };
};
const canariesIn = (text: string) => [...new Set(text.match(/CANARY-WEBHOOK-[A-Z]+/g) ?? [])].sort();

const TIERS = ['public', 'strategy-circle', 'leadership-alliance'] as const;
const ALLOWED: Record<(typeof TIERS)[number], string[]> = {
  public: [],
  'strategy-circle': [canary('TREND')],
  'leadership-alliance': [canary('FAIL'), canary('NOTE'), canary('REL'), canary('TREND')].sort(),
};

let stack: LocalStack;
let admin = '';
let editor = '';
const receivers = Object.fromEntries(TIERS.map((t) => [t, new Receiver()])) as Record<(typeof TIERS)[number], Receiver>;
const ids = {} as Record<(typeof TIERS)[number], string>;
const unmatched = new Receiver();
const B = 'wh-briefing';

const register = (body: Record<string, unknown>, token = admin) => api(stack, 'POST', '/webhooks', { token, body });
const deliveriesTo = (webhookId: string) =>
  stack.bus.received.filter(
    (e) => e.envelope['detail-type'] === 'Webhook Delivery Requested' && (e.envelope.detail as { webhookId: string }).webhookId === webhookId,
  );

/** Publishes a new scored draft through the editor's route, and waits until every delivery it caused has finished. */
async function publishThroughApi(briefingId: string): Promise<void> {
  const { createBriefing } = await import('#functions/commons/table/briefings.ts');
  const note = { note: `${canary('NOTE')} analyst note` };
  await createBriefing(rescore(draft(withCanaries(), briefingId), [source('direct', 1, 'supports', briefingId, note)], NOW).briefing);
  const published = await api(stack, 'POST', `/briefings/${briefingId}/publish`, { token: editor });
  expect(published.status, published.text).toBe(200);
  await stack.settled();
}

beforeAll(async () => {
  stack = await startTestStack();
  [admin, editor] = await Promise.all([tokenFor(stack, ['admins']), tokenFor(stack, ['editors'])]);
  for (const r of [...Object.values(receivers), unmatched]) await r.start();
  for (const tier of TIERS) {
    const res = await register({ name: `Partner ${tier}`, url: receivers[tier].url, tier, filter: { entityIds: ['acme'] }, rateLimitPerSecond: 5 });
    expect(res.status, res.text).toBe(201);
    ids[tier] = res.body.webhookId;
    receivers[tier].secret = res.body.signingSecret;
  }
  const other = await register({ name: 'Elsewhere', url: unmatched.url, tier: 'leadership-alliance', filter: { entityIds: ['nobody-covers-this'] } });
  unmatched.secret = other.body.signingSecret;
  await publishThroughApi(B);
});
afterAll(async () => {
  await stack?.stop();
  for (const r of [...Object.values(receivers), unmatched]) await r.stop();
});

describe('registration (admin routes)', () => {
  it('answers the secret once, and never again: not on a read, not in the list', async () => {
    const read = await api(stack, 'GET', `/webhooks/${ids.public}`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      webhookId: ids.public,
      tier: 'public',
      url: receivers.public.url,
      filter: { entityIds: ['acme'] },
      rateLimitPerSecond: 5,
    });
    expect(read.text).not.toContain('signingSecret');
    const list = await api(stack, 'GET', '/webhooks', { token: admin });
    expect(list.body.items.map((w: { webhookId: string }) => w.webhookId)).toEqual(expect.arrayContaining(Object.values(ids)));
    expect(list.text).not.toMatch(/whsec_/);
    expect(receivers.public.secret).toMatch(/^whsec_/);
  });

  it("makes each partner's API destination (its URL, its rate limit) and a rule with retries and a dead-letter queue", () => {
    const destination = stack.bus.destinations.apiDestinations.find((d) => d.name.endsWith(ids['strategy-circle']));
    expect(destination).toMatchObject({ endpoint: receivers['strategy-circle'].url, method: 'POST', ratePerSecond: 5 });
    const rule = stack.bus.destinations.rules.find((r) => r.name === destination!.name)!;
    expect(rule.pattern).toEqual({
      source: ['signal-briefings.webhooks'],
      'detail-type': ['Webhook Delivery Requested'],
      detail: { webhookId: [ids['strategy-circle']] },
    });
    expect(rule.targets).toEqual([
      expect.objectContaining({
        Arn: destination!.arn,
        InputTransformer: { InputPathsMap: { body: '$.detail.body' }, InputTemplate: '<body>' },
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 240 },
        DeadLetterConfig: { Arn: expect.stringMatching(/^arn:aws:sqs:/) },
      }),
    ]);
  });

  it('refuses a URL that is not https (http only to 127.0.0.1 locally) as problem+json naming the field', async () => {
    const res = await register({ name: 'Plain', url: 'http://partner.example/hooks', tier: 'public' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors).toEqual([{ pointer: '#/url', detail: expect.stringMatching(/https/) }]);
    const unknown = await register({ name: 'X', url: receivers.public.url, tier: 'public', secret: 'mine' });
    expect(unknown.body.errors).toEqual([{ pointer: '#/secret', detail: 'unknown field "secret"' }]);
  });

  it('is for admins only: an editor gets 403, nobody signed in 401', async () => {
    expect((await register({ name: 'E', url: receivers.public.url, tier: 'public' }, editor)).status).toBe(403);
    expect((await api(stack, 'GET', '/webhooks')).status).toBe(401);
  });
});

describe('deliveries', () => {
  it.each(TIERS.map((t) => [t]))('the %s partner receives one signed delivery its own check accepts, with exactly its tier', (tier) => {
    const got = receivers[tier].received;
    expect(got).toHaveLength(1);
    const [delivery] = got;
    expect(delivery!.verdict).toBe('ok');
    const body = JSON.parse(delivery!.raw.toString('utf8'));
    expect(body).toMatchObject({ type: 'briefing.published', tier, webhookId: ids[tier], briefing: { briefingId: B, viewerTier: tier } });
    expect(canariesIn(delivery!.raw.toString('utf8'))).toEqual(ALLOWED[tier]);
    expect(delivery!.headers).toMatchObject({
      'signal-event': 'briefing.published',
      'signal-delivery-id': body.deliveryId,
      'content-type': 'application/json; charset=utf-8',
    });
    expect(delivery!.headers['signal-webhook-token']).toMatch(/^[\w-]{43}$/);
  });

  it('sends the bytes that were signed, byte for byte', () => {
    const [event] = deliveriesTo(ids['leadership-alliance']);
    const detail = event!.envelope.detail as { body: string; signature: string; timestamp: string };
    const [delivery] = receivers['leadership-alliance'].received;
    expect(delivery!.raw.toString('utf8')).toBe(detail.body);
    expect(delivery!.headers['signal-signature']).toBe(detail.signature);
    expect(delivery!.headers['signal-timestamp']).toBe(detail.timestamp);
  });

  it('does not reach a partner whose filter does not match', () => {
    expect(unmatched.received).toEqual([]);
  });

  it('fails verification when the body is tampered with, the secret is not the partner’s, or the delivery is replayed later', () => {
    const receiver = receivers['strategy-circle'];
    const [delivery] = receiver.received;
    const raw = delivery!.raw.toString('utf8');
    expect(receiver.verify(delivery!.headers, Buffer.from(raw.replace('"strategy-circle"', '"leadership-alliance"')))).toBe('bad-signature');
    expect(
      receiver.verify({ ...delivery!.headers, 'signal-timestamp': String(Number(delivery!.headers['signal-timestamp']) + 1) }, delivery!.raw),
    ).toBe('bad-signature');
    const stranger = Object.assign(new Receiver(), { secret: receivers.public.secret });
    expect(stranger.verify(delivery!.headers, delivery!.raw)).toBe('bad-signature');
    const later = Object.assign(new Receiver(), { secret: receiver.secret, clockOffsetSeconds: WINDOW_SECONDS + 1 });
    expect(later.verify(delivery!.headers, delivery!.raw)).toBe('stale');
  });

  it('a replayed request is refused by the endpoint itself (401)', async () => {
    const receiver = receivers.public;
    const [delivery] = receiver.received;
    receiver.clockOffsetSeconds = WINDOW_SECONDS + 30;
    try {
      const replay = await fetch(receiver.url, {
        method: 'POST',
        headers: {
          'signal-timestamp': String(delivery!.headers['signal-timestamp']),
          'signal-signature': String(delivery!.headers['signal-signature']),
        },
        body: delivery!.raw,
      });
      expect(replay.status).toBe(401);
      expect(receiver.received.at(-1)!.verdict).toBe('stale');
    } finally {
      receiver.clockOffsetSeconds = 0;
      receiver.received.pop();
    }
  });
});

describe('failures, rotation, retraction and removal', () => {
  it('retries an endpoint that answers 503, then delivers; dead-letters one that answers 400 at once', async () => {
    receivers.public.answers = [503, 503];
    receivers['strategy-circle'].answers = [400];
    const before = { public: receivers.public.received.length, strategy: receivers['strategy-circle'].received.length };
    await publishThroughApi('wh-retried');
    expect(receivers.public.received.length - before.public).toBe(3);
    expect(receivers['strategy-circle'].received.length - before.strategy).toBe(1);
    const failed = deliveriesTo(ids['strategy-circle']).at(-1)!;
    expect(failed.deliveries).toEqual([expect.objectContaining({ status: 'dead-lettered', attempts: 1 })]);
    const letters = readFileSync(join(stack.dataDir, 'dead-letters.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(letters.at(-1)).toMatchObject({ source: 'event-bus', error: expect.stringContaining('answered 400') });
    expect(letters.at(-1).payload.detail.webhookId).toBe(ids['strategy-circle']);
  });

  it('signs with the new and the previous secret during a rotation overlap, so the partner can switch at its pace', async () => {
    const receiver = receivers['leadership-alliance'];
    const old = receiver.secret;
    const rotated = await api(stack, 'POST', `/webhooks/${ids['leadership-alliance']}/secret`, { token: admin });
    expect(rotated.status).toBe(200);
    expect(rotated.body.signingSecret).not.toBe(old);
    expect(rotated.text).not.toContain(old);
    expect(Date.parse(rotated.body.previousSecretValidUntil) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await publishThroughApi('wh-rotated');
    const last = receiver.received.at(-1)!;
    expect(last.verdict).toBe('ok');
    expect(Object.assign(new Receiver(), { secret: rotated.body.signingSecret }).verify(last.headers, last.raw)).toBe('ok');
    receiver.secret = rotated.body.signingSecret;
  });

  it('signs with the new secret alone after a rotation without overlap (a leaked secret), and the old one no longer verifies', async () => {
    const receiver = receivers['leadership-alliance'];
    const old = receiver.secret;
    const rotated = await api(stack, 'POST', `/webhooks/${ids['leadership-alliance']}/secret`, { token: admin, body: { overlapHours: 0 } });
    expect(rotated.status).toBe(200);
    expect(rotated.body).not.toHaveProperty('previousSecretValidUntil');
    receiver.secret = rotated.body.signingSecret;
    await publishThroughApi('wh-rotated-leak');
    const last = receiver.received.at(-1)!;
    expect(last.verdict).toBe('ok');
    expect(Object.assign(new Receiver(), { secret: old }).verify(last.headers, last.raw)).toBe('bad-signature');
    const tooLong = await api(stack, 'POST', `/webhooks/${ids['leadership-alliance']}/secret`, { token: admin, body: { overlapHours: 100 } });
    expect(tooLong.body.errors).toEqual([{ pointer: '#/overlapHours', detail: expect.any(String) }]);
  });

  it('tells partners of a retraction', async () => {
    const retracted = await api(stack, 'POST', `/briefings/${B}/retract`, { token: editor, body: { reason: 'Source withdrew the report.' } });
    expect(retracted.status, retracted.text).toBe(200);
    await stack.settled();
    const last = JSON.parse(receivers.public.received.at(-1)!.raw.toString('utf8'));
    expect(last).toMatchObject({ type: 'briefing.retracted', briefingId: B, tier: 'public' });
    expect(receivers.public.received.at(-1)!.verdict).toBe('ok');
  });

  it('removes the webhook and its delivery path', async () => {
    const id = ids.public;
    expect((await api(stack, 'DELETE', `/webhooks/${id}`, { token: admin })).status).toBe(204);
    expect((await api(stack, 'GET', `/webhooks/${id}`, { token: admin })).status).toBe(404);
    expect(stack.bus.destinations.apiDestinations.some((d) => d.name.endsWith(id))).toBe(false);
    expect(stack.bus.destinations.rules.some((r) => r.name.endsWith(id))).toBe(false);
    const count = receivers.public.received.length;
    await publishThroughApi('wh-after-delete');
    expect(receivers.public.received.length).toBe(count);
  });
});
