/**
 * The one part of xml-js that the `feed` package calls: its writer. Bundles alias `xml-js` to this
 * module (`--alias` in BUNDLING, infra/constructs/briefings-function.ts), which leaves xml-js's
 * parser and sax out of get-briefing-feed (~28 KB minified). The path is relative to node_modules
 * because the alias also catches `xml-js/…` subpaths. test/unit/bundles.test.ts runs the bundled
 * renderer against the unbundled one.
 */
import type * as XmlJs from 'xml-js';
// @ts-expect-error the writer's own file has no declarations; its signature is xml-js's `js2xml`
import writer from '../../node_modules/xml-js/lib/js2xml.js';

export const js2xml: typeof XmlJs.js2xml = writer;
