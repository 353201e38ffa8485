/**
 * JSON with object keys sorted: one value gives one text whatever order its
 * maps' keys are in (DynamoDB hands maps back in any key order), so a stored
 * value and a computed one compare as strings.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
