/** Metrics over per-path results: risk statistics, intervals, histograms, fan bands and run summaries. */
export { accurateMean, neumaierSum } from './accurateSum';
export { burdenByDecile, type BurdenByDecile } from './burdenByDecile';
export { compareRuns, type RunComparison } from './compareRuns';
export { DEFAULT_FAN_QUANTILES, fanBands, quantileSorted, type FanBands } from './fanBands';
export { histogram, type Histogram, type HistogramOptions } from './histogram';
export {
  PAIRED_Z,
  pairedDifference,
  pairedProportionDifference,
  verdict,
  type PairedDifference,
  type Verdict,
} from './pairedDifference';
export { pathCountOf } from '../results/rangeResultShape';
export { riskStats, tailCount, tailStats, type RiskStats } from './riskStats';
export {
  DEFAULT_HISTOGRAM_BINS,
  summarizeRun,
  type FanSeries,
  type RunFan,
  type RunSummary,
  type SummarizeOptions,
} from './summarizeRun';
export { wilsonInterval, Z95 } from './wilson';
