import { describe, expect, it } from 'vitest';
import { COMBINATION_TOLERANCE, LEVER_KINDS, compareLevers } from './compareLevers';
import { bisectionStepsLeft, combinationProbesLeft, compareProbesLeft, soloProbesLeft, UNSTARTED_COMBINATION_PROBES, UNSTARTED_SOLO_PROBES, type CompareProgress } from './searchProgress';
import type { SolveResult } from './solve';
import { throughputWorld } from './testing/worlds';

describe('bisectionStepsLeft', () => {
  it.each([
    { topic: 'already within tolerance', width: 1, tolerance: 1, steps: 0 },
    { topic: 'one halving', width: 2, tolerance: 1, steps: 1 },
    { topic: 'a half to 1/64', width: 0.5, tolerance: 1 / 64, steps: 5 },
    { topic: 'not a power of two rounds up', width: 3, tolerance: 1, steps: 2 },
    { topic: 'zero tolerance is refused as nothing to do', width: 3, tolerance: 0, steps: 0 },
  ])('$topic', ({ width, tolerance, steps }) => expect(bisectionStepsLeft(width, tolerance)).toBe(steps));
});

describe('soloProbesLeft', () => {
  it('has a prior before any probe, and counts bisection of a closed bracket to the relative tolerance', () => {
    expect(soloProbesLeft([], 0.01, 1)).toBe(UNSTARTED_SOLO_PROBES);
    // fund bracket (1,000, 2,000] quote at 1 %: tolerance 20 quote, 1,000 / 20 = 50 → 6 halvings.
    expect(soloProbesLeft([{ value: 1000, passes: false }, { value: 2000, passes: true }], 0.01, 1)).toBe(6);
  });
  it('expects one more doubling while nothing passes, and the floor while nothing fails', () => {
    expect(soloProbesLeft([{ value: 1000, passes: false }], 0.01, 1)).toBe(1 + bisectionStepsLeft(1000, 20));
    expect(soloProbesLeft([{ value: 1000, passes: true }], 0.01, 1)).toBe(1 + bisectionStepsLeft(1000, 10));
  });
  it('ignores unlimited (null) probes and passes below the last failure', () => {
    const probes = [
      { value: 100, passes: false },
      { value: null, passes: true },
      { value: 50, passes: true },
      { value: 200, passes: true },
    ];
    expect(soloProbesLeft(probes, 0.01, 1)).toBe(bisectionStepsLeft(100, 2));
  });
  it('is never negative and reaches 0 once the bracket is within the resolution', () => {
    expect(soloProbesLeft([{ value: 0.05, passes: false }, { value: 0.0501, passes: true }], 0.01, 0.0001)).toBe(0);
  });
});

describe('combinationProbesLeft', () => {
  it.each([
    { topic: 'nothing probed', probes: [], left: UNSTARTED_COMBINATION_PROBES },
    { topic: 'half passes: bisect [0, ½]', probes: [{ fraction: 0.5, passes: true }], left: 5 },
    { topic: 'half fails: try 1, then bisect [½, 1]', probes: [{ fraction: 0.5, passes: false }], left: 6 },
    { topic: 'all of it fails: done', probes: [{ fraction: 0.5, passes: false }, { fraction: 1, passes: false }], left: 0 },
  ])('$topic', ({ probes, left }) => expect(combinationProbesLeft(probes, COMBINATION_TOLERANCE)).toBe(left));
});

describe('compareProbesLeft', () => {
  it('adds the mean of finished searches for each one not started, and the combination until it starts', () => {
    expect(compareProbesLeft(3, [], 2, false)).toBe(3 + 2 * UNSTARTED_SOLO_PROBES + UNSTARTED_COMBINATION_PROBES);
    expect(compareProbesLeft(3, [10, 12], 0, false)).toBe(3 + UNSTARTED_COMBINATION_PROBES);
    expect(compareProbesLeft(3, [10], 1, false)).toBe(3 + 10 + UNSTARTED_COMBINATION_PROBES);
    expect(compareProbesLeft(2, [10, 12, 8], 0, true)).toBe(2);
  });
});

describe('compareLevers progress', () => {
  it('reports every probe in order, each lever as it finishes, and ends with nothing left', () => {
    const progress: CompareProgress[] = [];
    const finished: SolveResult[] = [];
    const settings = { seed: 3, target: 0.01, initialPaths: 400, maxPaths: 1600, params: throughputWorld() };
    const r = compareLevers({ ...settings, onProgress: (p) => progress.push(p), onLever: (l) => finished.push(l) });
    expect(progress.map((p) => p.probesDone)).toEqual(Array.from({ length: r.evaluations }, (_, i) => i + 1));
    expect(progress.at(-1)!.pathsSimulated).toBe(r.pathsSimulated);
    expect(progress.at(-1)!.probesLeft).toBe(0);
    expect(progress.every((p) => p.probesLeft >= 0)).toBe(true);
    expect(finished.map((l) => l.lever)).toEqual([...LEVER_KINDS]);
    expect(finished).toEqual(LEVER_KINDS.map((k) => r.levers[k]));
    expect(new Set(progress.map((p) => p.stage))).toEqual(new Set([...LEVER_KINDS, 'combination']));
    // Listening changes nothing.
    expect(compareLevers(settings)).toEqual(r);
  });
});
