// The judgement of a proposal against its pinned baseline, from the paired comparison of a finished run: which
// way each number moved, and the one verdict the page leads with. Verdicts come only from verdict(): a number is
// better or worse only when its paired 95 % interval excludes zero. The page words and formats them.
import type { RunComparison } from '../engine/metrics/compareRuns';
import { verdict, type PairedDifference, type Verdict } from '../engine/metrics/pairedDifference';

/**
 * 'more' / 'fewer' for a number where neither direction is good in itself: more liquidations can mean less bad debt,
 * and a larger fund draw can mean a larger fund paying what traders would otherwise have lost.
 */
export type Direction = Verdict | 'more' | 'fewer';

/** Which way a number moved; `judged` numbers (losses) are better when lower, the others only more or fewer. */
export function directionOf(d: PairedDifference, judged: boolean): Direction {
  const v = verdict(d, { lowerIsBetter: true });
  if (judged || v === 'no clear difference') return v;
  return v === 'better' ? 'fewer' : 'more';
}

export interface HeadlineVerdict {
  verdict: Verdict;
  /** The number the verdict is about. */
  metric: 'socializedLoss' | 'badDebt';
  difference: PairedDifference;
}

/**
 * The verdict on the mean socialized loss, the number governance most wants at zero; when neither run socialized
 * anything (e.g. loss mechanism "bad debt"), on the mean bad debt instead.
 */
export function headlineVerdict(c: RunComparison): HeadlineVerdict {
  const bothZero = c.socializedLoss.proposalMean === 0 && c.socializedLoss.baselineMean === 0;
  const metric = bothZero ? 'badDebt' : 'socializedLoss';
  const difference = c[metric];
  return { verdict: verdict(difference, { lowerIsBetter: true }), metric, difference };
}
