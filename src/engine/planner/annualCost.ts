/**
 * One price for every lever (issue #21): what a change of parameters costs per year, in quote, under stated
 * assumptions that the user can edit. The three lever costs of leverCosts.ts are in units that cannot be compared
 * (quote held in a fund, collateral traders lock, keeper capacity per minute); here each becomes money per year:
 *
 * - fund: the extra capital held in the insurance fund × `fundCapitalRate` (what that capital would earn elsewhere);
 * - margin: the extra collateral traders must lock × `collateralRate` (their cost of carrying it) — the largest of
 *   what keeps every liquidation price where it is today (Δ maintenance ratio × notional), what today's positions
 *   must add to meet the new requirement, and what the simulation's rebuilt traders hold more — plus the open
 *   interest the venue loses × `revenuePerOpenInterest` (fees a quote of open interest brings in a year). Open
 *   interest lost = open interest × `openInterestElasticity` × (extra collateral / the traders' collateral today),
 *   capped at all of it: an elasticity of 0.5 means 10 % more collateral required drives 5 % of open interest away;
 * - throughput: the extra keeper capacity per minute × `keeperHoldMinutes` (how long a keeper holds what it took
 *   over before it is sold) × `keeperCapitalRate`: the incentive that capital must be paid to stand ready.
 *
 * None of these numbers is measured by the simulation; they are assumptions, shown next to every cost. A lever
 * moved below today's value saves money (a negative cost). Pure and deterministic.
 */
import type { LeverCosts } from './leverCosts';

export interface CostAssumptions {
  /** Annual return the fund's capital forgoes, e.g. 0.05 = 5 % a year. */
  fundCapitalRate: number;
  /** Annual cost to traders of collateral they must lock, e.g. 0.05. */
  collateralRate: number;
  /** Share of open interest lost per unit relative rise of the collateral required (0.5: +10 % collateral → −5 % OI). */
  openInterestElasticity: number;
  /** Fees one quote of open interest brings the venue in a year (quote per quote per year). */
  revenuePerOpenInterest: number;
  /** Minutes a keeper holds a liquidated position before it is sold. */
  keeperHoldMinutes: number;
  /** Annual return keepers' capital must be paid to stand ready. */
  keeperCapitalRate: number;
}

/**
 * Defaults, each with where it comes from (all editable on the page):
 * - 5 % a year for fund capital and traders' collateral: about what a stablecoin earns in a money-market or
 *   treasury product at the time of writing (an opportunity cost, not a fee);
 * - elasticity 0.5: an assumption — no venue publishes one; it makes the open-interest term visible, change it;
 * - 0.365 quote of fees per quote of open interest a year: 0.05 % taker fee (Binance/Bybit/Hyperliquid base tier)
 *   × daily volume twice the open interest × 365 days;
 * - keepers hold 10 minutes of takeovers at 15 % a year: a market maker's required return on inventory capital.
 */
export const DEFAULT_COST_ASSUMPTIONS: Readonly<CostAssumptions> = Object.freeze({
  fundCapitalRate: 0.05,
  collateralRate: 0.05,
  openInterestElasticity: 0.5,
  revenuePerOpenInterest: 0.365,
  keeperHoldMinutes: 10,
  keeperCapitalRate: 0.15,
});

/** The limits each assumption must respect; a value outside them is refused with the field's name. */
export const COST_ASSUMPTION_LIMITS: Readonly<Record<keyof CostAssumptions, readonly [number, number]>> = Object.freeze({
  fundCapitalRate: [0, 1],
  collateralRate: [0, 1],
  openInterestElasticity: [0, 10],
  revenuePerOpenInterest: [0, 100],
  keeperHoldMinutes: [0, 10_080],
  keeperCapitalRate: [0, 1],
});

/** Problems with `a`, each naming its field (empty when every assumption is a finite number within its limits). */
export function costAssumptionProblems(a: CostAssumptions): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(COST_ASSUMPTION_LIMITS) as (keyof CostAssumptions)[]) {
    const [lo, hi] = COST_ASSUMPTION_LIMITS[key];
    const v = a[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) problems.push(`${key} must be a number from ${lo} to ${hi}, got ${String(v)}`);
  }
  return problems;
}

export interface AnnualCost {
  /** Quote per year, each part; a negative part is a saving. */
  fundCapital: number;
  collateralCarry: number;
  lostOpenInterestRevenue: number;
  keeperIncentives: number;
  total: number;
  /** Open interest the venue would lose, quote (before revenue). */
  openInterestLostQuote: number;
  /** The extra collateral priced (the largest of the three measures in the module comment), quote. */
  extraCollateralQuote: number;
}

/**
 * The annual cost of the change `costs` describes (leverCosts(base, proposal, …)) against today's parameters. The
 * open-interest term is relative to the traders' collateral today; keeper capacity against today's (unlimited
 * today: more capacity costs nothing extra).
 */
export function annualCost(costs: LeverCosts, a: CostAssumptions): AnnualCost {
  const baseCollateralQuote = costs.baseCollateralQuote;
  const basePerMinuteQuote = costs.throughput.basePerMinuteQuote;
  const problems = costAssumptionProblems(a);
  if (problems.length > 0) throw new Error(`annualCost: ${problems.join('; ')}`);
  const fundCapital = costs.fund.changeQuote * a.fundCapitalRate;
  const extraCollateral = Math.max(0, costs.margin.bufferCollateralQuote, costs.margin.extraCollateralQuote, costs.margin.simulatedCollateralChangeQuote);
  const collateralCarry = extraCollateral * a.collateralRate;
  const relativeRise = baseCollateralQuote > 0 ? extraCollateral / baseCollateralQuote : 0;
  const openInterestLostQuote = Math.min(1, a.openInterestElasticity * relativeRise) * costs.openInterestQuote;
  const lostOpenInterestRevenue = openInterestLostQuote * a.revenuePerOpenInterest;
  const perMinute = costs.throughput.perMinuteQuote;
  const extraCapacity = perMinute === null || basePerMinuteQuote === null ? 0 : perMinute - basePerMinuteQuote;
  const keeperIncentives = extraCapacity * a.keeperHoldMinutes * a.keeperCapitalRate;
  return {
    fundCapital,
    collateralCarry,
    lostOpenInterestRevenue,
    keeperIncentives,
    total: fundCapital + collateralCarry + lostOpenInterestRevenue + keeperIncentives,
    openInterestLostQuote,
    extraCollateralQuote: extraCollateral,
  };
}

export interface RankedOption {
  /** 'fund' | 'margin' | 'throughput' | 'mix'. */
  id: string;
  label: string;
  cost: AnnualCost;
}

/** Options that meet the target, cheapest first (ties keep the given order, so the ranking is deterministic). */
export function rankByAnnualCost(options: readonly RankedOption[]): RankedOption[] {
  return options
    .map((o, i) => ({ o, i }))
    .sort((x, y) => x.o.cost.total - y.o.cost.total || x.i - y.i)
    .map((x) => x.o);
}
