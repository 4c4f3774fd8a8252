/**
 * The numeric parameters one can sweep or solve for, as data (issue #10, mitigation planner), and `withParam`,
 * which writes one of them into a copy of the parameters. `withParam` does not judge the value: the caller
 * validates the result with validateParams, so an out-of-range sweep point is reported with its field's name
 * rather than skipped. Pure: imports only the params contract and the money module (the page may import it).
 */
import { Dec } from '../money/money';
import type { RiskParams } from './riskParams';

/** How a field is written in the parameters file: an exact decimal string (money, prices), a number, a whole number. */
export type ParamKind = 'decimal-string' | 'number' | 'integer';

/** The three mitigation levers of issue #10: a larger fund, more aggressive margin, more liquidation throughput. */
export type LeverKind = 'fund' | 'margin' | 'throughput';

export interface SweepableParam {
  /** Dotted path into RiskParams, e.g. 'insuranceFund.initial'. */
  path: string;
  label: string;
  /** 'quote', 'quote per step', 'fraction', '1/year', 'steps', 'accounts', ... */
  unit: string;
  kind: ParamKind;
  /** The bounds validateParams enforces (a value outside them makes the sweep point invalid). */
  min: number;
  minExclusive: boolean;
  max: number;
  maxExclusive: boolean;
  /** A range worth sweeping by default on the page, in the field's unit. */
  typical: readonly [number, number];
  /** Grid and solver values are rounded to this step (money: one money unit, 10^-6 quote). */
  resolution: string;
  /** Which lever this field is, if any. Every lever lowers risk as it grows. */
  lever: LeverKind | null;
  /** What a null in this field means (the field is then not a number), or null when null is not allowed. */
  nullMeans: string | null;
  /** Other fields `withParam` changes to keep the parameters consistent, in words (null: none). */
  coupling: string | null;
}

const MONEY_STEP = '0.000001';
const RATIO_STEP = '0.000001';
/** LIMITS of params/schema.ts, repeated as numbers: money 1e9 quote, notional 1e15 quote, steps 100,000. */
const MAX_MONEY = 1e9;
const MAX_NOTIONAL = 1e15;
const MAX_STEPS = 100_000;

function param(p: Partial<SweepableParam> & Pick<SweepableParam, 'path' | 'label' | 'unit' | 'kind' | 'min' | 'max' | 'typical'>): SweepableParam {
  return {
    minExclusive: false,
    maxExclusive: false,
    resolution: p.kind === 'integer' ? '1' : p.kind === 'decimal-string' ? MONEY_STEP : RATIO_STEP,
    lever: null,
    nullMeans: null,
    coupling: null,
    ...p,
  };
}

/** Every sweepable field, levers first. Scenario and population fields apply only to the kinds that have them. */
export const SWEEPABLE_PARAMS: readonly SweepableParam[] = Object.freeze([
  param({
    path: 'insuranceFund.initial', label: 'Starting insurance fund', unit: 'quote', kind: 'decimal-string',
    min: 0, max: MAX_MONEY, typical: [0, 5_000_000], lever: 'fund',
    coupling: 'a fund cap below the new starting balance is raised to it (the contract requires cap ≥ initial)',
  }),
  param({
    path: 'margin.maintenanceMarginRatio', label: 'Maintenance margin ratio', unit: 'fraction', kind: 'number',
    min: 0, minExclusive: true, max: 1, maxExclusive: true, typical: [0.01, 0.3], lever: 'margin',
    coupling:
      'tier maintenance ratios scale by the same factor (new / old base ratio), none above 50 % unless it is there already; initial margin — the leverage cap the simulated ' +
      'traders were built with — stays put unless the new maintenance ratio would reach it, and only then rises (keeping its ' +
      'proportion above maintenance, at most 1), which rebuilds the traders at the lower leverage cap',
  }),
  param({
    path: 'liquidation.maxNotionalPerStep', label: 'Liquidation throughput (keeper capacity)', unit: 'quote per step', kind: 'decimal-string',
    min: 0, minExclusive: true, max: MAX_NOTIONAL, typical: [10_000, 10_000_000], lever: 'throughput', nullMeans: 'unlimited',
  }),
  param({ path: 'margin.initialMarginRatio', label: 'Initial margin ratio', unit: 'fraction', kind: 'number', min: 0, minExclusive: true, max: 1, typical: [0.06, 0.5] }),
  param({ path: 'liquidation.penaltyRatio', label: 'Liquidation penalty', unit: 'fraction of notional', kind: 'number', min: 0, max: 0.5, typical: [0, 0.05] }),
  param({ path: 'liquidation.penaltyToFund', label: 'Penalty share to the fund', unit: 'fraction', kind: 'number', min: 0, max: 1, typical: [0, 1] }),
  param({ path: 'liquidation.oracleDelaySteps', label: 'Oracle delay', unit: 'steps', kind: 'integer', min: 0, max: MAX_STEPS - 1, typical: [0, 10] }),
  param({ path: 'liquidation.impact.depth', label: 'Market depth (±1 %)', unit: 'quote', kind: 'decimal-string', min: 0, minExclusive: true, max: MAX_NOTIONAL, typical: [100_000, 50_000_000] }),
  param({ path: 'liquidation.impact.halfLifeSteps', label: 'Impact half-life', unit: 'steps', kind: 'number', min: 0, minExclusive: true, max: MAX_STEPS, typical: [1, 60], resolution: '0.001' }),
  param({ path: 'insuranceFund.feeInflowPerStep', label: 'Fee inflow to the fund', unit: 'quote per step', kind: 'decimal-string', min: 0, max: MAX_MONEY, typical: [0, 1_000] }),
  param({
    path: 'insuranceFund.maxDrawPerStep', label: 'Fund draw limit', unit: 'quote per step', kind: 'decimal-string',
    min: 0, minExclusive: true, max: MAX_MONEY, typical: [10_000, 5_000_000], nullMeans: 'no limit',
  }),
  param({ path: 'scenario.volAnnual', label: 'Volatility', unit: '1/√year', kind: 'number', min: 0, max: 10, typical: [0.2, 2], resolution: '0.0001' }),
  param({ path: 'scenario.driftAnnual', label: 'Drift', unit: '1/year', kind: 'number', min: -10, max: 10, typical: [-2, 2], resolution: '0.0001' }),
  param({ path: 'scenario.jumpIntensityAnnual', label: 'Jump intensity', unit: 'jumps per year', kind: 'number', min: 0, max: 100_000, typical: [0, 2_000], resolution: '0.01' }),
  param({ path: 'scenario.jumpMean', label: 'Mean log jump', unit: 'log return', kind: 'number', min: -10, max: 10, typical: [-0.1, 0.05], resolution: '0.0001' }),
  param({ path: 'scenario.jumpStdev', label: 'Jump size stdev', unit: 'log return', kind: 'number', min: 0, max: 10, typical: [0, 0.2], resolution: '0.0001' }),
  param({ path: 'scenario.drawdown', label: 'Crash drawdown', unit: 'fraction', kind: 'number', min: 0, minExclusive: true, max: 0.9999, typical: [0.05, 0.6], resolution: '0.0001' }),
  param({ path: 'scenario.noiseVolAnnual', label: 'Replay noise volatility', unit: '1/√year', kind: 'number', min: 0, max: 10, typical: [0, 1], resolution: '0.0001' }),
  param({ path: 'population.openInterest', label: 'Open interest per side', unit: 'quote', kind: 'decimal-string', min: 0, minExclusive: true, max: MAX_MONEY, typical: [1_000_000, 500_000_000] }),
  param({ path: 'population.leverageMedian', label: 'Median leverage', unit: '×', kind: 'number', min: 1, max: Infinity, typical: [1, 20], resolution: '0.0001' }),
  param({ path: 'population.leverageSigma', label: 'Leverage spread (log σ)', unit: 'log', kind: 'number', min: 0, max: 3, typical: [0, 1.5], resolution: '0.0001' }),
  param({ path: 'population.longShare', label: 'Long share of notional', unit: 'fraction', kind: 'number', min: 0, minExclusive: true, max: 1, maxExclusive: true, typical: [0.3, 0.7] }),
  param({ path: 'population.paretoAlpha', label: 'Size tail index (Pareto α)', unit: '', kind: 'number', min: 1.05, max: 10, typical: [1.1, 3], resolution: '0.0001' }),
  param({ path: 'population.accounts', label: 'Trader accounts', unit: 'accounts', kind: 'integer', min: 1, max: 1_000_000, typical: [100, 100_000] }),
]);

const BY_PATH = new Map(SWEEPABLE_PARAMS.map((p) => [p.path, p]));

/** The sweepable field at `path`, or undefined for a path that is not one. */
export function sweepableParam(path: string): SweepableParam | undefined {
  return BY_PATH.get(path);
}

/** The lever fields in LeverKind order: fund, margin, throughput. */
export const LEVER_PATHS: Readonly<Record<LeverKind, string>> = Object.freeze({
  fund: 'insuranceFund.initial',
  margin: 'margin.maintenanceMarginRatio',
  throughput: 'liquidation.maxNotionalPerStep',
});

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Why `path` cannot be read or written in `params` (not a sweepable field, or a field this scenario or population
 * kind does not have), or null when it can. The message names the path.
 */
export function paramPathProblem(params: RiskParams, path: string): string | null {
  if (!BY_PATH.has(path)) {
    return `${path}: not a sweepable parameter (one of ${SWEEPABLE_PARAMS.map((p) => p.path).join(', ')})`;
  }
  const segments = path.split('.');
  let node: unknown = params;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    if (!isObj(node) || !Object.hasOwn(node, seg)) {
      const where = segments.slice(0, i).join('.');
      const kind = isObj(node) && typeof node.kind === 'string' ? ` of kind '${node.kind}'` : '';
      return `${path}: does not apply to ${where || 'these parameters'}${kind}`;
    }
    node = node[seg];
  }
  return null;
}

function checkPath(params: RiskParams, path: string): SweepableParam {
  const problem = paramPathProblem(params, path);
  if (problem !== null) throw new Error(problem);
  return BY_PATH.get(path) as SweepableParam;
}

/**
 * The current value of a sweepable field as a number (a decimal string read as a float64, for charts and the
 * solver's arithmetic), or null where the field is null (e.g. unlimited throughput). Throws an Error naming the
 * path for an unknown or inapplicable path.
 */
export function readParam(params: RiskParams, path: string): number | null {
  checkPath(params, path);
  let node: unknown = params;
  for (const seg of path.split('.')) node = (node as Obj)[seg];
  if (node === null) return null;
  return typeof node === 'string' ? Number(node) : (node as number);
}

/** `root` with `value` at `segments`, copying only the objects along the way (everything else is shared). */
function setIn(root: Obj, segments: readonly string[], value: unknown): Obj {
  const [head, ...rest] = segments as [string, ...string[]];
  return { ...root, [head]: rest.length === 0 ? value : setIn(root[head] as Obj, rest, value) };
}

/**
 * The exact text of a value for a field of this kind: a finite number or a plain decimal string is written with
 * decimal.js `toFixed()` (all digits, never an exponent). Anything else is passed through as written, so
 * validateParams refuses it with the field's name.
 */
function decimalText(value: number | string): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value.trim())) return value;
  return new Dec(typeof value === 'string' ? value.trim() : value).toFixed();
}

function numberValue(value: number | string): number {
  if (typeof value === 'number') return value;
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}

/**
 * The initial ratio that goes with a new maintenance ratio: unchanged while it stays above it (so the margin lever moves
 * maintenance alone and the population, whose leverage is capped by initial margin, is not rebuilt); only where the new
 * maintenance ratio would reach it, new × (old initial / old maintenance) in exact decimals, at most 1.
 */
export function initialRatioFor(oldInitial: number, oldMaintenance: number, newMaintenance: number): number {
  if (newMaintenance < oldInitial) return oldInitial;
  const proportional = new Dec(newMaintenance).times(oldInitial).dividedBy(oldMaintenance);
  return Dec.min(1, Dec.max(oldInitial, proportional)).toNumber();
}

/** The highest maintenance ratio the margin lever scales a tier to (half the notional, Binance's top BTC tier). */
export const TIER_MAINTENANCE_CAP = 0.5;

function withMaintenanceMargin(params: RiskParams, mmr: number): RiskParams {
  const margin = params.margin;
  const old = margin.maintenanceMarginRatio;
  if (!(Number.isFinite(mmr) && mmr > 0 && old > 0)) {
    // Nothing to scale by: write the value alone and let validateParams refuse it.
    return { ...params, margin: { ...margin, maintenanceMarginRatio: mmr } };
  }
  const k = new Dec(mmr).dividedBy(old);
  const tiers = margin.tiers.map((tier) => {
    // Scaled with the base ratio, but a high tier (Binance's last BTC tiers keep 12.5–50 % of the notional) would
    // pass 100 % on a wide sweep: no scaled tier goes above TIER_MAINTENANCE_CAP unless it is there already.
    const cap = Math.max(TIER_MAINTENANCE_CAP, tier.maintenanceMarginRatio);
    const tierMmr = Dec.min(k.times(tier.maintenanceMarginRatio), cap).toNumber();
    return { ...tier, maintenanceMarginRatio: tierMmr, initialMarginRatio: initialRatioFor(tier.initialMarginRatio, tier.maintenanceMarginRatio, tierMmr) };
  });
  return {
    ...params,
    margin: { maintenanceMarginRatio: mmr, initialMarginRatio: initialRatioFor(margin.initialMarginRatio, old, mmr), tiers },
  };
}

/** True when `proposal` has other initial margin ratios than `base`: a generated population is then rebuilt (leverage cap 1 / initial). */
export function initialMarginMoved(base: RiskParams, proposal: RiskParams): boolean {
  const a = base.margin;
  const b = proposal.margin;
  return a.initialMarginRatio !== b.initialMarginRatio || a.tiers.length !== b.tiers.length || a.tiers.some((t, i) => t.initialMarginRatio !== b.tiers[i]?.initialMarginRatio);
}

/**
 * A new parameters object with the sweepable field at `path` set to `value` (the input is not changed; untouched
 * sections are shared, so do not mutate the result in place). Decimal-string fields get the exact decimal text
 * (`toFixed()`, no exponent); number and integer fields a number. `null` is written as null (meaningful only
 * where the field's `nullMeans` says so). Couplings (see each field's `coupling`) keep the file consistent:
 * the fund cap follows the starting fund; tier maintenance ratios scale with the base one, initial margin moves only
 * where maintenance would reach it.
 * Throws an Error naming the path for an unknown or inapplicable path; a bad value is left for validateParams.
 */
export function withParam(params: RiskParams, path: string, value: number | string | null): RiskParams {
  const spec = checkPath(params, path);
  if (value === null) return setIn(params as unknown as Obj, path.split('.'), null) as unknown as RiskParams;
  if (path === 'margin.maintenanceMarginRatio') return withMaintenanceMargin(params, numberValue(value));
  const written = spec.kind === 'decimal-string' ? decimalText(value) : numberValue(value);
  const next = setIn(params as unknown as Obj, path.split('.'), written) as unknown as RiskParams;
  if (path === 'insuranceFund.initial' && typeof written === 'string') {
    const cap = next.insuranceFund.cap;
    if (cap !== null && /^\d+(\.\d+)?$/.test(written) && new Dec(cap).lt(written)) {
      return { ...next, insuranceFund: { ...next.insuranceFund, cap: written } };
    }
  }
  return next;
}

/** `value` rounded to the field's resolution (half-even), as exact text: what grids and the solver write. */
export function roundToResolution(spec: SweepableParam, value: number | string): string {
  const step = new Dec(spec.resolution);
  return new Dec(value).dividedBy(step).toDecimalPlaces(0, Dec.ROUND_HALF_EVEN).times(step).toFixed();
}
