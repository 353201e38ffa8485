/** Retraction: only a published briefing, once; it leaves the feed, readers lose it, staff keep it. */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '#domain/access.ts';
import { editBriefing, publish, RetractionInput, rescore, retract } from '#domain/briefing.ts';
import { ConflictError } from '#domain/errors.ts';
import { isVisible } from '#domain/visibility.ts';
import { briefingRetracted } from '#events/announcements.ts';
import { BriefingRetracted } from '#events/index.ts';
import { toItems } from '#functions/commons/table/briefings.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const later = new Date(NOW.getTime() + 60_000);
const sources = [source('direct', 1)];
const scored = rescore(draft(), sources, NOW).briefing;
const published = publish(scored, { by: 'editor-1', now: NOW });
const retracted = retract(published, { by: 'editor-2', now: later, reason: 'The central claim was withdrawn by its source.' });

describe('retract', () => {
  it('retracts a published briefing with who, when and why, as one new version', () => {
    expect(retracted).toMatchObject({
      status: 'retracted',
      retractedAt: later.toISOString(),
      retractedBy: 'editor-2',
      retractionReason: 'The central claim was withdrawn by its source.',
      updatedAt: later.toISOString(),
      version: published.version + 1,
      publishedAt: published.publishedAt,
    });
  });

  it('refuses a draft and a second retraction (409)', () => {
    expect(() => retract(scored, { by: 'e', now: later, reason: 'r' })).toThrow(ConflictError);
    expect(() => retract(retracted, { by: 'e', now: later, reason: 'r' })).toThrow(ConflictError);
  });

  it('is final: a retracted briefing is neither published nor edited again', () => {
    expect(() => publish(retracted, { by: 'e', now: later })).toThrow(ConflictError);
    expect(() => editBriefing(retracted, { sections: { headline: 'Back again' } }, { by: 'a', now: later })).toThrow(ConflictError);
  });

  it('hides it from readers of every tier, not from staff, and keeps its reason out of the parts readers query', () => {
    expect(isVisible(retracted, { tier: 'leadership-alliance', roles: [] } satisfies Viewer)).toBe(false);
    expect(isVisible(retracted, { tier: 'public', roles: ['editor'] } satisfies Viewer)).toBe(true);
    const items = toItems(retracted);
    for (const item of items) expect(item).not.toHaveProperty('gsi1pk');
    expect(
      items
        .filter((i) => i['sk'] !== 'L')
        .map((i) => JSON.stringify(i))
        .join(),
    ).not.toContain('withdrawn');
    expect(items.find((i) => i['sk'] === 'L')).toMatchObject({ retractionReason: retracted.retractionReason, retractedBy: 'editor-2' });
  });

  it('accepts a reason of 1-1000 characters and nothing else', () => {
    expect(RetractionInput.safeParse({ reason: 'x' }).success).toBe(true);
    expect(RetractionInput.safeParse({ reason: 'x'.repeat(1000) }).success).toBe(true);
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(1001) }, { reason: 'r', status: 'published' }]) {
      expect(RetractionInput.safeParse(body).success, JSON.stringify(body).slice(0, 40)).toBe(false);
    }
  });
});

describe('Briefing Retracted', () => {
  it('matches its contract, is keyed by the version, and carries no reason', () => {
    const event = briefingRetracted(retracted, later);
    expect(event.detailType).toBe('Briefing Retracted');
    expect(BriefingRetracted.detail.parse(event.detail)).toEqual({
      schemaVersion: 1,
      eventId: `retracted_${retracted.briefingId}_${retracted.version}`,
      occurredAt: later.toISOString(),
      briefingId: retracted.briefingId,
      briefingVersion: retracted.version,
      retractedAt: later.toISOString(),
      retractedBy: 'editor-2',
    });
    expect(JSON.stringify(event)).not.toContain('withdrawn');
  });
});
