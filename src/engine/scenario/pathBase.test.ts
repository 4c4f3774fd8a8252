import { describe, expect, it } from 'vitest';
import { clampPrice, MAX_PRICE_RATIO, MIN_PRICE_RATIO, preparePathBase, SECONDS_PER_YEAR } from './pathBase';

describe('clampPrice', () => {
  const minPrice = 1e-10; // quote per base: 1e-12 × a price of 100
  const maxPrice = 1e14;
  it.each([
    ['a price inside the bounds is kept', 123.45, 123.45],
    ['the floor itself is kept', 1e-10, 1e-10],
    ['the ceiling itself is kept', 1e14, 1e14],
    ['a price below the floor goes to the floor', 1e-30, minPrice],
    ['zero goes to the floor', 0, minPrice],
    ['a negative price goes to the floor', -5, minPrice],
    ['NaN goes to the floor', Number.NaN, minPrice],
    ['a price above the ceiling goes to the ceiling', 1e20, maxPrice],
    ['+Infinity goes to the ceiling', Number.POSITIVE_INFINITY, maxPrice],
  ])('%s', (_name, price, expected) => {
    expect(clampPrice(price, minPrice, maxPrice)).toBe(expected);
  });
});

describe('preparePathBase', () => {
  it('derives dt in years of 365 days and the price bounds from the initial price', () => {
    const base = preparePathBase({ initialPrice: 250, steps: 1440, stepSeconds: 60 });
    expect(SECONDS_PER_YEAR).toBe(31_536_000);
    expect(base.stepYears).toBe(60 / 31_536_000);
    expect(base.minPrice).toBe(250 * MIN_PRICE_RATIO);
    expect(base.maxPrice).toBe(250 * MAX_PRICE_RATIO);
    expect(base.steps).toBe(1440);
    expect(base.initialPrice).toBe(250);
  });

  it.each([
    ['zero steps', { initialPrice: 100, steps: 0, stepSeconds: 60 }],
    ['fractional steps', { initialPrice: 100, steps: 1.5, stepSeconds: 60 }],
    ['a zero initial price', { initialPrice: 0, steps: 10, stepSeconds: 60 }],
    ['a NaN initial price', { initialPrice: Number.NaN, steps: 10, stepSeconds: 60 }],
    ['an infinite initial price', { initialPrice: Number.POSITIVE_INFINITY, steps: 10, stepSeconds: 60 }],
    ['zero stepSeconds', { initialPrice: 100, steps: 10, stepSeconds: 0 }],
  ])('refuses %s', (_name, market) => {
    expect(() => preparePathBase(market)).toThrow(RangeError);
  });
});
