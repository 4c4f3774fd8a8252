// Hand-worked values for the price-impact definitions (DESIGN.md §5). The naive engine imports the same
// functions, so only tables like these check the formulas themselves. Depth: 1,000,000 quote per 1 % move.
import { describe, expect, it } from 'vitest';
import {
  averageImpactDisplacement,
  clampDisplacement,
  decayDisplacement,
  impactDecayPerStep,
  impactDisplacement,
  thinnedDepth,
} from './priceImpact';

const DEPTH = 1_000_000;

describe('impactDisplacement', () => {
  it.each([
    // model, flow, displacement
    ['linear', 2_000_000, 0.02], //      1 % · 2
    ['linear', -500_000, -0.005], //     1 % · (−0.5)
    ['sqrt', 4_000_000, 0.02], //        1 % · √4
    ['sqrt', -9_000_000, -0.03], //      1 % · −√9
    ['none', 4_000_000, 0],
    ['sqrt', 0, 0],
  ] as const)('%s, flow %d: %d', (model, flow, displacement) => {
    expect(impactDisplacement(model, flow, DEPTH)).toBeCloseTo(displacement, 15);
  });
});

describe('averageImpactDisplacement (the average price of walking the book)', () => {
  it.each([
    // model, from, to, average = 1 % · (G(x₁) − G(x₀)) / (x₁ − x₀)
    ['linear', 0, 2_000_000, 0.01], //               (½·4 − 0)/2 = 1: half the marginal 2 %
    ['linear', 1_000_000, 4_000_000, 0.025], //      (½·16 − ½·1)/3 = 2.5
    ['sqrt', 0, 4_000_000, 0.04 / 3], //             (⅔·8 − 0)/4 = 4/3: two thirds of the marginal 2 %
    ['sqrt', 1_000_000, 1_000_000, 0.01], //         an empty order: the marginal displacement, 1 % · √1
    ['none', 0, 4_000_000, 0],
  ] as const)('%s from %d to %d: %d', (model, from, to, average) => {
    expect(averageImpactDisplacement(model, from, to, DEPTH)).toBeCloseTo(average, 15);
  });
});

describe('depth, clamping and decay', () => {
  it.each([
    // thinning, index, peak, depth = 10⁶ · exp(−thinning · (1 − index/peak))
    [20, 88, 100, 90_717.953289], // exp(−20 · 0.12) = exp(−2.4) = 0.090717953…
    [0, 88, 100, DEPTH], //          no thinning
    [20, 100, 100, DEPTH], //        at the peak
    [20, 105, 100, DEPTH], //        above the running peak (cannot happen, but must not deepen the book)
  ])('thinning %d at index %d below peak %d: depth %d', (thinning, index, peak, depth) => {
    expect(thinnedDepth(DEPTH, thinning, index, peak)).toBeCloseTo(depth, 5);
  });

  it.each([
    [-1.5, -0.99],
    [12, 9],
    [0.3, 0.3],
    [-0.99, -0.99],
  ])('clamps %d to %d', (displacement, clamped) => {
    expect(clampDisplacement(displacement)).toBe(clamped);
  });

  it.each([
    // half-life in steps, decay per step = 0.5^(1/h)
    [1, 0.5],
    [2, Math.SQRT1_2], // √½ = 0.7071067…
    [4, 0.8408964152537145], // ⁴√½
  ])('half-life %d: decay %d per step', (halfLife, decay) => {
    expect(impactDecayPerStep(halfLife)).toBeCloseTo(decay, 15);
  });

  it('decays a displacement by half over its half-life and snaps a negligible one to 0', () => {
    const perStep = impactDecayPerStep(2);
    expect(decayDisplacement(decayDisplacement(0.02, perStep), perStep)).toBeCloseTo(0.01, 15);
    expect(decayDisplacement(0.02, 0.5)).toBe(0.01);
    expect(decayDisplacement(1.5e-12, 0.5)).toBe(0); // 7.5·10⁻¹³ < 10⁻¹²
    expect(decayDisplacement(-3e-12, 0.5)).toBe(-1.5e-12);
  });
});
