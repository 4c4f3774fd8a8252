// Rows for the tail charts (pure; unit-tested): the two exceedance curves on one log-x axis, and the fund-empty
// curve in hours.
import type { ExceedanceCurve, FundEmptyCurve } from '../../engine/metrics/tailSummary';
import { hoursAt } from './chartRows';

export interface ExceedanceRow {
  x: number;
  /** P(socialized loss ≥ x), null where that curve has no point at this x. */
  socialized: number | null;
  badDebt: number | null;
}

/**
 * Both curves merged on their x values (ascending), each curve's probability only at its own points, so a line
 * joins its own points; `floor` is the lowest probability on the log y-axis (half the smallest shown, at most 1 %).
 */
export function exceedanceRows(socialized: ExceedanceCurve, badDebt: ExceedanceCurve): { rows: ExceedanceRow[]; floor: number } {
  const rows: ExceedanceRow[] = [];
  socialized.x.forEach((x, i) => rows.push({ x, socialized: socialized.p[i]!, badDebt: null }));
  badDebt.x.forEach((x, i) => rows.push({ x, socialized: null, badDebt: badDebt.p[i]! }));
  rows.sort((a, b) => a.x - b.x);
  const ps = [...socialized.p, ...badDebt.p].filter((p) => p > 0);
  const floor = ps.length > 0 ? Math.min(0.01, Math.min(...ps) / 2) : 0.01;
  return { rows: rows.filter((r) => r.x > 0), floor };
}

export interface FundEmptyRow {
  hours: number;
  share: number;
  band: [number, number];
}

export function fundEmptyRows(curve: FundEmptyCurve, stepSeconds: number): FundEmptyRow[] {
  // The same hour axis as the fan charts above it.
  return curve.stepOfPoint.map((step, j) => ({ hours: hoursAt(step, stepSeconds), share: curve.share[j]!, band: [curve.lo[j]!, curve.hi[j]!] }));
}

/** Powers of ten from below `lo` to above `hi` (ticks of a log axis), at most one per decade. */
export function decadeTicks(lo: number, hi: number): number[] {
  if (!(lo > 0 && hi >= lo)) return [];
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(Number(`1e${e}`));
  return out;
}
