import { describe, expect, it } from 'vitest';
import { feedLanguage, LanguageQuery, negotiateLanguage, parseAcceptLanguage } from '#domain/language.ts';

const briefing = { original: 'en', available: ['en', 'zh', 'pt-BR'] };

describe('negotiating the language of a briefing', () => {
  it('serves ?lang= over Accept-Language, matching case-insensitively and by prefix', () => {
    expect(negotiateLanguage({ ...briefing, query: 'zh', acceptLanguage: 'pt-BR' })).toBe('zh');
    expect(negotiateLanguage({ ...briefing, query: 'ZH-cn' })).toBe('zh');
    expect(negotiateLanguage({ ...briefing, query: 'pt' })).toBe('pt-BR');
  });

  it('falls back to the original for a well-formed ?lang= the briefing lacks, whatever Accept-Language says', () => {
    expect(negotiateLanguage({ ...briefing, query: 'fr', acceptLanguage: 'zh' })).toBe('en');
  });

  it('takes the best Accept-Language range that matches, by q-value then order', () => {
    expect(negotiateLanguage({ ...briefing, acceptLanguage: 'fr;q=1, zh-CN;q=0.8, en;q=0.5' })).toBe('zh');
    expect(negotiateLanguage({ ...briefing, acceptLanguage: 'en;q=0.5, zh-Hant-TW;q=0.9' })).toBe('zh');
    expect(negotiateLanguage({ ...briefing, acceptLanguage: 'zh;q=0, pt-br' })).toBe('pt-BR');
    expect(negotiateLanguage({ ...briefing, acceptLanguage: 'zh, pt-BR' })).toBe('zh');
  });

  it('serves the original for `*`, for nothing that matches, and without any preference', () => {
    expect(negotiateLanguage({ ...briefing, acceptLanguage: 'fr, *;q=0.5, zh;q=0.1' })).toBe('en');
    expect(negotiateLanguage({ ...briefing, acceptLanguage: 'fr, de' })).toBe('en');
    expect(negotiateLanguage(briefing)).toBe('en');
  });

  it('ignores malformed Accept-Language entries instead of failing the request', () => {
    expect(parseAcceptLanguage('zh;q=2, !!, en;q=0.3, de;level=1')).toEqual([
      { tag: 'de', q: 1, order: 3 },
      { tag: 'en', q: 0.3, order: 2 },
    ]);
    expect(negotiateLanguage({ ...briefing, acceptLanguage: ';;;,zh;q=abc' })).toBe('en');
  });

  it('accepts well-formed ?lang= values only', () => {
    for (const ok of ['zh', 'zh-CN', 'EN', 'zh-Hans-CN']) expect(LanguageQuery.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', 'zh_CN', 'zh-', '中文', 'en;q=1', 'x'.repeat(36)]) expect(LanguageQuery.safeParse(bad).success, bad).toBe(false);
  });
});

describe('the language a tag is listed under in the feed', () => {
  it.each([
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['ZH-hans-cn', 'zh'],
    ['zh-SG', 'zh'],
    ['zh-Hant', 'zh-hant'],
    ['zh-TW', 'zh-hant'],
    ['zh-HK', 'zh-hant'],
    ['zh-Hant-HK', 'zh-hant'],
    ['zh-Hans-HK', 'zh'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['pt-BR', 'pt'],
    ['sr-Latn-RS', 'sr-latn'],
  ])('%s is listed as %s', (tag, listed) => {
    expect(feedLanguage(tag)).toBe(listed);
  });
});
