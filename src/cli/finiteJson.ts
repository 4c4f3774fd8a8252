/**
 * JSON.stringify that refuses NaN and ±Infinity instead of writing null: a non-finite number in a result is a
 * bug to report, never a value to print.
 */
export function finiteJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`non-finite number at '${key}': ${v}`);
    return v;
  });
}
