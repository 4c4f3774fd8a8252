// Worker liveness (issue 18 §3): how long the pool waits for each kind of answer before it calls a worker
// dead, and what the page is told while it waits. A worker busy in a loop cannot answer a heartbeat, so
// liveness is judged by progress deadlines sized to the work asked: a prepare by the accounts it builds, an
// aggregator call by the time summaries have been taking (calls queue behind a summary in the worker), with a
// floor of a few seconds. The pool (pool.ts) asks this module for every deadline and reports every loss; this
// module decides nothing else, so pool changes for speed and this logic stay apart.
import type { RiskParams } from '../shared/protocol';
import type { PoolProgress } from './runPlan';

export interface LivenessOptions {
  /** Least deadline of any aggregator call, ms: a live aggregator answers well within it. */
  minAggregateDeadlineMs: number;
  /** Least deadline of a prepare, ms. */
  minPrepareDeadlineMs: number;
  /** A call's deadline is this many times the time it is expected to take. */
  deadlineFactor: number;
  /** Expected cost of preparing a simulator, ms per account (population, frontier sort); generous. */
  prepareMsPerAccount: number;
  /** Expected cost of a summary before one has been timed, ms per path and side. */
  summarizeMsPerPath: number;
  /** Times a run may lose its aggregator (and start gathering again) before it fails. */
  maxAggregatorRestarts: number;
  /** With no progress for this long, the page is told the run is waiting, not "under 1 s left". */
  quietMs: number;
}

export const LIVENESS_DEFAULTS: LivenessOptions = {
  minAggregateDeadlineMs: 4_000,
  minPrepareDeadlineMs: 5_000,
  deadlineFactor: 10,
  prepareMsPerAccount: 0.005,
  summarizeMsPerPath: 0.01,
  maxAggregatorRestarts: 2,
  quietMs: 2_000,
};

/** Accounts a simulator of `params` builds (generated count, or the explicit list's length). */
export function accountsOf(params: RiskParams): number {
  const population = params.population;
  return population.kind === 'explicit' ? population.accounts.length : population.accounts;
}

/** Deadlines for one run, learning from the summaries it has timed. */
export class RunLiveness {
  private summarizeMs: number | null = null;

  constructor(
    private readonly options: LivenessOptions,
    /** Paths × sides of the run (what a summary covers at the end). */
    private readonly units: number,
    /** The hard caps the pool was given (its prepare and aggregate deadlines). */
    private readonly caps: { prepareMs: number; aggregateMs: number },
  ) {}

  /** Deadline of preparing the simulator of `params` in a worker. */
  prepareDeadlineMs(params: RiskParams): number {
    const sized = this.options.deadlineFactor * this.options.prepareMsPerAccount * accountsOf(params);
    return Math.min(this.caps.prepareMs, Math.max(this.options.minPrepareDeadlineMs, sized));
  }

  /**
   * Deadline of any aggregator call. Calls queue behind each other in the worker, so each allows for a summary
   * ahead of it (the slowest seen, or a guess from the run's size); opening a run builds explicit ids.
   */
  aggregateDeadlineMs(opening: RiskParams[] = []): number {
    const summary = this.summarizeMs ?? this.options.summarizeMsPerPath * this.units;
    const open = opening.reduce((sum, params) => sum + this.options.prepareMsPerAccount * accountsOf(params), 0);
    const sized = this.options.deadlineFactor * (summary + open);
    return Math.min(this.caps.aggregateMs, Math.max(this.options.minAggregateDeadlineMs, sized));
  }

  /** A summary took `elapsedMs` inside the aggregator. */
  recordSummary(elapsedMs: number): void {
    this.summarizeMs = Math.max(this.summarizeMs ?? 0, elapsedMs);
  }
}

/**
 * Wraps a progress callback so the page never shows a stale estimate while the pool waits: after `quietMs`
 * without news, the last progress is repeated with no time left estimate and a `waiting` note. `note()` sends
 * a note now (a worker was replaced). Cancelled with stop().
 */
export function progressWatchdog(
  report: (progress: PoolProgress) => void,
  quietMs: number,
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (id: unknown) => void } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  },
) {
  let last: PoolProgress | null = null;
  let timer: unknown;
  let stopped = false;
  const arm = () => {
    timers.clear(timer);
    if (stopped) return;
    timer = timers.set(() => {
      if (stopped || last === null) return;
      report({ ...last, etaMs: null, waiting: last.pathsDone >= last.pathsTotal ? 'summarizing the results' : 'waiting for a worker to answer' });
    }, quietMs);
  };
  return {
    progress(progress: PoolProgress): void {
      last = progress;
      report(progress);
      arm();
    },
    note(waiting: string): void {
      if (stopped || last === null) return;
      report({ ...last, etaMs: null, waiting });
      arm();
    },
    stop(): void {
      stopped = true;
      timers.clear(timer);
    },
  };
}
