// The editable governance parameters as data (squoosh `shared/meta.ts` style): a label, a hint, how to read
// the value out of the parameters and how to write a parsed one back. Percent fields show ratios × 100.
import type { LossMechanismParams, RiskParams } from '../engine/params/riskParams';

export interface NumberField {
  id: string;
  label: string;
  hint: string;
  /** Value shown in the input. */
  read: (params: RiskParams) => string;
  /** Parses the input; a string result is the problem to show. */
  parse: (text: string) => number | string;
  /** Writes a parsed value; `text` is the trimmed input, kept verbatim where money must stay exact. */
  write: (params: RiskParams, value: number, text: string) => RiskParams;
  /** False when the field does not apply to the current parameters (e.g. an explicit population). */
  applies?: (params: RiskParams) => boolean;
}

function parseNumber(text: string, min: number, max: number, unit: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return 'Enter a number.';
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < min || value > max) return `Enter a number from ${min} to ${max}${unit}.`;
  return value;
}

function parseInteger(text: string, min: number, max: number): number | string {
  const value = parseNumber(text, min, max, '');
  if (typeof value === 'number' && !Number.isInteger(value)) return 'Enter a whole number.';
  return value;
}

/** A plain decimal amount of quote (no exponent, at most 6 decimals: the money unit is 10^-6 quote). */
function parseMoney(text: string): number | string {
  if (!/^\d{1,13}(\.\d{1,6})?$/.test(text.trim())) return 'Enter an amount such as 250000 or 1234.56.';
  return Number(text.trim());
}

/** Ratio ↔ percent without float noise in the input (0.05 → "5", not "5.000000000000001"). */
const toPercent = (ratio: number) => String(Number((ratio * 100).toPrecision(12)));
const fromPercent = (percent: number) => Number((percent / 100).toPrecision(12));

export const PARAM_FIELDS: NumberField[] = [
  {
    id: 'initial-margin',
    label: 'Initial margin (%)',
    hint: 'Collateral needed to open, as a share of notional; caps leverage at 100 / this.',
    read: (p) => toPercent(p.margin.initialMarginRatio),
    parse: (t) => parseNumber(t, 0.01, 100, ' %'),
    write: (p, v) => ({ ...p, margin: { ...p.margin, initialMarginRatio: fromPercent(v) } }),
  },
  {
    id: 'maintenance-margin',
    label: 'Maintenance margin (%)',
    hint: 'Below this equity share of notional an account is liquidated.',
    read: (p) => toPercent(p.margin.maintenanceMarginRatio),
    parse: (t) => parseNumber(t, 0.01, 100, ' %'),
    write: (p, v) => ({ ...p, margin: { ...p.margin, maintenanceMarginRatio: fromPercent(v) } }),
  },
  {
    id: 'liquidation-penalty',
    label: 'Liquidation penalty (%)',
    hint: 'Share of closed notional taken from the liquidated account, capped at its equity.',
    read: (p) => toPercent(p.liquidation.penaltyRatio),
    parse: (t) => parseNumber(t, 0, 100, ' %'),
    write: (p, v) => ({ ...p, liquidation: { ...p.liquidation, penaltyRatio: fromPercent(v) } }),
  },
  {
    id: 'fund-initial',
    label: 'Insurance fund at start (quote)',
    hint: 'Balance that pays deficits before any loss is socialized.',
    read: (p) => p.insuranceFund.initial,
    parse: (t) => parseMoney(t),
    write: (p, _v, t) => ({ ...p, insuranceFund: { ...p.insuranceFund, initial: t } }),
  },
  {
    id: 'volatility',
    label: 'Volatility (annualized %)',
    hint: 'Volatility of the simulated price paths.',
    read: (p) => (p.scenario.kind === 'replay' ? '' : toPercent(p.scenario.volAnnual)),
    parse: (t) => parseNumber(t, 0, 1000, ' %'),
    write: (p, v) => (p.scenario.kind === 'replay' ? p : { ...p, scenario: { ...p.scenario, volAnnual: fromPercent(v) } }),
    applies: (p) => p.scenario.kind !== 'replay',
  },
  {
    id: 'accounts',
    label: 'Trader accounts',
    hint: 'Accounts in the generated population (plus one market maker).',
    read: (p) => (p.population.kind === 'generated' ? String(p.population.accounts) : ''),
    parse: (t) => parseInteger(t, 1, 100_000),
    write: (p, v) => (p.population.kind === 'generated' ? { ...p, population: { ...p.population, accounts: v } } : p),
    applies: (p) => p.population.kind === 'generated',
  },
];

export interface MechanismOption {
  value: string;
  label: string;
  mechanism: LossMechanismParams;
}

export const MECHANISM_OPTIONS: MechanismOption[] = [
  { value: 'socialize', label: 'Socialize: pro-rata haircut of profits', mechanism: { kind: 'socialize' } },
  { value: 'adl', label: 'ADL: auto-deleverage by PnL × leverage', mechanism: { kind: 'adl', ranking: 'pnl-leverage' } },
  { value: 'adl-random', label: 'ADL: auto-deleverage in random order', mechanism: { kind: 'adl', ranking: 'random' } },
  { value: 'backstop', label: 'Backstop vault takes the position', mechanism: { kind: 'backstop' } },
  { value: 'bad-debt', label: 'None: deficit stays as bad debt', mechanism: { kind: 'bad-debt' } },
];

export function mechanismValue(mechanism: LossMechanismParams): string {
  if (mechanism.kind === 'adl') return mechanism.ranking === 'random' ? 'adl-random' : 'adl';
  return mechanism.kind;
}

export const RUN_FIELDS = {
  paths: { label: 'Paths', hint: 'Simulated price paths in this run.', parse: (t: string) => parseInteger(t, 1, 2000) },
  seed: { label: 'Seed', hint: 'Same seed, same paths: runs are reproducible.', parse: (t: string) => parseInteger(t, 0, Number.MAX_SAFE_INTEGER) },
} as const;
