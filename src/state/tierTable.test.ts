import { describe, expect, it } from 'vitest';
import { tierTable } from './tierTable';

describe('tierTable', () => {
  it('gives each band its amounts: amount_k = amount_{k−1} + floor_k × (ratio_k − ratio_{k−1})', () => {
    // 0.5 % → 1 % at 250k: maintenance amount 250,000 × 0.005 = 1,250; 1 % → 2.5 % at 1M: 1,250 + 15,000.
    const rows = tierTable(0.005, 0.01, [
      { notionalFloor: '250000', maintenanceMarginRatio: 0.01, initialMarginRatio: 0.02 },
      { notionalFloor: '1000000', maintenanceMarginRatio: 0.025, initialMarginRatio: 0.05 },
    ]);
    expect(rows?.map((r) => [r.floor, r.mmr, r.imr])).toEqual([[0, 0.005, 0.01], [250_000, 0.01, 0.02], [1_000_000, 0.025, 0.05]]);
    // Float ratios: the amounts to a millionth of a quote.
    const expected = [[0, 0], [1250, 2500], [16_250, 32_500]];
    rows!.forEach((r, k) => {
      expect(r.maintenanceAmount).toBeCloseTo(expected[k]![0]!, 6);
      expect(r.initialAmount).toBeCloseTo(expected[k]![1]!, 6);
    });
  });

  it('a tier at floor 0 replaces the base ratios', () => {
    const rows = tierTable(0.005, 0.01, [
      { notionalFloor: '0', maintenanceMarginRatio: 0.004, initialMarginRatio: 0.008 },
      { notionalFloor: '100', maintenanceMarginRatio: 0.014, initialMarginRatio: 0.018 },
    ]);
    expect(rows?.map((r) => [r.floor, r.mmr])).toEqual([[0, 0.004], [100, 0.014]]);
    expect(rows![1]!.maintenanceAmount).toBeCloseTo(1, 9);
  });

  it('shows nothing for one band or while a draft value is not a number', () => {
    expect(tierTable(0.005, 0.01, [])).toBeNull();
    expect(tierTable('0.5', 0.01, [{ notionalFloor: '1', maintenanceMarginRatio: 0.01, initialMarginRatio: 0.02 }])).toBeNull();
    expect(tierTable(0.005, 0.01, [{ notionalFloor: 'x', maintenanceMarginRatio: 0.01, initialMarginRatio: 0.02 }])).toBeNull();
  });
});
