// Proposal against baseline, as a table and one verdict sentence (pure; unit-tested). The judgement is the
// store's (src/state/comparisonVerdict.ts); this words and formats it.
import type { RunComparison } from '../../engine/metrics/compareRuns';
import type { PairedDifference, Verdict } from '../../engine/metrics/pairedDifference';
import { directionOf, headlineVerdict, type Direction } from '../../state/comparisonVerdict';
import { formatCount, formatPaths, formatPercent, formatQuote, formatSignedCount, formatSignedPoints, formatSignedQuote } from '../format';

export type ComparisonKey = 'pSocialized' | 'socializedLoss' | 'badDebt' | 'fundDraw' | 'liquidations';
type Unit = 'share' | 'quote' | 'count';

export interface ComparisonRow {
  key: ComparisonKey;
  label: string;
  proposal: string;
  baseline: string;
  difference: string;
  interval: string;
  direction: Direction;
  /** Raw numbers, for data attributes and tests. */
  raw: PairedDifference;
}

const METRICS: { key: ComparisonKey; label: string; unit: Unit; judged: boolean }[] = [
  { key: 'pSocialized', label: 'Paths with socialized loss', unit: 'share', judged: true },
  { key: 'socializedLoss', label: 'Socialized loss, mean per path (quote)', unit: 'quote', judged: true },
  { key: 'badDebt', label: 'Bad debt, mean per path (quote)', unit: 'quote', judged: true },
  // Not judged: a fund draw is the fund doing its job; a proposal that enlarges the fund draws more from it and
  // socializes less. The socialized-loss and bad-debt rows carry the verdict (issue #21).
  { key: 'fundDraw', label: 'Insurance-fund draw, mean per path (quote)', unit: 'quote', judged: false },
  { key: 'liquidations', label: 'Liquidations per path', unit: 'count', judged: false },
];

const plain: Record<Unit, (v: number) => string> = { share: formatPercent, quote: formatQuote, count: formatCount };
const signed: Record<Unit, (v: number) => string> = { share: formatSignedPoints, quote: formatSignedQuote, count: formatSignedCount };

export function comparisonRows(c: RunComparison): ComparisonRow[] {
  return METRICS.map(({ key, label, unit, judged }) => {
    const d = c[key];
    return {
      key,
      label,
      proposal: plain[unit](d.proposalMean),
      baseline: plain[unit](d.baselineMean),
      difference: signed[unit](d.meanDiff),
      interval: `${signed[unit](d.ci95[0])} to ${signed[unit](d.ci95[1])}`,
      direction: directionOf(d, judged),
      raw: d,
    };
  });
}

export interface VerdictLine {
  verdict: Verdict;
  /** The metric the verdict is about. */
  metric: 'socializedLoss' | 'badDebt';
  sentence: string;
}

/** The one-line verdict (headlineVerdict), in words; when it is about the mean bad debt, it says why. */
export function verdictLine(c: RunComparison): VerdictLine {
  const { verdict: v, metric, difference: d } = headlineVerdict(c);
  const what = metric === 'socializedLoss' ? 'mean socialized loss' : 'mean bad debt (neither run socialized any loss)';
  const interval = `95 % interval ${formatSignedQuote(d.ci95[0])} to ${formatSignedQuote(d.ci95[1])} quote per path`;
  const onPaths = `on the same ${formatPaths(c.paths)}`;
  let sentence: string;
  if (v === 'better') {
    sentence = `Better: the proposal lowers the ${what} by ${formatQuote(-d.meanDiff)} quote per path (${interval}), ${onPaths}.`;
  } else if (v === 'worse') {
    sentence = `Worse: the proposal raises the ${what} by ${formatQuote(d.meanDiff)} quote per path (${interval}), ${onPaths}.`;
  } else if (d.ci95[0] === 0 && d.ci95[1] === 0) {
    sentence = `No clear difference: the ${what} is the same on every one of the ${formatPaths(c.paths)}.`;
  } else {
    sentence = `No clear difference: the change in the ${what} (${interval}) could be zero, ${onPaths}; more paths would narrow the interval.`;
  }
  return { verdict: v, metric, sentence };
}

export interface CostRow {
  key: 'liquidations' | 'liquidatedNotional' | 'penalties' | 'idleCapital';
  label: string;
  baseline: string;
  proposal: string;
  difference: string;
  /** Why this is a cost and who bears it. */
  note: string;
}

/**
 * What the proposal costs, beside what it buys: more liquidations and notional closed (traders closed out), penalties
 * paid by liquidated traders into the fund, and capital held idle in the fund (the starting-fund difference).
 * Liquidation and penalty differences are paired on the same paths (95 % intervals).
 */
export function costRows(c: RunComparison, baselineFund: number, proposalFund: number): CostRow[] {
  const pair = (d: RunComparison['liquidations'], plainF: (v: number) => string, signedF: (v: number) => string) => ({
    baseline: plainF(d.baselineMean),
    proposal: plainF(d.proposalMean),
    difference: `${signedF(d.meanDiff)} (${signedF(d.ci95[0])} to ${signedF(d.ci95[1])})`,
  });
  return [
    { key: 'liquidations', label: 'Liquidations per path', ...pair(c.liquidations, formatCount, formatSignedCount), note: 'traders closed out, each paying a penalty' },
    { key: 'liquidatedNotional', label: 'Notional liquidated, mean per path (quote)', ...pair(c.liquidatedNotional, formatQuote, formatSignedQuote), note: 'positions closed by force' },
    { key: 'penalties', label: 'Penalties paid into the fund, mean per path (quote)', ...pair(c.fundInflow, formatQuote, formatSignedQuote), note: 'paid by liquidated traders' },
    {
      key: 'idleCapital',
      label: 'Capital held in the insurance fund (quote)',
      baseline: formatQuote(baselineFund),
      proposal: formatQuote(proposalFund),
      difference: formatSignedQuote(proposalFund - baselineFund),
      note: 'idle capital: the planner prices it per year',
    },
  ];
}
