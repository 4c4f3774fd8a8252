import { populationInterval, type PopulationInterval } from '../metrics/populationInterval';
import type { RiskParams } from '../params/riskParams';
import { avalanche32 } from '../rng/pathRng';
import { createSimulator } from './simulateRange';

/** Populations resampled for the population-inclusive interval (K of the batch means). */
export const POPULATION_BATCHES = 10;

/** The population seed of batch k of a run: a 32-bit mix of (run seed, k), the same in every process. */
export function batchPopulationSeed(seed: number, k: number): number {
  return avalanche32(avalanche32((seed >>> 0) ^ Math.floor(seed / 4294967296)) ^ avalanche32(k + 0x51ed27));
}

/** How a run of `paths` paths splits into batches: K populations of perBatch paths each. */
export interface PopulationBatchPlan {
  batches: number;
  perBatch: number;
}

/**
 * The batch split of a run, or null for an explicit population (it is given, not drawn) or fewer than 2 paths
 * per batch.
 */
export function populationBatchPlan(params: RiskParams, paths: number, batches = POPULATION_BATCHES): PopulationBatchPlan | null {
  if (params.population.kind !== 'generated') return null;
  const k = Math.min(batches, Math.floor(paths / 2));
  if (k < 2) return null;
  return { batches: k, perBatch: Math.floor(paths / k) };
}

/**
 * Batch b of a plan: paths [b·m, (b + 1)·m) on its own generated population (seed batchPopulationSeed); returns
 * how many of them socialized a loss. Independent of the other batches, so batches can run in any process.
 */
export function populationBatchSocialized(params: RiskParams, seed: number, plan: PopulationBatchPlan, b: number): number {
  if (params.population.kind !== 'generated') throw new Error('populationBatchSocialized: the population must be generated');
  if (!(Number.isInteger(b) && b >= 0 && b < plan.batches)) throw new RangeError(`batch must be 0..${plan.batches - 1}, got ${b}`);
  const batchParams: RiskParams = { ...params, population: { ...params.population, seed: batchPopulationSeed(seed, b) } };
  const result = createSimulator(batchParams, seed).run(b * plan.perBatch, (b + 1) * plan.perBatch);
  let socialized = 0;
  for (const loss of result.paths.socializedLossUnits) if (loss > 0) socialized++;
  return socialized;
}

/**
 * Runs `paths` paths split into K batches, batch k on its own generated population, and returns the batch-means
 * interval on P(socialized). Null when populationBatchPlan is. Costs one more run of `paths` paths.
 */
export function populationBatches(params: RiskParams, seed: number, paths: number, batches = POPULATION_BATCHES): PopulationInterval | null {
  const plan = populationBatchPlan(params, paths, batches);
  if (plan === null) return null;
  const counts: number[] = [];
  for (let b = 0; b < plan.batches; b++) counts.push(populationBatchSocialized(params, seed, plan, b));
  return populationInterval(counts, plan.perBatch);
}
