// One side of a run in Node: simulate the paths and summarize them as `simulate --json` prints them.
import { createSimulator, runIdOf, summarizeRun, type RangeResult, type RunSummary } from '../engine/index';
import type { RiskParams } from '../engine/params/riskParams';

export interface SideRun {
  params: RiskParams;
  result: RangeResult;
  summary: RunSummary;
  runId: string;
}

export function runSide(params: RiskParams, seed: number, paths: number, options: { detail?: boolean } = {}): SideRun {
  const simulator = createSimulator(params, seed);
  const result = simulator.run(0, paths);
  const explicit = params.population.kind === 'explicit';
  const summary = summarizeRun(result, { explicit, ...(explicit ? { ids: simulator.population.ids } : {}), ...(options.detail ? { detail: true } : {}) });
  return { params, result, summary, runId: runIdOf({ params, seed, paths }) };
}
