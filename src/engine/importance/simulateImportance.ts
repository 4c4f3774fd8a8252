import type { RiskParams } from '../params/riskParams';
import { createImportanceSimulator, type ImportanceOptions } from './importanceSimulator';
import { summarizeImportance, type ImportanceSummary } from './summarizeImportance';

/** Runs paths [0, paths) from the importance proposal and summarizes them (what `simulate --estimator importance` prints). */
export function simulateImportance(params: RiskParams, run: { seed: number; paths: number }, options: ImportanceOptions = {}): ImportanceSummary {
  const simulator = createImportanceSimulator(params, run.seed, options);
  const result = simulator.run(0, run.paths);
  const explicit = params.population.kind === 'explicit';
  return summarizeImportance(result, { explicit, ...(explicit ? { ids: simulator.population.ids } : {}) });
}
