/**
 * What a locked section's marker tells a reader about unlocking it: the tier's
 * name, what it opens, and what to do (sign up for Strategy Circle, a free
 * login; request access for Leadership Alliance), in the reader's language.
 * Fixed text per tier and language, the same for every briefing: never a hint
 * of the locked content. Pure; the links are the deployment's, handed in.
 *
 * Chinese is written twice: simplified (`zh`) and traditional (`zh-Hant`, for
 * `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant…` readers). The traditional texts are a
 * table, not a conversion at run time: OpenCC's character tables would add
 * ~55 KB to every function that draws a lock. test/unit/domain/unlock.test.ts
 * holds the table to OpenCC's own conversion (`cn` → `tw`), so it cannot drift.
 */
import * as z from 'zod/mini';
import { type MemberTier, type Tier, tierRank } from './access.ts';
import { feedLanguage, parseAcceptLanguage } from './language.ts';
import { schema } from './schema.ts';
import { SECTIONS } from './sections.ts';

/** Where a member asks for Leadership Alliance through this API (functions/membership/request-access.ts), when the deployment names no page of its own. */
export const REQUEST_ACCESS_ROUTE = '/me/access-requests';

/** The languages the lock screen is written in; any other reads English. */
export const UNLOCK_LANGUAGES = ['en', 'zh', 'zh-Hant'] as const;
export type UnlockLanguage = (typeof UNLOCK_LANGUAGES)[number];

export const UnlockOffer = /* @__PURE__ */ schema(() =>
  z
    .object({
      language: z
        .enum(UNLOCK_LANGUAGES)
        .check(
          z.describe(
            'The language of the texts: `zh-Hant` for traditional Chinese (`zh-TW`, `zh-HK`, `zh-Hant`…), `zh` for any other Chinese, else `en`',
          ),
        ),
      tierName: z.string().check(z.describe('The display name of the tier, e.g. "Strategy Circle" / "战略圈"')),
      summary: z.string().check(z.describe('Who the tier is for and how it is granted')),
      includes: z.array(z.string()).check(z.describe('The titles of the sections the tier opens')),
      action: z.object({
        kind: z
          .enum(['sign-up', 'request-access'])
          .check(z.describe('`sign-up`: a free account and login (Strategy Circle); `request-access`: ask the publisher (Leadership Alliance)')),
        label: z.string().check(z.describe('The button text')),
        free: z.boolean(),
        href: z
          .optional(z.string())
          .check(
            z.describe(
              "Where to take the action: the page the deployment configured (`-c signUpUrl=…`, `-c requestAccessUrl=…`); for `request-access` without one, this API's `/me/access-requests` (with `method`)",
            ),
          ),
        method: z
          .optional(z.literal('POST'))
          .check(
            z.describe("Set when `href` is this API's route, not a page: POST `{ reason }` there with the member's bearer token (sign in first)"),
          ),
      }),
    })
    .check(z.describe('What a client needs to draw the lock screen: fixed text per tier and language, the same for every briefing.')),
);
export type UnlockOffer = z.output<typeof UnlockOffer>;
export type UnlockAction = UnlockOffer['action'];

/** The deployment's pages for each action; absent: the client knows its own (Cognito sign-up, a contact form). */
export interface UnlockLinks {
  signUpUrl?: string | undefined;
  requestAccessUrl?: string | undefined;
}

type Texts = Record<MemberTier, [name: string, summary: string, action: string]> & { sections: Partial<Record<string, string>> };

const TEXTS: Record<UnlockLanguage, Texts> = {
  en: {
    'strategy-circle': ['Strategy Circle', 'Open to all readers: free, unlocked after joining and logging in.', 'Sign up free and log in'],
    'leadership-alliance': ['Leadership Alliance', 'For operators, investors and policy teams; granted by the publisher.', 'Request access'],
    // The sections' own titles (domain/briefing.ts) are English.
    sections: {},
  },
  zh: {
    'strategy-circle': ['战略圈', '向所有读者开放：免费注册并登录后即可解锁。', '免费注册并登录'],
    'leadership-alliance': ['领导力联盟', '面向运营方、投资者和政策团队，由发布方授予。', '申请访问'],
    sections: { trendContext: '深度趋势背景', relationshipEvidence: '关系证据', failurePaths: '失败路径', sourceNotes: '来源说明' },
  },
  'zh-Hant': {
    'strategy-circle': ['戰略圈', '向所有讀者開放：免費註冊並登錄後即可解鎖。', '免費註冊並登錄'],
    'leadership-alliance': ['領導力聯盟', '面向運營方、投資者和政策團隊，由發佈方授予。', '申請訪問'],
    sections: { trendContext: '深度趨勢背景', relationshipEvidence: '關係證據', failurePaths: '失敗路徑', sourceNotes: '來源說明' },
  },
};

/** The public tier's name: it unlocks nothing, so no lock screen names it, but a member's email says which copy it is. */
const PUBLIC_NAME: Record<UnlockLanguage, string> = { en: 'Public', zh: '公开', 'zh-Hant': '公開' };

/** A tier's display name in a lock screen's language ("Strategy Circle", "战略圈"). */
export function tierName(tier: Tier, language: UnlockLanguage): string {
  return tier === 'public' ? PUBLIC_NAME[language] : TEXTS[language][tier][0];
}

/**
 * The lock screen's language for a served language: traditional Chinese (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`) reads
 * `zh-Hant`, any other Chinese (`zh`, `zh-CN`, `zh-Hans`) `zh`, anything else English (domain/language.ts's feedLanguage).
 */
export function unlockLanguage(language: string): UnlockLanguage {
  const listed = feedLanguage(language);
  return listed === 'zh-hant' ? 'zh-Hant' : listed === 'zh' ? 'zh' : 'en';
}

/**
 * The lock screen's language on a page with no language of its own (an entity page, an alert): the reader's best
 * Accept-Language range the lock screen is written in, else `fallback` (an alert's briefing language; English).
 */
export function negotiatedUnlockLanguage(acceptLanguage: string | undefined, fallback: string | undefined = 'en'): UnlockLanguage {
  for (const { tag } of parseAcceptLanguage(acceptLanguage)) {
    if (tag === '*') break;
    if (['en', 'zh', 'zh-hant'].includes(feedLanguage(tag))) return unlockLanguage(tag);
  }
  return unlockLanguage(fallback ?? 'en');
}

/** How to unlock what `tier` gates, for a reader served in `language`. */
export function unlockOffer(tier: Tier, language: string, links: UnlockLinks = {}): UnlockOffer {
  const lang = unlockLanguage(language);
  const texts = TEXTS[lang];
  const member: MemberTier = tier === 'public' ? 'strategy-circle' : tier;
  const [tierName, summary, label] = texts[member];
  const signUp = member === 'strategy-circle';
  const page = signUp ? links.signUpUrl : links.requestAccessUrl;
  // Sign-up without a page is the client's own (Cognito's hosted UI, an app screen); a request always has somewhere to go.
  const target = page ? { href: page } : signUp ? {} : { href: REQUEST_ACCESS_ROUTE, method: 'POST' as const };
  return {
    language: lang,
    tierName,
    summary,
    includes: SECTIONS.filter((s) => s.tier !== 'public' && tierRank(s.tier) <= tierRank(member)).map((s) => texts.sections[s.name] ?? s.title),
    action: { kind: signUp ? 'sign-up' : 'request-access', label, free: signUp, ...target },
  };
}
