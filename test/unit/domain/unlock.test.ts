/** Issue 16, point 4: what a locked section's marker says about unlocking it (domain/unlock.ts). */
import { describe, expect, it } from 'vitest';
import { unlockLanguage, unlockOffer } from '../../../domain/unlock.ts';

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

  it('names Leadership Alliance, every section it opens and the request for access, in Chinese for any Chinese', () => {
    for (const language of ['zh', 'zh-CN', 'zh-Hant', 'ZH-tw']) {
      const offer = unlockOffer('leadership-alliance', language);
      expect(offer).toMatchObject({
        language: 'zh',
        tierName: '领导力联盟',
        includes: ['深度趋势背景', '关系证据', '失败路径', '来源说明'],
        action: { kind: 'request-access', label: '申请访问', free: false },
      });
    }
  });

  it('links each action to the page the deployment configured, and to nothing it did not', () => {
    const links = { signUpUrl: 'https://example.com/join', requestAccessUrl: 'https://example.com/alliance' };
    expect(unlockOffer('strategy-circle', 'en', links).action.href).toBe('https://example.com/join');
    expect(unlockOffer('leadership-alliance', 'zh', links).action.href).toBe('https://example.com/alliance');
    expect(unlockOffer('leadership-alliance', 'en', { signUpUrl: 'https://example.com/join' }).action).not.toHaveProperty('href');
  });

  it('reads English for any language it is not written in', () => {
    expect(['en', 'fr', 'pt-BR', 'zhx'].map(unlockLanguage)).toEqual(['en', 'en', 'en', 'en']);
  });
});
