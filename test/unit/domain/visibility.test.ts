import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer, viewerFromGroups } from '#domain/access.ts';
import { rescore } from '#domain/briefing.ts';
import { isVisible, sectionAccess, summarize, viewBriefing } from '#domain/visibility.ts';
import { alertView } from '#domain/watchlist.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const briefing = rescore(draft(), [source('direct', 1)], NOW).briefing;
const strategy = viewerFromGroups('u-1', ['strategy-circle']);
const leadership = viewerFromGroups('u-2', ['leadership-alliance']);
const analyst = viewerFromGroups('u-3', ['analysts']);

const lockedFor = (viewer: Viewer) =>
  viewBriefing(briefing, viewer)
    .sections.filter((s) => s.locked)
    .map((s) => [s.name, s.locked && s.unlockTier]);

describe('what each tier sees of a briefing', () => {
  it('anonymous readers see public sections; deeper ones are locked markers naming the tier', () => {
    expect(lockedFor(ANONYMOUS)).toEqual([
      ['trendContext', 'strategy-circle'],
      ['relationshipEvidence', 'leadership-alliance'],
      ['failurePaths', 'leadership-alliance'],
      ['sourceNotes', 'leadership-alliance'],
    ]);
  });

  it('Strategy Circle unlocks the trend context only', () => {
    expect(lockedFor(strategy).map(([name]) => name)).toEqual(['relationshipEvidence', 'failurePaths', 'sourceNotes']);
  });

  it('Leadership Alliance and staff see every section', () => {
    expect(lockedFor(leadership)).toEqual([]);
    expect(lockedFor(analyst)).toEqual([]);
  });

  it('a locked section carries no content, length or hint', () => {
    const text = JSON.stringify(viewBriefing(briefing, ANONYMOUS));
    expect(text).not.toMatch(/CANARY/);
    const locked = viewBriefing(briefing, ANONYMOUS).sections.find((s) => s.name === 'trendContext');
    expect(Object.keys(locked!).sort()).toEqual(['locked', 'name', 'tier', 'title', 'unlockTier']);
  });
});

describe('confidence and source notes', () => {
  const content = (viewer: Viewer, name: string) => {
    const section = viewBriefing(briefing, viewer).sections.find((s) => s.name === name)!;
    return section.locked ? undefined : section.content;
  };

  it('every reader sees the score, its reasons and the exports; the staff explanation is in no view', () => {
    expect(content(ANONYMOUS, 'confidence')).toMatchObject({ score: 0.6, reasons: expect.any(Array), stix: 70, admiralty: { code: 'B2' } });
    for (const viewer of [ANONYMOUS, strategy, leadership, analyst]) {
      expect(JSON.stringify(viewBriefing(briefing, viewer))).not.toMatch(/scoreExplanation|"origins"/);
    }
  });

  it('Leadership Alliance readers see each source with its reliability, share and reasons', () => {
    expect(content(leadership, 'sourceNotes')).toEqual([
      expect.objectContaining({ publisher: 'Outlet 1', reliability: { grade: 'B', setBy: 'default' }, share: 1, weight: 0.6, reasons: [] }),
    ]);
    expect(content(strategy, 'sourceNotes')).toBeUndefined();
  });
});

describe('drafts', () => {
  it('are visible to staff only', () => {
    expect(isVisible(briefing, ANONYMOUS)).toBe(false);
    expect(isVisible(briefing, leadership)).toBe(false);
    expect(isVisible(briefing, analyst)).toBe(true);
  });
});

describe('viewerFromGroups', () => {
  it('makes any signed-in user Strategy Circle and ignores unknown groups', () => {
    expect(viewerFromGroups('u', [])).toEqual({ userId: 'u', tier: 'strategy-circle', roles: [] });
    expect(viewerFromGroups('u', ['root', 'admins'])).toEqual({ userId: 'u', tier: 'leadership-alliance', roles: ['admin'] });
  });
});

describe('alertView (an alert judged against its briefing now)', () => {
  const briefing = rescore(draft(), [source('direct', 1)], NOW).briefing;
  const stored = {
    briefingId: briefing.briefingId,
    briefingVersion: 3,
    alertedAt: NOW.toISOString(),
    entityIds: ['scale-ai'],
    briefing: summarize(briefing),
  };
  const access = sectionAccess(ANONYMOUS);

  it('keeps the summary and the sections the viewer reads while the briefing is published', () => {
    expect(alertView(stored, 'published', access)).toEqual({ ...stored, status: 'published', sections: access });
  });

  it.each([['retracted' as const], [undefined]])('shows nothing of the content when the briefing is %s', (status) => {
    const view = alertView(stored, status, access);
    expect(view).toEqual({
      briefingId: stored.briefingId,
      briefingVersion: 3,
      alertedAt: stored.alertedAt,
      entityIds: ['scale-ai'],
      status: 'retracted',
    });
    expect(JSON.stringify(view)).not.toContain(briefing.sections.headline);
  });
});
