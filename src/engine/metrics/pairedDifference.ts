import { accurateMean, neumaierSum } from './accurateSum';

/**
 * Proposal against baseline on the SAME paths (common random numbers): per path d_i = proposal_i − baseline_i.
 *
 * meanDiff = mean of d; ci95 = meanDiff ± 1.96 · s / √n, the normal approximation with s the sample standard
 * deviation of d (divisor n − 1). With n = 1 or s = 0 there is no spread to estimate and ci95 is
 * [meanDiff, meanDiff]. Pairing removes the path-to-path noise the two runs share, which is why the interval is
 * far narrower than comparing two independent means.
 */
export interface PairedDifference {
  meanDiff: number;
  ci95: [number, number];
  baselineMean: number;
  proposalMean: number;
}

export type Verdict = 'better' | 'worse' | 'no clear difference';

/** z of the paired-difference interval (two-sided 95%, normal approximation). */
export const PAIRED_Z = 1.96;

function checkPaired(name: string, proposal: ArrayLike<number>, baseline: ArrayLike<number>): number {
  const n = proposal.length;
  if (baseline.length !== n) {
    throw new Error(`${name}: proposal has ${n} paths but baseline has ${baseline.length}; both must be the same paths`);
  }
  if (n === 0) throw new Error(`${name}: no paths`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(proposal[i]) || !Number.isFinite(baseline[i])) throw new Error(`${name}: value at path ${i} is not finite`);
  }
  return n;
}

/** Mean and 95% interval of paired differences d (definitions above). */
function intervalOfDifferences(name: string, d: Float64Array): { meanDiff: number; ci95: [number, number] } {
  const n = d.length;
  const meanDiff = accurateMean(d);
  // Sample standard deviation, with deviations scaled by their largest magnitude so squares cannot overflow.
  const deviations = new Float64Array(n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const e = (d[i] as number) - meanDiff;
    deviations[i] = e;
    scale = Math.max(scale, Math.abs(e));
  }
  if (n === 1 || scale === 0) return { meanDiff, ci95: [meanDiff, meanDiff] };
  if (!Number.isFinite(scale)) throw new Error(`${name}: the differences are too large to measure their spread`);
  for (let i = 0; i < n; i++) {
    const r = (deviations[i] as number) / scale;
    deviations[i] = r * r;
  }
  const sd = scale * Math.sqrt(neumaierSum(deviations) / (n - 1));
  const half = (PAIRED_Z * sd) / Math.sqrt(n);
  const ci95: [number, number] = [Math.min(meanDiff, meanDiff - half), Math.max(meanDiff, meanDiff + half)];
  if (!Number.isFinite(ci95[0]) || !Number.isFinite(ci95[1])) throw new Error(`${name}: the interval overflows`);
  return { meanDiff, ci95 };
}

/** Paired difference of a per-path metric. Throws for unequal lengths, zero paths or a non-finite value. */
export function pairedDifference(proposal: ArrayLike<number>, baseline: ArrayLike<number>): PairedDifference {
  const n = checkPaired('pairedDifference', proposal, baseline);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = (proposal[i] as number) - (baseline[i] as number);
    if (!Number.isFinite(d[i])) throw new Error(`pairedDifference: the difference at path ${i} overflows`);
  }
  return {
    ...intervalOfDifferences('pairedDifference', d),
    baselineMean: accurateMean(baseline),
    proposalMean: accurateMean(proposal),
  };
}

/**
 * Paired difference of proportions of the event value > 0 (e.g. P(socialized loss > 0)): d_i ∈ {−1, 0, 1} is
 * the proposal's indicator minus the baseline's, with the same interval as pairedDifference. baselineMean and
 * proposalMean are the two shares of paths with the event.
 */
export function pairedProportionDifference(proposal: ArrayLike<number>, baseline: ArrayLike<number>): PairedDifference {
  const n = checkPaired('pairedProportionDifference', proposal, baseline);
  const d = new Float64Array(n);
  let proposalHits = 0;
  let baselineHits = 0;
  for (let i = 0; i < n; i++) {
    const p = (proposal[i] as number) > 0 ? 1 : 0;
    const b = (baseline[i] as number) > 0 ? 1 : 0;
    proposalHits += p;
    baselineHits += b;
    d[i] = p - b;
  }
  return {
    ...intervalOfDifferences('pairedProportionDifference', d),
    baselineMean: baselineHits / n,
    proposalMean: proposalHits / n,
  };
}

/**
 * Decided only by whether the 95% interval excludes 0: entirely above 0 means the proposal is higher, entirely
 * below means lower; `lowerIsBetter` says which of those is 'better'. An interval touching or containing 0 is
 * 'no clear difference'.
 */
export function verdict(diff: PairedDifference, options: { lowerIsBetter: boolean }): Verdict {
  const [lo, hi] = diff.ci95;
  if (lo > 0) return options.lowerIsBetter ? 'worse' : 'better';
  if (hi < 0) return options.lowerIsBetter ? 'better' : 'worse';
  return 'no clear difference';
}
