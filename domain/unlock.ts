/**
 * What a locked section's marker tells a reader about unlocking it: the tier's
 * name, what it opens, and what to do (sign up for Strategy Circle, a free
 * login; request access for Leadership Alliance), in the reader's language.
 * Fixed text per tier and language, the same for every briefing: never a hint
 * of the locked content. Pure; the links are the deployment's, handed in.
 */
import { type MemberTier, type Tier, tierRank } from './access.ts';
import { SECTIONS } from './briefing.ts';

/** The languages the lock screen is written in; any other reads English. */
export const UNLOCK_LANGUAGES = ['en', 'zh'] as const;
export type UnlockLanguage = (typeof UNLOCK_LANGUAGES)[number];

export interface UnlockAction {
  /** `sign-up`: create an account and log in (Strategy Circle). `request-access`: ask the publisher (Leadership Alliance). */
  kind: 'sign-up' | 'request-access';
  label: string;
  /** Whether taking the action costs nothing. */
  free: boolean;
  /** Where to take it, when the deployment configured it (`-c signUpUrl=…`, `-c requestAccessUrl=…`). */
  href?: string;
}

export interface UnlockOffer {
  /** The language of the texts below. */
  language: UnlockLanguage;
  tierName: string;
  /** Who the tier is for and how it is granted. */
  summary: string;
  /** The titles of the sections the tier opens (itself and below), in that language. */
  includes: string[];
  action: UnlockAction;
}

/** The deployment's pages for each action; absent: the client knows its own (Cognito sign-up, a contact form). */
export interface UnlockLinks {
  signUpUrl?: string | undefined;
  requestAccessUrl?: string | undefined;
}

type Texts = Record<MemberTier, [name: string, summary: string, action: string]> & { sections: Record<string, string> };

const TEXTS: Record<UnlockLanguage, Texts> = {
  en: {
    'strategy-circle': ['Strategy Circle', 'Open to all readers: free, unlocked after joining and logging in.', 'Sign up free and log in'],
    'leadership-alliance': ['Leadership Alliance', 'For operators, investors and policy teams; granted by the publisher.', 'Request access'],
    sections: {
      trendContext: 'Deeper trend context',
      relationshipEvidence: 'Relationship evidence',
      failurePaths: 'Failure paths',
      sourceNotes: 'Source notes',
    },
  },
  zh: {
    'strategy-circle': ['战略圈', '向所有读者开放：免费注册并登录后即可解锁。', '免费注册并登录'],
    'leadership-alliance': ['领导力联盟', '面向运营方、投资者和政策团队，由发布方授予。', '申请访问'],
    sections: { trendContext: '深度趋势背景', relationshipEvidence: '关系证据', failurePaths: '失败路径', sourceNotes: '来源说明' },
  },
};

/** The lock screen's language for a served language: `zh`, `zh-CN`, `zh-Hant`… read Chinese; anything else English. */
export const unlockLanguage = (language: string): UnlockLanguage => (/^zh(-|$)/i.test(language) ? 'zh' : 'en');

/** How to unlock what `tier` gates, for a reader served in `language`. */
export function unlockOffer(tier: Tier, language: string, links: UnlockLinks = {}): UnlockOffer {
  const lang = unlockLanguage(language);
  const texts = TEXTS[lang];
  const member: MemberTier = tier === 'public' ? 'strategy-circle' : tier;
  const [tierName, summary, label] = texts[member];
  const signUp = member === 'strategy-circle';
  const href = signUp ? links.signUpUrl : links.requestAccessUrl;
  return {
    language: lang,
    tierName,
    summary,
    includes: SECTIONS.filter((s) => s.tier !== 'public' && tierRank(s.tier) <= tierRank(member)).map((s) => texts.sections[s.name] ?? s.title),
    action: { kind: signUp ? 'sign-up' : 'request-access', label, free: signUp, ...(href ? { href } : {}) },
  };
}
