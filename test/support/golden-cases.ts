/**
 * The worked cases of docs/scoring.md: evidence as analysts would send it,
 * through the real ingest path (`newSource`, fingerprints) into the model.
 * test/unit/domain/scoring-golden.test.ts checks the doc's table against them.
 */
import { type ContentGap, scoreEvidence } from '../../domain/scoring.ts';
import { evidenceOf, type Source } from '../../domain/source.ts';
import { source, sourceText } from './fixtures.ts';
import { INDEPENDENT_ZH, WIRE_EN, WIRE_EN_COPY, WIRE_ZH, WIRE_ZH_COPY } from './texts.ts';

export interface GoldenCase {
  name: string;
  evidence: string;
  sources: Source[];
  gaps?: ContentGap[];
}

let n = 0;
/** A source with its own text (independent of every other) unless `text` says otherwise. */
const src = (kind: Source['kind'], extra: Record<string, unknown> = {}, stance: Source['stance'] = 'supports') => {
  n += 1;
  return source(kind, n, stance, 'golden', { ...('text' in extra || 'excerpt' in extra ? {} : { text: sourceText(n) }), ...extra });
};
const twoYearsOld = { publishedAt: '2024-06-01T00:00:00Z', retrievedAt: '2026-06-01T00:00:00Z' };
const ZH_STATEMENT =
  'Scale AI今日发布声明，确认公司正在调整团队结构，生成式AI业务将整合为五个方向，并表示公司资金充足，将加大对企业和政府客户的投入。';

export const GOLDEN_CASES: GoldenCase[] = [
  { name: 'No evidence yet', evidence: '-', sources: [] },
  { name: 'Single rumour', evidence: '1 social post', sources: [src('social')] },
  { name: 'Internal monitoring only', evidence: '1 internal alert', sources: [src('internal')] },
  { name: 'One outlet', evidence: '1 report', sources: [src('reporting')] },
  {
    name: 'One outlet the analyst distrusts',
    evidence: '1 report, reliability D set by the analyst',
    sources: [src('reporting', { reliability: { grade: 'D', reason: 'tabloid with a poor record on this beat' } })],
  },
  {
    name: 'Weak signals combined',
    evidence: '1 aggregator + 1 social post + 1 internal alert',
    sources: [src('secondary'), src('social'), src('internal')],
  },
  {
    name: 'Wire story in five outlets',
    evidence: '1 wire report + 4 outlets running it with a byline, credit or two words changed',
    sources: [
      src('reporting', { text: WIRE_EN }),
      src('reporting', { text: WIRE_EN_COPY }),
      src('reporting', { text: `Tech desk. ${WIRE_EN}` }),
      src('reporting', { text: WIRE_EN.replace('about $14.3 billion', 'some $14.3 billion') }),
      src('reporting', { excerpt: WIRE_EN.slice(0, 240) }),
    ],
  },
  {
    name: 'Five independent outlets',
    evidence: '5 reports, each with its own text',
    sources: [src('reporting'), src('reporting'), src('reporting'), src('reporting'), src('reporting')],
  },
  { name: 'Official filing alone', evidence: '1 filing', sources: [src('direct')] },
  { name: 'Official filing + two outlets', evidence: '1 filing + 2 reports', sources: [src('direct'), src('reporting'), src('reporting')] },
  {
    name: 'Official filing + three outlets',
    evidence: '1 filing + 3 reports',
    sources: [src('direct'), src('reporting'), src('reporting'), src('reporting')],
  },
  {
    name: 'Analyst-rated sources',
    evidence: '1 filing rated A + 1 report rated C',
    sources: [
      src('direct', { reliability: { grade: 'A', reason: 'regulatory filing, signed by the company' } }),
      src('reporting', { reliability: { grade: 'C', reason: 'new outlet without a track record' } }),
    ],
  },
  {
    name: 'Doubtful information',
    evidence: '1 filing, credibility 4 (doubtful) set by the analyst',
    sources: [src('direct', { credibility: 4 })],
  },
  {
    name: 'Contradiction',
    evidence: '1 filing + 2 reports; 1 report contradicts',
    sources: [src('direct'), src('reporting'), src('reporting'), src('reporting', {}, 'contradicts')],
  },
  {
    name: 'Stale evidence',
    evidence: '1 filing + 2 reports, each retrieved two years after publication',
    sources: [src('direct', twoYearsOld), src('reporting', twoYearsOld), src('reporting', twoYearsOld)],
  },
  {
    name: 'Incomplete briefing',
    evidence: '1 filing + 3 reports; no market exposure',
    sources: [src('direct'), src('reporting'), src('reporting'), src('reporting')],
    gaps: ['market-exposure'],
  },
  {
    name: 'Duplicated paragraphs, weak evidence',
    evidence: '1 report; a paragraph repeated',
    sources: [src('reporting')],
    gaps: ['repeated-text'],
  },
  {
    name: 'Chinese-language sources',
    evidence: '1 company statement + 2 reports in Chinese; a portal republishes one of them',
    sources: [
      src('direct', { text: ZH_STATEMENT, language: 'zh-Hans' }),
      src('reporting', { text: WIRE_ZH, language: 'zh-Hans' }),
      src('reporting', { text: WIRE_ZH_COPY, language: 'zh-Hans' }),
      src('reporting', { text: INDEPENDENT_ZH, language: 'zh-Hans' }),
    ],
  },
  {
    name: 'One story in two languages',
    evidence: 'the wire report in English + its Chinese translation',
    sources: [src('reporting', { text: WIRE_EN }), src('reporting', { text: WIRE_ZH, language: 'zh-Hans' })],
  },
];

const HEADER = ['#', 'case', 'evidence', 'score', 'grade', 'STIX', 'Admiralty', 'reasons'];

/** The golden table as markdown, computed from the model. */
export function goldenTable(): string {
  const rows = GOLDEN_CASES.map((c, i) => {
    const { confidence } = scoreEvidence(c.sources.map(evidenceOf), { gaps: c.gaps ?? [] });
    return [
      String(i + 1),
      c.name,
      c.evidence,
      confidence.score.toFixed(2),
      confidence.grade,
      String(confidence.stix),
      confidence.admiralty.code,
      confidence.reasons.map((r) => r.text).join('; '),
    ];
  });
  return [HEADER, HEADER.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
