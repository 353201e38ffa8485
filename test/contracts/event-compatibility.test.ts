/**
 * Spec: within a schema version an event contract may only grow. Each
 * contract's JSON Schema is committed per version (events/snapshots/); removing
 * or retyping a field, or requiring a new one, fails until the contract gets a
 * new schemaVersion. A new optional field passes (a warning asks to record it).
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineEvent } from '#events/contract.ts';
import { CONTRACTS } from '#events/index.ts';
import { contractSlug, detailSchema } from '#events/schemas.ts';
import { checkContract, compareSchemas, formatChanges, SNAPSHOT_COMMAND } from '#tools/event-compatibility.ts';

const base = {
  score: z.number(),
  grade: z.enum(['A', 'B']),
  tags: z.array(z.string()),
  note: z.string().optional(),
};
const example = { schemaVersion: 1, eventId: 'e-1', occurredAt: '2026-06-20T08:00:00.000Z', score: 1, grade: 'A', tags: [] } as const;
const contract = (fields: z.ZodRawShape, ex: Record<string, unknown> = example) =>
  defineEvent({ detailType: 'Thing Happened', schemaVersion: 1, summary: 'A thing happened, for this test.', fields, example: ex as never });
const compare = (fields: z.ZodRawShape, ex?: Record<string, unknown>) =>
  compareSchemas(detailSchema(contract(base)), detailSchema(contract(fields, ex)));

describe('the compatibility rules', () => {
  it('accept an unchanged contract', () => {
    // Act
    const result = compare(base);
    // Assess
    expect(result).toEqual({ breaking: [], additions: [], stale: false });
  });

  it('accept a new optional field (the snapshot is reported stale, to be recorded)', () => {
    // Act
    const result = compare({ ...base, reason: z.string().optional() });
    // Assess
    expect(result.breaking).toEqual([]);
    expect(result.additions).toEqual([{ at: 'detail.reason', change: 'added (optional)' }]);
    expect(result.stale).toBe(true);
  });

  it('refuse a removed field', () => {
    const { score: _, ...rest } = base;
    expect(compare(rest, { ...example, score: undefined }).breaking).toEqual([{ at: 'detail.score', change: 'removed' }]);
  });

  it('refuse a removed optional field', () => {
    const { note: _, ...rest } = base;
    expect(compare(rest).breaking).toEqual([{ at: 'detail.note', change: 'removed' }]);
  });

  it('refuse a retyped field, also inside arrays', () => {
    // Act
    const result = compare({ ...base, score: z.string(), tags: z.array(z.number()) }, { ...example, score: '1' });
    // Assess
    expect(result.breaking).toEqual([
      { at: 'detail.score', change: 'type changed from number to string' },
      { at: 'detail.tags[]', change: 'type changed from string to number' },
    ]);
  });

  it('refuse changed allowed values, in either direction', () => {
    expect(compare({ ...base, grade: z.enum(['A', 'B', 'C']) }).breaking).toHaveLength(1);
    expect(compare({ ...base, grade: z.enum(['A']) }).breaking[0]?.change).toBe('type changed from string one of "A", "B" to string one of "A"');
  });

  it('refuse a new required field, and an optional field becoming required', () => {
    // Act
    const added = compare({ ...base, reason: z.string() }, { ...example, reason: 'r' });
    const tightened = compare({ ...base, note: z.string() }, { ...example, note: 'n' });
    // Assess
    expect(added.breaking).toEqual([{ at: 'detail.reason', change: 'added as required' }]);
    expect(tightened.breaking).toEqual([{ at: 'detail.note', change: 'newly required' }]);
  });

  it('refuse a required field becoming optional (consumers rely on it)', () => {
    expect(compare({ ...base, score: z.number().optional() }).breaking).toEqual([{ at: 'detail.score', change: 'no longer required' }]);
  });
});

describe('every event contract', () => {
  it.each(CONTRACTS.map((c) => [`${c.detailType} v${c.schemaVersion}`, c] as const))('%s is compatible with its committed snapshot', (name, c) => {
    // Act
    const state = checkContract(c);
    // Assess
    const file = `events/snapshots/${contractSlug(c)}.v${c.schemaVersion}.json`;
    if (state.missing) {
      expect.fail(`${name} has no snapshot. Record it: ${SNAPSHOT_COMMAND}, then commit ${file}.`);
    }
    if (state.breaking.length > 0) {
      expect.fail(
        `${name} changed incompatibly since ${file}:\n${formatChanges(state.breaking)}\n` +
          'Consumers of this version would break. Either keep the field as it was, or publish a new version: ' +
          `bump schemaVersion in the contract (and its example and announcement), run ${SNAPSHOT_COMMAND} and commit the new ` +
          'snapshot (the old one stays as history); subscribers then move to the new version. If no consumer has ever ' +
          `received this version, ${SNAPSHOT_COMMAND} -- --force overwrites it.`,
      );
    }
    if (state.stale) {
      // Compatible, so it passes; recording it makes the new fields protected as well.
      const added = state.additions.length ? `\n${formatChanges(state.additions)}` : ' (keywords other than fields and types)';
      console.warn(`${name} changed compatibly${added}\nRecord it so these are protected too: ${SNAPSHOT_COMMAND}, then commit ${file}.`);
    }
  });
});
