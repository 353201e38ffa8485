/**
 * The storage split of a briefing (functions/commons/table/briefings.ts): which
 * part holds what, that the parts put back together give the briefing, that a
 * reader's range holds nothing above their tier, and how large the head is.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { type Briefing, BriefingInput, createDraft, publish, rescore, retract } from '#domain/briefing.ts';
import { newSource, SourceInput } from '#domain/source.ts';
import { fromItems, partsRange, toItems } from '#functions/commons/table/briefings.ts';
import { DEMO_BRIEFINGS } from '#local/demo-data.ts';
import { briefingInput, draft, NOW, source } from '#test/support/fixtures.ts';

const zh = { ...briefingInput().sections, headline: 'Acme 暂停北部光纤建设：许可纠纷（𠮷）', trendContext: 'CANARY-ZH-STRATEGY 区域光纤建设放缓。' };
const bilingual = publish(rescore(draft({ translations: { zh } }), [source('direct', 1)], NOW).briefing, { by: 'editor-1', now: NOW });

/** The rows of the sort-key range a reader's Query returns (the same comparison DynamoDB makes on a string key). */
function inRange(items: Array<Record<string, unknown>>, parts: Parameters<typeof partsRange>[0]) {
  const { KeyConditionExpression, ExpressionAttributeValues: v = {} } = partsRange(parts);
  return items
    .filter((i) => {
      const sk = String(i['sk']);
      return KeyConditionExpression!.includes('begins_with') ? sk.startsWith(String(v[':p'])) : sk >= String(v[':lo']) && sk <= String(v[':hi']);
    })
    .sort((a, b) => (String(a['sk']) < String(b['sk']) ? -1 : 1));
}

/** DynamoDB's item size: attribute names and values in UTF-8, numbers about a byte per two digits, 3 bytes per map or list. */
function itemSize(item: Record<string, unknown>): number {
  const size = (v: any): number => {
    if ('S' in v) return Buffer.byteLength(v.S);
    if ('N' in v) return Math.ceil(String(v.N).replace(/^-|\.|^0+/g, '').length / 2) + 1;
    if ('BOOL' in v || 'NULL' in v) return 1;
    if ('L' in v) return 3 + v.L.reduce((n: number, x: any) => n + 1 + size(x), 0);
    if ('M' in v) return 3 + Object.entries(v.M).reduce((n: number, [k, x]) => n + 1 + Buffer.byteLength(k) + size(x), 0);
    throw new Error(`no size for ${JSON.stringify(v)}`);
  };
  return Object.entries(marshall(item, { removeUndefinedValues: true })).reduce((n, [k, v]) => n + Buffer.byteLength(k) + size(v), 0);
}

describe('a briefing in parts', () => {
  it('puts the parts back together as the briefing, translations and staff fields included', () => {
    const retracted = retract(bilingual, { by: 'editor-2', now: NOW, reason: 'The claim was withdrawn.' });
    for (const b of [draft(), bilingual, retracted]) expect(fromItems(toItems(b))).toEqual(b);
    expect(toItems(bilingual).map((i) => i['sk'])).toEqual(['P', 'P#en', 'P#zh', 'M', 'M#en', 'M#zh', 'L', 'L#explanation']);
  });

  it('gives each reader only the parts of their tier, in every language', () => {
    const items = toItems(bilingual);
    const [pub, member, staff] = (['public', 'member', 'staff'] as const).map((p) => inRange(items, p));
    expect(pub!.map((i) => i['sk'])).toEqual(['P', 'P#en', 'P#zh']);
    expect(JSON.stringify(pub)).not.toMatch(/CANARY|analyst-1|editor-1|scoreExplanation|sourceNotes/);
    expect(member!.map((i) => i['sk'])).toEqual(['M', 'M#en', 'M#zh', 'P', 'P#en', 'P#zh']);
    expect(JSON.stringify(member)).not.toMatch(/analyst-1|editor-1|scoreExplanation/);
    expect(staff!.map((i) => i['sk'])).toEqual(['L', 'L#explanation', 'M', 'M#en', 'M#zh', 'P', 'P#en', 'P#zh']);
  });

  it('reads the briefing and its sources, and nothing of the history, in the write range', () => {
    const items = [...toItems(bilingual), { sk: 'SOURCE#abc' }, { sk: 'V#000000001' }, { sk: 'V#000000012' }];
    expect(inRange(items, 'write').map((i) => i['sk'])).toEqual(['L', 'L#explanation', 'M', 'M#en', 'M#zh', 'P', 'P#en', 'P#zh', 'SOURCE#abc']);
  });

  it('keeps a reader-only briefing from serving what was not read: member sections come back empty', () => {
    const b = fromItems(inRange(toItems(bilingual), 'public'))!;
    expect(b.sections.headline).toBe(bilingual.sections.headline);
    expect(b.translations!['zh']!.headline).toBe(zh.headline);
    expect([b.sections.trendContext, b.sourceNotes, b.translations!['zh']!.trendContext]).toEqual(['', [], '']);
  });

  it('keeps the head of every demo briefing within 4 KB (one eventually consistent read unit: 0.5 RCU)', () => {
    const rows = DEMO_BRIEFINGS.map((demo) => {
      const { relatedKeys, ...input } = demo.input;
      const id = '0b6f3c1e-2a4d-4c8e-9f1a-7d2b5e8c4a10';
      const parsed = BriefingInput.parse({ ...input, related: relatedKeys.map(() => id) });
      const sources = demo.sources.map((s) => {
        const { expectDuplicate: _, ...rest } = s;
        return newSource(SourceInput.parse({ ...rest, briefingId: id }), 'analyst-1', NOW);
      });
      const b: Briefing = rescore(createDraft(parsed, { briefingId: id, by: 'analyst-1', now: NOW }), sources, NOW).briefing;
      const sizes: Record<string, number> = Object.fromEntries(toItems(b).map((i) => [String(i['sk']), itemSize(i)]));
      return { key: demo.key, ...sizes, anonymousRead: inRange(toItems(b), 'public').reduce((n, i) => n + itemSize(i), 0) };
    });
    console.table(rows);
    for (const row of rows) expect((row as Record<string, unknown>)['P'], row.key).toBeLessThanOrEqual(4096);
  });
});

describe('a briefing stored before its sections moved out of the head and the notes part', () => {
  /** The same briefing as the earlier layout stored it: public sections in P, member sections in M. */
  const legacy = () => {
    const items = toItems(bilingual);
    const at = (sk: string) => items.find((i) => i['sk'] === sk)!;
    const head = { ...at('P'), sections: at('P#en')['sections'] };
    const notes = { ...at('M'), sections: at('M#en')['sections'] };
    return items.filter((i) => !['P', 'M', 'P#en', 'M#en'].includes(String(i['sk']))).concat([head, notes]);
  };

  it('reads as the briefing it is', () => {
    expect(fromItems(legacy())).toEqual(fromItems(toItems(bilingual)));
  });

  it('moves its sections into their parts on the next save, whatever changed (nothing is lost)', async () => {
    const { DynamoDBDocumentClient, TransactWriteCommand } = await import('@aws-sdk/lib-dynamodb');
    const { mockClient } = await import('aws-sdk-client-mock');
    const { saveBriefing } = await import('#functions/commons/table/briefings.ts');
    const ddb = mockClient(DynamoDBDocumentClient);
    ddb.on(TransactWriteCommand).resolves({});
    const prev = fromItems(legacy())!;
    const next = rescore(prev, [source('direct', 1), source('reporting', 2)], NOW).briefing;
    await saveBriefing(prev, next, [], NOW);
    const written = ddb
      .commandCalls(TransactWriteCommand)[0]!
      .args[0].input.TransactItems!.flatMap((t) => (t.Put ? [String(t.Put.Item!['sk'])] : []));
    expect(written).toEqual(expect.arrayContaining(['P', 'P#en', 'M', 'M#en']));
    // A briefing already in the new layout writes only what a re-score changes: no section part.
    ddb.reset();
    ddb.on(TransactWriteCommand).resolves({});
    const current = fromItems(toItems(bilingual))!;
    await saveBriefing(current, rescore(current, [source('direct', 1), source('reporting', 2)], NOW).briefing, [], NOW);
    const rescored = ddb
      .commandCalls(TransactWriteCommand)[0]!
      .args[0].input.TransactItems!.flatMap((t) => (t.Put ? [String(t.Put.Item!['sk'])] : []));
    expect(rescored).not.toContain('P#en');
    expect(rescored).not.toContain('M#en');
    ddb.restore();
  });
});

describe('a briefing stored with its explanation in the staff part', () => {
  /** The same briefing as the earlier layout stored it: the explanation in L, no L#explanation. */
  const legacy = () => {
    const items = toItems(bilingual);
    const explanation = items.find((i) => i['sk'] === 'L#explanation')!['scoreExplanation'];
    return items.filter((i) => i['sk'] !== 'L#explanation').map((i) => (i['sk'] === 'L' ? { ...i, scoreExplanation: explanation } : i));
  };

  it('reads as the briefing it is, and its next save moves the explanation out of the staff part', async () => {
    expect(fromItems(legacy())).toEqual(fromItems(toItems(bilingual)));
    const { DynamoDBDocumentClient, TransactWriteCommand } = await import('@aws-sdk/lib-dynamodb');
    const { mockClient } = await import('aws-sdk-client-mock');
    const { saveBriefing } = await import('#functions/commons/table/briefings.ts');
    const ddb = mockClient(DynamoDBDocumentClient);
    ddb.on(TransactWriteCommand).resolves({});
    const prev = fromItems(legacy())!;
    // An edit that changes neither the staff fields nor the score still writes both parts once.
    await saveBriefing(prev, { ...prev, version: prev.version + 1 }, [], NOW);
    const puts = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.flatMap((t) => (t.Put ? [t.Put.Item!] : []));
    expect(puts.map((i) => i['sk'])).toEqual(expect.arrayContaining(['L', 'L#explanation']));
    expect(puts.find((i) => i['sk'] === 'L')).not.toHaveProperty('scoreExplanation');
    ddb.restore();
  });
});
