// One side of a run gathered in path order, inside the aggregator worker: the engine's RangeAccumulator (chunks
// in any order, views over the prefix that has all arrived) plus the one thing only the worker needs, a sample
// path in its transfer form.
import { RangeAccumulator } from '../../src/engine/index';
import { samplePathOf } from '../shared/rangeTransfer';
import type { SamplePathDto } from '../shared/protocol';

export class RunAccumulator extends RangeAccumulator {
  /** The series of one path, or null if it has not arrived. */
  samplePath(pathIndex: number): SamplePathDto | null {
    const series = this.runSeries();
    if (!series || !(Number.isSafeInteger(pathIndex) && pathIndex >= 0 && pathIndex < this.total) || !this.has(pathIndex)) return null;
    return samplePathOf(series, pathIndex, pathIndex);
  }
}
