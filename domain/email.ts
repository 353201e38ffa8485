/**
 * Email digests (issue 17, point 2): a member's delivery preference, the daily digest's day and window,
 * its planning shards, and the email itself. Pure: the clock, the links and the briefings (already shaped
 * by domain/visibility.ts `viewBriefing` for the recipient's tier at send time) are handed in.
 *
 * The renderer takes `BriefingView`s only, never a stored Briefing: what an email can say is what the one
 * gating decision let through. A locked section is rendered as its marker (its title, the tier that unlocks
 * it and how), never its content.
 */
import * as z from 'zod/mini';
import { type Tier, type Viewer, viewerOf } from './access.ts';
import { type Entitlement, grantOf } from './entitlement.ts';
import { schema } from './schema.ts';
import { escapeHtml } from './syndication.ts';
import { tierName, type UnlockLanguage, type UnlockLinks, unlockLanguage, unlockOffer } from './unlock.ts';
import type { BriefingView, SectionView } from './visibility.ts';

/** `instant`: one email per alert, as it is written; `daily`: one digest a day of the day's alerts; `off`: none. */
export const DELIVERIES = ['instant', 'daily', 'off'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** The languages emails are written in (the lock screen's, domain/unlock.ts); any other reads English. */
export const EMAIL_LANGUAGES = ['en', 'zh', 'zh-Hant'] as const satisfies readonly UnlockLanguage[];

/** What `PUT /me/preferences` accepts. */
export const PreferencesInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    delivery: z.enum(DELIVERIES).check(z.describe('`instant`: an email per alert; `daily`: one digest a day; `off`: no email')),
    language: z
      .optional(z.string().check(z.maxLength(35), z.regex(/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as en or zh-TW')))
      .check(z.describe('The language of the emails (`en`, `zh`, `zh-Hant`; `zh-TW` reads `zh-Hant`); default: Accept-Language, else English')),
  }),
);
export type PreferencesInput = z.infer<typeof PreferencesInput>;

/** A member's stored email preference. */
export interface Preferences {
  userId: string;
  delivery: Delivery;
  language: UnlockLanguage;
  /** The member's verified address in the user pool when the preference was set. */
  email: string;
  updatedAt: string;
  /** Set by the signed unsubscribe link (delivery is then `off`). */
  unsubscribedAt?: string;
}

/** What `GET`/`PUT /me/preferences` answer. */
export const PreferencesView = /* @__PURE__ */ schema(() =>
  z
    .object({
      delivery: z.enum(DELIVERIES),
      language: z.enum(EMAIL_LANGUAGES),
      email: z.string().check(z.describe('The address emails go to: the verified address of the account')),
      suppressed: z
        .boolean()
        .check(z.describe('True when the address bounced or complained: nothing is sent to it until support lifts the suppression')),
      updatedAt: z.iso.datetime(),
      unsubscribedAt: z.optional(z.iso.datetime()).check(z.describe('When the signed unsubscribe link turned email off')),
    })
    .check(z.describe("The caller's email delivery preference.")),
);
export type PreferencesView = z.output<typeof PreferencesView>;

/** The preference of a member who never set one. */
export function defaultPreferences(userId: string, email: string, now: Date): Preferences {
  return { userId, delivery: 'off', language: 'en', email, updatedAt: now.toISOString() };
}

export function preferencesView(p: Preferences, suppressed: boolean): PreferencesView {
  return {
    delivery: p.delivery,
    language: p.language,
    email: p.email,
    suppressed,
    updatedAt: p.updatedAt,
    ...(p.unsubscribedAt ? { unsubscribedAt: p.unsubscribedAt } : {}),
  };
}

/** The email language of a requested tag, else of the reader's Accept-Language (best first), else English. */
export function emailLanguage(requested: string | undefined, acceptLanguage: readonly string[] = []): UnlockLanguage {
  return unlockLanguage(requested ?? acceptLanguage[0] ?? 'en');
}

// ---- the daily digest: its day, window and planning shards -------------------------------------------

/** The schedule's hour (UTC): `cron(0 7 * * ? *)`. */
export const DIGEST_HOUR_UTC = 7;
/**
 * A day's digest covers the alerts of briefing versions from 24 h before the cut-off to the cut-off, which is
 * 15 minutes before the run: an alert is written shortly after its version (the fan-out's lag), so a version
 * just before the run is in the next day's digest rather than in none.
 */
export const DIGEST_CUTOFF_LAG_MINUTES = 15;
/** Members with a daily preference are spread over this many index partitions, planned in parallel. */
export const DIGEST_SHARDS = 16;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DigestDay = /* @__PURE__ */ schema(() => z.string().check(z.regex(DAY_PATTERN, 'must be a day such as 2026-12-03')));

/** The digest day of a run at `at` (the schedule's time): its UTC date. */
export function digestDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The versions a day's digest covers: `from` inclusive, `to` exclusive (ISO instants, comparable as strings). */
export function digestWindow(day: string): { from: string; to: string } {
  if (!DAY_PATTERN.test(day)) throw new Error(`not a day: ${day}`);
  const to = Date.parse(`${day}T00:00:00.000Z`) + (DIGEST_HOUR_UTC * 60 - DIGEST_CUTOFF_LAG_MINUTES) * 60_000;
  return { from: new Date(to - 24 * 3_600_000).toISOString(), to: new Date(to).toISOString() };
}

/** The day whose digest will cover a version published at `at`: today's if before today's cut-off, else tomorrow's. */
export function digestDayCovering(at: Date): string {
  const today = digestDay(at);
  if (at.toISOString() < digestWindow(today).to) return today;
  return digestDay(new Date(Date.parse(`${today}T00:00:00.000Z`) + 24 * 3_600_000));
}

/** The planning shard of a member (FNV-1a of the user id): stable, and even whatever the ids look like. */
export function digestShard(userId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % DIGEST_SHARDS;
}

// ---- the recipient ----

/** The most briefings one digest shows (the newest); the rest are in `GET /me/alerts`. */
export const MAX_DIGEST_BRIEFINGS = 20;

/**
 * Whom an email is shaped for: the tier the member's entitlement record grants at send time (never the tier they
 * had when the briefing was published, nor a token's), as a reader. Staff are sent the Leadership Alliance copy:
 * an email is a reader's copy, never a draft's or a staff note's.
 */
export function recipientViewer(userId: string, record: Entitlement | undefined, now: Date): Viewer {
  return { userId, tier: viewerOf(userId, grantOf(record, now)).tier, roles: [] };
}

// ---- the email -----------------------------------------------------------------------------------------

/** The links an email carries, built by the sender from the deployment's API URL and the recipient's token. */
export interface EmailLinks {
  /** Where the recipient reads a briefing (the API's `/briefings/{id}`, `?lang=` when it is a translation). */
  briefing: (briefingId: string, language: string) => string;
  /** The signed one-click unsubscribe URL (also the `List-Unsubscribe` header). */
  unsubscribe: string;
  /** The deployment's sign-up and request-access pages, for lock markers. */
  unlock?: UnlockLinks;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Words = {
  instantSubject: (headline: string) => string;
  dailySubject: (count: number, day: string) => string;
  dailyIntro: (count: number) => string;
  instantIntro: string;
  tierLine: (tierName: string) => string;
  locked: (tierName: string, action: string) => string;
  read: string;
  unsubscribe: string;
};

const WORDS: Record<UnlockLanguage, Words> = {
  en: {
    instantSubject: (h) => `New briefing: ${h}`,
    dailySubject: (n, day) => `Your daily briefings digest, ${day}: ${n} new`,
    dailyIntro: (n) => `${n} briefing${n === 1 ? '' : 's'} about entities you follow were published in the last 24 hours.`,
    instantIntro: 'A briefing about an entity you follow was published.',
    tierLine: (t) => `Shown for your membership: ${t}.`,
    locked: (t, a) => `Locked: ${t} unlocks this section (${a}).`,
    read: 'Read the briefing',
    unsubscribe: 'Unsubscribe from these emails',
  },
  zh: {
    instantSubject: (h) => `新简报：${h}`,
    dailySubject: (n, day) => `每日简报摘要 ${day}：${n} 篇新简报`,
    dailyIntro: (n) => `过去 24 小时内发布了 ${n} 篇与您关注的实体有关的简报。`,
    instantIntro: '您关注的实体有一篇新简报发布。',
    tierLine: (t) => `按您的会员级别显示：${t}。`,
    locked: (t, a) => `已锁定：${t} 可解锁此部分（${a}）。`,
    read: '阅读简报',
    unsubscribe: '退订这些邮件',
  },
  'zh-Hant': {
    instantSubject: (h) => `新簡報：${h}`,
    dailySubject: (n, day) => `每日簡報摘要 ${day}：${n} 篇新簡報`,
    dailyIntro: (n) => `過去 24 小時內發佈了 ${n} 篇與您關注的實體有關的簡報。`,
    instantIntro: '您關注的實體有一篇新簡報發佈。',
    tierLine: (t) => `按您的會員級別顯示：${t}。`,
    locked: (t, a) => `已鎖定：${t} 可解鎖此部分（${a}）。`,
    read: '閱讀簡報',
    unsubscribe: '退訂這些郵件',
  },
};

/** A section's readable content as lines of text: strings as they are, lists as items, records as `key: value`. */
function contentLines(content: unknown, indent = ''): string[] {
  if (content === undefined || content === null || content === '') return [];
  if (typeof content !== 'object') return [`${indent}${String(content)}`];
  if (Array.isArray(content)) return content.flatMap((item) => contentLines(item, indent).map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`)));
  return Object.entries(content as Record<string, unknown>).flatMap(([key, value]) => {
    const lines = contentLines(value, '');
    if (lines.length === 0) return [];
    return typeof value === 'object' && value !== null
      ? [`${indent}${key}:`, ...lines.map((l) => `${indent}  ${l}`)]
      : [`${indent}${key}: ${lines[0]}`];
  });
}

/** One section as the email shows it: readable content, or the locked marker's words (never content). */
function sectionLines(section: SectionView, language: UnlockLanguage, links: EmailLinks): string[] {
  if (section.locked) {
    const offer = unlockOffer(section.unlockTier, language, links.unlock);
    return [WORDS[language].locked(offer.tierName, offer.action.href ? `${offer.action.label}: ${offer.action.href}` : offer.action.label)];
  }
  return contentLines(section.content);
}

const headlineOf = (view: BriefingView): string => {
  const headline = view.sections.find((s) => s.name === 'headline');
  return headline && !headline.locked ? String(headline.content) : view.briefingId;
};

/**
 * The email of an instant alert (one briefing) or a daily digest (several), for a recipient whose tier and
 * language shaped `views`. Text and HTML say the same; every piece of text from a briefing is HTML-escaped.
 */
export function renderEmail(input: {
  kind: 'instant' | 'daily';
  day: string;
  tier: Tier;
  language: UnlockLanguage;
  views: readonly BriefingView[];
  links: EmailLinks;
}): RenderedEmail {
  const { kind, day, tier, language, views, links } = input;
  if (views.length === 0) throw new Error('an email needs at least one briefing');
  const words = WORDS[language];
  const subject = kind === 'instant' ? words.instantSubject(headlineOf(views[0]!)) : words.dailySubject(views.length, day);
  const intro = kind === 'instant' ? words.instantIntro : words.dailyIntro(views.length);
  const tierLine = words.tierLine(tierName(tier, language));
  const text: string[] = [intro, tierLine, ''];
  const html: string[] = [`<p>${escapeHtml(intro)}</p>`, `<p>${escapeHtml(tierLine)}</p>`];
  for (const view of views) {
    const url = links.briefing(view.briefingId, view.language);
    text.push(`== ${headlineOf(view)} ==`);
    html.push(`<h2>${escapeHtml(headlineOf(view))}</h2>`);
    for (const section of view.sections) {
      if (section.name === 'headline') continue;
      const lines = sectionLines(section, language, links);
      if (lines.length === 0) continue;
      text.push(`[${section.title}]`, ...lines, '');
      html.push(`<h3>${escapeHtml(section.title)}</h3>`, `<p>${lines.map(escapeHtml).join('<br>')}</p>`);
    }
    text.push(`${words.read}: ${url}`, '');
    html.push(`<p><a href="${escapeHtml(url)}">${escapeHtml(words.read)}</a></p>`);
  }
  text.push('--', `${words.unsubscribe}: ${links.unsubscribe}`);
  html.push(`<hr><p><a href="${escapeHtml(links.unsubscribe)}">${escapeHtml(words.unsubscribe)}</a></p>`);
  return { subject, text: text.join('\n'), html: `<!doctype html><html lang="${language}"><body>${html.join('\n')}</body></html>` };
}
