// Which paths of a run go out next, and how many at once (the pool's bookkeeping, no messaging). Ranges are
// handed out in path order, the side furthest behind first, so the prefix of paths done — what partial
// summaries cover — grows steadily. Chunk sizes adapt to the time measured per path so a chunk takes tens of ms;
// a chunk's size never changes a number (the aggregator reduces index-ordered arrays).
import type { RiskParams, Side } from '../shared/protocol';

export interface PlanOptions {
  /** Paths in a run's first chunks, before a chunk has been timed. */
  initialChunkPaths: number;
  /** Wall time a chunk should take once paths have been timed, ms. */
  targetChunkMs: number;
  maxChunkPaths: number;
  /** A chunk's deadline is deadlineFactor × its expected time, at least minChunkDeadlineMs; doubled per retry. */
  deadlineFactor: number;
  minChunkDeadlineMs: number;
  /**
   * Workers the plan feeds. With it, chunks shrink as a side's last paths go out (at most its remaining paths
   * over twice the workers), so the workers finish nearly together instead of one waiting on another's last
   * full-size chunk: the run ends when its slowest worker does. Absent: no shrinking.
   */
  workers?: number;
}

/** Fewest paths a shrunk chunk holds (below this, messaging costs more than the imbalance it saves). */
const MIN_TAIL_CHUNK_PATHS = 4;

/** Guess of ms per path before any chunk of a run has been timed (only sets the first chunks' deadline). */
const FIRST_GUESS_MS_PER_PATH = 5;

export interface SideRun {
  side: Side;
  /** Names the simulator of (params, seed) in the workers' caches. */
  key: string;
  params: RiskParams;
  /** First path not yet handed out. */
  next: number;
  /** Ranges to hand out again (their worker was stopped), before any new one. */
  retry: Job[];
}

export interface Job {
  side: SideRun;
  from: number;
  to: number;
  /** Times this range has already timed out. */
  attempts: number;
}

export interface PoolProgress {
  /** Paths finished (with a baseline: path pairs, both sides done, on average). */
  pathsDone: number;
  pathsTotal: number;
  elapsedMs: number;
  /** Time left at the rate so far; null before the first chunk, once every path is in, and while waiting. */
  etaMs: number | null;
  /** What the run waits for when it is not simulating (summarizing, a worker that stopped answering). */
  waiting?: string;
}

export class RunPlan {
  readonly sides: SideRun[];
  readonly unitsTotal: number;
  unitsDone = 0;
  /** Moving average of ms per path inside the workers; null until a chunk has been timed. */
  msPerPath: number | null = null;

  constructor(
    readonly paths: number,
    sides: Pick<SideRun, 'side' | 'key' | 'params'>[],
    private readonly options: PlanOptions,
  ) {
    this.sides = sides.map((s) => ({ ...s, next: 0, retry: [] }));
    this.unitsTotal = paths * sides.length;
  }

  get complete(): boolean {
    return this.unitsDone === this.unitsTotal;
  }

  /** A range to retry comes first; then the side furthest behind (the proposal on a tie); null when all are out. */
  nextJob(): Job | null {
    for (const side of this.sides) {
      const retry = side.retry.shift();
      if (retry) return retry;
    }
    let pick: SideRun | null = null;
    for (const side of this.sides) if (side.next < this.paths && (!pick || side.next < pick.next)) pick = side;
    if (!pick) return null;
    const from = pick.next;
    const to = Math.min(this.paths, from + this.chunkPaths(this.paths - from));
    pick.next = to;
    return { side: pick, from, to, attempts: 0 };
  }

  /** Hands `job` out again; `timedOut` counts it against the attempts allowed. */
  retry(job: Job, timedOut: boolean): void {
    job.side.retry.push({ ...job, attempts: job.attempts + (timedOut ? 1 : 0) });
  }

  /** A chunk came back after `elapsedMs` in its worker. */
  record(job: Job, elapsedMs: number): void {
    const count = job.to - job.from;
    if (count > 0) {
      const perPath = elapsedMs / count;
      this.msPerPath = this.msPerPath === null ? perPath : 0.7 * this.msPerPath + 0.3 * perPath;
    }
    this.unitsDone += count;
  }

  deadlineMs(job: Job): number {
    const expected = (job.to - job.from) * (this.msPerPath ?? FIRST_GUESS_MS_PER_PATH);
    return Math.max(this.options.minChunkDeadlineMs, this.options.deadlineFactor * expected) * 2 ** job.attempts;
  }

  progress(elapsedMs: number): PoolProgress {
    const { unitsDone, unitsTotal } = this;
    return {
      pathsDone: Math.floor(unitsDone / this.sides.length),
      pathsTotal: this.paths,
      elapsedMs,
      etaMs: unitsDone > 0 && unitsDone < unitsTotal ? (elapsedMs * (unitsTotal - unitsDone)) / unitsDone : null,
      ...(unitsDone === unitsTotal ? { waiting: 'summarizing the results' } : {}),
    };
  }

  private chunkPaths(remaining: number): number {
    if (this.msPerPath === null) return this.options.initialChunkPaths;
    const paths = Math.min(this.options.maxChunkPaths, Math.max(1, Math.round(this.options.targetChunkMs / Math.max(this.msPerPath, 1e-3))));
    const workers = this.options.workers;
    if (!workers) return paths;
    return Math.min(paths, Math.max(MIN_TAIL_CHUNK_PATHS, Math.ceil(remaining / (2 * workers))));
  }
}
