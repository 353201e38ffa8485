/**
 * What a change to a briefing or to a source can be: the vocabulary the domain
 * records (a pending revision's changes, a source's history) and the events
 * announce (Briefing Edited, Source Updated). Defined here, below both.
 */

/**
 * What an edit can change; `override` is an analyst's assessment of the score set or lifted;
 * `model` is no edit of the briefing: the scoring model changed and an operator asked for every
 * briefing to be scored again (`rescore-briefings`).
 */
export const BRIEFING_CHANGES = ['sections', 'translations', 'entities', 'related', 'autoPublish', 'eventDate', 'override', 'model'] as const;
export type BriefingChange = (typeof BRIEFING_CHANGES)[number];

/** `corrected`: fields changed; `withdrawn` / `retracted-by-publisher`: it no longer counts; `restored`: it counts again. */
export const SOURCE_CHANGES = ['corrected', 'withdrawn', 'retracted-by-publisher', 'restored'] as const;
export type SourceChange = (typeof SOURCE_CHANGES)[number];
