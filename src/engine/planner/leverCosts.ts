/**
 * What a mitigation costs (issue #10), measured on the positions as they stand at the initial price (the base
 * population of the run's seed). Money in quote units (float64: these are measures for people, not ledger entries).
 */
import { marginSchedule, maintenanceRequirement } from '../margin/marginSchedule';
import { neumaierSum } from '../metrics/accurateSum';
import { UNITS_PER_QUOTE } from '../money/money';
import type { RiskParams } from '../params/riskParams';
import type { Population } from '../population/population';

export interface FundCost {
  /** Capital held in the insurance fund at the start, quote. */
  capitalQuote: number;
  /** Above (or, if negative, below) the base parameters' starting fund, quote. */
  changeQuote: number;
  /** capitalQuote / open interest. */
  shareOfOpenInterest: number;
}

export interface MarginCost {
  maintenanceMarginRatio: number;
  initialMarginRatio: number;
  /** The leverage cap the initial margin implies, 1 / initialMarginRatio (base band; tiers are lower). */
  maxLeverage: number;
  baseMaxLeverage: number;
  /** Today's initial ratio: when it differs from initialMarginRatio, a generated population was rebuilt. */
  baseInitialMarginRatio: number;
  /**
   * Σ over accounts of max(0, new maintenance ratio of its tier × notional − equity), at the initial price: the
   * collateral today's positions must add to meet the new maintenance requirement, quote.
   */
  extraCollateralQuote: number;
  /** Accounts that would have to add collateral. */
  accountsShort: number;
  accounts: number;
  /**
   * What the simulation itself assumed: total collateral of the population built under the new margin minus the
   * base population's, quote. A generated population caps leverage at 1 / initial margin, so a higher initial
   * ratio means more collateral from the start; an explicit snapshot is taken as given (0).
   */
  simulatedCollateralChangeQuote: number;
  /**
   * Σ over accounts of (new − old maintenance ratio of its tier) × notional, at the initial price, where positive:
   * the collateral every position must add to keep its liquidation price where it is today, quote. A trader who
   * does not add it is liquidated earlier instead.
   */
  bufferCollateralQuote: number;
}

export interface ThroughputCost {
  /** Keeper capacity, quote notional closed per step; null = unlimited. */
  perStepQuote: number | null;
  /** The same per minute of market time. */
  perMinuteQuote: number | null;
  /** perMinuteQuote / open interest. */
  shareOfOpenInterestPerMinute: number | null;
  /** Today's keeper capacity per minute (null = unlimited), so a cost can be taken against it. */
  basePerMinuteQuote: number | null;
}

export interface LeverCosts {
  /** max(long, short) notional at the initial price, quote. */
  openInterestQuote: number;
  /** Σ collateral of today's traders (the base population), quote. */
  baseCollateralQuote: number;
  fund: FundCost;
  margin: MarginCost;
  throughput: ThroughputCost;
}

/** max(Σ long notional, Σ short notional) at `price`, quote. */
export function openInterestQuote(population: Population, price: number): number {
  const longs: number[] = [];
  const shorts: number[] = [];
  for (let j = 0; j < population.count; j++) {
    const notional = (population.sizeBase[j] as number) * price;
    (population.side[j] === 1 ? longs : shorts).push(notional);
  }
  return Math.max(neumaierSum(longs), neumaierSum(shorts));
}

/** Extra collateral `population` needs at `price` to meet the maintenance ratios of `margin` (see MarginCost). */
export function extraCollateralFor(population: Population, margin: RiskParams['margin'], price: number): { quote: number; accountsShort: number } {
  const schedule = marginSchedule(margin);
  const shortfalls: number[] = [];
  for (let j = 0; j < population.count; j++) {
    const size = population.sizeBase[j] as number;
    const notional = size * price;
    const equity = (population.collateralUnits[j] as number) / UNITS_PER_QUOTE + (population.side[j] as number) * size * (price - (population.entryPrice[j] as number));
    const shortfall = maintenanceRequirement(schedule, notional) - equity;
    if (shortfall > 0) shortfalls.push(shortfall);
  }
  return { quote: neumaierSum(shortfalls), accountsShort: shortfalls.length };
}

/** Collateral that keeps every liquidation price where it is under `to` instead of `from` (see MarginCost). */
export function bufferCollateralFor(population: Population, from: RiskParams['margin'], to: RiskParams['margin'], price: number): number {
  const a = marginSchedule(from);
  const b = marginSchedule(to);
  const parts: number[] = [];
  for (let j = 0; j < population.count; j++) {
    const notional = (population.sizeBase[j] as number) * price;
    // The continuous requirement (tiers with their maintenance amounts), the one that decides liquidation.
    const extra = maintenanceRequirement(b, notional) - maintenanceRequirement(a, notional);
    if (extra > 0) parts.push(extra);
  }
  return neumaierSum(parts);
}

/** Σ collateral in money units: integers, so the sum is exact while it stays below 2^53. */
function totalCollateralUnits(population: Population): number {
  let sum = 0;
  for (let j = 0; j < population.count; j++) sum += population.collateralUnits[j] as number;
  return sum;
}

/**
 * The three costs of `proposal` against `base`, on `basePopulation` (buildPopulation(base, seed)) and
 * `proposalPopulation` (buildPopulation(proposal, seed)). All three are given whichever lever moved, so a
 * combination shows its whole price.
 */
export function leverCosts(base: RiskParams, proposal: RiskParams, basePopulation: Population, proposalPopulation: Population): LeverCosts {
  const price = Number(base.market.initialPrice);
  const oi = openInterestQuote(basePopulation, price);
  const share = (x: number) => (oi > 0 ? x / oi : 0);
  const capital = Number(proposal.insuranceFund.initial);
  const extra = extraCollateralFor(basePopulation, proposal.margin, price);
  const perStep = proposal.liquidation.maxNotionalPerStep === null ? null : Number(proposal.liquidation.maxNotionalPerStep);
  const perMinute = perStep === null ? null : (perStep * 60) / proposal.market.stepSeconds;
  const basePerStep = base.liquidation.maxNotionalPerStep === null ? null : Number(base.liquidation.maxNotionalPerStep);
  return {
    openInterestQuote: oi,
    baseCollateralQuote: totalCollateralUnits(basePopulation) / UNITS_PER_QUOTE,
    fund: { capitalQuote: capital, changeQuote: capital - Number(base.insuranceFund.initial), shareOfOpenInterest: share(capital) },
    margin: {
      maintenanceMarginRatio: proposal.margin.maintenanceMarginRatio,
      initialMarginRatio: proposal.margin.initialMarginRatio,
      maxLeverage: 1 / proposal.margin.initialMarginRatio,
      baseMaxLeverage: 1 / base.margin.initialMarginRatio,
      baseInitialMarginRatio: base.margin.initialMarginRatio,
      extraCollateralQuote: extra.quote,
      accountsShort: extra.accountsShort,
      accounts: basePopulation.count,
      simulatedCollateralChangeQuote: (totalCollateralUnits(proposalPopulation) - totalCollateralUnits(basePopulation)) / UNITS_PER_QUOTE,
      bufferCollateralQuote: bufferCollateralFor(basePopulation, base.margin, proposal.margin, price),
    },
    throughput: {
      perStepQuote: perStep,
      perMinuteQuote: perMinute,
      shareOfOpenInterestPerMinute: perMinute === null ? null : share(perMinute),
      basePerMinuteQuote: basePerStep === null ? null : (basePerStep * 60) / base.market.stepSeconds,
    },
  };
}
