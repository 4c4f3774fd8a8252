/**
 * Parameter sweeps (issue #10): P(socialized loss > 0) with its interval, mean and 99 % ES of socialized loss,
 * mean bad debt and fund draw, against one parameter (1-D) or two (2-D, a heatmap). Every point runs paths
 * [0, paths) of the same seed, so all points see the same price paths (common random numbers): differences
 * between points are the parameter's doing, not noise. A worker can run one point, or one chunk of a point's
 * paths (`preparePoint` → `createSimulator(prepared.params, seed).run(from, to)` → mergeRangeResults →
 * `summarizePoint`); the loops of sweep1d and sweep2d are for the CLI and the tests.
 */
import { Dec, unitsToQuote } from '../money/money';
import { accurateMean } from '../metrics/accurateSum';
import { riskStats } from '../metrics/riskStats';
import { wilsonInterval } from '../metrics/wilson';
import { pathCountOf } from '../results/rangeResultShape';
import type { ParamProblem, RiskParams } from '../params/riskParams';
import { validateParams } from '../params/validateParams';
import type { RangeResult } from '../results/pathResults';
import { createSimulator, fundLadderApplies } from '../sim/simulateRange';
import { LEVER_PATHS, paramPathProblem, roundToResolution, sweepableParam, withParam } from '../params/sweepableParams';
import { decimalToUnits } from '../money/money';
import { fundLadder } from './fundLadder';

/** One evaluated point of a sweep. Money in quote units. */
export interface SweepPoint {
  ok: true;
  /** The value as a number (for charts); `valueText` is exactly what was written into the parameters. */
  value: number;
  valueText: string;
  paths: number;
  pSocialized: number;
  /** Wilson 95 % interval of pSocialized. */
  pSocializedCI: [number, number];
  socializedLossMean: number;
  /** Mean of the worst 1 % of paths' socialized loss (riskStats' definition). */
  socializedLossEs99: number;
  badDebtMean: number;
  fundDrawMean: number;
  /** Mean liquidation events per path. */
  liquidationsMean: number;
  /** True only if the ledger balanced exactly on every path of the point. */
  ledgerBalanced: boolean;
}

/** A point whose parameters validateParams refused: reported in place, never skipped. */
export interface InvalidSweepPoint {
  ok: false;
  value: number;
  valueText: string;
  problems: ParamProblem[];
}

export type SweepPointResult = SweepPoint | InvalidSweepPoint;

export type PreparedPoint =
  | { ok: true; value: number; valueText: string; params: RiskParams }
  | { ok: false; value: number; valueText: string; problems: ParamProblem[] };

/** Most points along one axis; a 2-D sweep may have at most MAX_SWEEP_CELLS cells. */
export const MAX_SWEEP_POINTS = 200;
export const MAX_SWEEP_CELLS = 2_500;

/** The parameters of one point: `withParam` then validateParams. Throws only for an unknown or inapplicable path. */
export function preparePoint(params: RiskParams, path: string, valueText: string): PreparedPoint {
  const problem = paramPathProblem(params, path);
  if (problem !== null) throw new Error(problem);
  const value = Number(valueText);
  const validated = validateParams(withParam(params, path, valueText));
  return validated.ok ? { ok: true, value, valueText, params: validated.params } : { ok: false, value, valueText, problems: validated.problems };
}

/** The same as preparePoint for two fields at once (a 2-D cell). */
export function preparePoint2(params: RiskParams, path: string, valueText: string, path2: string, valueText2: string): PreparedPoint {
  for (const p of [path, path2]) {
    const problem = paramPathProblem(params, p);
    if (problem !== null) throw new Error(problem);
  }
  const validated = validateParams(withParam(withParam(params, path, valueText), path2, valueText2));
  const value = Number(valueText);
  return validated.ok ? { ok: true, value, valueText, params: validated.params } : { ok: false, value, valueText, problems: validated.problems };
}

/**
 * The sweep summary of a point's (merged) paths. Pure: a page can merge the chunks its workers returned
 * (mergeRangeResults) and call this. Throws for zero paths or a non-finite column (riskStats, accurateMean).
 */
export function summarizePoint(point: { value: number; valueText: string }, result: RangeResult): SweepPoint {
  const paths = pathCountOf(result);
  if (paths === 0) throw new Error('summarizePoint: the point has zero paths');
  const cols = result.paths;
  let socialized = 0;
  let balanced = 0;
  for (let i = 0; i < paths; i++) {
    if ((cols.socializedLossUnits[i] as number) > 0) socialized++;
    if (cols.ledgerBalanced[i] === 1) balanced++;
  }
  const loss = riskStats(cols.socializedLossUnits);
  return {
    ok: true,
    value: point.value,
    valueText: point.valueText,
    paths,
    pSocialized: socialized / paths,
    pSocializedCI: wilsonInterval(socialized, paths),
    socializedLossMean: unitsToQuote(loss.mean),
    socializedLossEs99: unitsToQuote(loss.es99),
    badDebtMean: unitsToQuote(accurateMean(cols.badDebtUnits)),
    fundDrawMean: unitsToQuote(accurateMean(cols.fundDrawUnits)),
    liquidationsMean: accurateMean(cols.liquidations),
    ledgerBalanced: balanced === paths,
  };
}

/**
 * Receives each valid point's full result as it is computed (tests check the price paths; a CLI can show
 * progress). A sweep of the starting fund computes its points from the largest fund down (the fund ladder).
 */
export type PointObserver = (index: number, point: SweepPoint, result: RangeResult) => void;

function runPrepared(prepared: PreparedPoint, seed: number, paths: number, index: number, observe?: PointObserver): SweepPointResult {
  if (!prepared.ok) return prepared;
  const result = createSimulator(prepared.params, seed).run(0, paths);
  const point = summarizePoint(prepared, result);
  observe?.(index, point, result);
  return point;
}

/** One point: `params` with `path` = `value`, paths [0, paths) of `seed`. Invalid parameters come back as an InvalidSweepPoint. */
export function sweepPoint(params: RiskParams, seed: number, paths: number, path: string, value: string | number): SweepPointResult {
  const spec = sweepableParam(path);
  const text = spec === undefined || typeof value === 'string' ? String(value) : new Dec(value).toFixed();
  return runPrepared(preparePoint(params, path, text), seed, paths, 0);
}

/**
 * `points` values from `from` to `to` (both included) for the field at `path`, evenly spaced in exact decimal
 * arithmetic and rounded to the field's resolution, as exact text. One point gives [from]. For whole-number
 * fields, values that round to the same integer appear once. Throws for an unknown path, a bound that is not a
 * plain number, or points outside 1..MAX_SWEEP_POINTS.
 */
export function sweepValues(path: string, from: number | string, to: number | string, points: number): string[] {
  const spec = sweepableParam(path);
  if (spec === undefined) throw new Error(`${path}: not a sweepable parameter`);
  if (!(Number.isInteger(points) && points >= 1 && points <= MAX_SWEEP_POINTS)) {
    throw new Error(`points must be a whole number from 1 to ${MAX_SWEEP_POINTS}, got ${points}`);
  }
  for (const bound of [from, to]) {
    if (!(typeof bound === 'number' ? Number.isFinite(bound) : /^-?\d+(\.\d+)?$/.test(bound))) throw new Error(`sweep bound must be a plain number, got ${String(bound)}`);
  }
  const a = new Dec(from);
  const span = new Dec(to).minus(a);
  const values: string[] = [];
  for (let i = 0; i < points; i++) {
    const exact = points === 1 ? a : a.plus(span.times(i).dividedBy(points - 1));
    const text = roundToResolution(spec, exact.toFixed());
    if (values[values.length - 1] !== text) values.push(text === '-0' ? '0' : text);
  }
  return values;
}

export interface SweepOptions {
  onPoint?: PointObserver;
}

/**
 * A 1-D sweep: one SweepPointResult per value, in order, all on paths [0, paths) of `seed`. A sweep of the
 * starting fund runs on the fund ladder where it applies (same numbers, a fraction of the paths simulated).
 */
export function sweep1d(params: RiskParams, seed: number, paths: number, path: string, values: readonly string[], options: SweepOptions = {}): SweepPointResult[] {
  const prepared = values.map((value) => preparePoint(params, path, value));
  if (path === LEVER_PATHS.fund) {
    const laddered = fundLadderSweep(prepared, seed, paths, options.onPoint);
    if (laddered) return laddered;
  }
  return prepared.map((point, index) => runPrepared(point, seed, paths, index, options.onPoint));
}

/** The starting fund of each point, in units (what simConfig reads). */
export function fundUnitsOf(params: RiskParams): number {
  return decimalToUnits(params.insuranceFund.initial);
}

/**
 * Whether parameter sets can share one simulator on the fund ladder: fundLadderApplies, and nothing but the
 * starting fund differs between them (withParam moves a cap along with the fund, for one).
 */
export function fundLadderFits(sets: readonly RiskParams[]): boolean {
  const first = sets[0];
  if (first === undefined || !fundLadderApplies(first)) return false;
  const rest = (p: RiskParams) => JSON.stringify({ ...p, insuranceFund: { ...p.insuranceFund, initial: null } });
  const shape = rest(first);
  return sets.every((p) => rest(p) === shape);
}

/** sweep1d of insuranceFund.initial on the fund ladder, or null where the ladder does not fit. */
function fundLadderSweep(prepared: PreparedPoint[], seed: number, paths: number, observe?: PointObserver): SweepPointResult[] | null {
  const valid = prepared.flatMap((point, index) => (point.ok ? [{ point, index }] : []));
  const first = valid[0];
  if (first === undefined || !fundLadderFits(valid.map(({ point }) => point.params))) return null;
  const simulator = createSimulator(first.point.params, seed);
  // Invalid points are reported as they are; the ladder fills in every valid one.
  const out = new Array<SweepPointResult>(prepared.length);
  prepared.forEach((point, index) => {
    if (!point.ok) out[index] = point;
  });
  fundLadder(
    simulator,
    valid.map(({ point }) => fundUnitsOf(point.params)),
    0,
    paths,
    {
      series: observe !== undefined,
      onFund: (k, result) => {
        const { point, index } = valid[k]!;
        const summary = summarizePoint(point, result);
        out[index] = summary;
        observe?.(index, summary, result);
      },
    },
  );
  return out;
}

/** A cell of a 2-D sweep: `value`/`valueText` are the row's (path), `value2`/`valueText2` the column's (path2). */
export type SweepCell = SweepPointResult & { value2: number; valueText2: string };

export interface Sweep2d {
  path: string;
  path2: string;
  /** Values of `path` (rows) and `path2` (columns). */
  rows: string[];
  columns: string[];
  /** cells[r · columns.length + c] is (rows[r], columns[c]). */
  cells: SweepCell[];
}

/** A 2-D sweep over the grid rows × columns, row-major, every cell on the same paths. */
export function sweep2d(
  params: RiskParams,
  seed: number,
  paths: number,
  axes: { path: string; values: readonly string[]; path2: string; values2: readonly string[] },
  options: SweepOptions = {},
): Sweep2d {
  if (axes.path === axes.path2) throw new Error(`a 2-D sweep needs two different parameters, got ${axes.path} twice`);
  if (axes.values.length * axes.values2.length > MAX_SWEEP_CELLS) {
    throw new Error(`a 2-D sweep may have at most ${MAX_SWEEP_CELLS} cells, got ${axes.values.length} × ${axes.values2.length}`);
  }
  const cells: SweepCell[] = [];
  for (const row of axes.values) {
    for (const column of axes.values2) {
      const prepared = preparePoint2(params, axes.path, row, axes.path2, column);
      cells.push({ ...runPrepared(prepared, seed, paths, cells.length, options.onPoint), value2: Number(column), valueText2: column });
    }
  }
  return { path: axes.path, path2: axes.path2, rows: [...axes.values], columns: [...axes.values2], cells };
}
