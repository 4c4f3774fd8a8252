import { describe, expect, it } from 'vitest';
import { Progress, progressLine } from './progress';

describe('progress', () => {
  it('says items done, share, rate and ETA, then the total time', () => {
    expect(progressLine('shard 2/4', 5_000, 25_000, 'paths', 4)).toBe('shard 2/4: 5,000/25,000 paths (20.0 %), 1,250 paths/s, ETA 16 s');
    expect(progressLine('shard 2/4', 25_000, 25_000, 'paths', 125)).toBe('shard 2/4: 25,000/25,000 paths (100.0 %), 200 paths/s, done in 2 min 5 s');
    expect(progressLine('shard 1/1', 1, 3, 'points', 400)).toBe('shard 1/1: 1/3 points (33.3 %), 0.0025 points/s, ETA 13 min 20 s');
  });

  it('in a log (not a terminal) writes at most one line per interval, and always the last', () => {
    const lines: string[] = [];
    let t = 0;
    const progress = new Progress('shard 1/2', 100, 'paths', { write: (s: string) => lines.push(s), isTTY: false }, 5_000, () => t);
    for (let done = 1; done <= 100; done++) {
      t += 100; // 0.1 s per path: 10 s in all
      progress.update(done);
    }
    expect(lines).toEqual([
      'shard 1/2: 1/100 paths (1.0 %), 10 paths/s, ETA 9.9 s\n',
      'shard 1/2: 51/100 paths (51.0 %), 10 paths/s, ETA 4.9 s\n',
      'shard 1/2: 100/100 paths (100.0 %), 10 paths/s, done in 10 s\n',
    ]);
  });
});
