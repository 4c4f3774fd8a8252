// Moments over many paths against closed forms. Seeds are fixed, so each run gives the same numbers; the
// tolerances (5 standard errors, estimated from the sample) matter when the RNG or the draw order changes: a
// correct engine then fails a check about once in a million seeds, while each bug named beside a case moves
// the statistic by 10 or more standard errors.
import { describe, expect, it } from 'vitest';
import type { ScenarioParams } from '../params/riskParams';
import { drawPricePath } from './drawPricePath';
import type { ScenarioMarket } from './pathBase';
import { prepareScenario } from './prepareScenario';

const DAY = 86_400; // seconds
const YEAR = 365 * DAY;

interface Moments {
  mean: number;
  variance: number;
  /** Standard error of the mean. */
  meanError: number;
  /** Standard error of the variance (normal approximation, √(2/(n − 1))·variance). */
  varianceError: number;
}

function moments(values: Float64Array): Moments {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let sumSq = 0;
  for (const v of values) sumSq += (v - mean) ** 2;
  const variance = sumSq / (n - 1);
  return { mean, variance, meanError: Math.sqrt(variance / n), varianceError: variance * Math.sqrt(2 / (n - 1)) };
}

/** Draws `paths` paths (seed 2) once and returns, for each statistic f, f(path) of every path. */
function sample(
  scenario: ScenarioParams,
  market: ScenarioMarket,
  paths: number,
  ...statistics: Array<(out: Float64Array) => number>
): Float64Array[] {
  const prepared = prepareScenario(scenario, market);
  const out = new Float64Array(market.steps);
  const values = statistics.map(() => new Float64Array(paths));
  for (let i = 0; i < paths; i++) {
    drawPricePath(prepared, 2, i, out);
    statistics.forEach((f, j) => (values[j]![i] = f(out)));
  }
  return values;
}

const terminalLogReturn = (out: Float64Array): number => Math.log(out[out.length - 1]! / out[0]!);
const terminalRatio = (out: Float64Array): number => out[out.length - 1]! / out[0]!;

describe('gbm: log return over T has mean (μ − σ²/2)T and variance σ²T', () => {
  it.each([
    // A missing −σ²/2 moves the mean by 0.32 (40 SE).
    { name: 'daily steps for a year, μ 0.5, σ 0.8', mu: 0.5, sigma: 0.8, stepSeconds: DAY, steps: 366, paths: 10_000 },
    // dt in the wrong unit (e.g. days) or √dt dropped changes the variance by orders of magnitude.
    { name: 'minute steps for a day, μ 0, σ 5', mu: 0, sigma: 5, stepSeconds: 60, steps: 1441, paths: 10_000 },
  ])('$name', ({ mu, sigma, stepSeconds, steps, paths }) => {
    const years = ((steps - 1) * stepSeconds) / YEAR;
    const scenario = { kind: 'gbm' as const, driftAnnual: mu, volAnnual: sigma };
    const [logReturns] = sample(scenario, { initialPrice: 100, steps, stepSeconds }, paths, terminalLogReturn);
    const m = moments(logReturns!);
    expect(Math.abs(m.mean - (mu - sigma ** 2 / 2) * years)).toBeLessThan(5 * m.meanError);
    expect(Math.abs(m.variance - sigma ** 2 * years)).toBeLessThan(5 * m.varianceError);
  });
});

/** Jump fields: expected jumps per year, mean and stdev of the log jump size. */
const jumps = (jumpIntensityAnnual: number, jumpMean: number, jumpStdev: number) =>
  ({ jumpIntensityAnnual, jumpMean, jumpStdev }) as const;

describe('jump: compensated drift keeps E[S_T/S_0] = e^{μT}; jumps add λT(m² + s²) to the log variance', () => {
  it.each([
    // Without compensation the mean would be e^{0.2 − 1.81}; with k = e^m − 1 (no s²/2) it is off by ~9 %.
    {
      name: 'daily steps for a year, frequent large jumps',
      scenario: { kind: 'jump', driftAnnual: 0.2, volAnnual: 0.3, ...jumps(20, -0.1, 0.1) },
      market: { initialPrice: 100, steps: 366, stepSeconds: DAY },
      paths: 20_000,
    },
    // Realistic minute steps: λ·dt ≈ 1e-4, so the compensation (−0.65 % a day) is 18 SE.
    {
      name: 'minute steps for a day, rare jumps',
      scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 0.8, ...jumps(50, -0.05, 0.05) },
      market: { initialPrice: 100, steps: 1441, stepSeconds: 60 },
      paths: 20_000,
    },
    // λ·dt ≈ 2,740 jumps a step: e^{−λdt} underflows and a capped or small-mean-only draw would miss the mass.
    {
      name: 'daily steps, a million tiny jumps a year',
      scenario: { kind: 'jump', driftAnnual: 0.2, volAnnual: 0.3, ...jumps(1e6, -1e-4, 1e-4) },
      market: { initialPrice: 100, steps: 366, stepSeconds: DAY },
      paths: 5_000,
    },
  ] as const)('$name', ({ scenario, market, paths }) => {
    const years = ((market.steps - 1) * market.stepSeconds) / YEAR;
    const { driftAnnual: mu, volAnnual: sigma, jumpIntensityAnnual: lambda, jumpMean: a, jumpStdev: b } = scenario;
    const [ratios, logReturns] = sample(scenario, market, paths, terminalRatio, terminalLogReturn);
    const ratio = moments(ratios!);
    expect(Math.abs(ratio.mean - Math.exp(mu * years))).toBeLessThan(5 * ratio.meanError);
    const logs = moments(logReturns!);
    const k = Math.expm1(a + b * b / 2);
    expect(Math.abs(logs.mean - ((mu - lambda * k - sigma ** 2 / 2) * years + lambda * years * a))).toBeLessThan(
      5 * logs.meanError,
    );
    expect(Math.abs(logs.variance - (sigma ** 2 + lambda * (a * a + b * b)) * years)).toBeLessThan(
      5 * logs.varianceError,
    );
  });
});

describe('crash: the mean path follows the shape', () => {
  const scenario = {
    kind: 'crash' as const,
    preset: null,
    drawdown: 0.5,
    startMinute: 60,
    crashMinutes: 120,
    recovery: 0.5,
    recoveryMinutes: 240,
    volAnnual: 0.8,
  };
  const market = { initialPrice: 100, steps: 720, stepSeconds: 60 };
  const paths = 4_000;
  let drawn: { meanLog: Float64Array; endRatios: Float64Array } | undefined;
  /** The mean log path over all paths and each path's end price / initial price, drawn on first use. */
  function crashSample(): { meanLog: Float64Array; endRatios: Float64Array } {
    if (drawn) return drawn;
    const prepared = prepareScenario(scenario, market);
    const out = new Float64Array(market.steps);
    const meanLog = new Float64Array(market.steps);
    const endRatios = new Float64Array(paths);
    for (let i = 0; i < paths; i++) {
      drawPricePath(prepared, 2, i, out);
      for (let t = 0; t < market.steps; t++) meanLog[t]! += Math.log(out[t]! / market.initialPrice) / paths;
      endRatios[i] = out[market.steps - 1]! / market.initialPrice;
    }
    drawn = { meanLog, endRatios };
    return drawn;
  }
  const itoDrift = (t: number): number => (-(0.8 ** 2) / 2) * ((t * 60) / YEAR); // mean of the noise's log

  it('has its trough at minute 180 (start 60 + crash 120), at log(1 − drawdown)', () => {
    const { meanLog } = crashSample();
    const troughStep = meanLog.indexOf(Math.min(...meanLog));
    expect(troughStep).toBe(180);
    expect(Math.abs(meanLog[180]! - (Math.log(0.5) + itoDrift(180)))).toBeLessThan(0.005);
    expect(Math.abs(meanLog[60]! - itoDrift(60))).toBeLessThan(0.005);
  });

  it('ends at log(1 − drawdown + recovery·drawdown), and its mean price at 0.75 of the start', () => {
    const { meanLog, endRatios } = crashSample();
    expect(Math.abs(meanLog[719]! - (Math.log(0.75) + itoDrift(719)))).toBeLessThan(0.005);
    const ratio = moments(endRatios);
    expect(Math.abs(ratio.mean - 0.75)).toBeLessThan(5 * ratio.meanError);
  });
});

describe('replay', () => {
  const prices = ['100', '98.5', '97', '120.25', '80', '80', '81.125', '0.5', '1000', '99.99'];
  const market = { initialPrice: 100, steps: prices.length, stepSeconds: 60 };

  it('reproduces the series exactly on every path and seed when there is no noise', () => {
    const prepared = prepareScenario({ kind: 'replay', prices, noiseVolAnnual: 0 }, market);
    const out = new Float64Array(prices.length);
    for (const [seed, path] of [[1, 0], [1, 7], [99, 123_456]] as const) {
      drawPricePath(prepared, seed, path, out);
      expect(Array.from(out)).toEqual(prices.map(Number));
    }
  });

  it('with noise, starts at the first price and keeps the series as its mean', () => {
    const noisyMarket = { initialPrice: 100, steps: 1441, stepSeconds: 60 };
    const series = Array.from({ length: 1441 }, (_, t) => String(100 + 10 * Math.sin(t / 100)));
    const scenario = { kind: 'replay' as const, prices: series, noiseVolAnnual: 2 };
    const [firsts, ends] = sample(scenario, noisyMarket, 10_000, (o) => o[0]!, (o) => o[1440]! / Number(series[1440]));
    expect(firsts!.every((first) => first === Number(series[0]))).toBe(true);
    const ratio = moments(ends!);
    expect(ratio.variance).toBeGreaterThan(0.01); // 4/365 ≈ 0.011: the noise is there
    expect(Math.abs(ratio.mean - 1)).toBeLessThan(5 * ratio.meanError);
  });
});
