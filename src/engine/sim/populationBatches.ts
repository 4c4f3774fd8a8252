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

/**
 * Runs `paths` paths split into K batches, batch k on its own generated population (seed batchPopulationSeed)
 * and paths [k·m, (k + 1)·m), and returns the batch-means interval on P(socialized). Null for an explicit
 * population (it is given, not drawn) or fewer than 2 paths per batch. Costs one more run of `paths` paths.
 */
export function populationBatches(params: RiskParams, seed: number, paths: number, batches = POPULATION_BATCHES): PopulationInterval | null {
  if (params.population.kind !== 'generated') return null;
  const k = Math.min(batches, Math.floor(paths / 2));
  if (k < 2) return null;
  const perBatch = Math.floor(paths / k);
  const counts: number[] = [];
  for (let b = 0; b < k; b++) {
    const batchParams: RiskParams = { ...params, population: { ...params.population, seed: batchPopulationSeed(seed, b) } };
    const result = createSimulator(batchParams, seed).run(b * perBatch, (b + 1) * perBatch);
    let socialized = 0;
    for (const loss of result.paths.socializedLossUnits) if (loss > 0) socialized++;
    counts.push(socialized);
  }
  return populationInterval(counts, perBatch);
}
