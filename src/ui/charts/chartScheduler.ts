// Chart updates, one per task. Recharts renders, commits and re-renders itself (its store settles in effects)
// in one synchronous go per chart; seven charts updated by one store change made one 130–190 ms main-thread
// task. Here each chart card keeps the view it shows and swaps in a new one through a queue that commits ONE
// card per task (a MessageChannel message, so input events and frames run between cards). While a run streams
// a card also waits `minIntervalMs` after its last swap, so charts redraw a few times per run rather than on
// every partial summary; the final summary is swapped in as soon as the queue reaches it.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { frameScheduler } from '../../state/runSlice';

type Job = () => void;

/** A queue of jobs, one per owner (a newer job replaces the owner's older one), run one per task. */
export interface TaskQueue {
  /** Queues `job` for `owner`, replacing a job the owner already has waiting (it keeps its place). */
  enqueue(owner: object, job: Job): void;
  /** Drops the owner's waiting job, if any. */
  cancel(owner: object): void;
  /** Jobs waiting. */
  readonly size: number;
  /** No job runs until as many resume() calls as pause() calls; jobs queue meanwhile. */
  pause(): void;
  resume(): void;
}

/** `post(run)` must call `run` later, in a task of its own. */
export function createTaskQueue(post: (run: () => void) => void): TaskQueue {
  const jobs = new Map<object, Job>();
  let posted = false;
  let holds = 0;
  const run = () => {
    posted = false;
    if (holds > 0) return;
    const next = jobs.entries().next();
    if (next.done) return;
    const [owner, job] = next.value;
    jobs.delete(owner);
    try {
      job();
    } finally {
      if (jobs.size > 0) schedule();
    }
  };
  const schedule = () => {
    if (posted || holds > 0) return;
    posted = true;
    post(run);
  };
  return {
    enqueue(owner, job) {
      jobs.set(owner, job);
      schedule();
    },
    cancel(owner) {
      jobs.delete(owner);
    },
    get size() {
      return jobs.size;
    },
    pause() {
      holds++;
    },
    resume() {
      holds = Math.max(0, holds - 1);
      if (jobs.size > 0) schedule();
    },
  };
}

/** A new task soon after this one: a MessageChannel message (setTimeout clamps to 4 ms when nested). */
export function postTask(): (run: () => void) => void {
  if (typeof MessageChannel === 'undefined') return (run) => void setTimeout(run, 0);
  const channel = new MessageChannel();
  let waiting: (() => void) | null = null;
  channel.port1.onmessage = () => {
    const run = waiting;
    waiting = null;
    run?.();
  };
  return (run) => {
    waiting = run;
    channel.port2.postMessage(null);
  };
}

/**
 * While a run streams, a chart may take at most 1 / LIVE_COST_FACTOR of the main thread: it waits this many times
 * its last draw's duration after that draw. The simulation workers share the cores with the main thread, so a
 * chart drawn 30 times a run slows the run it shows (measured in issue 20: on a loaded 2-core machine the main
 * thread was busy ≈ 2 s of a 2.2 s run, nearly all of it redrawing charts).
 */
export const LIVE_COST_FACTOR = 8;

/**
 * How long a chart waits before swapping in a new value, ms (≤ 0: now). Not live (minIntervalMs 0): at once.
 * Live: at least minIntervalMs after the run started streaming (its first partials cover a few dozen paths, not
 * worth a draw; a run done sooner is drawn once, from its final summary) and after the last swap, and at least
 * LIVE_COST_FACTOR × the last draw's duration after the last swap.
 */
export function redrawWait(at: { now: number; minIntervalMs: number; liveSince: number; lastSwapAt: number; lastDrawMs: number }): number {
  if (at.minIntervalMs <= 0) return 0;
  const interval = Math.max(at.minIntervalMs, LIVE_COST_FACTOR * at.lastDrawMs);
  return Math.max(at.liveSince + at.minIntervalMs, at.lastSwapAt + interval) - at.now;
}

/** How runStages draws: stage i, calling done when it is on screen (or with the error that stopped it). */
export interface StageDrawer {
  draw(stage: number, done: (error?: unknown) => void): void;
  /** Called once, after the last stage or the first failure. */
  close(): void;
}

/**
 * Draws stages 0 … count − 1 one after another, each started in a task of its own (`post`), the next once the
 * last is done. `queue` is paused meanwhile (the chart primer's use: a chart drawn while it runs would still pay for
 * compiling what is not primed yet). It resumes at the end, after a failure too: the promise then
 * rejects with the error, so it is reported, and the charts still draw.
 */
export function runStages(count: number, drawer: StageDrawer, post: (run: () => void) => void, queue: TaskQueue): Promise<void> {
  queue.pause();
  return new Promise<void>((resolve, reject) => {
    let stage = 0;
    let finished = false;
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      drawer.close();
      queue.resume();
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const step = () => {
      if (finished) return;
      if (stage >= count) return finish();
      drawer.draw(stage++, (error) => (error === undefined ? post(step) : finish(error)));
    };
    post(step);
  });
}

/**
 * Calls `run` in a task after the next animation frame (layout and ResizeObserver callbacks are done by then), or
 * after frameScheduler's fallback if frames do not come (a hidden tab).
 */
export function afterNextFrame(run: () => void): void {
  frameScheduler(() => setTimeout(run, 0));
}

/**
 * Leaves a user-timing measure `name` from `started` to now when the page is profiled: scripts/profile-browser.mjs
 * and bench:browser set the flag to count the chart queue's work and tell long tasks apart (off: no entries pile up).
 */
export function measureChartWork(name: 'haircut:chart-draw' | 'haircut:chart-standby' | 'haircut:chart-primer', started: number, end = performance.now()): void {
  if ((globalThis as { __haircutProfileDraws?: boolean }).__haircutProfileDraws) performance.measure(name, { start: started, end });
}

/** The page's chart queue. */
export const chartQueue: TaskQueue = createTaskQueue(postTask());

/**
 * `value` as this component shows it: undefined until the queue first reaches it, then each new value once the
 * queue reaches it again and, while live (minIntervalMs > 0), no sooner than redrawWait allows (a waiting swap
 * takes the newest value when its turn comes). The swap is committed at once (flushSync) inside the queue's task, so one task
 * draws one chart.
 */
export function useStaggered<T>(
  value: T,
  minIntervalMs: number,
  queue: TaskQueue = chartQueue,
  /** Values that draw the same as the one shown are not swapped in (no redraw). */
  same: (shown: T, next: T) => boolean = Object.is,
  /** While true, no swap is queued (the value shown stays); one is queued once it turns false. */
  hold = false,
): T | undefined {
  const [shown, setShown] = useState<{ value: T } | undefined>(undefined);
  const owner = useRef<object>({});
  const latest = useRef(value);
  const lastSwapAt = useRef(Number.NEGATIVE_INFINITY);
  const lastDrawMs = useRef(0);
  const liveSince = useRef(Number.NEGATIVE_INFINITY);
  const live = minIntervalMs > 0;
  // Layout effects: the refs are current before any later task (the queue's) can read them.
  useLayoutEffect(() => {
    latest.current = value;
  }, [value]);
  useLayoutEffect(() => {
    liveSince.current = live ? performance.now() : Number.NEGATIVE_INFINITY;
  }, [live]);
  useEffect(() => {
    if (hold) return undefined;
    if (shown !== undefined && (Object.is(shown.value, value) || same(shown.value, value))) {
      // A swap queued for an older, different value must not draw this one again.
      queue.cancel(owner.current);
      return;
    }
    const me = owner.current;
    const swap = () =>
      queue.enqueue(me, () => {
        const started = performance.now();
        const next = latest.current;
        flushSync(() => setShown({ value: next }));
        lastSwapAt.current = performance.now();
        lastDrawMs.current = lastSwapAt.current - started;
        measureChartWork('haircut:chart-draw', started, lastSwapAt.current);
      });
    const wait = redrawWait({
      now: performance.now(),
      minIntervalMs,
      liveSince: liveSince.current,
      lastSwapAt: lastSwapAt.current,
      lastDrawMs: lastDrawMs.current,
    });
    if (wait <= 0) {
      swap();
      return undefined;
    }
    const timer = setTimeout(swap, wait);
    return () => clearTimeout(timer);
  }, [value, shown, minIntervalMs, queue, same, hold]);
  useEffect(() => {
    const me = owner.current;
    return () => queue.cancel(me);
  }, [queue]);
  return shown?.value;
}
