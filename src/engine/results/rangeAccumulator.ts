// A run's paths gathered in path order from ranges that arrive in any order (the aggregator worker's chunks).
// Ranges are written at their path indices into run-length columns; `prefix` counts the paths from 0 that have
// all arrived. A view over [0, prefix) is exactly what simulateRange(0, prefix) would have returned (and what
// mergeRangeResults of the same ranges gives), so a summary of it does not depend on how many workers ran or
// how the paths were chunked.
import { emptyPathColumns, emptySeries } from './emptyColumns';
import type { PathColumns, RangeResult, SeriesColumns } from './pathResults';
import { PATH_COLUMN_KEYS, SERIES_ARRAY_KEYS, pathCountOf } from './rangeResultShape';

interface Losses {
  to: number;
  lossByAccountUnits: Float64Array;
  lossByDecileUnits: Float64Array;
}

export class RangeAccumulator {
  readonly total: number;
  /** Paths [0, prefix) have all arrived. */
  prefix = 0;
  private readonly paths: PathColumns;
  private readonly received: Uint8Array;
  private series: SeriesColumns | null = null;
  /** Sums over the prefix, added range by range in path order (integer money units: exact in any order anyway). */
  private lossByAccountUnits = new Float64Array(0);
  private lossByDecileUnits = new Float64Array(0);
  /** Loss arrays of ranges that arrived ahead of the prefix, by their first path. */
  private readonly ahead = new Map<number, Losses>();

  constructor(total: number) {
    if (!(Number.isSafeInteger(total) && total > 0)) throw new RangeError(`a run needs a positive whole number of paths, got ${total}`);
    this.total = total;
    this.paths = emptyPathColumns(total);
    this.received = new Uint8Array(total);
  }

  /** Writes a range at its path indices. Throws for a range outside the run, a path received twice, or a shape that differs. */
  add(result: RangeResult): void {
    const count = pathCountOf(result);
    const { from, to } = result;
    if (count === 0) return;
    if (to > this.total) throw new Error(`chunk [${from}, ${to}) lies outside the run's ${this.total} paths`);
    for (let i = from; i < to; i++) {
      if (this.received[i] === 1) throw new Error(`chunk [${from}, ${to}) repeats path ${i}, already received`);
    }
    const series = this.seriesFor(result);
    for (const key of PATH_COLUMN_KEYS) this.paths[key].set(result.paths[key], from);
    for (const key of SERIES_ARRAY_KEYS) series[key].set(result.series[key], from * series.points);
    this.received.fill(1, from, to);
    this.ahead.set(from, { to, lossByAccountUnits: result.lossByAccountUnits, lossByDecileUnits: result.lossByDecileUnits });
    for (let next = this.ahead.get(this.prefix); next; next = this.ahead.get(this.prefix)) {
      this.ahead.delete(this.prefix);
      addInto(this.lossByAccountUnits, next.lossByAccountUnits);
      addInto(this.lossByDecileUnits, next.lossByDecileUnits);
      this.prefix = next.to;
    }
  }

  has(pathIndex: number): boolean {
    return this.received[pathIndex] === 1;
  }

  /** Paths [0, prefix) as one RangeResult of views (no copies). Valid until the next add. */
  prefixView(): RangeResult {
    const view = this.pathsView(this.prefix);
    return { ...view, lossByAccountUnits: this.lossByAccountUnits, lossByDecileUnits: this.lossByDecileUnits };
  }

  /**
   * Paths [0, n) (n ≤ prefix): per-path columns and series only, the loss-by-account sums left empty — for paired
   * comparisons, which read per-path columns alone.
   */
  pathsView(n: number): RangeResult {
    if (!(n >= 0 && n <= this.prefix)) throw new RangeError(`view of ${n} paths, but only ${this.prefix} have arrived in order`);
    const series = this.series ?? emptySeries(0, 0, new Int32Array(0));
    const paths = {} as PathColumns;
    for (const key of PATH_COLUMN_KEYS) (paths as unknown as Record<string, ArrayBufferView>)[key] = this.paths[key].subarray(0, n);
    const seriesView = { points: series.points, stepOfPoint: series.stepOfPoint } as SeriesColumns;
    for (const key of SERIES_ARRAY_KEYS) seriesView[key] = series[key].subarray(0, n * series.points);
    return { from: 0, to: n, paths, series: seriesView, lossByAccountUnits: new Float64Array(0), lossByDecileUnits: new Float64Array(0) };
  }

  /** The run-length series (every path's slot, arrived or not), or null before the first range. */
  runSeries(): SeriesColumns | null {
    return this.series;
  }

  /** Run-length series on the first range (its shape fixes the run's); later ranges must match it. */
  private seriesFor(result: RangeResult): SeriesColumns {
    const { points, stepOfPoint } = result.series;
    if (!this.series) {
      this.series = emptySeries(this.total, points, stepOfPoint);
      this.lossByAccountUnits = new Float64Array(result.lossByAccountUnits.length);
      this.lossByDecileUnits = new Float64Array(result.lossByDecileUnits.length);
      return this.series;
    }
    const where = `chunk [${result.from}, ${result.to})`;
    if (points !== this.series.points || stepOfPoint.some((step, j) => step !== this.series?.stepOfPoint[j])) {
      throw new Error(`${where} has different series points from the run's first chunk`);
    }
    if (result.lossByAccountUnits.length !== this.lossByAccountUnits.length || result.lossByDecileUnits.length !== this.lossByDecileUnits.length) {
      throw new Error(`${where} has a different population from the run's first chunk`);
    }
    return this.series;
  }
}

function addInto(sum: Float64Array, part: Float64Array): void {
  for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (part[i] as number);
}
