/**
 * Spec: what the domain functions behind the HTTP routes return is exactly
 * what the OpenAPI document says (contracts/responses.ts): every field
 * documented with its type, no undocumented field. (The response types are
 * inferred from their schemas; this compares real values, section contents
 * included.)
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { BriefingSummary, BriefingView, CreatedBriefing, MemberAdminView, MemberSelfView, ScoreReport, Source } from '#contracts/responses.ts';
import { ANONYMOUS, viewerFromGroups } from '#domain/access.ts';
import { assessCompleteness, publish, rescore, scoreReport } from '#domain/briefing.ts';
import { adminView, grantEntitlement, revokeEntitlement, selfView, signUpEntitlement } from '#domain/entitlement.ts';
import { summarize, viewBriefing } from '#domain/visibility.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

/** Parsing strips undocumented fields, so equality also proves there are none. */
const documents = (schema: z.ZodMiniType, value: unknown) =>
  expect(JSON.parse(JSON.stringify(z.parse(schema, value)))).toEqual(JSON.parse(JSON.stringify(value)));

const sources = [source('direct', 1), source('reporting', 2), source('social', 3, 'contradicts')];
const scored = rescore(draft(), sources, NOW).briefing;
const published = publish(scored, { by: 'editor-1', now: NOW });

describe('response bodies match their documented schemas', () => {
  it.each([
    ['the public', ANONYMOUS],
    ['a Strategy Circle member', viewerFromGroups('m-1', ['strategy-circle'])],
    ['a Leadership Alliance member', viewerFromGroups('m-2', ['leadership-alliance'])],
    ['an editor', viewerFromGroups('e-1', ['editors'])],
  ] as const)('a briefing read by %s (locked and readable sections)', (_, viewer) => {
    documents(BriefingView, viewBriefing(published, viewer));
  });

  it('a created draft with its completeness', () => {
    const d = draft();
    documents(CreatedBriefing, { ...viewBriefing(d, viewerFromGroups('a-1', ['analysts'])), completeness: assessCompleteness(d) });
  });

  it('a feed item, a stored source and a score report', () => {
    documents(BriefingSummary, summarize(published));
    for (const s of sources) documents(Source, s);
    documents(ScoreReport, scoreReport(published));
  });

  it("a member's own view and an admin's view, granted and revoked", () => {
    // Prepare
    const member = viewerFromGroups('m-1', ['strategy-circle']);
    const record = signUpEntitlement('m-1', NOW);
    const granted = grantEntitlement(
      record,
      { tier: 'leadership-alliance', roles: [], validUntil: '2027-01-01T00:00:00.000Z' },
      { userId: 'm-1', by: 'admin-1', now: NOW },
    );
    const revoked = revokeEntitlement(granted, { reason: 'left the company' }, { by: 'admin-1', now: NOW });
    // Assess
    documents(MemberSelfView, selfView(member, granted, NOW));
    documents(MemberAdminView, adminView('m-1', granted, NOW));
    documents(MemberAdminView, adminView('m-1', revoked, NOW));
    documents(MemberAdminView, adminView('m-2', undefined, NOW));
  });
});
