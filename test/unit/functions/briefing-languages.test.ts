/** GET /briefings/{briefingId} in the language asked for: ?lang=, Accept-Language, Content-Language, Vary, ETag per language. */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { publish, rescore } from '#domain/briefing.ts';
import { handler as getBriefing } from '#functions/briefings/get-briefing.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { briefingInput, draft, NOW, source } from '#test/support/fixtures.ts';
import { briefingRead, claimsFor, context, parseBody } from '#test/support/lambda.ts';
import { storeBriefing } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const member = claimsFor('m-1', ['leadership-alliance']);
const zh = {
  ...briefingInput().sections,
  headline: 'Acme 暂停北部光纤建设（许可纠纷）',
  trendContext: 'CANARY-ZH 区域光纤建设放缓𠮷。',
};
const published = publish(rescore(draft({ translations: { zh } }), [source('direct', 1)], NOW).briefing, { by: 'e-1', now: NOW });

const get = (opts: { lang?: string; headers?: Record<string, string>; claims?: Record<string, string> } = {}) =>
  getBriefing(briefingRead(opts), context);

beforeEach(async () => {
  await primeEntitlements(ddb, [member]);
  storeBriefing(ddb, published);
});

describe('GET /briefings/{briefingId} in a language', () => {
  it('serves the original by default, naming it and the languages available', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({ 'content-language': 'en', vary: 'authorization, accept-language', etag: `"v${published.version}-public"` });
    expect(parseBody(res)).toMatchObject({ language: 'en', originalLanguage: 'en', availableLanguages: ['en', 'zh'] });
  });

  it('serves the translation for ?lang= or Accept-Language, with its own ETag', async () => {
    for (const opts of [
      { lang: 'zh' },
      { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } },
      { lang: 'zh', headers: { 'accept-language': 'en' } },
    ]) {
      const res = await get(opts);
      expect(res.headers, JSON.stringify(opts)).toMatchObject({ 'content-language': 'zh', etag: `"v${published.version}-public-zh"` });
      const body = parseBody(res);
      expect(body).toMatchObject({ language: 'zh', originalLanguage: 'en' });
      expect(body.sections[0].content).toBe(zh.headline);
    }
  });

  it('gives members the translated sections of their tier, never above it', async () => {
    const body = parseBody(await get({ lang: 'zh', claims: member }));
    expect(body.sections.find((s: { name: string }) => s.name === 'trendContext').content).toBe(zh.trendContext);
    const anonymous = await get({ lang: 'zh' });
    expect(anonymous.body).not.toMatch(/CANARY/);
  });

  it('says how to unlock each locked section in the language served, the same for every briefing, with the configured links (issue 16)', async () => {
    // Prepare
    process.env['SIGN_UP_URL'] = 'https://example.com/join';
    try {
      // Act
      const english = parseBody(await get()).sections.filter((s: { locked: boolean }) => s.locked);
      const chinese = parseBody(await get({ lang: 'zh' })).sections.filter((s: { locked: boolean }) => s.locked);
      // Assess
      expect(english.map((s: { unlock: { tierName: string } }) => s.unlock.tierName)).toEqual([
        'Strategy Circle',
        'Leadership Alliance',
        'Leadership Alliance',
        'Leadership Alliance',
      ]);
      expect(english[0].unlock.action).toEqual({ kind: 'sign-up', label: 'Sign up free and log in', free: true, href: 'https://example.com/join' });
      // No request-access page configured: the action is this API's route.
      expect(english[1].unlock.action).toMatchObject({ kind: 'request-access', free: false, href: '/me/access-requests', method: 'POST' });
      expect(chinese[0].unlock).toMatchObject({ language: 'zh', tierName: '战略圈', includes: ['深度趋势背景'] });
      expect(JSON.stringify([english, chinese])).not.toMatch(/CANARY/);
    } finally {
      delete process.env['SIGN_UP_URL'];
    }
  });

  it('answers 304 only for the ETag of the language negotiated', async () => {
    const zhTag = `"v${published.version}-public-zh"`;
    expect((await get({ lang: 'zh', headers: { 'if-none-match': zhTag } })).statusCode).toBe(304);
    expect((await get({ headers: { 'if-none-match': zhTag } })).statusCode).toBe(200);
  });

  it('falls back to the original for a well-formed language it lacks, and refuses a malformed one naming query:lang', async () => {
    expect((await get({ lang: 'fr' })).headers!['content-language']).toBe('en');
    const res = await get({ lang: 'zh_CN' });
    expect(res.statusCode).toBe(400);
    expect(parseBody(res).errors).toEqual([expect.objectContaining({ pointer: 'query:lang' })]);
  });
});
