// The pool's bookkeeping alone: path order, the side furthest behind first, retries first, chunk sizes that
// follow the measured time per path, deadlines that grow per retry, progress and time left.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/engine/index';
import { RunPlan, type Job } from './runPlan';

const options = { initialChunkPaths: 16, targetChunkMs: 30, maxChunkPaths: 100, deadlineFactor: 10, minChunkDeadlineMs: 1000 };
const params = defaultParams();
const range = (job: Job | null) => job && [job.side.side, job.from, job.to];

describe('RunPlan', () => {
  it('hands out ranges in path order, sized by the time measured per path, the side furthest behind first', () => {
    const plan = new RunPlan(200, [{ side: 'proposal', key: 'a', params }, { side: 'baseline', key: 'b', params }], options);
    const first = plan.nextJob()!;
    expect(range(first)).toEqual(['proposal', 0, 16]);
    expect(range(plan.nextJob())).toEqual(['baseline', 0, 16]);
    plan.record(first, 16 * 0.5); // 0.5 ms per path → 60 paths make 30 ms
    expect(range(plan.nextJob())).toEqual(['proposal', 16, 76]);
    expect(range(plan.nextJob())).toEqual(['baseline', 16, 76]);
    plan.record(first, 16 * 0.001); // a moving average: 0.7 × 0.5 + 0.3 × 0.001 ms per path → 86 paths
    expect(range(plan.nextJob())).toEqual(['proposal', 76, 162]);
    expect(range(plan.nextJob())).toEqual(['baseline', 76, 162]);
    expect(range(plan.nextJob())).toEqual(['proposal', 162, 200]);
    expect(range(plan.nextJob())).toEqual(['baseline', 162, 200]);
    expect(plan.nextJob()).toBeNull();
  });

  it('caps a chunk at maxChunkPaths however fast paths are', () => {
    const plan = new RunPlan(1000, [{ side: 'proposal', key: 'a', params }], options);
    plan.record(plan.nextJob()!, 0);
    expect(range(plan.nextJob())).toEqual(['proposal', 16, 116]);
  });

  it('shrinks the last chunks to the remaining paths over twice the workers, never below 4 paths', () => {
    const plan = new RunPlan(1000, [{ side: 'proposal', key: 'a', params }], { ...options, workers: 2 });
    plan.record(plan.nextJob()!, 16 * 0.3); // 0.3 ms per path → 100 paths make 30 ms
    const sizes: number[] = [];
    for (let job = plan.nextJob(); job; job = plan.nextJob()) sizes.push(job.to - job.from);
    // Full 100-path chunks while 400 or more remain, then ⌈remaining / 4⌉, down to the floor.
    expect(sizes.slice(0, 6)).toEqual([100, 100, 100, 100, 100, 100]);
    expect(sizes.slice(6)).toEqual([96, 72, 54, 41, 31, 23, 17, 13, 10, 7, 5, 4, 4, 4, 3]);
    expect(16 + sizes.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('retries a range before any new one; a timeout counts and doubles the deadline, a lost queue slot does not', () => {
    const plan = new RunPlan(100, [{ side: 'proposal', key: 'a', params }], options);
    const job = plan.nextJob()!;
    expect(plan.deadlineMs(job)).toBe(1000); // 16 paths × 5 ms guessed × 10 = 800 ms, at least 1 s
    plan.retry(job, true);
    const again = plan.nextJob()!;
    expect(range(again)).toEqual(['proposal', 0, 16]);
    expect(again.attempts).toBe(1);
    expect(plan.deadlineMs(again)).toBe(2000);
    plan.retry(again, false);
    expect(plan.nextJob()!.attempts).toBe(1);
  });

  it('reports progress in paths (path pairs with a baseline) and the time left at the rate so far', () => {
    const plan = new RunPlan(100, [{ side: 'proposal', key: 'a', params }, { side: 'baseline', key: 'b', params }], options);
    expect(plan.progress(0)).toEqual({ pathsDone: 0, pathsTotal: 100, elapsedMs: 0, etaMs: null });
    const [a, b] = [plan.nextJob()!, plan.nextJob()!]; // paths 0–15 of each side
    plan.record(a, 10);
    plan.record(b, 10); // 32 of 200 units
    expect(plan.progress(480)).toEqual({ pathsDone: 16, pathsTotal: 100, elapsedMs: 480, etaMs: 2520 });
    expect(plan.complete).toBe(false);
  });
});
