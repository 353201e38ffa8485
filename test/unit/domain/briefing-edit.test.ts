/** editBriefing: an analyst's edit as one new version, re-scored, published briefings kept published and complete. */
import { describe, expect, it } from 'vitest';
import { BriefingPatch, editBriefing, publish, rescore } from '#domain/briefing.ts';
import { IncompleteError } from '#domain/errors.ts';
import { WrittenSections } from '#domain/sections.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const LATER = new Date(NOW.getTime() + 3_600_000);
const sources = [source('direct', 1), source('reporting', 2)];
const scored = rescore(draft({ autoPublish: { minGrade: 'A' } }), sources, NOW).briefing;
const published = publish(scored, { by: 'editor-1', now: NOW });

describe('BriefingPatch', () => {
  it('accepts any subset of the editable fields without filling defaults (an absent section is never reset)', () => {
    expect(BriefingPatch.parse({ sections: { headline: 'New' } })).toEqual({ sections: { headline: 'New' } });
    expect(BriefingPatch.parse({ autoPublish: null })).toEqual({ autoPublish: null });
    expect(Object.keys(BriefingPatch.parse({ sections: {} }).sections!)).toEqual([]);
  });

  it('covers every written section and refuses the rest, and an empty patch', () => {
    expect(Object.keys(BriefingPatch.shape.sections.def.innerType.shape)).toEqual(Object.keys(WrittenSections.shape));
    for (const bad of [
      {},
      { status: 'published' },
      { language: 'de' },
      { version: 9 },
      { sections: { sourceNotes: [] } },
      { sections: { headline: '' } },
    ]) {
      expect(BriefingPatch.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    for (const name of Object.keys(WrittenSections.shape)) {
      expect(BriefingPatch.safeParse({ sections: { [name]: null } }).success, name).toBe(false);
    }
  });
});

describe('editBriefing', () => {
  it('applies the patch over the briefing as exactly one new version, by whom and when', () => {
    const { briefing } = editBriefing(
      scored,
      { sections: { headline: 'Acme resumes part of the build' }, related: ['b-9'] },
      { by: 'a-2', now: LATER },
    );
    expect(briefing).toMatchObject({
      version: scored.version + 1,
      updatedAt: LATER.toISOString(),
      updatedBy: 'a-2',
      related: ['b-9'],
      status: 'draft',
    });
    expect(briefing.sections).toEqual({ ...scored.sections, headline: 'Acme resumes part of the build' });
    expect(briefing.createdBy).toBe(scored.createdBy);
    expect(scored.sections.headline).not.toBe('Acme resumes part of the build'); // pure: the input is untouched
  });

  it('replaces a section whole, sets or removes the auto-publish rule', () => {
    const { briefing } = editBriefing(scored, { sections: { whatToWatch: [] }, autoPublish: null }, { by: 'a-2', now: LATER });
    expect(briefing.sections.whatToWatch).toEqual([]);
    expect(briefing).not.toHaveProperty('autoPublish');
    const { briefing: ruled } = editBriefing(briefing, { autoPublish: { minGrade: 'B/C' } }, { by: 'a-2', now: LATER });
    expect(ruled.autoPublish).toEqual({ minGrade: 'B/C', proposedBy: 'a-2', proposedAt: LATER.toISOString() });
  });

  it('says what it changed, for scoring to re-read (the score itself follows through Briefing Edited)', () => {
    const { briefing, changes } = editBriefing(
      scored,
      { sections: { coverage: 'Lorem ipsum dolor sit amet.' }, eventDate: '2026-06-01' },
      { by: 'a-2', now: LATER },
    );
    expect(changes).toEqual(['sections', 'eventDate']);
    expect(briefing.confidence).toEqual(scored.confidence);
    expect(briefing.eventDate).toBe('2026-06-01');
    // Re-scored as score-briefing does on Briefing Edited: boilerplate caps the score.
    const rescored = rescore(briefing, sources, LATER);
    expect(rescored.changed).toBe(true);
    expect(rescored.briefing.confidence.score).toBeLessThanOrEqual(0.74);
    expect(editBriefing(scored, { related: ['b-9'] }, { by: 'a-2', now: LATER }).changes).toEqual(['related']);
  });

  it('takes an event date as a date or a date-time with a time zone, and nothing else', () => {
    for (const eventDate of ['2026-06-01', '2026-06-01T08:00:00Z', '2026-06-01T08:00+08:00'])
      expect(BriefingPatch.safeParse({ eventDate }).success).toBe(true);
    for (const eventDate of ['June 1', '2026-6-1', '2026-06-01T08:00', '2026-13-45'])
      expect(BriefingPatch.safeParse({ eventDate }).success).toBe(false);
    expect(editBriefing(scored, { eventDate: null }, { by: 'a-2', now: LATER }).briefing).not.toHaveProperty('eventDate');
  });

  it('keeps a published briefing published (first publication date kept) as a new version', () => {
    const { briefing } = editBriefing(published, { sections: { headline: 'Corrected headline' } }, { by: 'a-2', now: LATER });
    expect(briefing).toMatchObject({
      status: 'published',
      publishedAt: published.publishedAt,
      publishedBy: 'editor-1',
      version: published.version + 1,
    });
  });

  it('refuses an edit that would leave a published briefing incomplete', () => {
    expect(() =>
      editBriefing(
        published,
        { sections: { operatingSurface: { affectedParties: [], operatingSurface: '', marketExposure: '' } } },
        { by: 'a-2', now: LATER },
      ),
    ).toThrow(IncompleteError);
    // A draft may be incomplete while it is written.
    expect(
      editBriefing(
        scored,
        { sections: { operatingSurface: { affectedParties: [], operatingSurface: '', marketExposure: '' } } },
        { by: 'a-2', now: LATER },
      ).briefing.status,
    ).toBe('draft');
  });
});
