import { describe, expect, it } from 'vitest';
import { PATH_COLUMN_KEYS, pathCountOf } from '../../results/rangeResultShape';
import { fakeRangeResult } from './fakeRangeResult';

describe('fakeRangeResult', () => {
  const run = fakeRangeResult({ seed: 5, from: 10, to: 310 });

  it('fills every column of the contract with the lengths its range says', () => {
    expect(pathCountOf(run)).toBe(300);
    expect(Object.keys(run.paths).sort()).toEqual([...PATH_COLUMN_KEYS].sort());
  });

  it('is a pure function of (seed, path): same seed same values, other seed other values', () => {
    expect(fakeRangeResult({ seed: 5, from: 10, to: 310 })).toStrictEqual(run);
    expect(fakeRangeResult({ seed: 6, from: 10, to: 310 }).paths.badDebtUnits).not.toEqual(run.paths.badDebtUnits);
  });

  it('balances the ledger on every path in integer units, with socialized loss on a minority of paths', () => {
    const p = run.paths;
    for (let i = 0; i < 300; i++) {
      expect(Number.isInteger(p.badDebtUnits[i])).toBe(true);
      expect(p.fundDrawUnits[i]! + p.socializedLossUnits[i]! + p.vaultLossUnits[i]! + p.uncoveredUnits[i]!).toBe(p.badDebtUnits[i]);
    }
    const socialized = p.socializedLossUnits.filter((u) => u > 0).length;
    expect(socialized).toBeGreaterThan(0);
    expect(socialized).toBeLessThan(150);
  });
});
