import { describe, expect, it } from 'vitest';
import type { BootstrapScenario } from '../params/riskParams';
import { validateParams } from '../params/validateParams';
import { defaultParams } from '../params/defaults';
import { drawPricePath } from './drawPricePath';
import { prepareScenario } from './prepareScenario';

/** A fat-tailed historical series: a jump diffusion with frequent 2 % gaps, 3,001 prices. */
function history(): string[] {
  const prepared = prepareScenario(
    { kind: 'jump', driftAnnual: 0, volAnnual: 0.6, jumpIntensityAnnual: 30_000, jumpMean: -0.005, jumpStdev: 0.02 },
    { initialPrice: 100, steps: 3001, stepSeconds: 60 },
  );
  const out = new Float64Array(3001);
  drawPricePath(prepared, 9, 0, out);
  return Array.from(out, (p) => p.toPrecision(15));
}

const returnsOf = (prices: ArrayLike<number>): number[] =>
  Array.from({ length: prices.length - 1 }, (_, i) => Math.log(prices[i + 1]! / prices[i]!));

function moments(x: number[]): { mean: number; variance: number; kurtosis: number } {
  const n = x.length;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  const kurtosis = x.reduce((s, v) => s + (v - mean) ** 4, 0) / n / variance ** 2;
  return { mean, variance, kurtosis };
}

/** Two-sample Kolmogorov–Smirnov statistic sup |F_a − F_b|. */
function ksStatistic(a: number[], b: number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

describe('bootstrap scenario', () => {
  const prices = history();
  const source = returnsOf(prices.map(Number));
  const scenario: BootstrapScenario = { kind: 'bootstrap', prices, blockSteps: 30 };
  const market = { initialPrice: 50, steps: 1441, stepSeconds: 60 };
  const prepared = prepareScenario(scenario, market);

  it('preserves the return distribution of the tape (KS test and moments over 200 paths)', () => {
    const drawn: number[] = [];
    const out = new Float64Array(market.steps);
    for (let path = 0; path < 200; path++) {
      drawPricePath(prepared, 4, path, out);
      expect(out[0]).toBe(50);
      drawn.push(...returnsOf(out));
    }
    // KS: 5 % critical value for samples of 3,000 and 288,000 is 1.36·√(1/3000 + 1/288000) ≈ 0.025. Blocks make the
    // drawn returns dependent, so allow 1.5× that; a bootstrap that dropped the tails or resampled the wrong series
    // gives D ≫ 0.1.
    expect(ksStatistic(source, drawn)).toBeLessThan(0.038);
    const s = moments(source);
    const d = moments(drawn);
    expect(Math.abs(d.mean - s.mean)).toBeLessThan(3 * Math.sqrt(s.variance / source.length));
    expect(d.variance / s.variance).toBeGreaterThan(0.9);
    expect(d.variance / s.variance).toBeLessThan(1.1);
    // The fat tail (kurtosis well above the normal's 3) survives resampling.
    expect(s.kurtosis).toBeGreaterThan(6);
    expect(d.kurtosis / s.kurtosis).toBeGreaterThan(0.8);
    expect(d.kurtosis / s.kurtosis).toBeLessThan(1.25);
  });

  it('keeps blocks of consecutive historical returns', () => {
    const out = new Float64Array(market.steps);
    drawPricePath(prepared, 1, 3, out);
    const drawn = returnsOf(out);
    const first = drawn.slice(0, 30);
    const start = source.findIndex((_, i) => first.every((r, j) => Math.abs(r - source[i + j]!) < 1e-12));
    expect(start).toBeGreaterThanOrEqual(0);
  });

  it('is a pure function of (seed, path index), and different paths differ', () => {
    const a = new Float64Array(market.steps);
    const b = new Float64Array(market.steps);
    drawPricePath(prepared, 2, 17, a);
    drawPricePath(prepareScenario(scenario, market), 2, 17, b);
    expect(b).toEqual(a);
    drawPricePath(prepared, 2, 18, b);
    expect(b).not.toEqual(a);
  });

  it('is a valid scenario in a parameters file, and a block longer than the series is refused by name', () => {
    expect(validateParams({ ...defaultParams(), scenario }).ok).toBe(true);
    const bad = validateParams({ ...defaultParams(), scenario: { ...scenario, prices: ['1', '2', '3'], blockSteps: 3 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems).toEqual([{ field: 'scenario.blockSteps', message: 'must be at most prices.length − 1 (2), got 3' }]);
  });
});
