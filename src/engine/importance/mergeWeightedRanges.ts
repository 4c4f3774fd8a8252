import { mergeRangeResults } from '../results/mergeRangeResults';
import type { DrawColumns, WeightedRangeResult } from './importanceSimulator';

const DRAW_KEYS = ['weights', 'component', 'jumpCount', 'jumpSteps', 'jumpSquares', 'shockSum', 'largeJumpSteps'] as const satisfies readonly (keyof DrawColumns)[];

/** mergeRangeResults for importance-sampled ranges: the draw columns are concatenated in path order too. */
export function mergeWeightedRanges(parts: readonly WeightedRangeResult[]): WeightedRangeResult {
  const merged = mergeRangeResults(parts);
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  const total = merged.to - merged.from;
  const draws = {} as DrawColumns;
  for (const key of DRAW_KEYS) {
    const first = sorted[0]!.draws[key];
    const into = first instanceof Int32Array ? new Int32Array(total) : new Float64Array(total);
    let offset = 0;
    for (const part of sorted) {
      const column = part.draws[key];
      if (column.length !== part.to - part.from) throw new Error(`mergeWeightedRanges: part [${part.from}, ${part.to}) has ${column.length} ${key}`);
      into.set(column, offset);
      offset += column.length;
    }
    (draws as unknown as Record<string, Float64Array | Int32Array>)[key] = into;
  }
  return { ...merged, draws };
}
