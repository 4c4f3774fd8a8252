// Pure adapters of the planner view (issue #10): sweep results → chart rows, the key that says whether a sweep
// must run again, default specs, value formatting, the heatmap's colour scale, ADL report rows. No React here.
import type { RiskParams } from '../../engine/params/riskParams';
import { readParam, sweepableParam, type SweepableParam } from '../../engine/params/sweepableParams';
import type { AdlWaveReport } from '../../engine/reports/adlWaves';
import type { SweepSpec } from '../../share/shareState';
import type { PointAnswer } from '../../state/engines';
import { formatCompact, formatPercent, formatQuote } from '../format';

/** One x-position of the 1-D sweep charts. Missing points are simply absent (the lines join what has arrived). */
export interface SweepRow {
  index: number;
  value: number;
  valueText: string;
  p: number;
  /** [lo, hi] of the Wilson 95 % interval (an Area's range). */
  ci: [number, number];
  socializedMean: number;
  socializedEs99: number;
  badDebtMean: number;
  fundDrawMean: number;
  paths: number;
  /** Only the point's first paths are in so far (the full point replaces it). */
  provisional: boolean;
  /** Wall time of the point inside its worker, ms. */
  workerMs: number;
}

/** Rows of the finished, valid points, in axis order. Invalid points are left out (listed separately). */
export function sweepRows(points: readonly (PointAnswer | null)[]): SweepRow[] {
  const rows: SweepRow[] = [];
  points.forEach((p, index) => {
    if (!p || !p.ok) return;
    rows.push({
      index,
      value: p.value,
      valueText: p.valueText,
      p: p.pSocialized,
      ci: [p.pSocializedCI[0], p.pSocializedCI[1]],
      socializedMean: p.socializedLossMean,
      socializedEs99: p.socializedLossEs99,
      badDebtMean: p.badDebtMean,
      fundDrawMean: p.fundDrawMean,
      paths: p.paths,
      provisional: p.provisional === true,
      workerMs: p.elapsedMs,
    });
  });
  return rows;
}

/** Points whose parameters were refused, with the first problem (shown under the charts). */
export function invalidPoints(points: readonly (PointAnswer | null)[]): { valueText: string; message: string }[] {
  const out: { valueText: string; message: string }[] = [];
  for (const p of points) {
    if (p && !p.ok) out.push({ valueText: p.valueText, message: p.problems.map((q) => `${q.field}: ${q.message}`).join('; ') });
  }
  return out;
}

export { sweepKey } from '../../state/plannerSlice';

/** A sweep over the field's typical range, 10 points, or null for an unknown path. */
export function defaultSweep(path: string): SweepSpec | null {
  const spec = sweepableParam(path);
  if (!spec) return null;
  return { param: path, from: spec.typical[0], to: spec.typical[1], points: 10 };
}

/** The sweepable fields these params have (scenario and population fields apply only to their kinds). */
export function applicableParams(params: RiskParams, all: readonly SweepableParam[]): SweepableParam[] {
  return all.filter((s) => {
    try {
      readParam(params, s.path);
      return true;
    } catch {
      return false;
    }
  });
}

/** A value of a field for people: percentages for fractions, grouped quote amounts, plain numbers otherwise. */
export function formatParamValue(path: string, value: number): string {
  const spec = sweepableParam(path);
  if (!spec) return String(value);
  if (spec.unit === 'fraction' || spec.unit === 'fraction of notional') return `${Number((value * 100).toPrecision(6))} %`;
  if (spec.kind === 'decimal-string') return `${formatQuote(value)} ${spec.unit}`;
  return `${Number(value.toPrecision(6))}${spec.unit ? ` ${spec.unit}` : ''}`;
}

/** Axis ticks for a field's values. */
export function formatParamTick(path: string, value: number): string {
  const spec = sweepableParam(path);
  if (spec && (spec.unit === 'fraction' || spec.unit === 'fraction of notional')) return `${Number((value * 100).toPrecision(3))}%`;
  return formatCompact(value);
}

/**
 * Heatmap colour of P(socialized loss > 0): white at 0 to the socialized-loss red at 1, on a square-root scale
 * (small probabilities are the ones that matter and would otherwise all look white).
 */
export function heatColor(p: number): string {
  const t = Math.sqrt(Math.min(1, Math.max(0, p)));
  const from = [255, 255, 255];
  const to = [180, 35, 24];
  const c = from.map((f, i) => Math.round(f + (to[i]! - f) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Text on a heatmap cell: dark on light cells, white on dark ones. */
export function heatTextColor(p: number): string {
  return Math.sqrt(Math.min(1, Math.max(0, p))) > 0.55 ? '#fff' : '#1d2330';
}

export function formatP(p: number): string {
  return p > 0 && p < 0.001 ? '< 0.1 %' : formatPercent(p);
}

/** ADL waves for the grouped bar chart: USD millions. */
export interface AdlChartRow {
  wave: string;
  time: string;
  needed: number;
  production: number;
  proRata: number;
  overshoot: number;
  maxHaircutProduction: number;
}

export function adlChartRows(report: AdlWaveReport): AdlChartRow[] {
  return report.waves.map((w) => ({
    wave: String(w.wave),
    time: w.tStart.slice(11, 19),
    needed: w.needed / 1e6,
    production: w.production / 1e6,
    proRata: w.proRata / 1e6,
    overshoot: w.overshootProduction / 1e6,
    maxHaircutProduction: w.maxHaircutProduction,
  }));
}

/** "$15.08M" */
export function formatUsdMillions(usd: number): string {
  return `$${(usd / 1e6).toFixed(2)}M`;
}

/** The heat-map legend's stops: P(socialized) values and their colours (the same scale as the cells). */
export const HEAT_LEGEND_STOPS: readonly number[] = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

/** Index of the value in `axis` (exact decimal texts) nearest to `today`, or −1 when today is not a number. */
export function nearestIndex(axis: readonly string[], today: number | null): number {
  if (today === null || !Number.isFinite(today) || axis.length === 0) return -1;
  let best = 0;
  axis.forEach((v, i) => {
    if (Math.abs(Number(v) - today) < Math.abs(Number(axis[best]) - today)) best = i;
  });
  return best;
}
