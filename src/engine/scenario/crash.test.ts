import { describe, expect, it } from 'vitest';
import { crashLogLevel, prepareCrash } from './crash';
import { drawPricePath } from './drawPricePath';
import { MIN_PRICE_RATIO } from './pathBase';

const trough = Math.log(0.5); // drawdown 0.5
const end = Math.log(0.75); // recovery 0.5 of a 0.5 drawdown: back to 0.75

describe('crashLogLevel', () => {
  // Minutes: calm until 10, fall to the trough at 30, recover until 70, flat after.
  const shape = { drawdown: 0.5, startMinute: 10, crashMinutes: 20, recovery: 0.5, recoveryMinutes: 40 };
  it.each([
    ['flat at minute 0', shape, 0, 0],
    ['flat at the start minute itself', shape, 10, 0],
    ['halfway down the fall', shape, 20, trough / 2],
    ['at the trough minute', shape, 30, trough],
    ['halfway up the recovery', shape, 50, (trough + end) / 2],
    ['at the end of the recovery', shape, 70, end],
    ['flat long after', shape, 10_000, end],
    ['0-minute crash: flat just before the gap', { ...shape, crashMinutes: 0 }, 9, 0],
    ['0-minute crash: gaps to the trough at the start minute', { ...shape, crashMinutes: 0 }, 10, trough],
    ['0-minute crash: then recovers linearly', { ...shape, crashMinutes: 0 }, 30, trough + (end - trough) / 2],
    ['0-minute recovery: holds the trough minute', { ...shape, recoveryMinutes: 0 }, 30, trough],
    ['0-minute recovery: gaps up right after', { ...shape, recoveryMinutes: 0 }, 30.5, end],
    ['both 0: gap down at the start minute', { ...shape, crashMinutes: 0, recoveryMinutes: 0 }, 10, trough],
    ['both 0: gap up right after', { ...shape, crashMinutes: 0, recoveryMinutes: 0 }, 11, end],
    ['no recovery fraction: stays at the trough', { ...shape, recovery: 0 }, 10_000, trough],
    ['full recovery: back to the start', { ...shape, recovery: 1 }, 10_000, 0],
    ['drawdown 0.999: a trough of log(0.001)', { ...shape, drawdown: 0.999 }, 30, Math.log(0.001)],
    ['drawdown 1 (invalid) stops at the price floor, not −∞', { ...shape, drawdown: 1 }, 30, Math.log(MIN_PRICE_RATIO)],
  ])('%s', (_name, s, minute, expected) => {
    expect(crashLogLevel(s, minute)).toBeCloseTo(expected, 12);
  });
});

describe('prepareCrash', () => {
  const scenario = {
    kind: 'crash' as const,
    preset: null,
    drawdown: 0.5,
    startMinute: 10,
    crashMinutes: 20,
    recovery: 0.5,
    recoveryMinutes: 40,
    volAnnual: 0,
  };

  it('samples the shape at step times, minute = t · stepSeconds / 60', () => {
    const prepared = prepareCrash(scenario, { initialPrice: 100, steps: 200, stepSeconds: 30 });
    expect(prepared.logSkeleton[60]).toBeCloseTo(trough, 12); // step 60 of 30 s = minute 30
    expect(prepared.logSkeleton[140]).toBeCloseTo(end, 12); // minute 70
    expect(prepared.skeletonPrices[60]).toBeCloseTo(50, 10);
    expect(prepared.skeletonPrices[0]).toBe(100);
  });

  it('with zero vol every path is the shape itself, drawn without noise', () => {
    const prepared = prepareCrash(scenario, { initialPrice: 100, steps: 120, stepSeconds: 60 });
    const out = new Float64Array(120);
    for (const path of [0, 1, 99]) {
      drawPricePath(prepared, 5, path, out);
      expect(out).toEqual(prepared.skeletonPrices);
    }
  });
});

describe('crash gaps', () => {
  const shape = { drawdown: 0.5, startMinute: 10, crashMinutes: 20, recovery: 0, recoveryMinutes: 0, gaps: [{ minute: 5, drop: 0.2 }] };
  const rest = Math.log(0.5) - Math.log(0.8); // the linear leg's share of the fall
  it('drops the price by the gap at its minute and keeps the trough', () => {
    expect(crashLogLevel(shape, 14)).toBeCloseTo((rest * 4) / 20, 12);
    expect(crashLogLevel(shape, 15)).toBeCloseTo((rest * 5) / 20 + Math.log(0.8), 12);
    expect(Math.exp(crashLogLevel(shape, 15) - crashLogLevel(shape, 14))).toBeCloseTo(0.8 * Math.exp(rest / 20), 12);
    expect(crashLogLevel(shape, 30)).toBeCloseTo(Math.log(0.5), 12);
    expect(crashLogLevel(shape, 29.99)).toBeCloseTo(Math.log(0.5), 2);
  });
  it('gaps that carry the whole drawdown leave a flat leg between them', () => {
    const two = { ...shape, gaps: [{ minute: 0, drop: 0.3 }, { minute: 12, drop: 1 - 0.5 / 0.7 }] };
    expect(crashLogLevel(two, 10)).toBeCloseTo(Math.log(0.7), 12);
    expect(crashLogLevel(two, 21)).toBeCloseTo(Math.log(0.7), 12);
    expect(crashLogLevel(two, 22)).toBeCloseTo(Math.log(0.5), 12);
  });
});
