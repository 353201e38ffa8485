/**
 * Syndication feeds of the published feed (`GET /feeds/{feed}`): which feeds
 * exist, what a feed and its items say in words, and the JSON Feed shape.
 * The items come from domain/visibility.ts `syndicate` (public fields only);
 * the XML is written by functions/briefings/render-feed.ts with the `feed` package.
 */
import * as z from 'zod/mini';
import type { FeedFilter } from './feed.ts';
import { schema } from './schema.ts';
import { GRADES } from './scoring.ts';
import type { SyndicatedItem } from './visibility.ts';

/** The feeds served, by the name in the path, with their media type. */
export const FEEDS = {
  'briefings.rss': { format: 'rss', mediaType: 'application/rss+xml' },
  'briefings.atom': { format: 'atom', mediaType: 'application/atom+xml' },
  'briefings.json': { format: 'json', mediaType: 'application/feed+json' },
} as const;
export type FeedName = keyof typeof FEEDS;
export type FeedFormat = (typeof FEEDS)[FeedName]['format'];
export const FEED_NAMES = Object.keys(FEEDS) as FeedName[];

export const isFeedName = (name: string): name is FeedName => Object.hasOwn(FEEDS, name);

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** The JSON Feed extension (a key starting with `_`, as the spec asks) that carries an item's confidence as data. */
export const SIGNAL_EXTENSION = '_signal_briefings';

/** What a feed says of itself. */
export interface FeedHead {
  title: string;
  description: string;
}

const FILTER_WORDS: Array<[keyof FeedFilter, (v: string) => string]> = [
  ['entityId', (v) => `entity ${v}`],
  ['signalType', (v) => v],
  ['region', (v) => `region ${v}`],
  ['marketClass', (v) => `market ${v}`],
  ['minGrade', (v) => `grade ${v} or better`],
  ['language', (v) => `in ${v}`],
];

/** The feed's title and description: the publisher's name, and the filters in words. */
export function feedHead(filter: FeedFilter): FeedHead {
  const words = FILTER_WORDS.flatMap(([key, say]) => (filter[key] === undefined ? [] : [say(filter[key])]));
  return {
    title: words.length ? `Signal Briefings: ${words.join(', ')}` : 'Signal Briefings',
    description:
      'Published signal briefings, newest first, with their confidence grade and label. Public fields only: the ' +
      'sections a tier unlocks are read on the briefing itself.',
  };
}

/** Text as HTML text: `&`, `<`, `>`, `"` and `'` escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The confidence in words: `A/B — Strong (0.82), disputed, analyst-assessed`. */
export function confidenceLine(item: Pick<SyndicatedItem, 'grade' | 'label' | 'score' | 'disputed' | 'analystAssessed'>): string {
  return [
    `${item.grade} — ${item.label} (${item.score.toFixed(2)})`,
    ...(item.disputed ? ['disputed'] : []),
    ...(item.analystAssessed ? ['analyst-assessed'] : []),
  ].join(', ');
}

/** An item's body, as HTML: its confidence, signal type and region, every value escaped. */
export function itemHtml(item: SyndicatedItem): string {
  return `<p>Confidence: ${escapeHtml(confidenceLine(item))}</p>` + `<p>${escapeHtml(item.signalType)} signal · ${escapeHtml(item.region)}</p>`;
}

/** The confidence of an item as data, in the JSON Feed extension {@link SIGNAL_EXTENSION}. */
export const SignalExtension = /* @__PURE__ */ schema(() =>
  z
    .object({
      grade: z.enum(GRADES),
      label: z.string(),
      score: z.number().check(z.minimum(0), z.maximum(1)),
      signalType: z.string(),
      region: z.string(),
      disputed: z.optional(z.literal(true)).check(z.describe('Present while an on-record denial disputes the signal')),
      analystAssessed: z.optional(z.literal(true)).check(z.describe("Present while the score is an analyst's assessment")),
    })
    .check(z.describe('The confidence of the briefing (GET /confidence/legend explains grades and labels)')),
);

/** The part of JSON Feed 1.1 this API writes (https://www.jsonfeed.org/version/1.1/). */
export const JsonFeed = /* @__PURE__ */ schema(() =>
  z
    .object({
      version: z.literal(JSON_FEED_VERSION),
      title: z.string(),
      home_page_url: z.string().check(z.describe('The same list as JSON: GET /briefings with the same filters')),
      feed_url: z.string().check(z.describe('This feed')),
      description: z.string(),
      language: z.optional(z.string()).check(z.describe('The language asked for, when the feed is filtered by `language`')),
      authors: z.array(z.object({ name: z.string() })),
      items: z.array(
        z.object({
          id: z.string().check(z.describe('The briefing on this API, `…/briefings/{briefingId}`: the same in every language')),
          url: z.string().check(z.describe('Where to read it: the briefing, with `?lang=` when the title is a translation')),
          title: z.string(),
          content_html: z.string().check(z.describe('The confidence, signal type and region, as HTML')),
          date_published: z.iso.datetime(),
          language: z.string(),
          tags: z.array(z.string()).check(z.describe('The grade, the label, the signal type, and `disputed` or `analyst-assessed` when set')),
          [SIGNAL_EXTENSION]: SignalExtension,
        }),
      ),
    })
    .check(z.describe('A JSON Feed 1.1 of published briefings: public fields only, the same for every caller.')),
);
export type JsonFeed = z.output<typeof JsonFeed>;

/** A category of an item: which vocabulary (`grade`, `label`, `signalType`, `mark`) and its term. */
export interface ItemCategory {
  kind: 'grade' | 'label' | 'signalType' | 'mark';
  term: string;
}

/** The categories of an item (RSS and Atom categories, JSON Feed tags): grade, label, signal type and marks, all from fixed lists. */
export function itemCategories(item: SyndicatedItem): ItemCategory[] {
  return [
    { kind: 'grade', term: item.grade },
    { kind: 'label', term: item.label },
    { kind: 'signalType', term: item.signalType },
    ...(item.disputed ? [{ kind: 'mark' as const, term: 'disputed' }] : []),
    ...(item.analystAssessed ? [{ kind: 'mark' as const, term: 'analyst-assessed' }] : []),
  ];
}
