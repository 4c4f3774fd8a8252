import type { MarginParams } from '../params/riskParams';

/**
 * Margin ratios by position notional. A tier applies from its notionalFloor up to the next tier's floor;
 * below the first tier the base ratios apply. The requirement is continuous across floors, as Binance's "tax
 * bracket", Bybit's and Hyperliquid's "maintenance amount" make it (DESIGN.md §5 round two):
 *   requirement = notional · ratio(band) − amount(band),  amount_k = amount_{k−1} + floor_k · (ratio_k − ratio_{k−1})
 * so crossing a floor never makes an account liquidatable by itself. Initial margin works the same way.
 * Stored as parallel arrays so the hot path reads numbers, not objects.
 */
export interface MarginSchedule {
  /** Lower notional bound of each band, ascending; band 0 starts at 0. */
  floorsQuote: Float64Array;
  maintenanceRatios: Float64Array;
  initialRatios: Float64Array;
  /** Maintenance amount (quote) subtracted in each band; 0 in band 0. */
  maintenanceAmounts: Float64Array;
  /** Initial-margin amount (quote) subtracted in each band; 0 in band 0. */
  initialAmounts: Float64Array;
}

/** amount_k = amount_{k−1} + floor_k · (ratio_k − ratio_{k−1}): the deduction that makes floor · ratio continuous. */
export function tierAmounts(floors: ArrayLike<number>, ratios: ArrayLike<number>): Float64Array {
  const amounts = new Float64Array(floors.length);
  for (let k = 1; k < floors.length; k++) amounts[k] = amounts[k - 1]! + floors[k]! * (ratios[k]! - ratios[k - 1]!);
  return amounts;
}

export function marginSchedule(margin: MarginParams): MarginSchedule {
  const bands = [
    { floor: 0, mmr: margin.maintenanceMarginRatio, imr: margin.initialMarginRatio },
    ...margin.tiers.map((tier) => ({
      floor: Number(tier.notionalFloor),
      mmr: tier.maintenanceMarginRatio,
      imr: tier.initialMarginRatio,
    })),
  ];
  // A tier whose floor is 0 replaces the base band rather than adding an empty band before it.
  const merged = bands.filter((band, i) => !(i === 0 && bands[1] !== undefined && bands[1].floor === 0));
  const floorsQuote = Float64Array.from(merged, (b) => b.floor);
  const maintenanceRatios = Float64Array.from(merged, (b) => b.mmr);
  const initialRatios = Float64Array.from(merged, (b) => b.imr);
  return {
    floorsQuote,
    maintenanceRatios,
    initialRatios,
    maintenanceAmounts: tierAmounts(floorsQuote, maintenanceRatios),
    initialAmounts: tierAmounts(floorsQuote, initialRatios),
  };
}

/** Index of the band a notional falls in (the last band whose floor ≤ notional). */
export function bandOf(schedule: MarginSchedule, notionalQuote: number): number {
  const floors = schedule.floorsQuote;
  let band = 0;
  for (let k = 1; k < floors.length; k++) {
    if (notionalQuote >= floors[k]!) band = k;
    else break;
  }
  return band;
}

export function maintenanceRatioFor(schedule: MarginSchedule, notionalQuote: number): number {
  return schedule.maintenanceRatios[bandOf(schedule, notionalQuote)]!;
}

export function initialRatioFor(schedule: MarginSchedule, notionalQuote: number): number {
  return schedule.initialRatios[bandOf(schedule, notionalQuote)]!;
}

/** Maintenance requirement (quote) of a position of this notional: notional · ratio − maintenance amount. */
export function maintenanceRequirement(schedule: MarginSchedule, notionalQuote: number): number {
  if (schedule.floorsQuote.length === 1) return schedule.maintenanceRatios[0]! * notionalQuote;
  const k = bandOf(schedule, notionalQuote);
  return schedule.maintenanceRatios[k]! * notionalQuote - schedule.maintenanceAmounts[k]!;
}

/** Initial requirement (quote) of a position of this notional: notional · ratio − initial amount. */
export function initialRequirement(schedule: MarginSchedule, notionalQuote: number): number {
  if (schedule.floorsQuote.length === 1) return schedule.initialRatios[0]! * notionalQuote;
  const k = bandOf(schedule, notionalQuote);
  return schedule.initialRatios[k]! * notionalQuote - schedule.initialAmounts[k]!;
}
