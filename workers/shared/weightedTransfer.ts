// Which buffers of an importance-sampled range to transfer; types only from the engine, so the page's main
// bundle (importanceRun.ts) carries no simulation code.
import type { WeightedRangeResult } from '../../src/engine/index';

/** Every distinct buffer of a range's columns, for Comlink.transfer (a buffer listed twice would throw). */
export function weightedBuffers(result: WeightedRangeResult): ArrayBuffer[] {
  const views: ArrayBufferView[] = [...Object.values(result.paths), ...Object.values(result.draws), result.lossByAccountUnits, result.lossByDecileUnits];
  return [...new Set(views.map((view) => view.buffer as ArrayBuffer))];
}
