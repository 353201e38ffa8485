/**
 * Confidence model v3, rule by rule (docs/scoring.md). Evidence goes in as the ingest path
 * makes it (`evidenceOf(newSource(...))`) where provenance matters.
 */
import { describe, expect, it } from 'vitest';
import { fingerprint } from '#domain/fingerprint.ts';
import {
  AGGREGATION_CAP,
  admiraltyCredibility,
  DISPUTED_CAP,
  type Evidence,
  gradeFor,
  INCOMPLETE_CAP,
  MODEL_VERSION,
  NO_DIRECT_SOURCE_CAP,
  NO_EVIDENCE,
  QUALITY_CEILINGS,
  recencyFactor,
  SHAPLEY_MAX_ORIGINS,
  scoreEvidence,
  stixConfidence,
} from '#domain/scoring.ts';
import { evidenceOf } from '#domain/source.ts';
import { source, sourceText } from '#test/support/fixtures.ts';
import { WIRE_EN, WIRE_EN_COPY, WIRE_ZH } from '#test/support/texts.ts';

const EVENT = { from: '2026-06-01T00:00:00Z' };
/** Evidence with its own publisher and independent text, published on the event's day, unless told otherwise. */
const ev = (kind: Evidence['kind'], stance: Evidence['stance'] = 'supports', n = 0, extra: Partial<Evidence> = {}): Evidence => ({
  sourceId: `${kind}-${stance}-${n}`,
  kind,
  stance,
  label: `Outlet ${kind} ${n}`,
  publishedAt: '2026-06-01T10:00:00Z',
  fingerprint: fingerprint(sourceText(1000 + n)),
  ...extra,
});
const conf = (evidence: Evidence[], gaps: Parameters<typeof scoreEvidence>[1] = { event: EVENT }) => scoreEvidence(evidence, gaps).confidence;
/** Through the ingest path: publisher, URL and text as an analyst sends them. */
const ingested = (n: number, kind: Evidence['kind'], publisher: string, url: string, text: string, extra: Record<string, unknown> = {}) =>
  evidenceOf(source(kind, n, 'supports', 'b-1', { publisher, url, excerpt: text, publishedAt: '2026-06-01T10:00:00Z', ...extra }));

describe('confidence bands (closed below, open above)', () => {
  it.each([
    [1, 'A', 'High — direct sources'],
    [0.9, 'A', 'High — direct sources'],
    [0.8999, 'A/B', 'Strong'],
    [0.75, 'A/B', 'Strong'],
    [0.7499, 'B/C', 'Medium'],
    [0.55, 'B/C', 'Medium'],
    [0.5499, 'C/D', 'Weak–medium'],
    [0.35, 'C/D', 'Weak–medium'],
    [0.3499, 'D', 'Weak signal'],
    [0.1, 'D', 'Weak signal'],
    [0.0999, 'D', 'Internal monitoring'],
    [0, 'D', 'Internal monitoring'],
  ])('a score of %s with a qualifying direct source is %s (%s)', (value, grade, label) => {
    expect(gradeFor(value, true)).toEqual({ grade, label });
  });

  it('never grades A without a qualifying direct source, whatever the score', () => {
    expect(gradeFor(0.95, false).grade).toBe('A/B');
  });
});

describe('scoreEvidence', () => {
  it('scores no evidence as 0, cannot be judged (F6, no STIX value), and says why', () => {
    const c = conf([]);
    expect(c).toMatchObject({ score: 0, grade: 'D', reasons: [{ code: 'no-evidence', text: 'no sources yet' }], admiralty: { code: 'F6' } });
    expect(c.stix).toBeUndefined();
    expect(c).toEqual({ ...NO_EVIDENCE, modelVersion: MODEL_VERSION });
  });

  it('combines independent lines with diminishing returns within a kind', () => {
    const one = conf([ev('reporting', 'supports', 1)]).score;
    const five = conf([1, 2, 3, 4, 5].map((n) => ev('reporting', 'supports', n))).score;
    expect(one).toBe(0.4);
    // 1 − 0.6 × 0.7 × 0.775 × 0.83125 × 0.873…: each further report counts ×0.75 more than the last.
    expect(five).toBe(0.76);
  });

  it('one outlet is one line however many stories it runs', () => {
    const stories = [1, 2, 3].map((n) => ingested(n, 'reporting', 'Reuters', `https://www.reuters.com/story-${n}`, sourceText(300 + n)));
    const c = scoreEvidence(stories, { event: EVENT });
    expect(c.confidence.independentOrigins).toBe(1);
    expect(c.confidence.score).toBe(0.4);
    expect(c.explanation.sources.filter((s) => !s.counted).map((s) => s.dependsOn?.[0]?.relation)).toEqual(['same outlet', 'same outlet']);
  });

  it('outlets of one ownership group are one line (WSJ and MarketWatch)', () => {
    const c = conf([
      ingested(1, 'reporting', 'The Wall Street Journal', 'https://www.wsj.com/a', sourceText(311)),
      ingested(2, 'reporting', 'MarketWatch', 'https://www.marketwatch.com/b', sourceText(312)),
    ]);
    expect(c.independentOrigins).toBe(1);
  });

  it('a story crediting another outlet is that outlet’s line: five portals carrying one Reuters flash are one line', () => {
    const flash = 'Meta to cut 5% of staff in its reality labs unit, according to Reuters.';
    const portals = [1, 2, 3, 4, 5].map((n) => ingested(n, 'reporting', `Portal ${n}`, `https://portal${n}.example.com/flash`, flash));
    const c = conf(portals);
    expect(c.independentOrigins).toBe(1);
    expect(c.admiralty.credibility).not.toBe(1);
  });

  it('a short flash item carried identically by five portals is one line even without a credit', () => {
    const flash = 'Meta cuts 5% of staff.';
    const c = conf([1, 2, 3, 4, 5].map((n) => ingested(n, 'reporting', `Portal ${n}`, `https://portal${n}.example.com/f`, flash)));
    expect(c.independentOrigins).toBe(1);
  });

  it('a translation, a script variant and a light paraphrase are one line with their original', () => {
    const traditional =
      'Scale AI裁減了約14%的員工，涉及約200名全職員工，並終止了與約500名外包人員的合作。臨時首席執行官Jason Droege在內部備忘錄中表示，生成式AI業務擴張過快。';
    const paraphrase =
      'Scale AI will cut roughly 14% of its staff, about 200 full-time workers, and stop working with some 500 contractors, an internal memo seen Wednesday showed. ' +
      'Interim CEO Jason Droege said the company grew its generative-AI unit too fast and will merge sixteen teams into five: code, languages, experts, experimental and audio. ' +
      "The cuts come after Meta bought 49% of the data-labelling firm for roughly $14.3 billion and co-founder Alexandr Wang left to run Meta's new superintelligence lab.";
    const c = scoreEvidence(
      [
        ingested(1, 'reporting', 'Outlet A', 'https://a.example.com/1', WIRE_EN, { credits: [] }),
        ingested(2, 'reporting', 'Outlet B', 'https://b.example.com/1', WIRE_ZH, { credits: [] }),
        ingested(3, 'reporting', 'Outlet C', 'https://c.example.tw/1', traditional, { credits: [] }),
        ingested(4, 'reporting', 'Outlet D', 'https://d.example.com/1', paraphrase, { credits: [] }),
      ],
      { event: EVENT },
    );
    expect(c.confidence.independentOrigins).toBe(1);
    const relations = c.explanation.sources.flatMap((s) => s.dependsOn?.map((d) => d.relation) ?? []).sort();
    expect(relations).toEqual(expect.arrayContaining(['translation']));
  });

  it('a round-up quoting two independent reports depends on each and never joins them', () => {
    const a = sourceText(501);
    const b = sourceText(502);
    const two = [
      ingested(1, 'reporting', 'Outlet A', 'https://a.example.com/1', a),
      ingested(2, 'reporting', 'Outlet B', 'https://b.example.com/1', b),
    ];
    const roundup = ingested(3, 'secondary', 'Aggregator', 'https://agg.example.com/1', `Round-up. ${a} Meanwhile: ${b}`);
    const before = scoreEvidence(two, { event: EVENT });
    const after = scoreEvidence([...two, roundup], { event: EVENT });
    expect(after.confidence.score).toBe(before.confidence.score);
    expect(after.confidence.independentOrigins).toBe(2);
    const r = after.explanation.sources.find((s) => s.sourceId === roundup.sourceId)!;
    expect(r.counted).toBe(false);
    expect(r.dependsOn?.map((d) => d.relation)).toEqual(['copy', 'copy']);
  });

  it('social posts alone stay at most Weak–medium however many (fifteen distinct posts)', () => {
    const posts = Array.from({ length: 15 }, (_, n) => ev('social', 'supports', n, { reliability: 'A' }));
    const c = conf(posts);
    expect(c.score).toBeLessThanOrEqual(QUALITY_CEILINGS.social);
    expect(c.grade).toBe('C/D');
    expect(c.reasons.map((r) => r.code)).toContain('capped-quality');
  });

  it('reports resting on unnamed people never outrank one on-record direct source of the same standing', () => {
    const anonymous = [1, 2, 3, 4, 5].map((n) => ev('reporting', 'supports', n, { sourcing: 'unnamed' }));
    const official = conf([ev('direct', 'supports', 9)]);
    const c = conf(anonymous);
    expect(c.score).toBeLessThan(official.score);
    expect(c.admiralty.credibility).not.toBe(1);
  });

  it('grade A needs a direct source rated at least B2: an E5 "direct" source does not open it', () => {
    const strong = [1, 2, 3, 4].map((n) => ev('reporting', 'supports', n, { reliability: 'A' }));
    const weakDirect = conf([...strong, ev('direct', 'supports', 9, { reliability: 'E', credibility: 5 })]);
    expect(weakDirect.grade).not.toBe('A');
    expect(weakDirect.score).toBeLessThanOrEqual(NO_DIRECT_SOURCE_CAP);
    const b2 = conf([...strong, ev('direct', 'supports', 9, { reliability: 'B', credibility: 2 })]);
    expect(b2.grade).toBe('A');
  });

  it('never reaches 1.00 by counting: five strong direct sources stop at 0.95', () => {
    const c = conf([1, 2, 3, 4, 5].map((n) => ev('direct', 'supports', n, { reliability: 'A' })));
    expect(c.score).toBe(AGGREGATION_CAP);
    expect(c.reasons.map((r) => r.code)).toContain('capped-certainty');
  });

  it('caps an incomplete briefing at 0.74 and names what is missing, without quoting content', () => {
    const c = conf([ev('direct', 'supports', 1), ev('reporting', 'supports', 2), ev('reporting', 'supports', 3)], {
      gaps: ['market-exposure'],
      event: EVENT,
    });
    expect(c.score).toBe(INCOMPLETE_CAP);
    expect(c.reasons[0]).toEqual({ code: 'capped-incomplete', text: 'capped at 0.74: incomplete: no market exposure' });
  });

  it('a contradiction always lowers the score, even under a ceiling', () => {
    const support = [ev('direct', 'supports', 1), ev('reporting', 'supports', 2), ev('reporting', 'supports', 3)];
    const capped = conf(support, { gaps: ['market-exposure'], event: EVENT }).score;
    const contradicted = conf([...support, ev('reporting', 'contradicts', 4)], { gaps: ['market-exposure'], event: EVENT });
    expect(contradicted.score).toBeLessThan(capped);
    expect(contradicted.disputed).toBeUndefined();
  });

  it('an on-record denial makes the briefing disputed, shown with a label and reason, and lowers the score', () => {
    const support = [ev('direct', 'supports', 1), ev('reporting', 'supports', 2), ev('reporting', 'supports', 3)];
    const before = conf(support).score;
    const c = conf([...support, ev('direct', 'contradicts', 4)]);
    expect(c.disputed).toEqual({ label: 'Disputed', reason: expect.stringContaining('on-record denial') });
    expect(c.score).toBeLessThan(before);
    expect(c.score).toBeLessThanOrEqual(DISPUTED_CAP);
    expect(c.reasons[0]!.code).toBe('disputed');
  });

  it('judges time against the event, never against when the analyst entered the source', () => {
    const contemporaneous = conf([ev('reporting', 'supports', 1, { publishedAt: '2026-06-02T00:00:00Z' })]);
    const stale = conf([ev('reporting', 'supports', 1, { publishedAt: '2024-06-02T00:00:00Z' })]);
    expect(contemporaneous.score).toBe(0.4);
    expect(stale.score).toBeLessThan(0.2);
    expect(stale.reasons.map((r) => r.code)).toContain('event-time');
  });

  it('weighs undated sources less and says so', () => {
    const { publishedAt: _, ...undated } = ev('reporting', 'supports', 1);
    const c = conf([undated]);
    expect(c.score).toBe(0.32);
    expect(c.reasons.map((r) => r.code)).toContain('undated');
  });

  it('says when the briefing has no event date to judge time against', () => {
    expect(conf([ev('reporting')], {}).reasons.map((r) => r.code)).toContain('no-event-date');
  });

  it('keeps full weight within 30 days of the event, then halves every 180 days, down to 0.25', () => {
    expect([recencyFactor(0), recencyFactor(30), recencyFactor(210), recencyFactor(5000)]).toEqual([1, 1, 0.5, 0.25]);
  });

  it('records when the signal was last confirmed', () => {
    expect(conf([ev('reporting', 'supports', 1), ev('reporting', 'supports', 2, { publishedAt: '2026-06-05T00:00:00Z' })]).lastConfirmedAt).toBe(
      '2026-06-05T00:00:00Z',
    );
  });

  it('does not depend on the order of the evidence', () => {
    const list = [ev('direct', 'supports', 1), ev('reporting', 'contradicts', 2), ev('social', 'supports', 3)];
    expect(scoreEvidence([...list].reverse(), { event: EVENT })).toEqual(scoreEvidence(list, { event: EVENT }));
  });

  it('shares are Shapley values that sum to the score', () => {
    const { confidence, explanation } = scoreEvidence([ev('direct', 'supports', 1), ev('reporting', 'supports', 2)], { event: EVENT });
    const total = explanation.sources.reduce((s, x) => s + x.contribution, 0);
    expect(Math.abs(total - confidence.score)).toBeLessThan(0.01);
    expect(explanation.method).toBe('shapley');
  });

  it('falls back to leave-one-out shares beyond the Shapley limit, still summing to the score', () => {
    const many = Array.from({ length: SHAPLEY_MAX_ORIGINS + 2 }, (_, n) => ev(n % 2 ? 'reporting' : 'secondary', 'supports', n));
    const { confidence, explanation } = scoreEvidence(many, { event: EVENT });
    expect(explanation.method).toBe('leave-one-out');
    expect(Math.abs(explanation.sources.reduce((s, x) => s + x.contribution, 0) - confidence.score)).toBeLessThan(0.02);
  });

  it('copies of one text add nothing: corroboration counts lines, not articles', () => {
    const wire = ev('reporting', 'supports', 1, { fingerprint: fingerprint(WIRE_EN) });
    const copies = [2, 3, 4].map((n) => ev('reporting', 'supports', n, { fingerprint: fingerprint(WIRE_EN_COPY) }));
    expect(conf([wire, ...copies]).score).toBe(conf([wire]).score);
  });
});

describe('exports', () => {
  it('STIX 2.1 confidence follows the Admiralty credibility digit; 6 has none', () => {
    expect([1, 2, 3, 4, 5, 6].map((d) => stixConfidence(d as 1))).toEqual([90, 70, 50, 30, 10, undefined]);
  });

  it('maps the score to the model’s credibility by the STIX 2.1 ranges; 1 needs two independent lines', () => {
    expect(admiraltyCredibility(0.85, 1, true)).toBe(2);
    expect(admiraltyCredibility(0.85, 2, true)).toBe(1);
    expect([0.65, 0.45, 0.25, 0.05].map((s) => admiraltyCredibility(s, 3, true))).toEqual([2, 3, 4, 5]);
    expect(admiraltyCredibility(0, 0, false)).toBe(6);
  });

  it('exports the analyst’s rating of the leading source: a report rated B2 is B2 / STIX 70, and the score agrees', () => {
    const c = conf([ev('reporting', 'supports', 1, { reliability: 'B', credibility: 2 })]);
    expect(c.admiralty.code).toBe('B2');
    expect(c.stix).toBe(70);
    expect(c.score).toBeGreaterThanOrEqual(0.6);
    expect(c.score).toBeLessThan(0.8);
  });

  it('exports the model’s digit, and says why, when the analyst’s cannot hold (a social post rated 1 stays under its ceiling)', () => {
    const c = conf([ev('social', 'supports', 1, { reliability: 'C', credibility: 1 })]);
    expect(c.admiralty.credibility).not.toBe(1);
    expect(c.reasons.map((r) => r.code)).toContain('export');
  });
});

describe('translations of short stories', () => {
  const en = 'Meta will cut 5% of staff at Reality Labs, about 600 jobs, chief executive Mark Zuckerberg told employees.';
  const zh = 'Meta首席执行官Mark Zuckerberg告诉员工，公司将裁减Reality Labs约5%的员工，约600个职位。';
  const other = 'Meta首席执行官Mark Zuckerberg表示，公司将继续扩大Reality Labs的投入，并招聘更多工程师。';

  it('are one line when every figure (two or more) and the Latin names agree', () => {
    const c = conf([
      ingested(1, 'reporting', 'Outlet A', 'https://a.example.com/1', en),
      ingested(2, 'reporting', 'Outlet B', 'https://b.example.cn/1', zh),
    ]);
    expect(c.independentOrigins).toBe(1);
  });

  it('stay two lines when only the names agree (an independent report of the same company)', () => {
    const c = conf([
      ingested(1, 'reporting', 'Outlet A', 'https://a.example.com/1', en),
      ingested(2, 'reporting', 'Outlet B', 'https://b.example.cn/1', other),
    ]);
    expect(c.independentOrigins).toBe(2);
  });
});

describe('credit lines and attribution chains', () => {
  it.each([
    ['according to Reuters', 'Scale AI is cutting staff, according to Reuters.'],
    ['Reuters reported', 'Scale AI is cutting staff, Reuters reported on Tuesday.'],
    ['a Bloomberg report', 'Scale AI is cutting staff, a Bloomberg report said.'],
    ['(AP) dateline', 'SAN FRANCISCO (AP) — Scale AI is cutting staff.'],
    ['as first reported by The Information', 'Scale AI is cutting staff, as first reported by The Information.'],
    ['据路透社报道', '据路透社报道，Scale AI正在裁员。'],
    ['彭博社援引', '彭博社援引知情人士称，Scale AI正在裁员。'],
  ])('"%s" makes the source speak for the outlet it credits', (_name, text) => {
    const e = ingested(1, 'reporting', 'Portal', 'https://portal.example.com/1', text);
    expect(e.credits?.length, text).toBe(1);
    expect(e.credits![0]).toMatch(/^outlet:/);
  });

  it('an outlet named in passing is no credit ("the information provided", "insiders")', () => {
    const e = ingested(
      1,
      'reporting',
      'Portal',
      'https://portal.example.com/1',
      'According to the information provided by insiders, the cuts are larger.',
    );
    expect(e.credits).toBeUndefined();
  });
});
