/**
 * EventBridge event-pattern matching, for the local bus (rules from
 * functions/manifest.ts) and the local stream relay (Lambda event-source
 * filters use the same syntax). Covers the subset this project can reasonably
 * use; an unsupported operator throws rather than silently never matching, so
 * a rule that would behave differently when deployed is noticed locally.
 *
 * Semantics (as documented for EventBridge):
 * - a pattern object lists fields; every field must match (AND);
 * - a field's value is either a nested pattern (recurse) or an array of
 *   allowed values / content filters (OR);
 * - when the event's value is an array, the field matches when any element does;
 * - a field absent from the event only matches `{ "exists": false }`;
 * - literals compare exactly: `"1"` does not match `1`; numbers compare numerically.
 */

/** A pattern as written in a rule (JSON). */
export type EventPatternJson = { readonly [field: string]: unknown };

/** True when `event` matches `pattern`. Throws on a malformed or unsupported pattern. */
export function matchesPattern(pattern: EventPatternJson, event: unknown): boolean {
  return matchObject(pattern, event, '');
}

function matchObject(pattern: EventPatternJson, value: unknown, path: string): boolean {
  const object = isPlainObject(value) ? value : undefined;
  for (const [field, rule] of Object.entries(pattern)) {
    const fieldPath = path ? `${path}.${field}` : field;
    if (field === '$or') {
      if (!Array.isArray(rule) || rule.length < 2) throw new Error(`pattern ${fieldPath}: "$or" needs at least two patterns`);
      if (!rule.some((alternative) => matchObject(asPattern(alternative, fieldPath), value, path))) return false;
      continue;
    }
    const fieldValue = object?.[field];
    if (Array.isArray(rule)) {
      if (!matchAllowed(rule, fieldValue, fieldPath)) return false;
    } else if (isPlainObject(rule)) {
      if (!matchObject(rule, fieldValue, fieldPath)) return false;
    } else {
      throw new Error(`pattern ${fieldPath}: expected an array of values or a nested pattern, got ${JSON.stringify(rule)}`);
    }
  }
  return true;
}

/** One field against its list of allowed values and filters. */
function matchAllowed(allowed: readonly unknown[], value: unknown, path: string): boolean {
  if (allowed.length === 0) throw new Error(`pattern ${path}: an empty array never matches; EventBridge rejects it`);
  return allowed.some((condition) => {
    if (isPlainObject(condition)) return matchFilter(condition, value, path);
    if (value === undefined) return false;
    const candidates = Array.isArray(value) ? value : [value];
    return candidates.some((candidate) => sameLiteral(condition, candidate));
  });
}

function matchFilter(filter: Record<string, unknown>, value: unknown, path: string): boolean {
  const keys = Object.keys(filter);
  if (keys.length !== 1) throw new Error(`pattern ${path}: a content filter has exactly one operator, got ${JSON.stringify(filter)}`);
  const operator = keys[0] as string;
  const operand = filter[operator];

  if (operator === 'exists') {
    if (typeof operand !== 'boolean') throw new Error(`pattern ${path}: "exists" takes true or false`);
    // EventBridge treats only leaf values as existing; an empty array is "no value".
    const present = value !== undefined && !isPlainObject(value) && !(Array.isArray(value) && value.length === 0);
    return present === operand;
  }
  if (value === undefined) return false;
  const candidates = Array.isArray(value) ? value : [value];

  switch (operator) {
    case 'prefix':
      return candidates.some((c) => typeof c === 'string' && matchAffix(operand, c, path, 'prefix'));
    case 'suffix':
      return candidates.some((c) => typeof c === 'string' && matchAffix(operand, c, path, 'suffix'));
    case 'equals-ignore-case':
      if (typeof operand !== 'string') throw new Error(`pattern ${path}: "equals-ignore-case" takes a string`);
      return candidates.some((c) => typeof c === 'string' && c.toLowerCase() === operand.toLowerCase());
    case 'numeric':
      return candidates.some((c) => typeof c === 'number' && matchNumeric(operand, c, path));
    case 'anything-but':
      // Every element must differ: an array holding an excluded value does not match.
      return candidates.every((c) => !matchExcluded(operand, c, path));
    default:
      throw new Error(`pattern ${path}: the local bus does not support the "${operator}" filter`);
  }
}

function matchAffix(operand: unknown, candidate: string, path: string, kind: 'prefix' | 'suffix'): boolean {
  if (typeof operand === 'string') return kind === 'prefix' ? candidate.startsWith(operand) : candidate.endsWith(operand);
  if (isPlainObject(operand) && typeof operand['equals-ignore-case'] === 'string') {
    const affix = operand['equals-ignore-case'].toLowerCase();
    const lower = candidate.toLowerCase();
    return kind === 'prefix' ? lower.startsWith(affix) : lower.endsWith(affix);
  }
  throw new Error(`pattern ${path}: "${kind}" takes a string`);
}

/** True when the candidate is one of the values `anything-but` excludes. */
function matchExcluded(operand: unknown, candidate: unknown, path: string): boolean {
  if (Array.isArray(operand)) return operand.some((excluded) => sameLiteral(excluded, candidate));
  if (isPlainObject(operand)) {
    const [operator, ...rest] = Object.keys(operand);
    if (rest.length === 0 && (operator === 'prefix' || operator === 'suffix') && typeof candidate === 'string') {
      return matchAffix(operand[operator], candidate, path, operator);
    }
    if (rest.length === 0 && (operator === 'prefix' || operator === 'suffix')) return false;
    throw new Error(`pattern ${path}: "anything-but" supports values, "prefix" and "suffix"`);
  }
  return sameLiteral(operand, candidate);
}

const COMPARATORS: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function matchNumeric(operand: unknown, candidate: number, path: string): boolean {
  if (!Array.isArray(operand) || operand.length === 0 || operand.length % 2 !== 0) {
    throw new Error(`pattern ${path}: "numeric" takes [op, number, ...], e.g. [">", 0, "<=", 5]`);
  }
  for (let i = 0; i < operand.length; i += 2) {
    const compare = COMPARATORS[String(operand[i])];
    const bound = operand[i + 1];
    if (!compare || typeof bound !== 'number') throw new Error(`pattern ${path}: bad "numeric" operand ${JSON.stringify(operand)}`);
    if (!compare(candidate, bound)) return false;
  }
  return true;
}

function sameLiteral(expected: unknown, actual: unknown): boolean {
  // Exact type and value: EventBridge never coerces "1" to 1.
  return expected === actual;
}

function asPattern(value: unknown, path: string): EventPatternJson {
  if (!isPlainObject(value)) throw new Error(`pattern ${path}: expected a nested pattern`);
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
