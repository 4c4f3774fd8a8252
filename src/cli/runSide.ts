// One side of a run in Node: simulate the paths and summarize them as `simulate --json` prints them.
import { createSimulator, runIdOf, summarizeRun, type PricePathStore, type RangeResult, type RunSummary } from '../engine/index';
import type { RiskParams } from '../engine/params/riskParams';

export interface SideRun {
  params: RiskParams;
  result: RangeResult;
  summary: RunSummary;
  runId: string;
}

/** `pricePaths`: a store the other side of the comparison shares, so one scenario's prices are drawn once. */
export function runSide(params: RiskParams, seed: number, paths: number, options: { detail?: boolean; pricePaths?: PricePathStore } = {}): SideRun {
  const simulator = createSimulator(params, seed, { pricePaths: options.pricePaths });
  const result = simulator.run(0, paths);
  const explicit = params.population.kind === 'explicit';
  const summary = summarizeRun(result, { explicit, ...(explicit ? { ids: simulator.population.ids } : {}), ...(options.detail ? { detail: true } : {}) });
  return { params, result, summary, runId: runIdOf({ params, seed, paths }) };
}
