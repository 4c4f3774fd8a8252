import { describe, expect, it } from 'vitest';
import { createTaskQueue, redrawWait } from './chartScheduler';

/** A queue whose tasks run when the test says so. */
function manual() {
  const posted: (() => void)[] = [];
  const queue = createTaskQueue((run) => posted.push(run));
  const task = () => {
    const run = posted.shift();
    expect(run).toBeDefined();
    run!();
  };
  return { queue, posted, task };
}

describe('createTaskQueue', () => {
  it('runs one job per task, in the order owners queued them', () => {
    const { queue, posted, task } = manual();
    const ran: string[] = [];
    const [a, b, c] = [{}, {}, {}];
    queue.enqueue(a, () => ran.push('a'));
    queue.enqueue(b, () => ran.push('b'));
    queue.enqueue(c, () => ran.push('c'));
    expect(posted).toHaveLength(1);
    task();
    expect(ran).toEqual(['a']);
    task();
    task();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(posted).toHaveLength(0);
    expect(queue.size).toBe(0);
  });

  it('keeps one job per owner: a newer job replaces the waiting one and keeps its place', () => {
    const { queue, task } = manual();
    const ran: string[] = [];
    const [a, b] = [{}, {}];
    queue.enqueue(a, () => ran.push('a1'));
    queue.enqueue(b, () => ran.push('b'));
    queue.enqueue(a, () => ran.push('a2'));
    expect(queue.size).toBe(2);
    task();
    task();
    expect(ran).toEqual(['a2', 'b']);
  });

  it('drops a cancelled job and stops posting when nothing is left', () => {
    const { queue, posted, task } = manual();
    const ran: string[] = [];
    const [a, b] = [{}, {}];
    queue.enqueue(a, () => ran.push('a'));
    queue.enqueue(b, () => ran.push('b'));
    queue.cancel(a);
    task();
    expect(ran).toEqual(['b']);
    expect(posted).toHaveLength(0);
    queue.cancel(b); // nothing waiting: no-op
  });

  it('goes on with the next job when one throws', () => {
    const { queue, task } = manual();
    const ran: string[] = [];
    queue.enqueue({}, () => {
      throw new Error('chart failed');
    });
    queue.enqueue({}, () => ran.push('next'));
    expect(task).toThrow('chart failed');
    task();
    expect(ran).toEqual(['next']);
  });

  it('a job queued while the queue runs waits for a task of its own', () => {
    const { queue, posted, task } = manual();
    const ran: string[] = [];
    const b = {};
    queue.enqueue({}, () => {
      ran.push('a');
      queue.enqueue(b, () => ran.push('b'));
    });
    task();
    expect(ran).toEqual(['a']);
    expect(posted).toHaveLength(1);
    task();
    expect(ran).toEqual(['a', 'b']);
  });
});

describe('redrawWait', () => {
  const base = { now: 1000, minIntervalMs: 400, liveSince: 900, lastSwapAt: Number.NEGATIVE_INFINITY, lastDrawMs: 0 };
  // LIVE_COST_FACTOR is 8: a chart takes at most an eighth of the main thread while a run streams.
  it.each([
    ['not live: at once, whatever the last draw', { ...base, minIntervalMs: 0, lastSwapAt: 999, lastDrawMs: 500 }, 0],
    ['live, never drawn: waits until the run has streamed minIntervalMs', base, 300],
    ['live, streaming long enough and drawn long ago: at once', { ...base, liveSince: 0, lastSwapAt: 100, lastDrawMs: 20 }, -500],
    ['live, drawn recently: minIntervalMs after the last draw', { ...base, liveSince: 0, lastSwapAt: 800, lastDrawMs: 20 }, 200],
    ['live, a slow last draw (150 ms): 8 × 150 ms after it', { ...base, liveSince: 0, lastSwapAt: 800, lastDrawMs: 150 }, 1000],
  ] as const)('%s', (_name, at, expected) => {
    expect(redrawWait(at)).toBe(expected);
  });
});
