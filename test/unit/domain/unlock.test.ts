/** Issue 16, point 4: what a locked section's marker says about unlocking it (domain/unlock.ts). */
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { negotiatedUnlockLanguage, REQUEST_ACCESS_ROUTE, unlockLanguage, unlockOffer } from '#domain/unlock.ts';

describe('the lock screen of a tier', () => {
  it('names Strategy Circle, what it opens and the free sign-up, in English by default', () => {
    // Act
    const offer = unlockOffer('strategy-circle', 'en');
    // Assess
    expect(offer).toEqual({
      language: 'en',
      tierName: 'Strategy Circle',
      summary: expect.stringMatching(/free/),
      includes: ['Deeper trend context'],
      action: { kind: 'sign-up', label: 'Sign up free and log in', free: true },
    });
  });

  it('names Leadership Alliance, every section it opens and the request for access, in simplified Chinese for simplified readers', () => {
    for (const language of ['zh', 'zh-CN', 'zh-Hans', 'zh-SG']) {
      const offer = unlockOffer('leadership-alliance', language);
      expect(offer).toMatchObject({
        language: 'zh',
        tierName: '领导力联盟',
        includes: ['深度趋势背景', '关系证据', '失败路径', '来源说明'],
        action: { kind: 'request-access', label: '申请访问', free: false },
      });
    }
  });

  it('reads traditional Chinese for zh-TW, zh-HK, zh-MO and zh-Hant readers', () => {
    for (const language of ['zh-TW', 'ZH-tw', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW']) {
      expect(unlockOffer('leadership-alliance', language), language).toMatchObject({
        language: 'zh-Hant',
        tierName: '領導力聯盟',
        includes: ['深度趨勢背景', '關係證據', '失敗路徑', '來源說明'],
        action: { kind: 'request-access', label: '申請訪問' },
      });
    }
    expect(unlockOffer('strategy-circle', 'zh-TW')).toMatchObject({ tierName: '戰略圈', action: { label: '免費註冊並登錄' } });
  });

  it('writes the traditional texts exactly as OpenCC converts the simplified ones (cn → tw), so the table cannot drift', () => {
    // Prepare
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    const texts = (language: string) =>
      (['strategy-circle', 'leadership-alliance'] as const).flatMap((tier) => {
        const offer = unlockOffer(tier, language);
        return [offer.tierName, offer.summary, offer.action.label, ...offer.includes];
      });
    // Act + Assess
    expect(texts('zh-Hant')).toEqual(texts('zh').map(toTraditional));
    expect(texts('zh-Hant')).not.toEqual(texts('zh'));
  });

  it('links each action to the page the deployment configured; a request without one goes to this API', () => {
    const links = { signUpUrl: 'https://example.com/join', requestAccessUrl: 'https://example.com/alliance' };
    expect(unlockOffer('strategy-circle', 'en', links).action.href).toBe('https://example.com/join');
    expect(unlockOffer('leadership-alliance', 'zh', links).action).toEqual(expect.objectContaining({ href: 'https://example.com/alliance' }));
    expect(unlockOffer('leadership-alliance', 'zh', links).action).not.toHaveProperty('method');
    expect(unlockOffer('leadership-alliance', 'en', { signUpUrl: 'https://example.com/join' }).action).toMatchObject({
      href: REQUEST_ACCESS_ROUTE,
      method: 'POST',
    });
    expect(REQUEST_ACCESS_ROUTE).toBe('/me/access-requests');
    expect(unlockOffer('strategy-circle', 'en').action).not.toHaveProperty('href');
  });

  it('reads English for any language it is not written in', () => {
    expect(['en', 'fr', 'pt-BR', 'zhx'].map(unlockLanguage)).toEqual(['en', 'en', 'en', 'en']);
  });

  it("on pages with no language of their own, follows the reader's Accept-Language, else the fallback", () => {
    expect(negotiatedUnlockLanguage('fr, zh-TW;q=0.8, en;q=0.5')).toBe('zh-Hant');
    expect(negotiatedUnlockLanguage('zh-CN,zh;q=0.9')).toBe('zh');
    expect(negotiatedUnlockLanguage('fr', 'zh')).toBe('zh');
    expect(negotiatedUnlockLanguage(undefined)).toBe('en');
    expect(negotiatedUnlockLanguage('*', 'zh-HK')).toBe('zh-Hant');
  });
});
