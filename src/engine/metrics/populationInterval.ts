/**
 * An interval on P(socialized) that includes which population was drawn, not only which price paths.
 *
 * Batch means over K populations: batch k draws its own generated population (population seed derived from the
 * run seed and k) and runs its own paths, so each batch's share P_k varies with both the book and the paths.
 * The interval is mean(P_k) ± t(K − 1, 0.975) · sd(P_k) / √K (Student t: the K batch shares are independent),
 * widened where needed to contain the Wilson interval of the pooled count — with rare events most batches see
 * 0 and the batch spread alone would understate the path noise, so the interval is never narrower than the
 * path-only one on the same paths.
 */
import { wilsonInterval } from './wilson';

/** t(ν, 0.975) for ν = 1..29; ν ≥ 30 uses the normal's 1.96 (within 4 %). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045,
];

export interface PopulationInterval {
  method: 'batch-means';
  /** Number of populations (batches). */
  populations: number;
  pathsPerPopulation: number;
  /** Pooled share of socialized paths over all batches. */
  pSocialized: number;
  /** Each population's share of socialized paths. */
  perPopulation: number[];
  interval: [number, number];
}

/** @param socializedPerBatch socialized path counts, one per population; each batch ran pathsPerBatch paths */
export function populationInterval(socializedPerBatch: readonly number[], pathsPerBatch: number): PopulationInterval {
  const k = socializedPerBatch.length;
  if (k < 2) throw new RangeError(`populationInterval needs at least 2 populations, got ${k}`);
  if (!(Number.isSafeInteger(pathsPerBatch) && pathsPerBatch >= 1)) throw new RangeError(`pathsPerBatch must be a positive integer, got ${pathsPerBatch}`);
  const shares = socializedPerBatch.map((c) => c / pathsPerBatch);
  const mean = shares.reduce((s, p) => s + p, 0) / k;
  const sd = Math.sqrt(shares.reduce((s, p) => s + (p - mean) ** 2, 0) / (k - 1));
  const half = (T975[k - 2] ?? 1.96) * (sd / Math.sqrt(k));
  const total = socializedPerBatch.reduce((s, c) => s + c, 0);
  const [wLo, wHi] = wilsonInterval(total, k * pathsPerBatch);
  return {
    method: 'batch-means',
    populations: k,
    pathsPerPopulation: pathsPerBatch,
    pSocialized: total / (k * pathsPerBatch),
    perPopulation: shares,
    interval: [Math.max(0, Math.min(wLo, mean - half)), Math.min(1, Math.max(wHi, mean + half))],
  };
}
