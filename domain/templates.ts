/**
 * The publisher's own template text and the generic placeholders that must
 * never be published in place of content: data for the completeness gate
 * (domain/completeness.ts). Maintained here, in English and Chinese; every
 * pattern is matched against every language's text (a template pasted into a
 * translation is still a template).
 *
 * Patterns are written against normalised text: Unicode NFKC (full-width
 * letters, digits and punctuation are half-width), lower case, whitespace runs
 * as one space. The ideographic full stop `。` is left as it is by NFKC.
 */

/** A template sentence of the publisher's page, recognised by its wording. */
export interface PublisherTemplate {
  /** Names the template in the problem an editor reads (never the matched text). */
  /** Ends in its language where the wording is language-specific (`-zh`). */
  id: string;
  /** Matched anywhere in a field (`field`) or against one whole sentence of it (`sentence`). */
  scope: 'field' | 'sentence';
  pattern: RegExp;
}

export const PUBLISHER_TEMPLATES: readonly PublisherTemplate[] = [
  // "Published sources should identify the affected parties, operating surface and market exposure before
  // this trend map is treated as complete", printed in place of content.
  {
    id: 'trend-map-placeholder',
    scope: 'field',
    pattern: /published sources should identify the affected parties|before this trend map is treated as complete/,
  },
  {
    id: 'trend-map-placeholder-zh',
    scope: 'field',
    pattern:
      /(?:公开|已发布|已公开)的?(?:来源|报道|信息源)(?:应|应当|须|需|需要)(?:明确|指明|说明|确认|识别)|(?:才能|方可|之前)[^。]{0,6}(?:趋势图|趋势地图)[^。]{0,6}(?:完整|完备)/,
  },
  // "Signal briefing for <entity>.", repeated on the page with `.` and `。`.
  {
    id: 'signal-briefing-for',
    scope: 'sentence',
    pattern: /^(?:this is )?(?:an? |the )?signal briefing (?:for|on|about) [^.。]{1,80}[.。]?$/,
  },
  {
    id: 'signal-briefing-for-zh',
    scope: 'sentence',
    pattern: /^(?:这是)?(?:一份)?(?:关于|针对)?[^。]{1,40}的信号简报[.。]?$|^信号简报[:：][^。]{1,40}[.。]?$/,
  },
];

/**
 * The generic "what to watch" line lists the page's watch categories and
 * nothing particular to the event: a what-to-watch item that is empty once
 * this vocabulary is taken out is the template ("Watch for official
 * statements, regulatory updates, customer/partner exposure and follow-up
 * disclosures."), however it is punctuated.
 */
export const GENERIC_WATCH_VOCABULARY: readonly RegExp[] = [
  /\b(?:official|statements?|regulatory|updates?|developments?|changes?|customers?|partners?|exposure|follow-?up|disclosures?|watch(?:ing)?|monitor(?:ing)?|look|any|further|new|possible|potential|and|or|the|of|on|for|from|about|related)\b/g,
  /官方声明|监管动态|监管更新|监管进展|客户|合作伙伴|风险敞口|敞口|后续披露|披露|动态|更新|关注|留意|跟踪|以及|及|和|与|或|的|方面|是否|等/g,
];

/**
 * Generic placeholders, matched anywhere in a field. Upper-case markers only
 * (`TODO`, `TBD`): the lower-case words are prose in some languages.
 */
export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /lorem ipsum/i,
  /^\s*n\/a\s*\.?\s*$/i,
  /\b(?:TBD|TBC|TBA|TODO|FIXME|XXX+)\b/,
  /待补充|待补全|待完善|待填写|待填充|此处填写|占位符?文本|(?:请)?在此(?:处)?(?:填写|插入)/,
  /[[<]\s*(?:insert|add|enter|placeholder|fill in)[^\]>]*[\]>]/i,
  /\{\{[^}]*\}\}/,
  /【[^】]*(?:待|填写|插入|占位)[^】]*】/,
];

/**
 * Placeholders that are a whole field on their own, and section and field titles (English and Chinese):
 * a field whose whole text is one of them says nothing. Matched against the field without case,
 * spaces, punctuation or symbols (`What to watch:` is `whattowatch`; `N/A` is among the patterns above,
 * `NA` being North America). Regular
 * expressions rather than lists: the bundle keeps their Chinese as UTF-8.
 */
export const PLACEHOLDER_VALUE = /^(?:none|null|undefined|tbd|tbc|tba|todo|placeholder|无|暂无|空|略|待定|同上)$/;

export const FIELD_TITLE =
  /^(?:headline|signal|headlinesignal|coverage|coverageline|publishedreporting|signalbrief|operatingsurface|marketcontext|whattowatch|confidence|deepertrendcontext|trendcontext|relationshipevidence|failurepaths|sourcenotes|affectedparties|marketexposure|signaltype|region|marketclass|operationalrelevance|timehorizon|evidence|relation|path|affected|标题|信号|覆盖范围|覆盖说明|已发布报道|公开报道|信号简报|运营面|运营层面|市场背景|关注要点|值得关注|后续关注|置信度|深层趋势背景|趋势背景|关系证据|失败路径|来源注释|受影响方|市场敞口|信号类型|地区|市场类别|运营相关性|时间范围)$/;
