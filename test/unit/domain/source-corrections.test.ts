/** Spec: a source entered wrongly is corrected or withdrawn, never erased; one that does not count stays listed for staff. */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '#domain/access.ts';
import { assessCompleteness, rescore } from '#domain/briefing.ts';
import { ConflictError, ValidationError } from '#domain/errors.ts';
import { correctSource, countsAsEvidence, evidenceOf, SourceCorrection, SourceWithdrawal, withdrawSource } from '#domain/source.ts';
import { viewBriefing } from '#domain/visibility.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const LATER = new Date(NOW.getTime() + 3_600_000);
const by = { by: 'analyst-2', now: LATER };
const correction = (body: Record<string, unknown>) => SourceCorrection.parse(body);

describe('SourceCorrection', () => {
  it.each([
    ['no reason', { kind: 'reporting' }, '#/reason'],
    ['an empty reason', { kind: 'reporting', reason: '  ' }, '#/reason'],
    ['a URL', { url: 'https://example.com/other', reason: 'wrong link' }, '#/url'],
    ['an unknown kind', { kind: 'rumour', reason: 'x' }, '#/kind'],
    ['a state and corrections at once', { state: 'active', kind: 'reporting', reason: 'x' }, '#/state'],
    ['a withdrawal by PATCH', { state: 'withdrawn', reason: 'x' }, '#/state'],
    ['nothing to change', { reason: 'x' }, '#/'],
    ['an unknown field', { status: 'published', kind: 'reporting', reason: 'x' }, '#/'],
  ])('refuses %s at %s', (_, body, pointer) => {
    const result = SourceCorrection.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => `#/${i.path.join('/')}`)).toContain(pointer);
  });

  it('takes a correction with a reason, and null to unset an optional field', () => {
    expect(correction({ kind: 'reporting', note: null, reason: 'it is a news report' })).toEqual({
      kind: 'reporting',
      note: null,
      reason: 'it is a news report',
    });
    expect(SourceWithdrawal.safeParse({}).success).toBe(false);
  });
});

describe('correctSource', () => {
  it('changes the fields sent, records who, when, why and what, and moves to the next version', () => {
    const stored = source('direct', 1, 'supports', 'b-1', { note: 'first read' });

    const { source: corrected, change } = correctSource(
      stored,
      correction({ kind: 'reporting', note: null, reason: 'a news report, not a filing' }),
      by,
    );

    expect(change).toBe('corrected');
    expect(corrected).toMatchObject({ kind: 'reporting', version: 2, url: stored.url, sourceId: stored.sourceId });
    expect(corrected).not.toHaveProperty('note');
    expect(corrected.history).toEqual([
      {
        action: 'corrected',
        by: 'analyst-2',
        at: LATER.toISOString(),
        reason: 'a news report, not a filing',
        changed: [
          { field: 'kind', from: 'direct', to: 'reporting' },
          { field: 'note', from: 'first read' },
        ],
      },
    ]);
    expect(stored.kind).toBe('direct'); // pure: the stored value is untouched
  });

  it('returns the source itself when the correction changes nothing', () => {
    const stored = source('direct', 1);
    const result = correctSource(stored, correction({ kind: 'direct', reason: 'checked' }), by);
    expect(result.source).toBe(stored);
    expect(result.change).toBeUndefined();
  });

  it('refuses a publication date in the future or after retrieval, at #/publishedAt', () => {
    const stored = source('reporting', 1, 'supports', 'b-1', { publishedAt: '2026-06-18T00:00:00Z', retrievedAt: '2026-06-19T00:00:00Z' });
    for (const publishedAt of ['2999-01-01T00:00:00Z', '2026-06-19T12:00:00Z']) {
      const attempt = () => correctSource(stored, correction({ publishedAt, reason: 'x' }), by);
      expect(attempt).toThrow(ValidationError);
      try {
        attempt();
      } catch (error) {
        expect((error as ValidationError).issues.map((i) => i.pointer)).toEqual(['#/publishedAt']);
      }
    }
  });

  it('marks a retraction by the publisher and restores it, each in the history', () => {
    const stored = source('reporting', 1);

    const retracted = correctSource(stored, correction({ state: 'retracted-by-publisher', reason: 'the outlet pulled the story' }), by);
    const restored = correctSource(retracted.source, correction({ state: 'active', reason: 'the outlet re-published it' }), {
      ...by,
      by: 'editor-1',
    });

    expect(retracted.change).toBe('retracted-by-publisher');
    expect(retracted.source.state).toEqual({
      status: 'retracted-by-publisher',
      by: 'analyst-2',
      at: LATER.toISOString(),
      reason: 'the outlet pulled the story',
    });
    expect(countsAsEvidence(retracted.source)).toBe(false);
    expect(restored.change).toBe('restored');
    expect(restored.source.state).toBeUndefined();
    expect(countsAsEvidence(restored.source)).toBe(true);
    expect(restored.source.version).toBe(3);
    expect(restored.source.history!.map((h) => [h.action, h.by])).toEqual([
      ['retracted-by-publisher', 'analyst-2'],
      ['restored', 'editor-1'],
    ]);
  });

  it('refuses to restore an active source, and to correct a withdrawn one before it is restored', () => {
    const active = source('reporting', 1);
    const withdrawn = withdrawSource(active, { reason: 'wrong briefing' }, by);
    expect(() => correctSource(active, correction({ state: 'active', reason: 'x' }), by)).toThrow(ConflictError);
    expect(() => correctSource(withdrawn, correction({ kind: 'direct', reason: 'x' }), by)).toThrow(/restore it/);
    expect(() => correctSource(withdrawn, correction({ state: 'retracted-by-publisher', reason: 'x' }), by)).toThrow(/already withdrawn/);
  });
});

describe('withdrawSource', () => {
  it('keeps the source with who, when and why; it no longer counts; a second withdrawal is a conflict', () => {
    const stored = source('direct', 1);

    const withdrawn = withdrawSource(stored, { reason: 'entered as direct by mistake' }, by);

    expect(withdrawn).toMatchObject({ ...stored, version: 2, state: { status: 'withdrawn', by: 'analyst-2', at: LATER.toISOString() } });
    expect(withdrawn.history).toEqual([{ action: 'withdrawn', by: 'analyst-2', at: LATER.toISOString(), reason: 'entered as direct by mistake' }]);
    expect(countsAsEvidence(stored)).toBe(true);
    expect(countsAsEvidence(withdrawn)).toBe(false);
    expect(() => withdrawSource(withdrawn, { reason: 'again' }, by)).toThrow(ConflictError);
  });
});

describe('rescore with sources that do not count', () => {
  const kept = source('reporting', 2);
  const mistaken = source('direct', 1);

  it('scores without a withdrawn source and lists it with its state, weighing nothing', () => {
    const withAll = rescore(draft(), [mistaken, kept], NOW).briefing;
    const withdrawn = withdrawSource(mistaken, { reason: 'not a filing' }, by);

    const { briefing, changed } = rescore(withAll, [withdrawn, kept], LATER);

    expect(changed).toBe(true);
    expect(briefing.confidence.score).toBeLessThan(withAll.confidence.score);
    expect(briefing.confidence).toEqual(rescore(draft(), [kept], NOW).briefing.confidence);
    const note = briefing.sourceNotes.find((n) => n.sourceId === mistaken.sourceId)!;
    expect(note).toMatchObject({ weight: 0, contribution: 0, share: 0, state: withdrawn.state });
    expect(briefing.sourceNotes).toHaveLength(2);
  });

  it('converges: the same evidence again changes nothing', () => {
    const sources = [withdrawSource(mistaken, { reason: 'x' }, by), kept];
    const once = rescore(draft(), sources, NOW).briefing;
    const twice = rescore(once, [...sources].reverse(), LATER);
    expect(twice.briefing).toBe(once);
    expect(twice.changed).toBe(false);
  });

  it('counts a briefing whose only source is withdrawn as having none', () => {
    const b = rescore(draft(), [withdrawSource(mistaken, { reason: 'x' }, by)], NOW).briefing;
    expect(b.confidence.score).toBe(0);
    expect(assessCompleteness(b).problems).toContain('no sources yet');
  });

  it('shows withdrawn sources to staff only', () => {
    const b = rescore(draft(), [withdrawSource(mistaken, { reason: 'x' }, by), kept], NOW).briefing;
    const notesFor = (viewer: Viewer) => viewBriefing(b, viewer).sections.find((s) => s.name === 'sourceNotes');
    const reader = notesFor({ userId: 'm-1', tier: 'leadership-alliance', roles: [] });
    const staff = notesFor({ userId: 'a-1', tier: 'leadership-alliance', roles: ['analyst'] });
    expect(reader && 'content' in reader ? (reader.content as unknown[]).length : -1).toBe(1);
    expect(staff && 'content' in staff ? (staff.content as unknown[]).length : -1).toBe(2);
  });
});

describe('correcting provenance', () => {
  it('corrects what a source credits and how it is sourced; the line of evidence follows', () => {
    const stored = source('reporting', 41, 'supports', 'b-1', { credits: [] });
    const { source: credited, change } = correctSource(
      stored,
      correction({ credits: ['Reuters', 'memo'], sourcing: 'unnamed', reason: 'credit line missed' }),
      by,
    );
    expect(change).toBe('corrected');
    expect(credited).toMatchObject({ credits: ['Reuters', 'document:memo'], sourcing: 'unnamed' });
    expect(evidenceOf(credited).credits).toEqual(['outlet:reuters', 'document:memo']);
    const { source: cleared } = correctSource(credited, correction({ credits: [], reason: 'no credit after all' }), by);
    expect(cleared.credits).toBeUndefined();
  });
});
