/**
 * Publication is an editor's decision (issue 16, point 2): auto-publish rules take effect once an
 * editor approves them and never below the publisher's floor; an analyst's edit of a published
 * briefing is a pending revision readers do not see until an editor publishes it.
 */
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '#domain/access.ts';
import { createDraft, dueForAutoPublish, editBriefing, publish, rescore, snapshotOf, withRevision } from '#domain/briefing.ts';
import { ConflictError, IncompleteError, ValidationError } from '#domain/errors.ts';
import { viewBriefing } from '#domain/visibility.ts';
import { briefingInput, draft, NOW, source } from '#test/support/fixtures.ts';

const LATER = new Date(NOW.getTime() + 3_600_000);
const LATEST = new Date(NOW.getTime() + 7_200_000);
const sources = [source('direct', 1), source('reporting', 2)]; // 0.76, A/B
const scored = rescore(draft(), sources, NOW).briefing;
const published = publish(scored, { by: 'editor-1', now: NOW });
const analyst = { by: 'analyst-1', now: LATER, floor: 'B/C' as const };
const editor = { by: 'editor-2', now: LATEST, editor: true, floor: 'B/C' as const };

describe('auto-publish rules: proposed by analysts, approved by editors, never below the floor', () => {
  it("an analyst's rule is a proposal: recorded with who and when, and it publishes nothing", () => {
    const { briefing } = editBriefing(scored, { autoPublish: { minGrade: 'A/B' } }, analyst);

    expect(briefing.autoPublish).toEqual({ minGrade: 'A/B', proposedBy: 'analyst-1', proposedAt: LATER.toISOString() });
    expect(dueForAutoPublish(briefing, 'B/C')).toBe(false);
  });

  it('an editor approving the proposed grade keeps who proposed it, and the rule takes effect', () => {
    const proposed = editBriefing(scored, { autoPublish: { minGrade: 'A/B' } }, analyst).briefing;
    const { briefing } = editBriefing(proposed, { autoPublish: { minGrade: 'A/B' } }, editor);

    expect(briefing.autoPublish).toEqual({
      minGrade: 'A/B',
      proposedBy: 'analyst-1',
      proposedAt: LATER.toISOString(),
      approvedBy: 'editor-2',
      approvedAt: LATEST.toISOString(),
    });
    expect(dueForAutoPublish(briefing, 'B/C')).toBe(true);
  });

  it('an editor setting another grade sets it in their own name; a rule an editor writes at creation is approved at once', () => {
    const proposed = editBriefing(scored, { autoPublish: { minGrade: 'A/B' } }, analyst).briefing;
    expect(editBriefing(proposed, { autoPublish: { minGrade: 'A' } }, editor).briefing.autoPublish).toMatchObject({
      minGrade: 'A',
      proposedBy: 'editor-2',
      approvedBy: 'editor-2',
    });
    const input = briefingInput({ autoPublish: { minGrade: 'A/B' } });
    expect(createDraft(input, { ...analyst, briefingId: 'b-1' }).autoPublish).not.toHaveProperty('approvedBy');
    expect(createDraft(input, { ...editor, briefingId: 'b-1' }).autoPublish).toMatchObject({ approvedBy: 'editor-2' });
  });

  it("refuses a rule below the publisher's floor, from anyone, naming the field", () => {
    for (const ctx of [analyst, editor]) {
      const attempt = () => editBriefing(scored, { autoPublish: { minGrade: 'C/D' } }, ctx);
      expect(attempt).toThrow(ValidationError);
      try {
        attempt();
      } catch (error) {
        expect((error as ValidationError).issues).toEqual([{ pointer: '#/autoPublish/minGrade', detail: expect.stringContaining('B/C') }]);
      }
    }
    expect(() => createDraft(briefingInput({ autoPublish: { minGrade: 'D' } }), { ...editor, briefingId: 'b-1' })).toThrow(ValidationError);
  });

  it('never applies a rule below the floor in force, even one approved under a lower floor', () => {
    const approved = draft({ autoPublish: { minGrade: 'B/C', approvedBy: 'editor-2' } });
    const b = rescore(approved, [source('direct', 1)], NOW).briefing; // 0.60, B/C

    expect(dueForAutoPublish(b, 'B/C')).toBe(true);
    expect(dueForAutoPublish(b, 'A/B')).toBe(false);
  });

  it("an analyst's later edit of the draft's content puts an approved rule back to proposed; an editor's does not", () => {
    const approved = editBriefing(scored, { autoPublish: { minGrade: 'A/B' } }, editor).briefing;
    const rewritten = editBriefing(approved, { sections: { headline: 'Acme changes course' } }, analyst).briefing;
    const polished = editBriefing(approved, { sections: { headline: 'Acme changes course' } }, editor).briefing;

    expect(rewritten.autoPublish).toEqual({ minGrade: 'A/B', proposedBy: 'editor-2', proposedAt: LATEST.toISOString() });
    expect(dueForAutoPublish(rewritten, 'B/C')).toBe(false);
    expect(dueForAutoPublish(polished, 'B/C')).toBe(true);
  });

  it('a rule stored before approvals existed (no approver) publishes nothing until an editor approves it', () => {
    expect(dueForAutoPublish(rescore(draft({ autoPublish: { minGrade: 'A/B' } }), sources, NOW).briefing, 'B/C')).toBe(false);
  });
});

describe("an analyst's edit of a published briefing is a pending revision", () => {
  const edit = editBriefing(
    published,
    {
      sections: { headline: 'Acme pauses the build', trendContext: 'A new trend.' },
      entities: [{ entityId: 'newco', name: 'NewCo', kind: 'company' }],
    },
    analyst,
  );

  it('readers keep the published content, its dates and its entities; the revision holds the new ones', () => {
    const { briefing, changes, pending } = edit;

    expect(pending).toBe(true);
    expect(changes).toEqual(['sections', 'entities']);
    expect(briefing).toMatchObject({
      status: 'published',
      version: published.version + 1,
      sections: published.sections,
      entities: published.entities,
      updatedAt: published.updatedAt,
      publishedAt: published.publishedAt,
    });
    expect(briefing.pendingRevision).toMatchObject({
      sections: { ...published.sections, headline: 'Acme pauses the build', trendContext: 'A new trend.' },
      entities: [{ entityId: 'newco', name: 'NewCo', kind: 'company' }],
      changes: ['sections', 'entities'],
      proposedBy: 'analyst-1',
      proposedAt: LATER.toISOString(),
    });
    expect(JSON.stringify(viewBriefing(briefing, ANONYMOUS))).not.toMatch(/Acme pauses|newco|A new trend/);
    expect(viewBriefing(briefing, { userId: 'e', tier: 'leadership-alliance', roles: ['editor'] }).pendingRevision).toEqual(briefing.pendingRevision);
  });

  it('a further edit builds on the revision, not on the published text; its snapshot holds the proposal', () => {
    const again = editBriefing(edit.briefing, { related: ['b-7'] }, { ...analyst, by: 'analyst-3' });

    expect(again.pending).toBe(true);
    expect(again.briefing.pendingRevision).toMatchObject({
      sections: { headline: 'Acme pauses the build' },
      related: ['b-7'],
      changes: ['sections', 'entities', 'related'],
      proposedBy: 'analyst-3',
    });
    const snapshot = snapshotOf(again.briefing, { action: 'proposed', by: 'analyst-3', now: LATER });
    expect(snapshot).toMatchObject({ action: 'proposed', status: 'published', related: ['b-7'], sections: { headline: 'Acme pauses the build' } });
  });

  it('an editor publishes it: the revision becomes the published content, as one new version, and is gone', () => {
    const live = publish(edit.briefing, { by: 'editor-2', now: LATEST });

    expect(live).toMatchObject({
      status: 'published',
      version: edit.briefing.version + 1,
      publishedAt: published.publishedAt,
      publishedBy: 'editor-1',
      updatedAt: LATEST.toISOString(),
      updatedBy: 'analyst-1',
      entities: [{ entityId: 'newco', name: 'NewCo', kind: 'company' }],
    });
    expect(live.sections.headline).toBe('Acme pauses the build');
    expect(live).not.toHaveProperty('pendingRevision');
    expect(() => publish(live, { by: 'editor-2', now: LATEST })).toThrow(ConflictError);
  });

  it("an editor's own edit goes live at once; with a revision pending it extends the revision instead", () => {
    const own = editBriefing(published, { sections: { headline: 'Acme pauses the build' } }, editor);
    expect(own.pending).toBe(false);
    expect(own.briefing).toMatchObject({ sections: { headline: 'Acme pauses the build' }, updatedBy: 'editor-2' });
    expect(own.briefing).not.toHaveProperty('pendingRevision');

    const onRevision = editBriefing(edit.briefing, { sections: { coverage: 'Why Acme matters to networks.' } }, editor);
    expect(onRevision.pending).toBe(true);
    expect(onRevision.briefing.sections).toEqual(published.sections);
    expect(withRevision(onRevision.briefing).sections).toMatchObject({
      headline: 'Acme pauses the build',
      coverage: 'Why Acme matters to networks.',
    });
  });

  it('a revision must be complete, when proposed and when published', () => {
    const emptied = { sections: { operatingSurface: { affectedParties: [], operatingSurface: '', marketExposure: '' } } };
    expect(() => editBriefing(published, emptied, analyst)).toThrow(IncompleteError);
    const stale = {
      ...edit.briefing,
      pendingRevision: { ...edit.briefing.pendingRevision!, sections: { ...published.sections, ...emptied.sections } },
    };
    expect(() => publish(stale, { by: 'editor-2', now: LATEST })).toThrow(IncompleteError);
  });

  it('a metadata-only edit (the rule) of a published briefing is no revision', () => {
    expect(editBriefing(published, { autoPublish: null }, analyst).pending).toBe(false);
  });
});
