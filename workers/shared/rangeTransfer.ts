// Helpers on RangeResult that both sides of the boundary use: which buffers to transfer, and one path's series
// as plain arrays. Pure functions over plain data (types from the engine only: no simulation code).
import type { SeriesColumns } from '../../src/engine/index';
import type { RangeResult, SamplePathDto } from './protocol';

/** Every distinct ArrayBuffer under a RangeResult, for `Comlink.transfer` (a buffer listed twice would throw). */
export function buffersOf(result: RangeResult): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    ...Object.values(result.paths),
    result.series.stepOfPoint,
    result.series.price,
    result.series.fundBalanceQuote,
    result.series.cumBadDebtQuote,
    result.series.cumSocializedLossQuote,
    result.series.cumLiquidatedNotionalQuote,
    result.lossByAccountUnits,
    result.lossByDecileUnits,
  ];
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) buffers.add(array.buffer as ArrayBuffer);
  return [...buffers];
}

/** Row `row` of downsampled series as plain number arrays, labelled as path `pathIndex`. */
export function samplePathOf(series: SeriesColumns, row: number, pathIndex: number): SamplePathDto {
  const rows = series.price.length / Math.max(1, series.points);
  if (!(Number.isSafeInteger(row) && row >= 0 && row < rows)) throw new RangeError(`series row ${row} is not in [0, ${rows})`);
  const start = row * series.points;
  const values = (column: Float64Array) => Array.from(column.subarray(start, start + series.points));
  return {
    pathIndex,
    stepOfPoint: Array.from(series.stepOfPoint),
    price: values(series.price),
    fundBalanceQuote: values(series.fundBalanceQuote),
    cumBadDebtQuote: values(series.cumBadDebtQuote),
    cumSocializedLossQuote: values(series.cumSocializedLossQuote),
    cumLiquidatedNotionalQuote: values(series.cumLiquidatedNotionalQuote),
  };
}
