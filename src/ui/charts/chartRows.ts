// Pure adapters: run results → the rows Recharts draws (STYLE.md §4). No React here, so each is unit-tested
// in Node; the chart components only map these rows to marks.
import type { LossMechanismKind } from '../../engine/params/riskParams';
import type { BurdenByDecile } from '../../engine/metrics/burdenByDecile';
import type { Histogram } from '../../engine/metrics/histogram';
import type { RunFan, RunSummary } from '../../engine/metrics/summarizeRun';
import type { SamplePath } from '../../state/runContract';
import { formatCompact } from '../format';

export type FanKey = 'fundBalanceQuote' | 'cumBadDebtQuote' | 'cumSocializedLossQuote' | 'price';

export interface FanRow {
  hours: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  /** [p5, p95]: the band nine paths in ten fall inside. */
  outer: [number, number];
  /** [p25, p75]: the middle half of paths. */
  inner: [number, number];
}

const FAN_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Hours since the start of a path at a step. */
export const hoursAt = (step: number, stepSeconds: number): number => (step * stepSeconds) / 3600;

const HOUR_STEPS = [1 / 12, 0.25, 0.5, 1, 2, 3, 4, 5, 6, 8, 10, 12, 24, 48, 72, 96, 168, 336, 720, 1440, 2880, 8760];

/**
 * A time axis in hours from 0 to at least `lastHours`: round ticks (every 3 h over a day, every 5 h over 30 h…),
 * at most 9 of them, the last one covering the data with as little empty space after it as the steps allow.
 */
export function hourAxis(lastHours: number): { ticks: number[]; domain: [number, number] } {
  const span = Math.max(lastHours, 1 / 60);
  const intervals = (s: number) => Math.ceil(span / s - 1e-6);
  const fitting = HOUR_STEPS.filter((s) => intervals(s) <= 8);
  const overshoot = (s: number) => intervals(s) * s - span;
  // Smallest overshoot first (a stable sort keeps the smaller step on ties).
  const step = fitting.length > 0 ? [...fitting].sort((a, b) => overshoot(a) - overshoot(b))[0]! : span / 8;
  const count = intervals(step);
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { ticks, domain: [0, ticks[ticks.length - 1]!] };
}

/**
 * One row per series point with its 5/25/50/75/95 % bands across paths, x in hours. Returns [] when the fan
 * lacks one of those quantiles or its bands are shorter than its points (nothing half-drawn).
 */
export function fanRows(fan: RunFan, key: FanKey, stepSeconds: number): FanRow[] {
  const series = fan[key];
  const index = FAN_QUANTILES.map((q) => series.quantiles.findIndex((x) => Math.abs(x - q) < 1e-9));
  if (index.some((i) => i < 0)) return [];
  const bands = index.map((i) => series.bands[i]!);
  const points = fan.stepOfPoint.length;
  if (bands.some((band) => band.length < points)) return [];
  const rows: FanRow[] = [];
  for (let j = 0; j < points; j++) {
    const [p5, p25, p50, p75, p95] = bands.map((band) => band[j]!) as [number, number, number, number, number];
    rows.push({ hours: hoursAt(fan.stepOfPoint[j]!, stepSeconds), p5, p25, p50, p75, p95, outer: [p5, p95], inner: [p25, p75] });
  }
  return rows;
}

/** True when the median path stays at 0 throughout (the event is on fewer than half of the paths). */
export function medianIsZero(rows: readonly FanRow[]): boolean {
  return rows.every((r) => r.p50 === 0);
}

export interface HistogramRow {
  /** Stable key for React and the category axis. */
  key: string;
  /** Lower edge in quote, e.g. "1.2K", or "none" for the zero-loss bar. */
  label: string;
  lo: number;
  hi: number;
  count: number;
  /** count / paths. */
  share: number;
  /** True for the separate bar of paths with no loss at all. */
  zero: boolean;
  /** What the bar is drawn at: count, or null for an empty bin on a log axis (log 0 has no place). */
  plotted: number | null;
}

export interface HistogramView {
  rows: HistogramRow[];
  paths: number;
  zeroCount: number;
  zeroShare: number;
  /** Paths with a loss above zero. */
  withLoss: number;
}

/**
 * Bars of a per-path loss histogram (log-spaced bins from summarizeRun), labelled by their lower edge. The
 * paths at exactly zero are a separate grey first bar on a log count axis (`logCounts`, where an empty bin
 * draws nothing); on a linear axis that bar would dwarf the rest, so it is left to the caption.
 */
export function histogramRows(h: Histogram, logCounts: boolean): HistogramView {
  const withLoss = h.counts.reduce((a, b) => a + b, 0);
  const paths = withLoss + h.zeroCount;
  const share = (n: number) => (paths > 0 ? n / paths : 0);
  const plotted = (n: number) => (logCounts && n === 0 ? null : n);
  // The zero-loss paths are always a bar of their own (issue #21: a histogram that drops them overstates the tail).
  const rows: HistogramRow[] =
    withLoss > 0 || h.zeroCount > 0 ? [{ key: 'zero', label: 'none', lo: 0, hi: 0, count: h.zeroCount, share: share(h.zeroCount), zero: true, plotted: plotted(h.zeroCount) }] : [];
  h.counts.forEach((count, i) => {
    const lo = h.edges[i]!;
    const hi = h.edges[i + 1]!;
    rows.push({ key: `bin-${i}`, label: formatCompact(lo), lo, hi, count, share: share(count), zero: false, plotted: plotted(count) });
  });
  return { rows, paths, zeroCount: h.zeroCount, zeroShare: share(h.zeroCount), withLoss };
}

export type WaterfallKey = 'badDebt' | 'fundDraw' | 'socializedLoss' | 'vaultLoss' | 'uncovered';

export interface WaterfallRow {
  key: WaterfallKey;
  label: string;
  /** Mean per path, quote. */
  value: number;
  /** [bottom, top] of the floating bar, quote. */
  range: [number, number];
  /** The bad-debt total, or one of the places it went. */
  kind: 'total' | 'part';
}

export type WaterfallSummary = Pick<RunSummary, 'badDebt' | 'fundDraw' | 'socializedLoss' | 'vaultLoss' | 'uncovered'>;

/** What the socialized part is called under each loss mechanism. */
export function socializedLabel(mechanism: LossMechanismKind): string {
  return mechanism === 'adl' ? 'ADL losses' : 'Haircuts';
}

/**
 * Where the mean bad debt went, as a waterfall: the total first, then each destination stepping down from it:
 * insurance fund, haircuts or ADL (by mechanism), backstop vault, uncovered. A destination that the mechanism
 * cannot use and that is 0 is left out; the fund and "uncovered" always show. The parts sum to the total
 * (badDebt = fundDraw + socializedLoss + vaultLoss + uncovered holds on every path, so on the means too, up to
 * float rounding; the last bar is clamped at 0).
 */
export function waterfallRows(s: WaterfallSummary, mechanism: LossMechanismKind): WaterfallRow[] {
  const total = s.badDebt.mean;
  const parts: { key: WaterfallKey; label: string; value: number; show: boolean }[] = [
    { key: 'fundDraw', label: 'Insurance fund', value: s.fundDraw.mean, show: true },
    {
      key: 'socializedLoss',
      label: socializedLabel(mechanism),
      value: s.socializedLoss.mean,
      show: mechanism === 'socialize' || mechanism === 'adl' || s.socializedLoss.mean > 0,
    },
    { key: 'vaultLoss', label: 'Backstop vault', value: s.vaultLoss.mean, show: mechanism === 'backstop' || s.vaultLoss.mean > 0 },
    { key: 'uncovered', label: 'Uncovered', value: s.uncovered.mean, show: true },
  ];
  const rows: WaterfallRow[] = [{ key: 'badDebt', label: 'Bad debt', value: total, range: [0, total], kind: 'total' }];
  let top = total;
  for (const part of parts) {
    if (!part.show) continue;
    const bottom = Math.max(0, top - part.value);
    rows.push({ key: part.key, label: part.label, value: part.value, range: [bottom, top], kind: 'part' });
    top = bottom;
  }
  return rows;
}

export interface BurdenRow {
  /** 1..10, 1 = the smallest positions. */
  decile: number;
  label: string;
  /** Mean socialized loss borne per path by the decile, quote. */
  meanQuote: number;
  /** Share of all socialized loss, 0..1. */
  share: number;
}

/** Who bears the socialized loss, by trader size decile (decile 1 = the smallest tenth of accounts). */
export function burdenRows(b: BurdenByDecile): BurdenRow[] {
  return b.meanPerPathQuote.map((meanQuote, i) => ({
    decile: i + 1,
    label: `D${i + 1}`,
    meanQuote,
    share: b.share[i] ?? 0,
  }));
}

export const burdenIsZero = (rows: readonly BurdenRow[]): boolean => rows.every((r) => r.meanQuote === 0);

export interface PricePoint {
  hours: number;
  price: number;
}

export interface LiquidationMarker extends PricePoint {
  /** Notional liquidated since the previous point, quote (sizes the marker). */
  notional: number;
}

export interface SamplePathView {
  line: PricePoint[];
  markers: LiquidationMarker[];
  /** Totals at the end of this path, quote. */
  totalLiquidated: number;
  badDebt: number;
  socializedLoss: number;
}

/**
 * One path: the price line, and a marker wherever the cumulative liquidated notional rose since the previous
 * point (at the first point, wherever it is already above 0), sized by how much.
 */
export function samplePathRows(sample: SamplePath, stepSeconds: number): SamplePathView {
  const n = Math.min(sample.stepOfPoint.length, sample.price.length);
  const line: PricePoint[] = [];
  const markers: LiquidationMarker[] = [];
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const point = { hours: hoursAt(sample.stepOfPoint[i]!, stepSeconds), price: sample.price[i]! };
    line.push(point);
    const cum = sample.cumLiquidatedNotionalQuote[i] ?? previous;
    if (cum > previous) markers.push({ ...point, notional: cum - previous });
    previous = Math.max(previous, cum);
  }
  const last = (values: number[]) => (values.length > 0 ? values[values.length - 1]! : 0);
  return {
    line,
    markers,
    totalLiquidated: previous,
    badDebt: last(sample.cumBadDebtQuote),
    socializedLoss: last(sample.cumSocializedLossQuote),
  };
}
