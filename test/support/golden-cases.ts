/**
 * The worked cases of docs/scoring.md: sources as an analyst sends them to `POST /sources`, on a
 * briefing whose event date is 2026-06-01. test/unit/domain/scoring-golden.test.ts checks the
 * doc's table against the model (through the ingest path: `newSource`, fingerprints, provenance);
 * test/integration/scoring-golden.test.ts sends every case through the API on the local stack and
 * checks that the API serves the same score, grade and export.
 */
import type { BriefingInput } from '#domain/briefing.ts';
import { type ContentGap, scoreEvidence } from '#domain/scoring.ts';
import { evidenceOf, newSource, type Source, SourceInput } from '#domain/source.ts';
import { NOW, sourceText } from './fixtures.ts';
import { INDEPENDENT_EN, INDEPENDENT_ZH, WIRE_EN, WIRE_EN_COPY, WIRE_ZH, WIRE_ZH_COPY } from './texts.ts';

/** What a case sends for one source (briefingId added when sent). */
export type GoldenSource = Omit<SourceInput, 'briefingId' | 'stance' | 'language'> & { stance?: SourceInput['stance']; language?: string };

export interface GoldenCase {
  name: string;
  evidence: string;
  /** What an experienced analyst expects, in a word or two. */
  expects: string;
  sources: GoldenSource[];
  /** The briefing's event date; 2026-06-01 unless set (null: none). */
  eventDate?: string | null;
  /** Content gaps of the briefing (the API cases make the briefing's content show them). */
  gaps?: ContentGap[];
}

export const EVENT_DATE = '2026-06-01';
const ON_EVENT = '2026-06-01T09:00:00Z';

let n = 0;
/** A source with its own outlet and its own text (independent of every other) unless `extra` says otherwise. */
const src = (kind: SourceInput['kind'], extra: Partial<GoldenSource> = {}): GoldenSource => {
  n += 1;
  return {
    url: `https://news${n}.example.com/story-${n}`,
    publisher: `Outlet ${n}`,
    kind,
    title: `Story ${n}`,
    publishedAt: ON_EVENT,
    ...('text' in extra || 'excerpt' in extra ? {} : { excerpt: sourceText(n) }),
    ...extra,
  };
};
const against = (kind: SourceInput['kind'], extra: Partial<GoldenSource> = {}) => src(kind, { stance: 'contradicts', ...extra });
let story = 0;
const at = (publisher: string, host: string) => {
  story += 1;
  return { publisher, url: `https://${host}/story-${story}` };
};
const rated = (grade: 'A' | 'B' | 'C' | 'D' | 'E' | 'F', why = 'analyst’s record of this source') => ({ reliability: { grade, reason: why } });

const ZH_STATEMENT =
  'Scale AI今日发布声明，确认公司正在调整团队结构，生成式AI业务将整合为五个方向，并表示公司资金充足，将加大对企业和政府客户的投入。';
const ZH_TRADITIONAL =
  'Scale AI裁減了約14%的員工，涉及約200名全職員工，並終止了與約500名外包人員的合作。臨時首席執行官Jason Droege在內部備忘錄中表示，生成式AI業務擴張過快，原有的16個團隊將合併為代碼、語言、專家、實驗和音頻5個團隊。';
const PARAPHRASE_EN =
  'Scale AI will cut roughly 14% of its staff, about 200 full-time workers, and stop working with some 500 contractors, an internal memo seen Wednesday showed. ' +
  'Interim CEO Jason Droege said the company grew its generative-AI unit too fast and will merge sixteen teams into five: code, languages, experts, experimental and audio. ' +
  "The cuts come after Meta bought 49% of the data-labelling firm for roughly $14.3 billion and co-founder Alexandr Wang left to run Meta's new superintelligence lab.";
const FLASH = 'Meta to cut 5% of staff in its reality labs unit.';
const A = sourceText(4001);
const B = sourceText(4002);
const UNNAMED = (i: number) => `${sourceText(4100 + i)} People familiar with the matter said the talks were advanced.`;

export const GOLDEN_CASES: GoldenCase[] = [
  // -- baselines --------------------------------------------------------------------------------
  { name: 'No evidence yet', evidence: '-', expects: 'cannot be judged', sources: [] },
  { name: 'Single rumour', evidence: '1 social post', expects: 'weak signal', sources: [src('social')] },
  { name: 'Internal monitoring only', evidence: '1 internal alert', expects: 'internal monitoring', sources: [src('internal')] },
  { name: 'One outlet', evidence: '1 report', expects: 'weak–medium', sources: [src('reporting')] },
  { name: 'Official filing alone', evidence: '1 filing', expects: 'medium', sources: [src('direct')] },
  {
    name: 'Official filing + two outlets',
    evidence: '1 filing + 2 reports',
    expects: 'strong',
    sources: [src('direct'), src('reporting'), src('reporting')],
  },
  {
    name: 'Filing, second first-party source, two outlets',
    evidence: '2 direct sources (filing, company statement) + 2 reports',
    expects: 'high',
    sources: [src('direct'), src('direct'), src('reporting'), src('reporting')],
  },
  {
    name: 'Weak signals combined',
    evidence: '1 aggregator + 1 social post + 1 internal alert',
    expects: 'weak',
    sources: [src('secondary'), src('social'), src('internal')],
  },
  // -- 1. independence is provenance ------------------------------------------------------------
  {
    name: 'Three stories from one outlet',
    evidence: '3 different Reuters stories',
    expects: 'one line',
    sources: [
      src('reporting', at('Reuters', 'www.reuters.com')),
      src('reporting', at('Reuters', 'www.reuters.com')),
      src('reporting', at('Reuters', 'www.reuters.com')),
    ],
  },
  {
    name: 'One ownership group',
    evidence: 'The Wall Street Journal + MarketWatch + Barron’s, each its own story',
    expects: 'one line',
    sources: [
      src('reporting', at('The Wall Street Journal', 'www.wsj.com')),
      src('reporting', at('MarketWatch', 'www.marketwatch.com')),
      src('reporting', at("Barron's", 'www.barrons.com')),
    ],
  },
  {
    name: 'Wire story in five outlets',
    evidence: '1 wire report + 4 outlets running it with a byline, credit or two words changed',
    expects: 'one line',
    sources: [
      src('reporting', { text: WIRE_EN }),
      src('reporting', { text: WIRE_EN_COPY }),
      src('reporting', { text: `Tech desk. ${WIRE_EN}` }),
      src('reporting', { text: WIRE_EN.replace('about $14.3 billion', 'some $14.3 billion') }),
      src('reporting', { excerpt: WIRE_EN.slice(0, 240) }),
    ],
  },
  {
    name: 'Short flash on five portals',
    evidence: 'the same one-line flash item on 5 portals, no credit',
    expects: 'one line, not confirmed',
    sources: [1, 2, 3, 4, 5].map(() => src('reporting', { excerpt: FLASH })),
  },
  {
    name: 'Five portals crediting Reuters',
    evidence: '5 portals, each its own wording, each "according to Reuters"',
    expects: 'one line',
    sources: [1, 2, 3, 4, 5].map((i) => src('reporting', { excerpt: `${sourceText(4200 + i)} The news was first reported by Reuters.` })),
  },
  {
    name: 'Reuters and a portal crediting it',
    evidence: 'a Reuters report + a portal story citing Reuters',
    expects: 'one line',
    sources: [src('reporting', at('Reuters', 'www.reuters.com')), src('reporting', { excerpt: `${sourceText(4301)} according to Reuters.` })],
  },
  {
    name: 'Two outlets citing one memo',
    evidence: '2 outlets, own wording, both "according to an internal memo"',
    expects: 'one line (the memo)',
    sources: [
      src('reporting', { excerpt: `${sourceText(4311)} according to an internal memo seen by staff.` }),
      src('reporting', { excerpt: `${sourceText(4312)} according to an internal memo.` }),
    ],
  },
  {
    name: 'Story and its translation',
    evidence: 'the wire report in English + its Chinese translation',
    expects: 'one line',
    sources: [src('reporting', { text: WIRE_EN, credits: [] }), src('reporting', { text: WIRE_ZH, language: 'zh-Hans', credits: [] })],
  },
  {
    name: 'Simplified and traditional script',
    evidence: 'one Chinese story in simplified and in traditional script',
    expects: 'one line',
    sources: [
      src('reporting', { text: WIRE_ZH, language: 'zh-Hans', credits: [] }),
      src('reporting', { text: ZH_TRADITIONAL, language: 'zh-Hant', credits: [] }),
    ],
  },
  {
    name: 'Light paraphrase',
    evidence: 'the wire report + a light paraphrase of it',
    expects: 'one line',
    sources: [src('reporting', { text: WIRE_EN, credits: [] }), src('reporting', { text: PARAPHRASE_EN, credits: [] })],
  },
  {
    name: 'Independent reports of the same facts',
    evidence: '2 reports, own sentences, same names and figures',
    expects: 'two lines',
    sources: [src('reporting', { text: WIRE_EN, credits: [] }), src('reporting', { text: INDEPENDENT_EN, credits: [] })],
  },
  {
    name: 'Chinese-language sources',
    evidence: '1 company statement + 2 reports in Chinese; a portal republishes one of them',
    expects: 'three lines',
    sources: [
      src('direct', { text: ZH_STATEMENT, language: 'zh-Hans' }),
      src('reporting', { text: WIRE_ZH, language: 'zh-Hans' }),
      src('reporting', { text: WIRE_ZH_COPY, language: 'zh-Hans' }),
      src('reporting', { text: INDEPENDENT_ZH, language: 'zh-Hans' }),
    ],
  },
  // -- 2. more support never lowers ----------------------------------------------------------------
  {
    name: 'Two independent reports',
    evidence: '2 reports, own texts',
    expects: 'medium',
    sources: [src('reporting', { excerpt: A }), src('reporting', { excerpt: B })],
  },
  {
    name: 'Two reports and a round-up quoting both',
    evidence: 'the same 2 reports + an aggregator quoting both in full',
    expects: 'unchanged',
    sources: [src('reporting', { excerpt: A }), src('reporting', { excerpt: B }), src('secondary', { excerpt: `Round-up. ${A} Meanwhile: ${B}` })],
  },
  {
    name: 'Two reports and a post repeating a shared sentence',
    evidence: 'the same 2 reports + a social post repeating one of their sentences',
    expects: 'unchanged',
    sources: [src('reporting', { excerpt: A }), src('reporting', { excerpt: B }), src('social', { excerpt: A.slice(0, 120) })],
  },
  // -- 3. time is the event's -----------------------------------------------------------------------
  {
    name: 'Contemporaneous evidence entered late',
    evidence: '1 filing + 1 report published on the event day, entered months later',
    expects: 'full weight',
    sources: [src('direct', { retrievedAt: '2026-06-19T00:00:00Z' }), src('reporting', { retrievedAt: '2026-06-19T00:00:00Z' })],
  },
  {
    name: 'Old evidence made to look fresh',
    evidence: '1 filing + 1 report published two years before the event, retrieved today',
    expects: 'reduced weight',
    sources: [src('direct', { publishedAt: '2024-05-01T00:00:00Z' }), src('reporting', { publishedAt: '2024-05-01T00:00:00Z' })],
  },
  {
    name: 'Undated sources',
    evidence: '1 filing + 1 report without publication dates',
    expects: 'flagged, weigh less',
    sources: [src('direct', { publishedAt: undefined }), src('reporting', { publishedAt: undefined })],
  },
  {
    name: 'No event date on the briefing',
    evidence: '1 filing + 1 report; the briefing has no event date',
    expects: 'not judged by time',
    eventDate: null,
    sources: [src('direct'), src('reporting', { publishedAt: '2024-05-01T00:00:00Z' })],
  },
  // -- 4. quality beats volume -----------------------------------------------------------------------
  {
    name: 'Fifteen social posts',
    evidence: '15 distinct social posts by 15 accounts, rated C',
    expects: 'at most weak–medium',
    sources: Array.from({ length: 15 }, () => src('social', rated('C', 'accounts with some history'))),
  },
  {
    name: 'Five unnamed-source reports',
    evidence: '5 outlets, each citing people familiar with the matter',
    expects: 'below one on-record statement',
    sources: [1, 2, 3, 4, 5].map((i) => src('reporting', { excerpt: UNNAMED(i) })),
  },
  {
    name: 'One on-record official statement',
    evidence: '1 direct statement on record',
    expects: 'medium',
    sources: [src('direct', { sourcing: 'on-record' })],
  },
  {
    name: 'Strong reports and an E5 "direct" source',
    evidence: '4 reports rated A + 1 direct source rated E5',
    expects: 'no grade A',
    sources: [
      src('reporting', rated('A')),
      src('reporting', rated('A')),
      src('reporting', rated('A')),
      src('reporting', rated('A')),
      src('direct', { ...rated('E'), credibility: 5 }),
    ],
  },
  {
    name: 'Strong reports and a B2 direct source',
    evidence: '4 reports rated A + 1 direct source rated B2',
    expects: 'grade A',
    sources: [
      src('reporting', rated('A')),
      src('reporting', rated('A')),
      src('reporting', rated('A')),
      src('reporting', rated('A')),
      src('direct', { ...rated('B'), credibility: 2 }),
    ],
  },
  {
    name: 'Five strong direct sources',
    evidence: '5 direct sources rated A, independent',
    expects: 'high, never certainty',
    sources: [1, 2, 3, 4, 5].map(() => src('direct', rated('A', 'regulatory filings'))),
  },
  {
    name: 'One outlet the analyst distrusts',
    evidence: '1 report, reliability D set by the analyst',
    expects: 'weak',
    sources: [src('reporting', rated('D', 'tabloid with a poor record on this beat'))],
  },
  {
    name: 'Doubtful information',
    evidence: '1 filing, credibility 4 (doubtful) set by the analyst',
    expects: 'weak',
    sources: [src('direct', { credibility: 4 })],
  },
  // -- 5. the export reads the analyst ---------------------------------------------------------------
  {
    name: 'A report the analyst rated B2',
    evidence: '1 report, reliability B and credibility 2 set by the analyst',
    expects: 'B2, STIX 70',
    sources: [src('reporting', { ...rated('B'), credibility: 2 })],
  },
  {
    name: 'A filing rated A1',
    evidence: '1 filing rated A1 + 1 report',
    expects: 'A1',
    sources: [src('direct', { ...rated('A', 'signed regulatory filing'), credibility: 1 }), src('reporting')],
  },
  {
    name: 'Analyst-rated sources',
    evidence: '1 filing rated A + 1 report rated C',
    expects: 'A-letter export',
    sources: [
      src('direct', rated('A', 'regulatory filing, signed by the company')),
      src('reporting', rated('C', 'new outlet without a track record')),
    ],
  },
  {
    name: 'A social post rated 1 by the analyst',
    evidence: '1 social post, credibility 1 set by the analyst',
    expects: 'the ceiling holds; the model’s digit exported',
    sources: [src('social', { ...rated('C'), credibility: 1 })],
  },
  // -- 6. contradiction ------------------------------------------------------------------------------
  {
    name: 'Contradiction',
    evidence: '1 filing + 2 reports; 1 report contradicts',
    expects: 'lower',
    sources: [src('direct'), src('reporting'), src('reporting'), against('reporting')],
  },
  {
    name: 'On-record denial',
    evidence: '1 filing + 2 reports; the company denies on record',
    expects: 'disputed',
    sources: [src('direct'), src('reporting'), src('reporting'), against('direct', { sourcing: 'on-record' })],
  },
  {
    name: 'Contradiction under a ceiling',
    evidence: '1 filing + 3 reports, no market exposure; 1 report contradicts',
    expects: 'lower than the capped score',
    gaps: ['market-exposure'],
    sources: [src('direct'), src('reporting'), src('reporting'), src('reporting'), against('reporting')],
  },
  // -- 7. completeness ------------------------------------------------------------------------------
  {
    name: 'Incomplete briefing',
    evidence: '1 filing + 3 reports; no market exposure',
    expects: 'capped at 0.74',
    gaps: ['market-exposure'],
    sources: [src('direct'), src('reporting'), src('reporting'), src('reporting')],
  },
  {
    name: 'Boilerplate in place of content',
    evidence: '1 filing + 2 reports; a section left as template text',
    expects: 'capped at 0.74',
    gaps: ['boilerplate'],
    sources: [src('direct'), src('reporting'), src('reporting')],
  },
];

/** The stored sources of a case, as the ingest path makes them. */
export function sourcesOf(c: GoldenCase, briefingId = 'golden'): Source[] {
  return c.sources.map((s) => newSource(SourceInput.parse({ briefingId, ...s }), 'analyst-golden', NOW));
}

/** The event window of a case. */
export function eventOf(c: GoldenCase): { from: string } | undefined {
  return c.eventDate === null ? undefined : { from: c.eventDate ?? EVENT_DATE };
}

/** The confidence the model gives a case. */
export function goldenConfidence(c: GoldenCase) {
  const event = eventOf(c);
  return scoreEvidence(sourcesOf(c).map(evidenceOf), { gaps: c.gaps ?? [], ...(event ? { event } : {}) }).confidence;
}

const HEADER = ['#', 'case', 'evidence', 'an analyst expects', 'score', 'grade', 'lines', 'Admiralty', 'STIX', 'reasons'];

/** The golden table as markdown, computed from the model. */
export function goldenTable(): string {
  const rows = GOLDEN_CASES.map((c, i) => {
    const confidence = goldenConfidence(c);
    return [
      String(i + 1),
      c.name,
      c.evidence,
      c.expects,
      confidence.score.toFixed(2),
      confidence.grade + (confidence.disputed ? ' (disputed)' : ''),
      String(confidence.independentOrigins),
      confidence.admiralty.code,
      confidence.stix === undefined ? '-' : String(confidence.stix),
      confidence.reasons.map((r) => r.text).join('; '),
    ];
  });
  return [HEADER, HEADER.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export type { BriefingInput };
