import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { histogram } from './histogram';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('histogram worked examples', () => {
  it('linear bins over 0..10: equal widths, the maximum in the last bin, zeros counted and binned', () => {
    const values = Array.from({ length: 11 }, (_, i) => i);
    expect(histogram(values, { bins: 5 })).toEqual({ edges: [0, 2, 4, 6, 8, 10], counts: [2, 2, 2, 2, 3], zeroCount: 1, log: false });
  });

  it('log bins over decades, zeros only in zeroCount', () => {
    const h = histogram([0, 0, 1, 5, 50, 1000], { bins: 3, log: true });
    expect(h.edges[0]).toBe(1);
    expect(h.edges[1]).toBeCloseTo(10, 10);
    expect(h.edges[2]).toBeCloseTo(100, 10);
    expect(h.edges[3]).toBe(1000);
    expect(h.counts).toEqual([2, 1, 1]);
    expect(h.zeroCount).toBe(2);
    expect(h.log).toBe(true);
  });

  it('the top edge lands in the last bin even when a bin edge is inexact', () => {
    const h = histogram([0.1, 0.2, 0.3], { bins: 3 });
    expect(h.edges[3]).toBe(0.3);
    expect(h.counts[2]).toBeGreaterThanOrEqual(1);
    expect(sum(h.counts)).toBe(3);
  });

  it.each([
    { name: 'no values, linear', values: [] as number[], log: false, zeroCount: 0 },
    { name: 'no values, log', values: [] as number[], log: true, zeroCount: 0 },
    { name: 'only zeros, log', values: [0, 0, 0], log: true, zeroCount: 3 },
  ])('nothing to bin: $name → empty edges and counts', ({ values, log, zeroCount }) => {
    expect(histogram(values, { bins: 4, log })).toEqual({ edges: [], counts: [], zeroCount, log });
  });

  it.each([
    { name: 'linear, one value 4', values: [4, 4, 4], log: false, lo: 2, hi: 6, counts: [0, 3, 0] },
    { name: 'linear, one value 0', values: [0], log: false, lo: -0.5, hi: 0.5, counts: [0, 1, 0] },
    { name: 'log, one value 10', values: [0, 10, 10], log: true, lo: 10 / Math.sqrt(10), hi: 10 * Math.sqrt(10), counts: [0, 2, 0] },
  ])('a single distinct value is widened so its bar has a width: $name', ({ values, log, lo, hi, counts }) => {
    const h = histogram(values, { bins: 3, log });
    expect(h.edges[0]).toBeCloseTo(lo, 12);
    expect(h.edges[3]).toBeCloseTo(hi, 12);
    expect(h.counts).toEqual(counts);
  });

  it('does not depend on the order of the values', () => {
    const values = [3, 0, 9, 1.5, 0, 7, 2];
    expect(histogram([...values].reverse(), { bins: 4, log: true })).toEqual(histogram(values, { bins: 4, log: true }));
    expect(histogram([...values].reverse(), { bins: 4 })).toEqual(histogram(values, { bins: 4 }));
  });

  it.each([
    { name: 'zero bins', values: [1], options: { bins: 0 }, message: /bins/ },
    { name: 'fractional bins', values: [1], options: { bins: 2.5 }, message: /bins/ },
    { name: 'NaN', values: [1, Number.NaN], options: { bins: 2 }, message: /index 1 is not finite/ },
    { name: 'a negative value on a log axis', values: [1, -2], options: { bins: 2, log: true }, message: /≥ 0/ },
  ])('refuses $name', ({ values, options, message }) => {
    expect(() => histogram(values, options)).toThrow(message);
  });
});

describe('histogram properties', () => {
  const money = fc.double({ min: -1e9, max: 1e9, noNaN: true });
  const loss = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true }));
  const bins = fc.integer({ min: 1, max: 40 });

  it('linear: counts sum to n, and each bin holds exactly the values in [edge i, edge i+1)', () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 1, maxLength: 200 }), bins, (values, b) => {
        const h = histogram(values, { bins: b });
        expect(sum(h.counts)).toBe(values.length);
        expect(h.edges).toHaveLength(b + 1);
        expect(h.zeroCount).toBe(values.filter((v) => v === 0).length);
        for (let i = 1; i < h.edges.length; i++) expect(h.edges[i]).toBeGreaterThanOrEqual(h.edges[i - 1] as number);
        if (Math.min(...values) < Math.max(...values)) {
          expect(h.edges[0]).toBe(Math.min(...values));
          expect(h.edges[b]).toBe(Math.max(...values));
        }
        const strictlyIncreasing = h.edges.every((e, i) => i === 0 || e > (h.edges[i - 1] as number));
        if (strictlyIncreasing) {
          const expected = h.counts.map((_, i) => {
            const lo = h.edges[i] as number;
            const hi = h.edges[i + 1] as number;
            return values.filter((v) => v >= lo && (v < hi || (i === b - 1 && v === hi))).length;
          });
          expect(h.counts).toEqual(expected);
        }
      }),
    );
  });

  it('log: counts plus zeros sum to n, positive values only in bins', () => {
    fc.assert(
      fc.property(fc.array(loss, { maxLength: 200 }), bins, (values, b) => {
        const h = histogram(values, { bins: b, log: true });
        const zeros = values.filter((v) => v === 0).length;
        expect(h.zeroCount).toBe(zeros);
        expect(sum(h.counts) + h.zeroCount).toBe(values.length);
        if (zeros < values.length) {
          expect(h.edges).toHaveLength(b + 1);
          expect(h.edges[0]).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('edges and counts are finite for any finite values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 50 }), bins, fc.boolean(), (raw, b, log) => {
        const values = log ? raw.map(Math.abs) : raw;
        const h = histogram(values, { bins: b, log });
        for (const e of h.edges) expect(Number.isFinite(e)).toBe(true);
        expect(sum(h.counts) + (log ? h.zeroCount : 0)).toBe(values.length);
      }),
    );
  });
});
