import { PATH_COLUMN_KEYS, SERIES_ARRAY_KEYS, pathCountOf } from './rangeResultShape';
import type { PathColumns, RangeResult, SeriesColumns } from './pathResults';

/**
 * Joins the results of contiguous path ranges (e.g. the chunks workers returned, in any order) into one
 * RangeResult over their union, as if one call had simulated it:
 * - parts are sorted by `from` (the input array is not changed) and must tile the range exactly: each part
 *   starts where the previous one ended; a gap or an overlap throws an Error naming the two ranges;
 * - every per-path column and every series array is concatenated in path order (always into new arrays);
 * - all parts must share the same series points (`points` and `stepOfPoint`);
 * - lossByAccountUnits and lossByDecileUnits are summed element-wise, in path order; their lengths must match.
 *   They hold integer money units, so the sums are exact and independent of how the range was chunked.
 * Throws for no parts or a part whose columns do not fit its own range.
 */
export function mergeRangeResults(parts: readonly RangeResult[]): RangeResult {
  if (parts.length === 0) throw new Error('mergeRangeResults: no parts to merge');
  const sorted = [...parts].sort((a, b) => a.from - b.from || a.to - b.to);
  const first = sorted[0] as RangeResult;
  for (const part of sorted) pathCountOf(part);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as RangeResult;
    const next = sorted[i] as RangeResult;
    if (next.from > prev.to) {
      throw new Error(`mergeRangeResults: gap between [${prev.from}, ${prev.to}) and [${next.from}, ${next.to}): paths [${prev.to}, ${next.from}) are missing`);
    }
    if (next.from < prev.to) {
      throw new Error(`mergeRangeResults: [${prev.from}, ${prev.to}) and [${next.from}, ${next.to}) overlap on paths [${next.from}, ${Math.min(prev.to, next.to)})`);
    }
  }
  checkSameShape(sorted, first);

  const from = first.from;
  const to = (sorted[sorted.length - 1] as RangeResult).to;
  const paths = {} as PathColumns;
  for (const key of PATH_COLUMN_KEYS) mergePathColumn(paths, key, sorted, to - from);
  const { points } = first.series;
  const series = { points, stepOfPoint: Int32Array.from(first.series.stepOfPoint) } as SeriesColumns;
  for (const key of SERIES_ARRAY_KEYS) {
    series[key] = concat(sorted.map((part) => part.series[key]), new Float64Array((to - from) * points));
  }
  return {
    from,
    to,
    paths,
    series,
    lossByAccountUnits: sumElementwise(sorted.map((part) => part.lossByAccountUnits)),
    lossByDecileUnits: sumElementwise(sorted.map((part) => part.lossByDecileUnits)),
  };
}

function checkSameShape(sorted: RangeResult[], first: RangeResult): void {
  for (const part of sorted) {
    const where = `mergeRangeResults: part [${part.from}, ${part.to})`;
    if (part.series.points !== first.series.points) {
      throw new Error(`${where} has ${part.series.points} series points, part [${first.from}, ${first.to}) has ${first.series.points}`);
    }
    if (part.series.stepOfPoint.some((step, j) => step !== first.series.stepOfPoint[j])) {
      throw new Error(`${where} has different series steps (stepOfPoint) from part [${first.from}, ${first.to})`);
    }
    if (part.lossByAccountUnits.length !== first.lossByAccountUnits.length) {
      throw new Error(`${where} has ${part.lossByAccountUnits.length} accounts in lossByAccountUnits, expected ${first.lossByAccountUnits.length}`);
    }
    if (part.lossByDecileUnits.length !== first.lossByDecileUnits.length) {
      throw new Error(`${where} has ${part.lossByDecileUnits.length} deciles in lossByDecileUnits, expected ${first.lossByDecileUnits.length}`);
    }
  }
}

/** A new, zeroed column of the same kind (Float64Array, Int32Array or Uint8Array) as the column given. */
function emptyLike<A extends Float64Array | Int32Array | Uint8Array>(column: A, length: number): A {
  if (column instanceof Int32Array) return new Int32Array(length) as A;
  if (column instanceof Uint8Array) return new Uint8Array(length) as A;
  return new Float64Array(length) as A;
}

function mergePathColumn<K extends keyof PathColumns>(out: PathColumns, key: K, sorted: RangeResult[], total: number): void {
  out[key] = concat(sorted.map((part) => part.paths[key]), emptyLike((sorted[0] as RangeResult).paths[key], total));
}

function concat<A extends Float64Array | Int32Array | Uint8Array>(columns: A[], into: A): A {
  let offset = 0;
  for (const column of columns) {
    into.set(column, offset);
    offset += column.length;
  }
  return into;
}

function sumElementwise(arrays: Float64Array[]): Float64Array {
  const sum = new Float64Array((arrays[0] as Float64Array).length);
  for (const array of arrays) {
    for (let i = 0; i < array.length; i++) sum[i] = (sum[i] as number) + (array[i] as number);
  }
  return sum;
}
