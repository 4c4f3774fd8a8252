// Rare-event mode in the workers: importance-sampled path ranges (any worker, any chunking: path i and its
// weight depend only on params, seed and i) and the summary of all of them (the aggregator). Only per-path
// columns, weights and the loss sums travel; the series stay behind (the page charts the plain run's paths).
import { transfer } from 'comlink';
import {
  buildPopulation,
  createImportanceSimulator,
  mergeWeightedRanges,
  PricePathStore,
  summarizeImportance,
  requireRunInputs,
  type ImportanceSummary,
  type WeightedRangeResult,
} from '../../src/engine/index';
import type { RiskParams } from '../shared/protocol';
import { weightedBuffers } from '../shared/weightedTransfer';

export interface ImportanceRangeRequest {
  params: RiskParams;
  seed: number;
  from: number;
  to: number;
}

export interface ImportanceSummaryRequest {
  params: RiskParams;
  seed: number;
  /** The ranges of one run, in any order, tiling [0, paths). */
  parts: WeightedRangeResult[];
}

function validated(params: unknown, seed: number): RiskParams {
  return requireRunInputs({ params, run: { seed } }).params;
}

/** One cached importance simulator (its population and frontier cost more than a chunk). */
let cached: { params: unknown; seed: number; simulator: ReturnType<typeof createImportanceSimulator> } | null = null;

/**
 * The tilted paths this worker drew, for the next run's estimate: after an edit that keeps the scenario and the
 * seed, the same paths and weights come back without drawing. One key (the page's rare-event run has one
 * scenario) and half the plain store's budget: ~1,000 paths of 1,440 steps.
 */
export const IMPORTANCE_PATH_STORE_BYTES = 12 * 1024 * 1024;
const tiltedPaths = new PricePathStore(IMPORTANCE_PATH_STORE_BYTES, 1);

function withoutSeries(result: WeightedRangeResult): WeightedRangeResult {
  const none = new Float64Array(0);
  const series = { points: 0, stepOfPoint: new Int32Array(0), price: none, fundBalanceQuote: none, cumBadDebtQuote: none, cumSocializedLossQuote: none, cumLiquidatedNotionalQuote: none };
  return { ...result, series };
}

/** Paths [from, to) drawn from the scenario's importance proposal, with their weights. */
export function importanceRangeJob(request: ImportanceRangeRequest): WeightedRangeResult {
  if (!cached || cached.params !== request.params || cached.seed !== request.seed) {
    // Structured clone gives a new object per message; compare by content once, then keep the object.
    const same = cached !== null && cached.seed === request.seed && JSON.stringify(cached.params) === JSON.stringify(request.params);
    if (!same) {
      const simulator = createImportanceSimulator(validated(request.params, request.seed), request.seed, { pricePaths: tiltedPaths });
      cached = { params: request.params, seed: request.seed, simulator };
    }
  }
  const result = withoutSeries(cached!.simulator.run(request.from, request.to));
  return transfer(result, weightedBuffers(result));
}

/** The summary `simulate --estimator importance --json` prints for the same params, seed and paths. */
export function importanceSummaryJob(request: ImportanceSummaryRequest): ImportanceSummary {
  const params = validated(request.params, request.seed);
  const merged = mergeWeightedRanges(request.parts);
  if (merged.from !== 0) throw new Error(`importance summary: the ranges start at path ${merged.from}, not 0`);
  const explicit = params.population.kind === 'explicit';
  return summarizeImportance(merged, { explicit, ...(explicit ? { ids: buildPopulation(params, request.seed).ids } : {}) });
}
