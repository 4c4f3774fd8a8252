// Hand-worked backstop takeover decisions (DESIGN.md §5): taken over when equity at the mark is below
// share × the maintenance requirement. Long 2 @ 100 with 50 quote, 5 % maintenance: equity 50 + 2(mark − 100),
// requirement 0.05 · 2 · mark.
import { describe, expect, it } from 'vitest';
import { marginSchedule } from '../margin/marginSchedule';
import { takeoverDue } from './backstopVault';

const schedule = marginSchedule({ maintenanceMarginRatio: 0.05, initialMarginRatio: 0.1, tiers: [] });

describe('takeoverDue', () => {
  it.each([
    // mark, share, due: equity vs share · requirement
    [80, 1, false], //   10 vs 8
    [80, 1.5, true], //  10 vs 12
    [78, 1, true], //    6 vs 7.8
    [78, 0.5, false], // 6 vs 3.9
    [70, 0, true], //    −10 vs 0: a bankrupt position is always taken over
  ])('at mark %d with share %d: %s', (mark, share, due) => {
    expect(takeoverDue(schedule, share, 1, 2, 100, 50_000_000, mark)).toBe(due);
  });
});
