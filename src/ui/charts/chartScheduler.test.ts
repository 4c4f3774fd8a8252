import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame, createTaskQueue, redrawWait, runStages, type StageDrawer } from './chartScheduler';

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

describe('TaskQueue pause and resume', () => {
  it('holds every job while paused, a task already posted included, and runs them one per task after resume', () => {
    const { queue, posted, task } = manual();
    const ran: string[] = [];
    queue.enqueue({}, () => ran.push('a'));
    queue.pause();
    queue.enqueue({}, () => ran.push('b'));
    task();
    expect(ran).toEqual([]);
    expect(posted).toHaveLength(0);
    expect(queue.size).toBe(2);
    queue.resume();
    expect(posted).toHaveLength(1);
    task();
    expect(ran).toEqual(['a']);
    task();
    expect(ran).toEqual(['a', 'b']);
    expect(posted).toHaveLength(0);
  });

  it('pauses nest: jobs run only once every pause has been resumed', () => {
    const { queue, posted, task } = manual();
    const ran: string[] = [];
    queue.pause();
    queue.pause();
    queue.enqueue({}, () => ran.push('a'));
    queue.resume();
    expect(posted).toHaveLength(0);
    queue.resume();
    task();
    expect(ran).toEqual(['a']);
  });

  it('posts nothing on resume when nothing waits', () => {
    const { queue, posted } = manual();
    queue.pause();
    queue.resume();
    expect(posted).toHaveLength(0);
  });
});

/** A drawer that records its calls; each stage stays undone until the test says so. */
function recordingDrawer() {
  const calls: string[] = [];
  const pending: ((error?: unknown) => void)[] = [];
  const drawer: StageDrawer = {
    draw(stage, done) {
      calls.push(`draw ${stage}`);
      pending.push(done);
    },
    close() {
      calls.push('close');
    },
  };
  const finishStage = (error?: unknown) => pending.shift()!(error);
  return { drawer, calls, finishStage };
}

describe('runStages', () => {
  it('draws each stage in a task of its own, the next only once the last is done, with the queue paused until the end', async () => {
    const { queue, posted, task } = manual();
    const { drawer, calls, finishStage } = recordingDrawer();
    const chart: string[] = [];
    queue.enqueue({}, () => chart.push('drawn'));
    const done = runStages(3, drawer, (run) => posted.push(run), queue);
    let resolved = false;
    void done.then(() => (resolved = true));
    // The chart queue's own task was posted before the pause: it runs and finds the queue paused.
    task();
    expect(chart).toEqual([]);
    task();
    expect(calls).toEqual(['draw 0']);
    expect(posted).toHaveLength(0);
    finishStage();
    task();
    expect(calls).toEqual(['draw 0', 'draw 1']);
    finishStage();
    task();
    finishStage();
    expect(chart).toEqual([]);
    task();
    expect(calls).toEqual(['draw 0', 'draw 1', 'draw 2', 'close']);
    await done;
    expect(resolved).toBe(true);
    // Resumed: the chart waiting since before the primer is drawn in the next task.
    expect(posted).toHaveLength(1);
    task();
    expect(chart).toEqual(['drawn']);
  });

  it('on a failed stage closes, resumes the queue and rejects with the error; later stages are not drawn', async () => {
    const { queue, posted, task } = manual();
    const { drawer, calls, finishStage } = recordingDrawer();
    const chart: string[] = [];
    const done = runStages(3, drawer, (run) => posted.push(run), queue);
    queue.enqueue({}, () => chart.push('drawn'));
    task();
    finishStage(new Error('stage 0 failed'));
    await expect(done).rejects.toThrow('stage 0 failed');
    expect(calls).toEqual(['draw 0', 'close']);
    task();
    expect(chart).toEqual(['drawn']);
    expect(posted).toHaveLength(0);
  });
});

describe('afterNextFrame', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs once, in a task after the next animation frame, and not again when the fallback fires', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 16));
    let runs = 0;
    afterNextFrame(() => runs++);
    vi.advanceTimersByTime(16);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(200);
    expect(runs).toBe(1);
  });

  it('runs in a task after the 100 ms fallback when no frame comes (a hidden tab)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    let runs = 0;
    afterNextFrame(() => runs++);
    vi.advanceTimersByTime(100);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(200);
    expect(runs).toBe(1);
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
