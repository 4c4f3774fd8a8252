import { describe, expect, it } from 'vitest';
import { formatCompact, formatHorizon, formatPaths, formatSignedPoints, formatSignedQuote, formatTimeLeft } from './format';

describe('formatHorizon', () => {
  it.each([
    [1440, 60, 'one day'],
    [8640, 60, 'six days'],
    [1800, 60, '30 hours'],
    [4320, 60, 'three days'],
    [45, 60, '45 minutes'],
    [60, 60, 'one hour'],
    [2, 1, 'two seconds'],
    [3000, 60, '50 hours'],
  ])('%i steps of %i s is %j', (steps, stepSeconds, words) => {
    expect(formatHorizon(steps, stepSeconds)).toBe(words);
  });
});

describe('numbers', () => {
  it('signs differences with a real minus', () => {
    expect(formatSignedQuote(1234.5)).toBe('+1,235');
    expect(formatSignedQuote(-12.5)).toBe('−12.50');
    expect(formatSignedQuote(0)).toBe('0');
    expect(formatSignedPoints(-0.031)).toBe('−3.1 pp');
  });

  it('keeps axis labels short', () => {
    expect(formatCompact(1_250_000)).toBe('1.25M');
    expect(formatCompact(350_000)).toBe('350K');
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(0.25)).toBe('0.25');
  });

  it('says time left and paths in words', () => {
    expect(formatTimeLeft(400)).toBe('under 1 s');
    expect(formatTimeLeft(3200)).toBe('about 4 s');
    expect(formatTimeLeft(95_000)).toBe('about 2 min');
    expect(formatPaths(1000)).toBe('1,000 paths');
    expect(formatPaths(1)).toBe('one path');
  });
});
