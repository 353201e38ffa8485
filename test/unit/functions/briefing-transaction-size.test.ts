/**
 * A briefing's save is one TransactWriteItems call, and DynamoDB takes at most
 * 100 items in one. The input limits (entities, translations) are what keep the
 * largest possible change under it: this builds that change and counts.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { BriefingInput, type BriefingPatch, editBriefing, publish, rescore, snapshotOf } from '#domain/briefing.ts';
import { briefingEdited, briefingPublished, briefingScored } from '#events/announcements.ts';
import { ddb as documentClient } from '#functions/commons/clients/dynamodb.ts';
import { saveBriefing, TRANSACTION_LIMIT } from '#functions/commons/table/briefings.ts';
import { briefingInput, draft, NOW, source } from '#test/support/fixtures.ts';

const ddb = mockClient(documentClient);
beforeEach(() => ddb.reset());

const LIMITS = { entities: BriefingInput.shape.entities, translations: BriefingInput.shape.translations };
const maxOf = (schema: unknown, probe: (n: number) => unknown): number => {
  let n = 0;
  while ((schema as { safeParse: (v: unknown) => { success: boolean } }).safeParse(probe(n + 1)).success && n < 1000) n++;
  return n;
};
const entities = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ entityId: `${prefix}-${i}`, name: `${prefix} ${i}`, kind: 'company' }));
const LANGS = ['de', 'fr', 'es', 'it', 'pt', 'ja', 'ko', 'ar', 'ru', 'nl', 'pl', 'sv', 'tr', 'uk', 'vi', 'id', 'th', 'hi', 'he', 'fa'];
const translations = (langs: string[]) => Object.fromEntries(langs.map((l) => [l, { ...briefingInput().sections, headline: `Headline in ${l}` }]));

describe('the largest change to a briefing fits in one transaction', () => {
  it('publishing a revision that replaces every entity, every translation and every feed dimension of a published briefing', async () => {
    // Prepare: the most entities and translations the API accepts, then an edit that replaces all of them
    const maxEntities = maxOf(LIMITS.entities, (n) => entities(n, 'x'));
    const maxTranslations = maxOf(LIMITS.translations, (n) => translations(LANGS.slice(0, n)));
    expect(maxTranslations).toBeLessThan(LANGS.length / 2);
    const before = publish(
      rescore(
        draft({ entities: entities(maxEntities, 'old'), translations: translations(LANGS.slice(0, maxTranslations)) }),
        [source('direct', 1)],
        NOW,
      ).briefing,
      { by: 'editor-1', now: NOW },
    );
    const patch: BriefingPatch = {
      entities: entities(maxEntities, 'new') as BriefingPatch['entities'],
      translations: {
        ...Object.fromEntries(LANGS.slice(0, maxTranslations).map((l) => [l, null])),
        ...translations(LANGS.slice(maxTranslations, 2 * maxTranslations)),
      },
      sections: { signalBrief: { signal: 'Changed', signalType: 'Governance', region: 'Asia', marketClass: 'Retail' } },
    };
    // The analyst's edit waits as a revision; the editor's publication of it is the change that writes everything.
    const { briefing: proposed } = editBriefing(before, patch, { by: 'analyst-1', now: NOW });
    const after = publish(proposed, { by: 'editor-2', now: NOW });
    ddb.on(TransactWriteCommand).resolves({});
    // Act
    await saveBriefing(
      proposed,
      after,
      [briefingEdited(after, ['sections', 'translations', 'entities'], NOW), briefingPublished(after, NOW), briefingScored(before, after, NOW)],
      NOW,
      snapshotOf(after, { action: 'published', by: 'editor-2', now: NOW, approvedBy: 'editor-2', proposedBy: 'analyst-1' }),
    );
    // Assess
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.length).toBeGreaterThan(2 * maxEntities); // the change really touched every entity's feed entries
    expect(items.some((i) => i.Delete?.Key?.['sk'] === 'L#REVISION')).toBe(true); // and removed the published revision
    expect(items.length).toBeLessThanOrEqual(TRANSACTION_LIMIT);
  });
});
