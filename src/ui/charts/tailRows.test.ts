import { describe, expect, it } from 'vitest';
import { decadeTicks, exceedanceRows, fundEmptyRows } from './tailRows';

describe('tail chart rows', () => {
  it('merges both exceedance curves by x, each at its own points, with a log floor below the smallest share', () => {
    const { rows, floor } = exceedanceRows({ x: [10, 100], p: [0.1, 0.001], positive: 10 }, { x: [5, 50, 500], p: [0.5, 0.2, 0.001], positive: 50 });
    expect(rows.map((r) => [r.x, r.socialized, r.badDebt])).toEqual([
      [5, null, 0.5],
      [10, 0.1, null],
      [50, null, 0.2],
      [100, 0.001, null],
      [500, null, 0.001],
    ]);
    expect(floor).toBe(0.0005);
    expect(exceedanceRows({ x: [], p: [], positive: 0 }, { x: [], p: [], positive: 0 })).toEqual({ rows: [], floor: 0.01 });
  });

  it('puts the fund-empty points on the hour axis of the fan charts', () => {
    const rows = fundEmptyRows({ stepOfPoint: [60, 120], share: [0, 0.25], lo: [0, 0.1], hi: [0.05, 0.4] }, 60);
    expect(rows).toEqual([
      { hours: 1, share: 0, band: [0, 0.05] },
      { hours: 2, share: 0.25, band: [0.1, 0.4] },
    ]);
  });
});

describe('decadeTicks', () => {
  it('spans the data with powers of ten', () => {
    expect(decadeTicks(12.7, 2_630_000)).toEqual([10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000]);
    expect(decadeTicks(0.0005, 1)).toEqual([0.0001, 0.001, 0.01, 0.1, 1]);
    expect(decadeTicks(0, 1)).toEqual([]);
  });
});
