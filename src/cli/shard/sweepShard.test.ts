import { describe, expect, it } from 'vitest';
import { sweep1d, sweep2d } from '../../engine/planner/sweep';
import { stormyWorld } from '../../engine/planner/testing/worlds';
import { mergeParts } from './mergeParts';
import { partText } from './partFile';
import { sweepShard } from './sweepShard';

describe('sweepShard', () => {
  const params = stormyWorld({ accounts: 40, steps: 30 });

  it('splits a 2-D grid by point (row-major) and the merged cells are sweep2d\'s, field for field', () => {
    const axes = [
      { path: 'insuranceFund.initial', values: ['0', '2000', '4000'] },
      { path: 'margin.maintenanceMarginRatio', values: ['0', '0.01', '0.05'] }, // 0 is out of range: invalid cells stay in place
    ];
    const expected = sweep2d(params, 11, 21, { path: axes[0]!.path, values: axes[0]!.values, path2: axes[1]!.path, values2: axes[1]!.values }).cells;
    expect(expected.some((c) => !c.ok)).toBe(true);
    expect(expected.some((c) => c.ok && c.pSocialized > 0)).toBe(true);
    for (const count of [1, 4, 9]) {
      const parts = Array.from({ length: count }, (_, i) => sweepShard({ params, paramsFile: 'p.json', seed: 11, paths: 21, shard: { index: i + 1, count }, axes }));
      expect(parts.map((p) => p.points.length).reduce((a, b) => a + b)).toBe(9);
      const merged = mergeParts(parts.reverse().map((b) => ({ name: `s${b.shard.index}`, text: partText(b) })));
      if (merged.command !== 'sweep') throw new Error('expected a sweep merge');
      expect(JSON.stringify(merged.points)).toBe(JSON.stringify(expected));
      expect(merged.axis2?.values).toEqual(axes[1]!.values);
    }
  });

  it('a 1-D sweep merges to sweep1d\'s points', () => {
    const axes = [{ path: 'insuranceFund.initial', values: ['0', '5000', '10000', '15000', '20000'] }];
    const expected = sweep1d(params, 4, 8, axes[0]!.path, axes[0]!.values);
    const parts = [1, 2].map((index) => sweepShard({ params, paramsFile: 'p.json', seed: 4, paths: 8, shard: { index, count: 2 }, axes }));
    expect(parts.map((p) => p.range)).toEqual([{ from: 0, to: 2 }, { from: 2, to: 5 }]);
    const merged = mergeParts(parts.map((b) => ({ name: `s${b.shard.index}`, text: partText(b) })));
    if (merged.command !== 'sweep') throw new Error('expected a sweep merge');
    expect(JSON.stringify(merged.points)).toBe(JSON.stringify(expected));
    expect(merged.axis2).toBeNull();
  });
});
