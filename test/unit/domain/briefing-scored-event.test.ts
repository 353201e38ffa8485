import { describe, expect, it } from 'vitest';
import { rescore } from '#domain/briefing.ts';
import { MODEL_VERSION } from '#domain/scoring.ts';
import { briefingScored } from '#events/announcements.ts';
import { BriefingScored } from '#events/index.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const later = new Date(NOW.getTime() + 60_000);

describe('Briefing Scored', () => {
  it('carries the old and new score and grade, the model version and the top three reasons', () => {
    const before = rescore(draft(), [source('reporting', 1)], NOW).briefing;
    const sources = [
      source('reporting', 1),
      source('reporting', 2),
      source('social', 3, 'contradicts'),
      source('secondary', 4, 'supports', 'b-1', { reliability: { grade: 'A', reason: 'x' } }),
    ];
    const after = rescore(before, sources, later).briefing;

    const event = briefingScored(before, after, later);

    const detail = BriefingScored.detail.parse(event.detail);
    expect(detail).toEqual(event.detail);
    expect(detail).toMatchObject({
      previous: { score: 0.4, grade: 'C/D' },
      current: { score: after.confidence.score, grade: after.confidence.grade },
      modelVersion: MODEL_VERSION,
    });
    expect(detail.reasons).toEqual(after.confidence.reasons.slice(0, 3));
    expect(detail.reasons.map((r) => r.code)).toEqual(['corroboration', 'contradiction', 'no-event-date']);
  });

  it('quotes no section text, source title, publisher or analyst note, even for an incomplete briefing', () => {
    const b = draft({
      sections: { ...draft().sections, trendContext: 'CANARY-STRATEGY said twice here. CANARY-STRATEGY said twice here.' },
    });
    const sources = [
      source('direct', 1, 'supports', 'b-1', { publisher: 'CANARY-PUBLISHER', title: 'CANARY-TITLE', note: 'CANARY-NOTE' }),
      source('reporting', 2),
      source('reporting', 3),
      source('reporting', 4),
    ];
    const after = rescore(b, sources, NOW).briefing;

    const event = briefingScored(b, after, NOW);

    expect(after.confidence.reasons[0]!.code).toBe('capped-incomplete');
    expect(JSON.stringify(event)).not.toMatch(/CANARY/);
    expect(JSON.stringify(after.confidence)).not.toMatch(/CANARY/);
  });

  it('an event written before reasons existed still parses, with no reasons', () => {
    const { reasons: _, ...old } = BriefingScored.example;
    expect(BriefingScored.detail.parse(old).reasons).toEqual([]);
  });
});
