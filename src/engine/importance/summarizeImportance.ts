import { unitsToQuote } from '../money/money';
import type { RiskStats } from '../metrics/riskStats';
import { summarizeRun, type RunSummary, type SummarizeOptions } from '../metrics/summarizeRun';
import { effectiveSampleSize, weightedMean, weightedProbability, weightedTail } from './weightedEstimates';

/** The 95 % intervals importance sampling adds to a summary, in the summary's units (quote, probability). */
export interface ImportanceIntervals {
  socializedLossMean: [number, number];
  socializedLossVar99: [number, number];
  socializedLossEs99: [number, number];
  badDebtMean: [number, number];
  badDebtVar99: [number, number];
  badDebtEs99: [number, number];
}

/**
 * The CLI summary (same fields, each an estimate under the NOMINAL scenario) plus `estimator`,
 * `effectiveSampleSize`, the intervals above and the mean weight (≈ 1 when the proposal is sound: E_q[w] = 1).
 */
export interface ImportanceSummary extends RunSummary {
  estimator: 'importance';
  effectiveSampleSize: number;
  weightMean: number;
  intervals: ImportanceIntervals;
}

interface WeightedRun {
  weights: Float64Array;
}

function weightedStats(weights: Float64Array, units: Float64Array): { stats: RiskStats; mean: [number, number]; var99: [number, number]; es99: [number, number] } {
  const mean = weightedMean(weights, units, 0);
  const t95 = weightedTail(weights, units, 0.95);
  const t99 = weightedTail(weights, units, 0.99);
  let max = 0;
  for (let i = 0; i < units.length; i++) if ((weights[i] as number) > 0) max = Math.max(max, units[i] as number);
  const q = (x: number) => unitsToQuote(x);
  const pair = (ci: [number, number]): [number, number] => [q(ci[0]), q(ci[1])];
  return {
    stats: {
      mean: q(mean.estimate),
      var95: q(t95.valueAtRisk.estimate),
      var99: q(t99.valueAtRisk.estimate),
      es95: q(t95.expectedShortfall.estimate),
      es99: q(t99.expectedShortfall.estimate),
      max: q(max),
    },
    mean: pair(mean.ci95),
    var99: pair(t99.valueAtRisk.ci95),
    es99: pair(t99.expectedShortfall.ci95),
  };
}

/**
 * Summarizes an importance-sampled run (merged ranges of WeightedRangeResult, lossBy* already weighted): every
 * mean, probability and tail is the weighted estimate of weightedEstimates.ts. `fan` and `histograms` are not
 * given (they would show the tilted paths, not the market); `detail` is ignored.
 */
export function summarizeImportance(result: Parameters<typeof summarizeRun>[0] & { draws: WeightedRun }, options: SummarizeOptions): ImportanceSummary {
  const { weights } = result.draws;
  const plain = summarizeRun(result, { ...options, detail: false });
  const cols = result.paths;
  const paths = plain.paths;
  if (weights.length !== paths) throw new Error(`summarizeImportance: ${weights.length} weights for ${paths} paths`);
  const depleted = Float64Array.from(cols.fundDepletedStep, (step) => (step >= 0 ? 1 : 0));
  const p = weightedProbability(weights, cols.socializedLossUnits);
  const badDebt = weightedStats(weights, cols.badDebtUnits);
  const socialized = weightedStats(weights, cols.socializedLossUnits);
  const mean = (column: Float64Array) => weightedMean(weights, column).estimate;
  return {
    ...plain,
    pSocialized: p.estimate,
    pSocializedCI: p.ci95,
    badDebt: badDebt.stats,
    fundDraw: weightedStats(weights, cols.fundDrawUnits).stats,
    socializedLoss: socialized.stats,
    vaultLoss: weightedStats(weights, cols.vaultLossUnits).stats,
    uncovered: weightedStats(weights, cols.uncoveredUnits).stats,
    liquidations: mean(cols.liquidations),
    adlNotional: mean(cols.adlNotionalQuote),
    // plain.lossByAccount and burdenByDecile divide the weighted sums by the path count: the weighted means.
    fundDepletedShare: weightedMean(weights, depleted, 0).estimate,
    accountsHitMean: mean(cols.accountsHit),
    liquidatedNotional: mean(cols.liquidatedNotionalQuote),
    estimator: 'importance',
    effectiveSampleSize: effectiveSampleSize(weights),
    weightMean: neumaierMean(weights),
    intervals: {
      socializedLossMean: socialized.mean,
      socializedLossVar99: socialized.var99,
      socializedLossEs99: socialized.es99,
      badDebtMean: badDebt.mean,
      badDebtVar99: badDebt.var99,
      badDebtEs99: badDebt.es99,
    },
  };
}

function neumaierMean(values: Float64Array): number {
  return weightedMean(new Float64Array(values.length).fill(1), values).estimate;
}
