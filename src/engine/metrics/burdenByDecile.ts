import { unitsToQuote } from '../money/money';
import { neumaierSum } from './accurateSum';

/** Who bears the socialized loss, by trader size decile (index 0 = the smallest tenth of accounts). */
export interface BurdenByDecile {
  /** Mean socialized loss borne per path by each decile, in quote. */
  meanPerPathQuote: number[];
  /** Each decile's share of the total socialized loss, 0..1; all 0 when nothing was socialized. */
  share: number[];
}

/**
 * From `lossByDecileUnits` (socialized loss per decile summed over `paths` paths, integer money units):
 * mean per path = units / paths / 10^6 quote, share = decile / total (0 when the total is 0).
 * Throws for zero paths or a negative or non-finite entry (a loss borne is never negative).
 */
export function burdenByDecile(lossByDecileUnits: ArrayLike<number>, paths: number): BurdenByDecile {
  if (!Number.isSafeInteger(paths) || paths < 1) throw new Error(`burdenByDecile: paths must be a positive integer, got ${paths}`);
  for (let i = 0; i < lossByDecileUnits.length; i++) {
    const v = lossByDecileUnits[i] as number;
    if (!(Number.isFinite(v) && v >= 0)) throw new Error(`burdenByDecile: loss of decile ${i} must be finite and ≥ 0, got ${v}`);
  }
  const totalUnits = neumaierSum(lossByDecileUnits);
  const meanPerPathQuote: number[] = [];
  const share: number[] = [];
  for (let i = 0; i < lossByDecileUnits.length; i++) {
    const units = lossByDecileUnits[i] as number;
    meanPerPathQuote.push(unitsToQuote(units / paths));
    share.push(totalUnits > 0 ? Math.min(1, units / totalUnits) : 0);
  }
  return { meanPerPathQuote, share };
}
