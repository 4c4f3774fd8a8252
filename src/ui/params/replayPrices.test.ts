import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../engine/params/defaults';
import { validateParams } from '../../engine/params/validateParams';
import { exampleReplayPrices, priceProblemLine, readPriceSeries } from './replayPrices';

describe('readPriceSeries', () => {
  it('reads one price per line, or the last field of a CSV row, skipping a header and blank lines', () => {
    expect(readPriceSeries('100\n99.5\n\n101\n')).toEqual({ prices: ['100', '99.5', '101'], lineOf: [1, 2, 4], header: false });
    expect(readPriceSeries('time,price\r\n2020-03-12T10:00,7353\r\n2020-03-12T10:01,"7301.5"')).toEqual({
      prices: ['7353', '7301.5'],
      lineOf: [2, 3],
      header: true,
    });
  });

  it('passes unreadable cells on, so the validator names them, and maps them back to their line', () => {
    const text = 'price\n100\nabc\n98';
    const series = readPriceSeries(text);
    expect(series.prices).toEqual(['100', 'abc', '98']);
    const params = defaultParams();
    params.market.steps = series.prices.length;
    params.scenario = { kind: 'replay', prices: series.prices, noiseVolAnnual: 0 };
    const result = validateParams(params);
    expect(result.ok).toBe(false);
    const problem = !result.ok ? result.problems.find((p) => p.field.startsWith('scenario.prices')) : undefined;
    expect(problem?.field).toBe('scenario.prices[1]');
    expect(priceProblemLine(problem!.field, series.lineOf)).toBe(3);
    expect(priceProblemLine('market.steps', series.lineOf)).toBeNull();
  });
});

describe('examples', () => {
  it('the example series is valid for the default horizon and dips about 20 %', () => {
    const params = defaultParams();
    const start = Number(params.market.initialPrice);
    const prices = exampleReplayPrices(params.market.steps, start);
    expect(prices).toHaveLength(params.market.steps);
    params.scenario = { kind: 'replay', prices, noiseVolAnnual: 0.3 };
    expect(validateParams(params).ok).toBe(true);
    expect(Math.min(...prices.map(Number))).toBeLessThan(0.81 * start);
    expect(exampleReplayPrices(params.market.steps, start)).toEqual(prices);
  });
});
