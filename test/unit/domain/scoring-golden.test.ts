/**
 * The worked cases of docs/scoring.md, recomputed: the table between the
 * `golden` markers in the doc must be exactly what the model gives, so the doc
 * cannot drift from the code. When the model changes on purpose, paste the
 * table this test prints into the doc.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, goldenTable } from '#test/support/golden-cases.ts';

function tableInDoc(): string {
  const doc = readFileSync(new URL('../../../docs/scoring.md', import.meta.url), 'utf8');
  const match = /<!-- golden:begin -->\n([\s\S]*?)\n<!-- golden:end -->/.exec(doc);
  if (!match) throw new Error('docs/scoring.md has no <!-- golden:begin --> … <!-- golden:end --> table');
  return match[1]!.trim();
}

describe('docs/scoring.md golden table', () => {
  it('has at least 40 worked cases', () => {
    expect(GOLDEN_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it('is exactly what the model computes', () => {
    const expected = goldenTable();
    expect(tableInDoc(), `docs/scoring.md is out of date; the table should read:\n\n${expected}\n`).toBe(expected);
  });
});
