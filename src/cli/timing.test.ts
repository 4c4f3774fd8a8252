import { describe, expect, it } from 'vitest';
import { cpuNowMs, median } from './timing';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even count, unsorted input', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('leaves its input in place', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('cpuNowMs', () => {
  it('does not run backwards while this process works', () => {
    const before = cpuNowMs();
    let sink = 0;
    for (let i = 0; i < 1e6; i++) sink += Math.sqrt(i);
    expect(sink).toBeGreaterThan(0);
    expect(cpuNowMs()).toBeGreaterThanOrEqual(before);
  });
});
