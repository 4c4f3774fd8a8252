import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_ASSUMPTIONS } from '../engine/planner/annualCost';
import type { LeverComparison } from '../engine/planner/index';
import type { LeverCosts } from '../engine/planner/leverCosts';
import { costRanking } from './costRanking';
import { createAppStore } from './store';

const costs = (fundQuote: number, extraCollateralQuote: number): LeverCosts =>
  ({
    openInterestQuote: 0,
    baseCollateralQuote: 1,
    fund: { changeQuote: fundQuote },
    margin: { bufferCollateralQuote: 0, extraCollateralQuote, simulatedCollateralChangeQuote: 0 },
    throughput: { perMinuteQuote: null, basePerMinuteQuote: null },
  }) as unknown as LeverCosts;

// At 5 % a year: the fund lever (1M more fund) 50k, the margin lever (2M more collateral) 100k, the mix
// (0.5M fund) 25k; the keeper lever found nothing, so it is not priced.
const comparison = {
  levers: {
    fund: { status: 'solved', cost: costs(1_000_000, 0) },
    margin: { status: 'met-at-lower-bound', cost: costs(0, 2_000_000) },
    throughput: { status: 'unreachable', cost: costs(0, 0) },
  },
  combination: { status: 'solved', cost: costs(500_000, 0) },
} as unknown as LeverComparison;
const labels = { fund: 'F', margin: 'M', throughput: 'T', mix: 'X' };

describe('costRanking', () => {
  it('prices the options that meet the target and ranks them cheapest first', () => {
    const { problems, ranked } = costRanking(comparison, DEFAULT_COST_ASSUMPTIONS, labels);
    expect(problems).toEqual([]);
    expect(ranked.map((o) => [o.id, o.label, o.cost.total])).toEqual([
      ['mix', 'X', 25_000],
      ['fund', 'F', 50_000],
      ['margin', 'M', 100_000],
    ]);
  });

  it('re-ranks when an assumption changes, and ranks nothing while one is out of range', () => {
    // Collateral at 1 % a year: the margin lever costs 20k, below the mix's 25k.
    const cheapCollateral = { ...DEFAULT_COST_ASSUMPTIONS, collateralRate: 0.01 };
    expect(costRanking(comparison, cheapCollateral, labels).ranked.map((o) => o.id)).toEqual(['margin', 'mix', 'fund']);
    const bad = costRanking(comparison, { ...DEFAULT_COST_ASSUMPTIONS, fundCapitalRate: Number.NaN }, labels);
    expect(bad.ranked).toEqual([]);
    expect(bad.problems[0]).toMatch(/^fundCapitalRate must be a number/);
  });

  it('the store starts from the stated defaults and keeps what the page sets', () => {
    const store = createAppStore({ run: { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined } });
    expect(store.getState().costAssumptions).toEqual(DEFAULT_COST_ASSUMPTIONS);
    store.getState().setCostAssumptions({ ...DEFAULT_COST_ASSUMPTIONS, keeperHoldMinutes: 30 });
    expect(store.getState().costAssumptions.keeperHoldMinutes).toBe(30);
  });
});
