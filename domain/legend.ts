/**
 * The confidence legend readers need to draw the confidence table: the six
 * bands of the brief (range, grade, label) in each language the legend is
 * written in, and what the "Disputed" and "Analyst-assessed" marks mean. Built
 * from the scorer's own definitions (domain/scoring.ts), so the two cannot
 * drift; only the translations live here. Pure.
 */
import * as z from 'zod/mini';
import { schema } from './schema.ts';
import { ANALYST_ASSESSED_LABEL, BANDS, DISPUTED_CAP, DISPUTED_LABEL, GRADES, MODEL_VERSION, NO_DIRECT_SOURCE_CAP } from './scoring.ts';

/** The languages the legend is written in. */
export const LEGEND_LANGUAGES = ['en', 'zh'] as const;
export type LegendLanguage = (typeof LEGEND_LANGUAGES)[number];

export const ConfidenceLegend = /* @__PURE__ */ schema(() => {
  const Texts = z.object({ en: z.string(), zh: z.string() }).check(z.describe('The same text in each language served'));
  const LegendMark = z.object({ label: Texts, meaning: Texts });
  return z
    .object({
      modelVersion: z.string().check(z.describe('The confidence model the bands belong to')),
      languages: z.array(z.enum(LEGEND_LANGUAGES)).check(z.describe('The languages every text below is given in')),
      bands: z
        .array(
          z.object({
            grade: z.enum(GRADES),
            min: z.number().check(z.describe('The lowest score in the band (closed below)')),
            max: z.number().check(z.describe('The highest score in the band, to two decimals (open above: the next band starts at max + 0.01)')),
            range: z.string().check(z.describe('`0.90 – 1.00`')),
            label: Texts,
          }),
        )
        .check(z.describe('The six bands, highest first')),
      notes: Texts.check(z.describe('How to read a band boundary, and what grade A requires')),
      marks: z.object({
        disputed: LegendMark.check(z.describe('`confidence.disputed` on a briefing')),
        analystAssessed: LegendMark.check(z.describe('`confidence.analystAssessed` on a briefing')),
      }),
    })
    .check(z.describe("The confidence bands and marks, from the scorer's own definitions."));
});
export type ConfidenceLegend = z.output<typeof ConfidenceLegend>;
type LegendBand = ConfidenceLegend['bands'][number];

/** The Chinese label of each band, by its English label (the scorer's). */
const ZH_BAND_LABELS: Record<string, string> = {
  'High — direct sources': '高 — 直接来源',
  Strong: '强',
  Medium: '中',
  'Weak–medium': '中弱',
  'Weak signal': '弱信号',
  'Internal monitoring': '内部监测',
};

const two = (n: number) => n.toFixed(2);

/** The legend, from the scorer's bands and caps. */
export function confidenceLegend(): ConfidenceLegend {
  const bands = BANDS.map((b, i): LegendBand => {
    const max = i === 0 ? 1 : Math.round((BANDS[i - 1]!.min - 0.01) * 100) / 100;
    const zh = ZH_BAND_LABELS[b.label];
    if (!zh) throw new Error(`band "${b.label}" has no Chinese label`);
    return { grade: b.grade, min: b.min, max, range: `${two(b.min)} – ${two(max)}`, label: { en: b.label, zh } };
  });
  return {
    modelVersion: MODEL_VERSION,
    languages: [...LEGEND_LANGUAGES],
    bands,
    notes: {
      en:
        `A score is a number from 0 to 1. Bands are closed below and open above (0.8999 is A/B). ` +
        `Grade A reads "direct sources": without a direct source rated at least B2 a briefing scores at most ${two(NO_DIRECT_SOURCE_CAP)}.`,
      zh:
        `分数为 0 到 1 之间的数值。各档含下限、不含上限（0.8999 属于 A/B）。` +
        `A 级意为“直接来源”：没有可靠性至少为 B2 的直接来源时，分数最高为 ${two(NO_DIRECT_SOURCE_CAP)}。`,
    },
    marks: {
      disputed: {
        label: { en: DISPUTED_LABEL, zh: '存在争议' },
        meaning: {
          en: `An on-record denial or a primary source contradicts the signal; the score is at most ${two(DISPUTED_CAP)} and the reason is shown.`,
          zh: `有公开否认或一手来源与该信号相矛盾；分数最高为 ${two(DISPUTED_CAP)}，并显示原因。`,
        },
      },
      analystAssessed: {
        label: { en: ANALYST_ASSESSED_LABEL, zh: '分析师评定' },
        meaning: {
          en: "An analyst set the score or grade in place of the model, with a recorded reason; a later change to the evidence returns the model's score unless an analyst confirms it again.",
          zh: '分析师以记录在案的理由代替模型设定了分数或等级；此后证据若有变化，除非分析师再次确认，否则恢复模型的分数。',
        },
      },
    },
  };
}
