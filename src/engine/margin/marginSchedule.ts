import type { MarginParams } from '../params/riskParams';

/**
 * Margin ratios by position notional. A tier applies from its notionalFloor up to the next tier's floor;
 * below the first tier the base ratios apply (DESIGN.md §5: "the ratio of the tier the position notional falls in").
 * Stored as parallel arrays so the hot path reads numbers, not objects.
 */
export interface MarginSchedule {
  /** Lower notional bound of each band, ascending; band 0 starts at 0. */
  floorsQuote: Float64Array;
  maintenanceRatios: Float64Array;
  initialRatios: Float64Array;
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
  return {
    floorsQuote: Float64Array.from(merged, (b) => b.floor),
    maintenanceRatios: Float64Array.from(merged, (b) => b.mmr),
    initialRatios: Float64Array.from(merged, (b) => b.imr),
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
