/**
 * Spec: a partner's delivery is shaped for its tier by visibility.ts, matched by its filter, signed over
 * `<timestamp>.<body>`; a tampered body, a wrong secret or a replayed timestamp fails verification.
 */
import { describe, expect, it } from 'vitest';
import { publish, rescore } from '#domain/briefing.ts';
import {
  deliveryIdOf,
  endpointProblem,
  matchesFilter,
  publishedPayload,
  REPLAY_WINDOW_SECONDS,
  rotateSecret,
  serializePayload,
  signDelivery,
  signingSecretsAt,
  subjectOf,
  verifyDelivery,
  WebhookInput,
} from '#domain/webhooks.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const published = publish(rescore(draft(), [source('direct', 1)], NOW).briefing, { by: 'editor-1', now: NOW });
const SECRET = 'whsec_test-secret-of-enough-length-0123456789';
const head = { deliveryId: 'dl_1', occurredAt: NOW.toISOString() };
const at = Math.floor(NOW.getTime() / 1000);

describe('publishedPayload', () => {
  it.each([
    ['public', [], ['CANARY-STRATEGY', 'CANARY-LEADERSHIP', 'CANARY-FAILURE']],
    ['strategy-circle', ['CANARY-STRATEGY'], ['CANARY-LEADERSHIP', 'CANARY-FAILURE']],
    ['leadership-alliance', ['CANARY-STRATEGY', 'CANARY-LEADERSHIP', 'CANARY-FAILURE'], []],
  ] as const)('a %s partner reads its tier and no section above it', (tier, readable, absent) => {
    // Act
    const body = serializePayload(publishedPayload(published, { webhookId: 'wh_1', tier }, head));
    // Assess
    for (const canary of readable) expect(body).toContain(canary);
    for (const canary of absent) expect(body).not.toContain(canary);
    const parsed = JSON.parse(body);
    expect(parsed).toMatchObject({ type: 'briefing.published', tier, webhookId: 'wh_1', briefing: { viewerTier: tier } });
    expect(parsed.briefing).not.toHaveProperty('autoPublish');
    expect(parsed.briefing).not.toHaveProperty('pendingRevision');
  });
});

describe('signDelivery and verifyDelivery', () => {
  const body = serializePayload(publishedPayload(published, { webhookId: 'wh_1', tier: 'public' }, head));
  const signature = signDelivery(SECRET, at, body);
  const verify = (over: Partial<Parameters<typeof verifyDelivery>[0]>) =>
    verifyDelivery({ secrets: [SECRET], body, timestamp: String(at), signature, now: NOW, ...over });

  it('accepts the bytes signed, with their timestamp, within the window', () => {
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verify({})).toEqual({ ok: true, timestamp: at });
    expect(verify({ now: new Date(NOW.getTime() + (REPLAY_WINDOW_SECONDS - 1) * 1000) }).ok).toBe(true);
  });

  it('refuses a tampered body, a wrong secret and a changed timestamp', () => {
    expect(verify({ body: body.replace('"public"', '"leadership-alliance"') })).toEqual({ ok: false, reason: 'signature-mismatch' });
    expect(verify({ secrets: ['whsec_another-secret'] })).toEqual({ ok: false, reason: 'signature-mismatch' });
    expect(verify({ timestamp: String(at + 1) })).toEqual({ ok: false, reason: 'signature-mismatch' });
  });

  it('refuses a replay outside the window, even with its valid signature', () => {
    expect(verify({ now: new Date(NOW.getTime() + (REPLAY_WINDOW_SECONDS + 1) * 1000) })).toEqual({ ok: false, reason: 'outside-window' });
    expect(verify({ now: new Date(NOW.getTime() - (REPLAY_WINDOW_SECONDS + 1) * 1000) })).toEqual({ ok: false, reason: 'outside-window' });
  });

  it('refuses missing or malformed headers, and accepts any listed signature (a secret hand-over)', () => {
    expect(verify({ signature: undefined })).toEqual({ ok: false, reason: 'malformed' });
    expect(verify({ timestamp: 'yesterday' })).toEqual({ ok: false, reason: 'malformed' });
    expect(verify({ signature: 'sha256=abc' })).toEqual({ ok: false, reason: 'malformed' });
    expect(verify({ signature: `v1=00ff,${signature}` }).ok).toBe(true);
    expect(verify({ secrets: ['whsec_old', SECRET] }).ok).toBe(true);
  });
});

describe('rotateSecret and signingSecretsAt', () => {
  const webhook = {
    webhookId: 'wh_1',
    name: 'P',
    url: 'https://p.example/',
    tier: 'public' as const,
    filter: {},
    rateLimitPerSecond: 10,
    createdAt: NOW.toISOString(),
    createdBy: 'admin-1',
    secretRotatedAt: NOW.toISOString(),
    signingSecret: 'whsec_old',
  };
  const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

  it('signs with both secrets during the overlap, each signature verifying alone, then with the new one only', () => {
    // Act
    const rotated = rotateSecret(webhook, 'whsec_new', { now: NOW, overlapHours: 24 });
    const during = signDelivery(signingSecretsAt(rotated, hours(23)), at, 'body');
    const after = signDelivery(signingSecretsAt(rotated, hours(24)), at, 'body');
    // Assess
    expect(rotated).toMatchObject({
      signingSecret: 'whsec_new',
      previousSigningSecret: 'whsec_old',
      previousSecretValidUntil: hours(24).toISOString(),
    });
    expect(during.split(',')).toHaveLength(2);
    for (const secret of ['whsec_new', 'whsec_old']) {
      expect(verifyDelivery({ secrets: [secret], body: 'body', timestamp: String(at), signature: during, now: NOW }).ok).toBe(true);
    }
    expect(verifyDelivery({ secrets: ['whsec_old'], body: 'body', timestamp: String(at), signature: after, now: NOW }).ok).toBe(false);
  });

  it('drops the previous secret at once with no overlap (a leak), and a second rotation forgets the first one', () => {
    const leaked = rotateSecret(webhook, 'whsec_new', { now: NOW, overlapHours: 0 });
    expect(leaked).not.toHaveProperty('previousSigningSecret');
    expect(signingSecretsAt(leaked, NOW)).toEqual(['whsec_new']);
    const twice = rotateSecret(rotateSecret(webhook, 'whsec_2', { now: NOW, overlapHours: 24 }), 'whsec_3', { now: NOW, overlapHours: 24 });
    expect(signingSecretsAt(twice, NOW)).toEqual(['whsec_3', 'whsec_2']);
  });
});

describe('matchesFilter', () => {
  const subject = subjectOf(published);

  it('matches when every condition given holds', () => {
    expect(matchesFilter({}, 'briefing.published', subject)).toBe(true);
    expect(matchesFilter({ entityIds: ['nobody', subject.entityIds[0]!], regions: [subject.region] }, 'briefing.published', subject)).toBe(true);
    expect(matchesFilter({ minGrade: subject.grade }, 'briefing.retracted', subject)).toBe(true);
  });

  it('does not match when one condition fails', () => {
    expect(matchesFilter({ entityIds: ['nobody'] }, 'briefing.published', subject)).toBe(false);
    expect(matchesFilter({ signalTypes: ['Market'], regions: [subject.region] }, 'briefing.published', subject)).toBe(
      subject.signalType === 'Market',
    );
    expect(matchesFilter({ events: ['briefing.retracted'] }, 'briefing.published', subject)).toBe(false);
    expect(matchesFilter({ minGrade: 'A' }, 'briefing.published', { ...subject, grade: 'A/B' })).toBe(false);
  });
});

describe('endpointProblem', () => {
  it('requires https in a deployment, and allows http to 127.0.0.1 only locally', () => {
    expect(endpointProblem('https://partner.example/hooks', { allowLoopbackHttp: false })).toBeUndefined();
    expect(endpointProblem('http://partner.example/hooks', { allowLoopbackHttp: false })).toBe('must be https');
    expect(endpointProblem('http://127.0.0.1:4000/hooks', { allowLoopbackHttp: false })).toBe('must be https');
    expect(endpointProblem('https://127.0.0.1/hooks', { allowLoopbackHttp: false })).toBe('must not be a loopback host');
    expect(endpointProblem('http://127.0.0.1:4000/hooks', { allowLoopbackHttp: true })).toBeUndefined();
    expect(endpointProblem('http://partner.example/hooks', { allowLoopbackHttp: true })).toMatch(/https/);
    expect(endpointProblem('https://user:pw@partner.example/', { allowLoopbackHttp: false })).toBe('must not carry credentials');
    expect(endpointProblem('partner.example', { allowLoopbackHttp: false })).toBe('must be an absolute URL');
  });
});

describe('WebhookInput and deliveryIdOf', () => {
  it('defaults the filter and the rate limit, and refuses unknown fields', () => {
    expect(WebhookInput.parse({ name: 'Partner', url: 'https://p.example/', tier: 'public' })).toEqual({
      name: 'Partner',
      url: 'https://p.example/',
      tier: 'public',
      filter: {},
      rateLimitPerSecond: 10,
    });
    expect(WebhookInput.safeParse({ name: 'P', url: 'https://p.example/', tier: 'public', secret: 'x' }).success).toBe(false);
    expect(WebhookInput.safeParse({ name: 'P', url: 'https://p.example/', tier: 'staff' }).success).toBe(false);
  });

  it('gives one event one id per partner, whatever the attempt', () => {
    expect(deliveryIdOf('published_b-1_2', 'wh_a')).toBe(deliveryIdOf('published_b-1_2', 'wh_a'));
    expect(deliveryIdOf('published_b-1_2', 'wh_a')).not.toBe(deliveryIdOf('published_b-1_2', 'wh_b'));
  });
});
