/**
 * Writes a page of the published feed as RSS 2.0, Atom 1.0 or JSON Feed 1.1
 * with the `feed` package (which escapes the XML). Items are
 * domain/visibility.ts `syndicate` projections: public fields only. The output
 * depends on nothing but its input (no clock), so its digest is a stable ETag.
 *
 * Text is placed as each format reads it: the RSS title is plain text (in
 * CDATA); Atom titles and summaries are `type="html"`, so the headline is
 * escaped as HTML there; JSON Feed's `title` is plain text and `content_html` HTML.
 */
import { type Category, Feed, type Item } from 'feed';
import {
  escapeHtml,
  type FeedFormat,
  type FeedHead,
  type ItemCategory,
  itemCategories,
  itemHtml,
  JSON_FEED_VERSION,
  type JsonFeed,
  SIGNAL_EXTENSION,
} from '#domain/syndication.ts';
import type { SyndicatedItem } from '#domain/visibility.ts';

/** Where the feed is and what it lists, as absolute URLs of this API. */
export interface FeedContext {
  /** `https://host` of this API, no trailing slash. */
  origin: string;
  /** The feed's own path and query (its `self` link). */
  selfPath: string;
  /** The same list as JSON: `/briefings?…` with the same filters. */
  listPath: string;
  head: FeedHead;
  /** The language asked for, when the feed is filtered by one. */
  language?: string;
  /** The newest item's publication, or the feed's start when it is empty. */
  updated: Date;
}

const PUBLISHER = 'Signal Briefings';

/** The feed in `format`: RSS and Atom as XML, JSON Feed as JSON. */
export function renderFeed(format: FeedFormat, items: readonly SyndicatedItem[], ctx: FeedContext): string {
  const url = (path: string) => `${ctx.origin}${path}`;
  const feed = new Feed({
    id: url(ctx.selfPath),
    title: ctx.head.title,
    description: ctx.head.description,
    link: url(ctx.listPath),
    feed: url(ctx.selfPath),
    updated: ctx.updated,
    generator: PUBLISHER,
    author: { name: PUBLISHER },
    ...(ctx.language ? { language: ctx.language } : {}),
  });
  for (const item of items) feed.addItem(itemOf(format, item, ctx.origin));
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return JSON.stringify(jsonFeed(feed.json1(), items, ctx));
}

function itemOf(format: FeedFormat, item: SyndicatedItem, origin: string): Item {
  const published = new Date(item.publishedAt);
  return {
    // The briefing, whatever the language shown: one id per briefing across feeds.
    id: `${origin}/briefings/${encodeURIComponent(item.briefingId)}`,
    link: `${origin}${item.path}`,
    title: format === 'atom' ? escapeHtml(item.title) : item.title,
    description: itemHtml(item),
    date: published,
    published,
    category: itemCategories(item).map((c) => categoryOf(format, c, origin)),
  };
}

/** A category in the format's terms: RSS `domain`, Atom `scheme` (an IRI), both pointing at the legend for grades, labels and marks. */
function categoryOf(format: FeedFormat, c: ItemCategory, origin: string): Category {
  const vocabulary = c.kind === 'signalType' ? undefined : `${origin}/confidence/legend#${c.kind}`;
  // The generator escapes `&` and quotes in attributes but not `<`: the terms come from fixed lists, and stay well-formed regardless.
  if (format === 'atom') return { term: c.term.replace(/[<>]/g, ''), ...(vocabulary ? { scheme: vocabulary } : {}) };
  return { name: c.term, ...(vocabulary ? { domain: vocabulary } : {}) };
}

/**
 * JSON Feed 1.1 from the generator's output (it writes version 1 with `author`): the same items, with
 * `authors`, `language`, each item's language, its tags and its confidence as data ({@link SIGNAL_EXTENSION}).
 */
function jsonFeed(generated: string, items: readonly SyndicatedItem[], ctx: FeedContext): JsonFeed {
  const written = JSON.parse(generated) as { title: string; home_page_url: string; description: string; items: Array<Record<string, string>> };
  return {
    version: JSON_FEED_VERSION,
    title: written.title,
    home_page_url: written.home_page_url,
    feed_url: `${ctx.origin}${ctx.selfPath}`,
    description: written.description,
    ...(ctx.language ? { language: ctx.language } : {}),
    authors: [{ name: PUBLISHER }],
    items: items.map((item, i) => {
      const out = written.items[i]!;
      return {
        id: out['id']!,
        url: out['url']!,
        title: out['title']!,
        content_html: out['content_html']!,
        date_published: out['date_published']!,
        language: item.language,
        tags: itemCategories(item).map((c) => c.term),
        [SIGNAL_EXTENSION]: {
          grade: item.grade,
          label: item.label,
          score: item.score,
          signalType: item.signalType,
          region: item.region,
          ...(item.disputed ? { disputed: true as const } : {}),
          ...(item.analystAssessed ? { analystAssessed: true as const } : {}),
        },
      };
    }),
  };
}
