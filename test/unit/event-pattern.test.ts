import { describe, expect, it } from 'vitest';
import { BriefingScored, CONTRACTS, patternFor, SourceIngested } from '#events/index.ts';
import { OUTBOX_STREAM_FILTER, RELAY_STREAM_FILTERS } from '#functions/commons/table/schema.ts';
import { SUBSCRIPTIONS } from '#functions/manifest.ts';
import { matchesPattern } from '#local/event-pattern.ts';

const envelope = (detailType: string, detail: Record<string, unknown>) => ({
  version: '0',
  id: 'a1b2c3',
  'detail-type': detailType,
  source: 'signal-briefings',
  account: '000000000000',
  time: '2026-06-20T08:15:00Z',
  region: 'us-east-1',
  resources: [],
  detail,
});

describe('matchesPattern', () => {
  it('matches exact values, and any element when the event value is an array', () => {
    // Prepare
    const pattern = { source: ['a', 'b'], detail: { tags: ['x'] } };

    // Act / Assess
    expect(matchesPattern(pattern, { source: 'b', detail: { tags: ['w', 'x'] } })).toBe(true);
    expect(matchesPattern(pattern, { source: 'c', detail: { tags: ['x'] } })).toBe(false);
    expect(matchesPattern(pattern, { source: 'a', detail: { tags: ['w'] } })).toBe(false);
  });

  it('requires the field to exist and compares types exactly', () => {
    expect(matchesPattern({ detail: { n: [1] } }, { detail: {} })).toBe(false);
    expect(matchesPattern({ detail: { n: [1] } }, {})).toBe(false);
    expect(matchesPattern({ detail: { n: [1] } }, { detail: { n: '1' } })).toBe(false);
    expect(matchesPattern({ detail: { n: [1] } }, { detail: { n: 1.0 } })).toBe(true);
    expect(matchesPattern({ detail: { ok: [true] } }, { detail: { ok: true } })).toBe(true);
    expect(matchesPattern({ detail: { v: [null] } }, { detail: { v: null } })).toBe(true);
  });

  it('does not match a nested pattern against a leaf value', () => {
    expect(matchesPattern({ detail: { a: { b: ['x'] } } }, { detail: { a: 'x' } })).toBe(false);
  });

  it('supports prefix, suffix and equals-ignore-case', () => {
    expect(matchesPattern({ source: [{ prefix: 'signal-' }] }, { source: 'signal-briefings' })).toBe(true);
    expect(matchesPattern({ source: [{ prefix: 'signal-' }] }, { source: 'other' })).toBe(false);
    expect(matchesPattern({ source: [{ suffix: '-briefings' }] }, { source: 'signal-briefings' })).toBe(true);
    expect(matchesPattern({ source: [{ 'equals-ignore-case': 'SIGNAL' }] }, { source: 'Signal' })).toBe(true);
    expect(matchesPattern({ n: [{ prefix: '1' }] }, { n: 12 })).toBe(false);
  });

  it('supports anything-but with a value, a list and a prefix, never matching a missing field', () => {
    expect(matchesPattern({ s: [{ 'anything-but': 'draft' }] }, { s: 'published' })).toBe(true);
    expect(matchesPattern({ s: [{ 'anything-but': ['draft', 'retracted'] }] }, { s: 'retracted' })).toBe(false);
    expect(matchesPattern({ s: [{ 'anything-but': { prefix: 'test-' } }] }, { s: 'test-1' })).toBe(false);
    expect(matchesPattern({ s: [{ 'anything-but': { prefix: 'test-' } }] }, { s: 'prod-1' })).toBe(true);
    expect(matchesPattern({ s: [{ 'anything-but': 'draft' }] }, {})).toBe(false);
    expect(matchesPattern({ s: [{ 'anything-but': 'a' }] }, { s: ['b', 'a'] })).toBe(false);
  });

  it('supports exists true and false, including on missing parents', () => {
    expect(matchesPattern({ detail: { x: [{ exists: true }] } }, { detail: { x: 0 } })).toBe(true);
    expect(matchesPattern({ detail: { x: [{ exists: true }] } }, { detail: {} })).toBe(false);
    expect(matchesPattern({ detail: { x: [{ exists: false }] } }, { detail: {} })).toBe(true);
    expect(matchesPattern({ detail: { x: [{ exists: false }] } }, {})).toBe(true);
    expect(matchesPattern({ detail: { x: [{ exists: false }] } }, { detail: { x: 'y' } })).toBe(false);
  });

  it('supports numeric ranges and equality', () => {
    const pattern = { detail: { score: [{ numeric: ['>=', 0.9, '<=', 1] }] } };
    expect(matchesPattern(pattern, { detail: { score: 0.9 } })).toBe(true);
    expect(matchesPattern(pattern, { detail: { score: 0.8999 } })).toBe(false);
    expect(matchesPattern({ n: [{ numeric: ['=', 3] }] }, { n: 3 })).toBe(true);
    expect(matchesPattern({ n: [{ numeric: ['=', 3] }] }, { n: '3' })).toBe(false);
  });

  it('supports $or between patterns', () => {
    const pattern = { source: ['s'], $or: [{ a: ['1'] }, { b: ['2'] }] };
    expect(matchesPattern(pattern, { source: 's', b: '2' })).toBe(true);
    expect(matchesPattern(pattern, { source: 's', c: '3' })).toBe(false);
  });

  it('throws on an unsupported or malformed pattern instead of silently not matching', () => {
    expect(() => matchesPattern({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.0.1' })).toThrow(/does not support the "cidr"/);
    expect(() => matchesPattern({ source: 'a' }, { source: 'a' })).toThrow(/expected an array/);
    expect(() => matchesPattern({ source: [] }, { source: 'a' })).toThrow(/empty array/);
  });
});

describe('the project rules under the matcher', () => {
  it('routes each contract example to exactly the subscription for that contract and version', () => {
    for (const contract of CONTRACTS) {
      // Act
      const event = envelope(contract.detailType, contract.example);
      const matched = SUBSCRIPTIONS.filter((s) => matchesPattern(s.pattern, event)).map((s) => s.fn);

      // Assess
      const expected = SUBSCRIPTIONS.filter((s) => s.pattern['detail-type'][0] === contract.detailType).map((s) => s.fn);
      expect(matched).toEqual(expected);
    }
  });

  it('does not route another schema version or another source', () => {
    const pattern = patternFor(SourceIngested);
    expect(matchesPattern(pattern, envelope('Source Ingested', { ...SourceIngested.example, schemaVersion: 2 }))).toBe(false);
    expect(matchesPattern(pattern, { ...envelope('Source Ingested', SourceIngested.example), source: 'other' })).toBe(false);
    expect(matchesPattern(patternFor(BriefingScored), envelope('Source Ingested', SourceIngested.example))).toBe(false);
  });

  it('passes only outbox inserts through the stream filter', () => {
    const record = (eventName: string, entity: string) => ({
      eventName,
      dynamodb: { NewImage: { pk: { S: 'X' }, entity: { S: entity } } },
    });
    expect(matchesPattern(OUTBOX_STREAM_FILTER, record('INSERT', 'outbox'))).toBe(true);
    expect(matchesPattern(OUTBOX_STREAM_FILTER, record('MODIFY', 'outbox'))).toBe(false);
    expect(matchesPattern(OUTBOX_STREAM_FILTER, record('INSERT', 'briefing'))).toBe(false);
    expect(matchesPattern(OUTBOX_STREAM_FILTER, { eventName: 'REMOVE', dynamodb: { Keys: {} } })).toBe(false);
  });

  it('passes briefing heads to the relay only when they announce a re-score', () => {
    const relayed = (record: unknown) => RELAY_STREAM_FILTERS.some((f) => matchesPattern(f, record));
    const head = (eventName: string, extra: Record<string, unknown> = {}) => ({
      eventName,
      dynamodb: { NewImage: { pk: { S: 'BRIEFING#1' }, entity: { S: 'briefing' }, ...extra } },
    });
    expect(relayed(head('MODIFY', { announces: { S: 'Briefing Scored' } }))).toBe(true);
    expect(relayed(head('INSERT', { announces: { S: 'Briefing Scored' } }))).toBe(true);
    expect(relayed(head('MODIFY'))).toBe(false);
    expect(relayed(head('MODIFY', { announces: { S: 'Briefing Published' } }))).toBe(false);
    expect(relayed({ eventName: 'MODIFY', dynamodb: { NewImage: { entity: { S: 'briefing-part' }, announces: { S: 'Briefing Scored' } } } })).toBe(
      false,
    );
    expect(relayed({ eventName: 'REMOVE', dynamodb: { Keys: {} } })).toBe(false);
  });

  it('routes Briefing Scored to auto-publishing only when the draft is due', () => {
    const pattern = SUBSCRIPTIONS.find((s) => s.fn === 'auto-publish-briefing')!.pattern;
    expect(matchesPattern(pattern, envelope('Briefing Scored', { ...BriefingScored.example, autoPublishDue: true }))).toBe(true);
    expect(matchesPattern(pattern, envelope('Briefing Scored', { ...BriefingScored.example, autoPublishDue: false }))).toBe(false);
    const { autoPublishDue: _, ...older } = BriefingScored.example;
    expect(matchesPattern(pattern, envelope('Briefing Scored', older))).toBe(false);
  });
});
