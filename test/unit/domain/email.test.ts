/**
 * Email digests' pure parts (domain/email.ts, domain/unsubscribe.ts): an email shows exactly what viewBriefing let
 * through for the recipient's tier (locked sections as markers, in the member's language), the unsubscribe token
 * verifies only as issued, and the digest's day, window and shards.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '#domain/access.ts';
import { publish, rescore } from '#domain/briefing.ts';
import {
  DIGEST_SHARDS,
  digestDay,
  digestDayCovering,
  digestShard,
  digestWindow,
  emailLanguage,
  recipientViewer,
  renderEmail,
} from '#domain/email.ts';
import type { Entitlement } from '#domain/entitlement.ts';
import { signUnsubscribeToken, UnsubscribeTokenError, verifyUnsubscribeToken } from '#domain/unsubscribe.ts';
import { viewBriefing } from '#domain/visibility.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const KEY = 'k'.repeat(40);
const briefing = publish(
  rescore(draft({}, 'b-mail'), [source('direct', 1, 'supports', 'b-mail', { note: 'CANARY-NOTE analyst note' })], NOW).briefing,
  { by: 'editor-1', now: NOW },
);
const links = { briefing: (id: string) => `https://api.example.com/briefings/${id}`, unsubscribe: 'https://api.example.com/unsubscribe?token=t' };
const reader = (tier: Viewer['tier']): Viewer => ({ userId: 'u-1', tier, roles: [] });
const render = (tier: Viewer['tier'], language: 'en' | 'zh' | 'zh-Hant' = 'en') => {
  const email = renderEmail({ kind: 'instant', day: '2026-06-20', tier, language, views: [viewBriefing(briefing, reader(tier))], links });
  return `${email.subject}\n${email.text}\n${email.html}`;
};
const CANARIES = ['CANARY-STRATEGY', 'CANARY-LEADERSHIP', 'CANARY-FAILURE', 'CANARY-NOTE'];
const found = (text: string) => CANARIES.filter((c) => text.includes(c));

describe('an email, rendered from the gated view', () => {
  it.each([
    ['public', []],
    ['strategy-circle', ['CANARY-STRATEGY']],
    ['leadership-alliance', CANARIES],
  ] as const)("for %s carries exactly its tier's sections", (tier, expected) => {
    expect(found(render(tier))).toEqual(expected);
  });

  it('shows a locked section as its marker: the tier that unlocks it and how, never its content', () => {
    const text = render('strategy-circle');
    expect(text).toContain('[Relationship evidence]');
    expect(text).toContain('Locked: Leadership Alliance unlocks this section (Request access: /me/access-requests).');
    expect(text).not.toContain('Northwind');
  });

  it("is written in the member's language: simplified or traditional Chinese, else English", () => {
    expect(render('public', 'zh')).toContain('您关注的实体有一篇新简报发布');
    expect(render('public', 'zh-Hant')).toContain('您關注的實體有一篇新簡報發佈');
    expect(render('public', 'zh-Hant')).toContain('已鎖定：戰略圈');
    expect(render('public')).toContain('A briefing about an entity you follow was published.');
  });

  it('escapes briefing text in the HTML part and carries the unsubscribe link in both parts', () => {
    const tricky = { ...briefing, sections: { ...briefing.sections, headline: 'Acme <script>alert(1)</script> & co' } };
    const email = renderEmail({
      kind: 'daily',
      day: '2026-06-20',
      tier: 'public',
      language: 'en',
      views: [viewBriefing(tricky, reader('public'))],
      links,
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Acme &#60;script&#62;');
    expect(email.subject).toBe('Your daily briefings digest, 2026-06-20: 1 new');
    expect(email.text).toContain(links.unsubscribe);
    expect(email.html).toContain(links.unsubscribe);
  });

  it('is refused with no briefing to show', () => {
    expect(() => renderEmail({ kind: 'daily', day: '2026-06-20', tier: 'public', language: 'en', views: [], links })).toThrow();
  });
});

describe('the recipient, at send time', () => {
  const record = (over: Partial<Entitlement>): Entitlement => ({
    userId: 'u-1',
    tier: 'leadership-alliance',
    roles: [],
    origin: 'admin',
    grantedBy: 'admin-1',
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: '2027-01-01T00:00:00.000Z',
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  });
  it('reads the tier the record grants now: a downgrade, a revocation or an end date bites at send time', () => {
    expect(recipientViewer('u-1', record({}), NOW).tier).toBe('leadership-alliance');
    expect(recipientViewer('u-1', record({ tier: 'strategy-circle' }), NOW).tier).toBe('strategy-circle');
    expect(recipientViewer('u-1', record({ revokedAt: '2026-06-01T00:00:00.000Z' }), NOW).tier).toBe('public');
    expect(recipientViewer('u-1', record({ validUntil: '2026-06-19T00:00:00.000Z' }), NOW).tier).toBe('strategy-circle');
    expect(recipientViewer('u-1', undefined, NOW).tier).toBe('public');
  });
  it('sends staff the Leadership Alliance copy, as a reader (no staff-only parts)', () => {
    expect(recipientViewer('u-1', record({ tier: 'strategy-circle', roles: ['editor'] }), NOW)).toEqual({
      userId: 'u-1',
      tier: 'leadership-alliance',
      roles: [],
    });
  });
  it('writes in the language asked for, else the first Accept-Language range, else English', () => {
    expect(emailLanguage('zh-TW')).toBe('zh-Hant');
    expect(emailLanguage(undefined, ['zh-cn', 'en'])).toBe('zh');
    expect(emailLanguage('fr')).toBe('en');
    expect(emailLanguage(undefined)).toBe('en');
  });
});

describe('the unsubscribe token', () => {
  const token = signUnsubscribeToken('member-42', KEY);
  it('names the member it was issued for', () => {
    expect(verifyUnsubscribeToken(token, KEY)).toBe('member-42');
  });
  it.each([
    ['a changed signature character', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'tampered'],
    [
      'another member in the payload',
      `${Buffer.from(JSON.stringify({ v: 1, p: 'unsubscribe', u: 'member-43' })).toString('base64url')}.${token.split('.')[1]}`,
      'tampered',
    ],
    ['another key', signUnsubscribeToken('member-42', 'x'.repeat(40)), 'tampered'],
    ['garbage', 'not a token', 'malformed'],
    ['three parts', `${token}.x`, 'malformed'],
  ])('refuses %s', (_, bad, problem) => {
    expect(() => verifyUnsubscribeToken(bad, KEY)).toThrow(UnsubscribeTokenError);
    try {
      verifyUnsubscribeToken(bad, KEY);
    } catch (error) {
      expect((error as UnsubscribeTokenError).problem).toBe(problem);
    }
  });
  it('refuses a value signed under the key for another purpose', () => {
    const payload = Buffer.from(JSON.stringify({ v: 1, p: 'cursor', u: 'member-42' })).toString('base64url');
    const forged = `${payload}.${createHmac('sha256', KEY).update(payload).digest('base64url')}`;
    expect(() => verifyUnsubscribeToken(forged, KEY)).toThrow(/malformed/);
  });
});

describe('the daily digest: day, window, shards', () => {
  it('covers the 24 hours before 06:45 UTC of its day (15 minutes before the 07:00 run)', () => {
    expect(digestWindow('2026-12-03')).toEqual({ from: '2026-12-02T06:45:00.000Z', to: '2026-12-03T06:45:00.000Z' });
    expect(digestDay(new Date('2026-12-03T07:00:04.000Z'))).toBe('2026-12-03');
  });
  it('puts a version in the digest of the day whose window holds it', () => {
    expect(digestDayCovering(new Date('2026-12-03T06:44:59.999Z'))).toBe('2026-12-03');
    expect(digestDayCovering(new Date('2026-12-03T06:45:00.000Z'))).toBe('2026-12-04');
    expect(digestDayCovering(new Date('2026-12-31T23:00:00.000Z'))).toBe('2027-01-01');
  });
  it('spreads members over every shard, evenly, each always in the same one', () => {
    const counts = new Array<number>(DIGEST_SHARDS).fill(0);
    for (let i = 0; i < 16_000; i++) counts[digestShard(`${i.toString(16).padStart(8, '0')}-4a1b-9c2d`)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
    expect(digestShard('member-42')).toBe(digestShard('member-42'));
  });
});
