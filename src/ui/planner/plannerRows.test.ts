import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../engine/params/defaults';
import { SWEEPABLE_PARAMS } from '../../engine/params/sweepableParams';
import { adlWaveReport, parseAdlWaves } from '../../engine/reports/adlWaves';
import type { PointAnswer } from '../../state/engines';
import { adlChartRows, applicableParams, defaultSweep, formatParamValue, formatUsdMillions, heatColor, invalidPoints, sweepKey, sweepRows } from './plannerRows';

const point = (value: number, p: number): PointAnswer => ({
  ok: true,
  value,
  valueText: String(value),
  paths: 100,
  pSocialized: p,
  pSocializedCI: [p / 2, p * 2],
  socializedLossMean: 10 * p,
  socializedLossEs99: 100 * p,
  badDebtMean: 5,
  fundDrawMean: 4,
  liquidationsMean: 3,
  ledgerBalanced: true,
  elapsedMs: 1,
});

describe('sweepRows', () => {
  it('keeps finished valid points in axis order and leaves out pending and invalid ones', () => {
    const invalid: PointAnswer = { ok: false, value: -1, valueText: '-1', problems: [{ field: 'insuranceFund.initial', message: 'must be ≥ 0' }], elapsedMs: 1 };
    const rows = sweepRows([point(0, 0.2), null, invalid, point(3, 0.1)]);
    expect(rows.map((r) => [r.index, r.value, r.p])).toEqual([
      [0, 0, 0.2],
      [3, 3, 0.1],
    ]);
    expect(rows[0]!.ci).toEqual([0.1, 0.4]);
    expect(invalidPoints([invalid, null])).toEqual([{ valueText: '-1', message: 'insuranceFund.initial: must be ≥ 0' }]);
  });
});

describe('sweepKey', () => {
  const axis = { path: 'insuranceFund.initial', from: 0, to: 1e6, points: 5 };
  it('ignores the swept field (every point overrides it) but not the others', () => {
    const a = defaultParams();
    const b = { ...a, insuranceFund: { ...a.insuranceFund, initial: '999' } };
    const c = { ...a, margin: { ...a.margin, maintenanceMarginRatio: 0.06 } };
    expect(sweepKey(a, 1, 100, [axis])).toBe(sweepKey(b, 1, 100, [axis]));
    expect(sweepKey(a, 1, 100, [axis])).not.toBe(sweepKey(c, 1, 100, [axis]));
    expect(sweepKey(a, 1, 100, [axis])).not.toBe(sweepKey(a, 2, 100, [axis]));
    expect(sweepKey(a, 1, 100, [axis])).not.toBe(sweepKey(a, 1, 200, [axis]));
  });
});

describe('defaults and formatting', () => {
  it('sweeps the typical range with 10 points', () => {
    expect(defaultSweep('insuranceFund.initial')).toEqual({ param: 'insuranceFund.initial', from: 0, to: 5_000_000, points: 10 });
    expect(defaultSweep('nope')).toBeNull();
  });
  it('offers only the fields the default (jump) scenario has', () => {
    const paths = applicableParams(defaultParams(), SWEEPABLE_PARAMS).map((s) => s.path);
    expect(paths).toContain('scenario.jumpIntensityAnnual');
    expect(paths).not.toContain('scenario.drawdown');
  });
  it('formats fractions as percentages and money with its unit', () => {
    expect(formatParamValue('margin.maintenanceMarginRatio', 0.05)).toBe('5 %');
    expect(formatParamValue('insuranceFund.initial', 1_250_000)).toBe('1,250,000 quote');
  });
  it('colours 0 white and 1 red', () => {
    expect(heatColor(0)).toBe('rgb(255, 255, 255)');
    expect(heatColor(1)).toBe('rgb(180, 35, 24)');
  });
});

describe('ADL report rows', () => {
  it('reproduce the published totals of the 10 Oct 2025 event', () => {
    const parsed = parseAdlWaves(readFileSync('public/data/chitra-adl/policy_per_wave_metrics.csv', 'utf8'));
    if (!parsed.ok) throw new Error('CSV did not parse');
    const report = adlWaveReport(parsed.waves);
    expect(formatUsdMillions(report.totals.needed)).toBe('$15.08M');
    expect(formatUsdMillions(report.totals.production)).toBe('$60.11M');
    expect(formatUsdMillions(report.totals.overshootProduction)).toBe('$45.03M');
    const rows = adlChartRows(report);
    expect(rows).toHaveLength(16);
    expect(rows[0]!.time).toBe('21:16:04');
  });
});
