// Hand-worked tiered requirements (DESIGN.md §5): requirement = notional·ratio(band) − amount(band), with
// amount_k = amount_{k−1} + floor_k·(ratio_k − ratio_{k−1}) so the requirement is continuous at every floor.
import { describe, expect, it } from 'vitest';
import type { MarginParams } from '../params/riskParams';
import { bandOf, initialRequirement, maintenanceRequirement, marginSchedule } from './marginSchedule';

// Base band mmr 0.5 %, imr 1 %; from 50,000: 1 % / 2 %; from 250,000: 2.5 % / 5 %.
//   maintenance amounts: 0;  50,000·(0.01 − 0.005) = 250;  250 + 250,000·(0.025 − 0.01) = 4,000
//   initial amounts:     0;  50,000·(0.02 − 0.01)  = 500;  500 + 250,000·(0.05 − 0.02)  = 8,000
const tiered: MarginParams = {
  maintenanceMarginRatio: 0.005,
  initialMarginRatio: 0.01,
  tiers: [
    { notionalFloor: '50000', maintenanceMarginRatio: 0.01, initialMarginRatio: 0.02 },
    { notionalFloor: '250000', maintenanceMarginRatio: 0.025, initialMarginRatio: 0.05 },
  ],
};
const schedule = marginSchedule(tiered);

describe('marginSchedule', () => {
  it('builds the bands and the amounts that make each requirement continuous', () => {
    expect([...schedule.floorsQuote]).toEqual([0, 50_000, 250_000]);
    expect([...schedule.maintenanceAmounts].map((a) => Number(a.toFixed(9)))).toEqual([0, 250, 4_000]);
    expect([...schedule.initialAmounts].map((a) => Number(a.toFixed(9)))).toEqual([0, 500, 8_000]);
  });

  it.each([
    // notional, band, maintenance, initial
    [0, 0, 0, 0],
    [10_000, 0, 50, 100], //                 10,000·0.005; 10,000·0.01
    [49_999, 0, 249.995, 499.99], //         just below the first floor
    [50_000, 1, 250, 500], //                500 − 250 = 250 = 50,000·0.005; 1,000 − 500 = 500 = 50,000·0.01
    [100_000, 1, 750, 1_500], //             1,000 − 250; 2,000 − 500
    [250_000, 2, 2_250, 4_500], //           6,250 − 4,000 (band 1 gives 2,500 − 250, the same); 12,500 − 8,000
    [1_000_000, 2, 21_000, 42_000], //       25,000 − 4,000; 50,000 − 8,000
  ])('notional %d: band %d, maintenance %d, initial %d', (notional, band, maintenance, initial) => {
    expect(bandOf(schedule, notional)).toBe(band);
    expect(maintenanceRequirement(schedule, notional)).toBeCloseTo(maintenance, 6);
    expect(initialRequirement(schedule, notional)).toBeCloseTo(initial, 6);
  });

  it('a tier at floor 0 replaces the base ratios instead of adding an empty band', () => {
    const s = marginSchedule({ maintenanceMarginRatio: 0.05, initialMarginRatio: 0.1, tiers: [{ notionalFloor: '0', maintenanceMarginRatio: 0.02, initialMarginRatio: 0.04 }] });
    expect([...s.floorsQuote]).toEqual([0]);
    // 10,000·0.02 = 200 and 10,000·0.04 = 400, not the base 500 / 1,000.
    expect(maintenanceRequirement(s, 10_000)).toBeCloseTo(200, 9);
    expect(initialRequirement(s, 10_000)).toBeCloseTo(400, 9);
  });
});
