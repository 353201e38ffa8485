/**
 * Who speaks: the maintained table of outlets, wire services and ownership
 * groups that decides which sources are one line of evidence.
 *
 * One outlet is one line however many stories it runs; outlets of one
 * ownership group are one line; a source that credits another ("according to
 * Reuters", "(AP) —", "据新华社报道", "citing a memo") is a line of the one it
 * credits. Unknown publishers are identified by their normalised name.
 *
 * Maintaining it: add an outlet with its usual names (every language it is
 * cited in) and hosts; put it in a group when another outlet owns it or runs
 * its newsroom. Changing this table changes scores: it is part of the scoring
 * model (see MODEL_VERSION in scoring.ts and docs/scoring.md).
 */

export interface Outlet {
  key: string;
  name: string;
  /** Names it is cited by, any language; matched case-insensitively on word boundaries (CJK: as written). */
  aliases: readonly string[];
  /** Hosts it publishes on; subdomains match too. */
  hosts: readonly string[];
  /** Its ownership group or newsroom, when that is one line with others. */
  group?: string;
  /** A wire service: its stories are reprinted by others. */
  wire?: true;
}

export const GROUPS: Record<string, string> = {
  'dow-jones': 'Dow Jones (News Corp)',
  nikkei: 'Nikkei',
  'axel-springer': 'Axel Springer',
  'nbc-universal': 'NBCUniversal',
  'yahoo-portal': 'Yahoo',
};

export const OUTLETS: readonly Outlet[] = [
  { key: 'reuters', name: 'Reuters', aliases: ['Reuters', 'Thomson Reuters', '路透社', '路透'], hosts: ['reuters.com'], wire: true },
  { key: 'ap', name: 'Associated Press', aliases: ['Associated Press', 'AP', '美联社'], hosts: ['apnews.com', 'ap.org'], wire: true },
  { key: 'afp', name: 'Agence France-Presse', aliases: ['Agence France-Presse', 'AFP', '法新社'], hosts: ['afp.com'], wire: true },
  { key: 'bloomberg', name: 'Bloomberg', aliases: ['Bloomberg', 'Bloomberg News', '彭博社', '彭博'], hosts: ['bloomberg.com'], wire: true },
  { key: 'xinhua', name: 'Xinhua', aliases: ['Xinhua', '新华社', '新華社'], hosts: ['xinhuanet.com', 'news.cn'], wire: true },
  { key: 'kyodo', name: 'Kyodo News', aliases: ['Kyodo', 'Kyodo News', '共同社'], hosts: ['kyodonews.net'], wire: true },
  { key: 'dpa', name: 'dpa', aliases: ['dpa', 'Deutsche Presse-Agentur'], hosts: ['dpa.com'], wire: true },
  { key: 'cna', name: 'Central News Agency', aliases: ['Central News Agency', '中央社'], hosts: ['cna.com.tw', 'focustaiwan.tw'], wire: true },
  {
    key: 'wsj',
    name: 'The Wall Street Journal',
    aliases: ['Wall Street Journal', 'WSJ', '华尔街日报', '華爾街日報'],
    hosts: ['wsj.com', 'cn.wsj.com'],
    group: 'dow-jones',
  },
  { key: 'barrons', name: "Barron's", aliases: ["Barron's", 'Barrons'], hosts: ['barrons.com'], group: 'dow-jones' },
  { key: 'marketwatch', name: 'MarketWatch', aliases: ['MarketWatch'], hosts: ['marketwatch.com'], group: 'dow-jones' },
  {
    key: 'dow-jones-newswires',
    name: 'Dow Jones Newswires',
    aliases: ['Dow Jones Newswires', 'Dow Jones', '道琼斯'],
    hosts: ['dowjones.com'],
    group: 'dow-jones',
    wire: true,
  },
  {
    key: 'ft',
    name: 'Financial Times',
    aliases: ['Financial Times', 'FT', '金融时报', '英国金融时报'],
    hosts: ['ft.com', 'ftchinese.com'],
    group: 'nikkei',
  },
  {
    key: 'nikkei-asia',
    name: 'Nikkei Asia',
    aliases: ['Nikkei Asia', 'Nikkei', '日经', '日经中文网'],
    hosts: ['asia.nikkei.com', 'nikkei.com', 'cn.nikkei.com'],
    group: 'nikkei',
  },
  { key: 'politico', name: 'Politico', aliases: ['Politico'], hosts: ['politico.com', 'politico.eu'], group: 'axel-springer' },
  {
    key: 'business-insider',
    name: 'Business Insider',
    aliases: ['Business Insider', 'Insider'],
    hosts: ['businessinsider.com', 'insider.com'],
    group: 'axel-springer',
  },
  { key: 'cnbc', name: 'CNBC', aliases: ['CNBC'], hosts: ['cnbc.com'], group: 'nbc-universal' },
  { key: 'nbc-news', name: 'NBC News', aliases: ['NBC News'], hosts: ['nbcnews.com'], group: 'nbc-universal' },
  { key: 'yahoo-finance', name: 'Yahoo Finance', aliases: ['Yahoo Finance', 'Yahoo News', 'Yahoo'], hosts: ['yahoo.com'], group: 'yahoo-portal' },
  { key: 'nyt', name: 'The New York Times', aliases: ['New York Times', 'NYT', '纽约时报', '紐約時報'], hosts: ['nytimes.com', 'cn.nytimes.com'] },
  { key: 'the-information', name: 'The Information', aliases: ['The Information'], hosts: ['theinformation.com'] },
  { key: 'techcrunch', name: 'TechCrunch', aliases: ['TechCrunch'], hosts: ['techcrunch.com'] },
  { key: 'caixin', name: 'Caixin', aliases: ['Caixin', 'Caixin Global', '财新', '财新网'], hosts: ['caixin.com', 'caixinglobal.com'] },
  { key: 'scmp', name: 'South China Morning Post', aliases: ['South China Morning Post', 'SCMP', '南华早报'], hosts: ['scmp.com'] },
  { key: '36kr', name: '36Kr', aliases: ['36Kr', '36氪'], hosts: ['36kr.com'] },
  { key: 'jiemian', name: 'Jiemian', aliases: ['Jiemian', '界面新闻', '界面'], hosts: ['jiemian.com'] },
  { key: 'the-paper', name: 'The Paper', aliases: ['The Paper', '澎湃新闻', '澎湃'], hosts: ['thepaper.cn'] },
];

/** Hosts where many unrelated voices publish: the account (the publisher as entered) is the line, not the host. */
export const PLATFORM_HOSTS: readonly string[] = [
  'x.com',
  'twitter.com',
  'weibo.com',
  'weibo.cn',
  'facebook.com',
  'instagram.com',
  'threads.net',
  'linkedin.com',
  'youtube.com',
  'tiktok.com',
  'douyin.com',
  'reddit.com',
  't.me',
  'mp.weixin.qq.com',
  'zhihu.com',
  'xueqiu.com',
  'medium.com',
  'substack.com',
  'bsky.app',
];

const byKey = /* @__PURE__ */ new Map(/* @__PURE__ */ OUTLETS.map((o) => [o.key, o]));

/** Lower case, NFKC, letters and digits only; a leading "the" dropped. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const byAlias = /* @__PURE__ */ new Map(/* @__PURE__ */ OUTLETS.flatMap((o) => [o.name, ...o.aliases].map((a) => [normaliseName(a), o] as const)));

function hostMatches(host: string, candidate: string): boolean {
  return host === candidate || host.endsWith(`.${candidate}`);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^(www|m|mobile|amp)\./, '');
  } catch {
    return undefined;
  }
}

/** The outlet a known host or name belongs to. */
export function outletNamed(nameOrKey: string): Outlet | undefined {
  return byKey.get(nameOrKey) ?? byAlias.get(normaliseName(nameOrKey));
}

/** The line of evidence of an outlet: its group's when it has one. */
export function lineOfOutlet(o: Outlet): string {
  return o.group ? `group:${o.group}` : `outlet:${o.key}`;
}

/**
 * The line of evidence a publisher speaks for: a known outlet (by host, then by name), its group's
 * line when it has one; otherwise the publisher as named (on platforms, the account).
 */
export function publisherLine(publisher: string, url?: string): string {
  const host = hostOf(url);
  const known =
    (host && !PLATFORM_HOSTS.some((p) => hostMatches(host, p)) ? OUTLETS.find((o) => o.hosts.some((h) => hostMatches(host, h))) : undefined) ??
    byAlias.get(normaliseName(publisher));
  if (known) return lineOfOutlet(known);
  return `publisher:${normaliseName(publisher) || publisher.trim().toLowerCase()}`;
}

/** The line a credit names: a known outlet's line, or a document (`document:memo`). */
export function creditLine(credit: string): string {
  if (credit.startsWith('document:')) return credit;
  const known = outletNamed(credit);
  return known ? lineOfOutlet(known) : `publisher:${normaliseName(credit)}`;
}

export function lineName(line: string): string {
  const [type, key = ''] = line.split(/:(.*)/s);
  if (type === 'group') return GROUPS[key] ?? key;
  if (type === 'outlet') return byKey.get(key)?.name ?? key;
  if (type === 'document') return `a ${key}`;
  return key;
}

// ---- what a text credits, and how it is sourced -------------------------------------------------

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isCjk = (s: string) => /\p{Script=Han}/u.test(s);

/** Credit phrases around an outlet's name, in English and Chinese. `N` stands for the name. */
const LATIN_CREDITS = [
  'according to (?:a |an )?(?:report by |reports by |reporting by )?(?:the )?N',
  'citing (?:a |an )?(?:report (?:by|from|in) )?(?:the )?N',
  '(?:first )?[rR]eported by (?:the )?N',
  'N (?:first )?(?:reported|reports|said in a report|has reported|wrote|said, citing)',
  '(?:a|an|the) N (?:report|story|article|analysis|investigation)',
  '(?:told|said to|in an interview with|in a statement to) (?:the )?N',
  'via (?:the )?N',
  '\\(N\\)',
  '©\\s*(?:\\d{4}\\s*)?N',
  'copyright (?:\\d{4} )?(?:the )?N',
  'source: (?:the )?N',
  '(?:[aA]dditional )?[rR]eporting by N',
];
const CJK_CREDITS = [
  '据N',
  '據N',
  '援引N',
  'N报道',
  'N報導',
  'N消息',
  'N援引',
  'N称',
  'N稱',
  'N获悉',
  '来源：N',
  '来源:N',
  '来源N',
  '转自N',
  '轉自N',
  '接受N采访',
];

interface Matcher {
  outlet: Outlet;
  re: RegExp;
}

let compiled: Matcher[] | undefined;

/** The credit matchers, compiled on first use. */
function matchers(): Matcher[] {
  compiled ??= OUTLETS.flatMap((o) =>
    [o.name, ...o.aliases].map((alias) => {
      const name = escapeRegExp(alias).replace(/\\ | /g, '\\s+');
      const phrases = isCjk(alias) ? CJK_CREDITS : LATIN_CREDITS;
      // Names are matched as written (proper nouns: "the information" is not The Information); a phrase's first letter in either case.
      const body = phrases
        .map((p) => p.replace(/^[a-z]/, (c) => `[${c}${c.toUpperCase()}]`).replace('N', isCjk(alias) ? name : `${name}(?![\\p{L}\\p{N}])`))
        .join('|');
      return { outlet: o, re: new RegExp(isCjk(alias) ? `(?:${body})` : `(?<![\\p{L}\\p{N}])(?:${body})`, 'u') };
    }),
  );
  return compiled;
}

/** Documents a story may rest on: "according to an internal memo", "citing a filing", "据内部备忘录". */
const DOCUMENT_CREDITS: ReadonlyArray<{ document: string; re: RegExp }> = [
  {
    document: 'memo',
    re: /\b(?:according to|citing|seen by|in) (?:an? |the )?(?:internal |leaked )?(?:memo|memorandum)\b|内部备忘录|內部備忘錄/iu,
  },
  { document: 'letter', re: /\b(?:according to|citing) (?:an? |the )?(?:internal |leaked )?letter\b|内部信|內部信/iu },
  { document: 'document', re: /\b(?:according to|citing) (?:an? |the )?(?:internal |leaked |confidential )?documents?\b|内部文件|內部文件/iu },
];

/**
 * What a text credits: the outlets its credit lines and attribution phrases name, and the documents it
 * rests on (`document:memo`), excluding the publisher's own line. Sorted, distinct.
 */
export function creditsIn(text: string, ownLine?: string): string[] {
  const found = new Set<string>();
  for (const m of matchers()) if (m.re.test(text)) found.add(m.outlet.key);
  for (const d of DOCUMENT_CREDITS) if (d.re.test(text)) found.add(`document:${d.document}`);
  return [...found].filter((c) => creditLine(c) !== ownLine).sort();
}

export const SOURCINGS = ['on-record', 'unnamed', 'unspecified'] as const;
export type Sourcing = (typeof SOURCINGS)[number];

const UNNAMED =
  /\b(?:people|persons?|sources?|insiders?|officials?) (?:familiar|close|briefed|with knowledge) (?:with|to|on)\b|\b(?:according to|citing) (?:unnamed |anonymous )?(?:sources|people|insiders|a source|a person)\b|\bsources? (?:said|say|told)\b|\bon condition of anonymity\b|\b(?:asked|declined) (?:not )?to be (?:named|identified)\b|\bspeaking anonymously\b|知情人士|消息人士|不愿具名|不願具名|匿名人士/iu;

/** Whether a text rests on unnamed people ("people familiar with the matter", "知情人士"). */
export function sourcingOf(text: string): Sourcing {
  return UNNAMED.test(text) ? 'unnamed' : 'unspecified';
}
