/**
 * Event contracts may grow, never break, within a schema version. Each
 * contract's JSON Schema is committed per version in `events/snapshots/`
 * (`<detail-type>.v<N>.json`); the current zod contract is compared with the
 * snapshot of its version.
 *
 * Breaking (needs a new schemaVersion): a property removed, its type, format or
 * allowed values changed, a property newly required, or no longer required.
 * Compatible: a new optional property; other keywords (lengths, bounds,
 * patterns, descriptions) are recorded in the snapshot but not judged.
 *
 *   npm run contracts:snapshot            record every contract's current version
 *   npm run contracts:snapshot -- --force also overwrite a snapshot with a breaking change
 *                                         (only for a version no consumer has seen yet)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EventContract } from '#events/contract.ts';
import { contractSlug, detailSchema, type JsonSchema } from '#events/schemas.ts';

export const SNAPSHOT_DIR = fileURLToPath(new URL('../events/snapshots/', import.meta.url));
export const SNAPSHOT_COMMAND = 'npm run contracts:snapshot';

/** One difference between a snapshot and the current schema; `at` is a JSON path into the detail, e.g. `detail.current.grade`. */
export interface SchemaChange {
  at: string;
  change: string;
}

export interface Comparison {
  /** Changes that need a new schemaVersion. */
  breaking: SchemaChange[];
  /** New optional properties. */
  additions: SchemaChange[];
  /** The snapshot no longer records the current schema exactly (breaking, additive or other keyword changes). */
  stale: boolean;
}

export function snapshotFile(contract: Pick<EventContract, 'detailType' | 'schemaVersion'>): string {
  return join(SNAPSHOT_DIR, `${contractSlug(contract)}.v${contract.schemaVersion}.json`);
}

/** A snapshot's text: stable key order, so diffs in review show only real changes. */
export function snapshotText(schema: JsonSchema): string {
  return `${JSON.stringify(sortKeys(schema), null, 2)}\n`;
}

export function readSnapshot(contract: Pick<EventContract, 'detailType' | 'schemaVersion'>): JsonSchema | undefined {
  const file = snapshotFile(contract);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as JsonSchema) : undefined;
}

/** Compares a contract's current schema with a recorded one. */
export function compareSchemas(recorded: JsonSchema, current: JsonSchema): Comparison {
  const breaking: SchemaChange[] = [];
  const additions: SchemaChange[] = [];
  walk(recorded, current, 'detail', breaking, additions);
  return { breaking, additions, stale: snapshotText(recorded) !== snapshotText(current) };
}

/** What a contract's snapshot says about it now; `missing` when its version has no snapshot yet. */
export function checkContract(contract: EventContract): ({ missing: true } | ({ missing: false } & Comparison)) & { file: string } {
  const file = snapshotFile(contract);
  const recorded = readSnapshot(contract);
  if (!recorded) return { missing: true, file };
  return { missing: false, file, ...compareSchemas(recorded, detailSchema(contract)) };
}

function walk(before: JsonSchema, after: JsonSchema, at: string, breaking: SchemaChange[], additions: SchemaChange[]): void {
  const was = describeType(before);
  const now = describeType(after);
  if (was !== now) {
    breaking.push({ at, change: `type changed from ${was} to ${now}` });
    return;
  }
  if (before['anyOf'] || before['oneOf'] || before['allOf']) {
    if (canonical(before) !== canonical(after)) breaking.push({ at, change: 'union changed' });
    return;
  }
  const beforeProps = (before['properties'] ?? {}) as Record<string, JsonSchema>;
  const afterProps = (after['properties'] ?? {}) as Record<string, JsonSchema>;
  const beforeRequired = new Set((before['required'] ?? []) as string[]);
  const afterRequired = new Set((after['required'] ?? []) as string[]);
  for (const [name, schema] of Object.entries(beforeProps)) {
    const path = `${at}.${name}`;
    const next = afterProps[name];
    if (!next) breaking.push({ at: path, change: 'removed' });
    else walk(schema, next, path, breaking, additions);
    if (next && beforeRequired.has(name) && !afterRequired.has(name)) breaking.push({ at: path, change: 'no longer required' });
  }
  for (const name of Object.keys(afterProps)) {
    if (name in beforeProps) {
      if (afterRequired.has(name) && !beforeRequired.has(name)) breaking.push({ at: `${at}.${name}`, change: 'newly required' });
    } else if (afterRequired.has(name)) breaking.push({ at: `${at}.${name}`, change: 'added as required' });
    else additions.push({ at: `${at}.${name}`, change: 'added (optional)' });
  }
  if (before['items'] && after['items']) walk(before['items'] as JsonSchema, after['items'] as JsonSchema, `${at}[]`, breaking, additions);
  if (isSchema(before['additionalProperties']) && isSchema(after['additionalProperties'])) {
    walk(before['additionalProperties'], after['additionalProperties'], `${at}{}`, breaking, additions);
  }
}

/**
 * Type, format and allowed values together: for consumers a changed enum is a
 * changed type (a new value breaks an exhaustive switch; a removed one breaks
 * replaying archived events).
 */
function describeType(schema: JsonSchema): string {
  if (schema['anyOf'] || schema['oneOf'] || schema['allOf']) return 'a union';
  const type = [schema['type'] ?? 'any'].flat().map(String).sort().join('|');
  const format = schema['format'] ? ` (${String(schema['format'])})` : '';
  const values = 'const' in schema ? [schema['const']] : (schema['enum'] as unknown[] | undefined);
  const allowed = values
    ? ` one of ${values
        .map((v) => JSON.stringify(v))
        .sort()
        .join(', ')}`
    : '';
  return `${type}${format}${allowed}`;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null;
}

function canonical(schema: JsonSchema): string {
  return JSON.stringify(sortKeys(schema));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isSchema(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

/** Writes the snapshot of each contract's current version; refuses breaking changes unless forced. Returns the exit code. */
export function writeSnapshots(contracts: readonly EventContract[], opts: { force?: boolean; log?: (line: string) => void } = {}): number {
  const log = opts.log ?? console.log;
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  let refused = 0;
  for (const contract of contracts) {
    const name = `${contract.detailType} v${contract.schemaVersion}`;
    const state = checkContract(contract);
    const file = state.file.slice(SNAPSHOT_DIR.length);
    if (!state.missing && !state.stale) {
      log(`  ${name}: up to date (${file})`);
      continue;
    }
    if (!state.missing && state.breaking.length > 0 && !opts.force) {
      refused++;
      log(`  ${name}: NOT written, breaking changes:\n${formatChanges(state.breaking)}`);
      continue;
    }
    writeFileSync(state.file, snapshotText(detailSchema(contract)));
    log(`  ${name}: ${state.missing ? 'recorded' : 'updated'} (${file})`);
  }
  if (refused > 0) {
    log(
      '\nA breaking change needs a new version: bump schemaVersion in the contract (and its example),\n' +
        `then run ${SNAPSHOT_COMMAND} again; the old version's snapshot stays as history.\n` +
        `Use ${SNAPSHOT_COMMAND} -- --force only for a version no consumer has received yet.`,
    );
    return 1;
  }
  return 0;
}

export function formatChanges(changes: readonly SchemaChange[]): string {
  return changes.map((c) => `    - ${c.at}: ${c.change}`).join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { CONTRACTS } = await import('#events/index.ts');
  console.log(`event contract snapshots (${SNAPSHOT_DIR}):`);
  process.exitCode = writeSnapshots(CONTRACTS, { force: process.argv.includes('--force') });
}
