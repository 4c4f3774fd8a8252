// One side of a run in Node: simulate the paths and summarize them as `simulate --json` prints them.
import { runIdOf } from '../engine/identity';
import { summarizeRun, type RunSummary } from '../engine/metrics';
import type { RiskParams } from '../engine/params/riskParams';
import type { RangeResult } from '../engine/sim/pathResults';
import { createSimulator } from '../engine/sim/simulateRange';

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
