import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { fanRows } from './chartRows';
import { sameValue, sameView } from './sameView';

const fan = (p50: number) => ({
  stepOfPoint: [0, 60],
  fundBalanceQuote: { quantiles: [0.05, 0.25, 0.5, 0.75, 0.95], bands: [[1, 1], [2, 2], [p50, p50], [4, 4], [5, 5]] },
});
// A stand-in for FanChart (which pulls in the page's store): a component with the same props.
const Fan = (props: { rows: unknown[]; color: string; label: string }) => props.label;
const chartOf = (p50: number) => createElement(Fan, { rows: fanRows(fan(p50) as never, 'fundBalanceQuote', 60), color: '#000', label: 'fund' });

describe('sameView', () => {
  it('two views built from equal numbers draw the same, though every object is new', () => {
    expect(sameView({ empty: null, caption: 'c', chart: chartOf(3) }, { empty: null, caption: 'c', chart: chartOf(3) })).toBe(true);
  });

  it.each([
    ['a band value moved', { empty: null, caption: 'c', chart: chartOf(3.5) }],
    ['the caption changed', { empty: null, caption: 'd', chart: chartOf(3) }],
    ['the card became empty', { empty: 'nothing', caption: 'c', chart: null }],
    ['another chart', { empty: null, caption: 'c', chart: createElement('svg', { rows: [] }) }],
  ])('a redraw when %s', (_topic, other) => {
    expect(sameView({ empty: null, caption: 'c', chart: chartOf(3) }, other)).toBe(false);
  });

  it('compares plain data by value, functions by identity, and stops at depth', () => {
    const f = () => 0;
    expect(sameValue({ a: [1, { b: NaN }], f }, { a: [1, { b: NaN }], f })).toBe(true);
    expect(sameValue({ f }, { f: () => 0 })).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue(new Float64Array([1]), new Float64Array([1]))).toBe(false);
    const deep = (n: number): unknown => (n === 0 ? 1 : [deep(n - 1)]);
    expect(sameValue(deep(20), deep(20))).toBe(false);
  });
});
