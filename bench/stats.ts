/** Small statistics and formatting helpers shared by the bench modules. */

/** The q-quantile (0..1) of the values, nearest-rank; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Rounds to `digits` decimals (display and JSON only; ratios are computed from unrounded figures). */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** a / b, or NaN when b is 0 (a floor of zero work makes any non-zero figure infinitely far). */
export const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? 1 : Number.POSITIVE_INFINITY) : a / b);

/** "1.23×", or "∞" / "n/a". */
export function times(r: number): string {
  if (Number.isNaN(r)) return 'n/a';
  if (!Number.isFinite(r)) return '∞';
  return `${r.toFixed(2)}×`;
}
