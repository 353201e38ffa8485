import { describe, expect, it } from 'vitest';
import { publish, rescore } from '#domain/briefing.ts';
import { briefingPublished, briefingScored, sourceIngested } from '#events/announcements.ts';
import { CONTRACTS, EVENT_SOURCE, patternFor } from '#events/index.ts';
import { SUBSCRIPTIONS } from '#functions/manifest.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

describe('event contracts', () => {
  it.each(CONTRACTS.map((c) => [c.detailType, c] as const))('%s has a versioned schema that its example satisfies', (_, contract) => {
    expect(contract.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(contract.summary.length).toBeGreaterThan(10);
    expect(contract.detail.safeParse(contract.example).success).toBe(true);
  });

  it('every detail-type is unique', () => {
    expect(new Set(CONTRACTS.map((c) => c.detailType)).size).toBe(CONTRACTS.length);
  });

  it('subscriptions select events by source, detail-type and schema version (and, where narrowed, detail fields)', () => {
    for (const s of SUBSCRIPTIONS) {
      const contract = CONTRACTS.find((c) => c.detailType === s.pattern['detail-type'][0]);
      expect(contract, s.rule).toBeDefined();
      const { schemaVersion: _, ...narrowed } = s.pattern.detail as Record<string, readonly (string | number | boolean)[]>;
      expect(s.pattern).toEqual(patternFor(contract!, narrowed));
      // A narrowing names fields the contract has.
      for (const field of Object.keys(narrowed)) expect(Object.keys(contract!.detail.shape), s.rule).toContain(field);
      expect(s.pattern.source).toEqual([EVENT_SOURCE]);
    }
  });
});

describe('announcements', () => {
  const src = source('direct', 1);
  const before = draft();
  const scored = rescore(before, [src], NOW).briefing;
  const published = publish(scored, { by: 'editor-1', now: NOW });

  it('match their contracts', () => {
    const [ingested, scoredEvent, publishedEvent] = [
      sourceIngested(src, NOW),
      briefingScored(before, scored, NOW),
      briefingPublished(published, NOW),
    ];
    for (const e of [ingested, scoredEvent, publishedEvent]) {
      const contract = CONTRACTS.find((c) => c.detailType === e.detailType)!;
      expect(contract.detail.safeParse(e.detail).error).toBeUndefined();
    }
    expect(scoredEvent.detail).toMatchObject({ previous: { score: 0, grade: 'D' }, current: { score: 0.6, grade: 'B/C' } });
  });

  it('derive their ids from the change, so a retried write announces the same event', () => {
    expect(sourceIngested(src, NOW).detail.eventId).toBe(sourceIngested(src, new Date()).detail.eventId);
    expect(briefingScored(before, scored, NOW).detail.eventId).not.toBe(briefingPublished(published, NOW).detail.eventId);
  });

  it('carry no gated section text', () => {
    const text = JSON.stringify([briefingScored(before, scored, NOW), briefingPublished(published, NOW)]);
    expect(text).not.toMatch(/CANARY/);
  });
});
