// Main-thread side of Monte Carlo in the browser (DESIGN.md §3, STYLE.md §3): a pool of engine workers, one per
// core, pulling path ranges in chunks of tens of ms, plus one aggregator worker that gathers every chunk in path
// order and summarizes on request. The main thread only routes messages: chunk buffers are transferred from a
// simulation worker to the aggregator untouched, and summaries come back as plain JSON.
//
// Every run has a runId. Starting a run cancels the one in flight: dispatch stops, answers of the old run are
// dropped, the chunks still running finish (tens of ms) and their workers move on. A chunk that overruns its
// deadline gets its worker terminated and replaced, and its range is dispatched again. A worker that throws or
// dies fails the run with its message — there is no fallback to the main thread.
import { transfer } from 'comlink';
import type { EngineEndpoint, SpawnEngine } from './engineEndpoint';
import { DeadlineError, WorkerGoneError, within } from './workerSeam';
import type { ImportanceSummary, PathColumns } from '../../src/engine/index';
import type { AggregateRunSpec, AggregateSnapshot, RangeChunk, RiskParams, SamplePathDto, Side } from '../shared/protocol';
import { LIVENESS_DEFAULTS, RunLiveness, progressWatchdog, type LivenessOptions } from './liveness';
import { buffersOf, samplePathOf } from '../shared/rangeTransfer';
import { RunPlan, type Job, type PlanOptions, type PoolProgress } from './runPlan';
import { runImportanceOn, type ImportanceRequest } from './importanceRun';

export type { PoolProgress };

/** Chunk sizing and deadlines (runPlan.ts), plus the pool's own settings. */
export interface PoolOptions extends Partial<PlanOptions> {
  /** Simulation workers (the aggregator is one more). */
  workers: number;
  spawn: SpawnEngine;
  /** Most time building a run's simulator (population, frontier) may take; the deadline is sized below it (liveness.ts). */
  prepareDeadlineMs?: number;
  /** Most time any aggregator call may take; the deadline is sized below it (liveness.ts). */
  aggregateDeadlineMs?: number;
  /** How deadlines are sized to the work and how often a lost aggregator is replaced (liveness.ts). */
  liveness?: Partial<LivenessOptions>;
  /** Least time between two partial summaries, ms (more when summarizing is slow). */
  snapshotIntervalMs?: number;
  /** Times a range may time out before the run fails. */
  maxAttempts?: number;
  /**
   * Calls a task when the page is idle (the JIT warm-up after the first run, see warmUp); null: never. The
   * default waits for requestIdleCallback, at most a second, where the browser has it.
   */
  whenIdle?: ((task: () => void) => void) | null;
  /**
   * Jobs queued per worker. Two: the worker starts the next chunk the moment it finishes one, even while the
   * main thread is busy (rendering) and cannot answer at once. The cost: a cancelled run's queued chunk still
   * runs (tens of ms) before the new run's.
   */
  queueDepth?: number;
  now?: () => number;
}

/**
 * In browsers: WARM_UP_QUIET_MS after the page was next idle (requestIdleCallback, at most 1 s). The pause keeps
 * the warm-up from landing just before a change the user makes right after a run: that run would wait behind it.
 * In Node (no requestIdleCallback): null, no warm-up.
 */
export const WARM_UP_QUIET_MS = 300;
const defaultWhenIdle =
  typeof requestIdleCallback === 'function' ? (task: () => void) => void requestIdleCallback(() => setTimeout(task, WARM_UP_QUIET_MS), { timeout: 1000 }) : null;

/**
 * The JIT warm-up after a page's first finished run. V8 compiles a function fully only after it has run a while,
 * and a run builds its simulators and its final summary once: measured on the page, the first runs after load
 * built their simulators in ~110 and ~50 ms against ~20 later, and summarized in ~75 against ~25 ms. So, at
 * idle, each simulation worker builds WARM_UP_BUILDS throw-away simulators of the finished run's parameters
 * (other seeds) and runs WARM_UP_PATHS paths of each, and the aggregator summarizes the finished run that many
 * times again. A run started meanwhile waits behind at most those steps (tens of ms each, once). A run that
 * starts before the page is idle puts the warm-up off to the next finished run.
 */
export const WARM_UP_BUILDS = 2;
export const WARM_UP_PATHS = 8;

const DEFAULTS = {
  initialChunkPaths: 8,
  targetChunkMs: 30,
  maxChunkPaths: 1024,
  deadlineFactor: 10,
  minChunkDeadlineMs: 5_000,
  prepareDeadlineMs: 60_000,
  aggregateDeadlineMs: 60_000,
  snapshotIntervalMs: 100,
  maxAttempts: 3,
  queueDepth: 2,
  whenIdle: defaultWhenIdle,
} satisfies Required<Omit<PoolOptions, 'workers' | 'spawn' | 'now' | 'liveness'>>;

export interface RunRequest {
  runId: number;
  params: RiskParams;
  seed: number;
  paths: number;
  /** Pinned baseline, run on the same seed and paths (common random numbers); null for none. */
  baseline: RiskParams | null;
  /** The path whose series the listener receives (samplePath). */
  pathIndex: number;
}

/** What a run reports, only while it is the pool's current run (never after it is cancelled or replaced). */
export interface RunListener {
  progress(progress: PoolProgress): void;
  /** A summary over the paths so far; `final` once, when every path is in. */
  snapshot(snapshot: AggregateSnapshot, final: boolean): void;
  samplePath(sample: SamplePathDto): void;
  /** The run failed; nothing more is reported for it. */
  error(message: string): void;
  /**
   * Whether a partial summary would be shown now; while false, none is computed (the page is still drawing the
   * last one — no point spending a core on summaries nobody sees). Absent: always ready.
   */
  readyForSnapshot?(): boolean;
}

/** The pool as the run slice sees it (a fake implements it in the store's tests). */
export interface RunEngine {
  /** Starts a run, cancelling the one in flight. */
  start(request: RunRequest, listener: RunListener): void;
  /** Cancels the run in flight, if any. */
  cancel(): void;
  /** Reports path `pathIndex` of run `runId` (now if it has arrived, else when it does). */
  showPath(runId: number, pathIndex: number): void;
  /** Rare-event mode: importance-samples the request's paths; null when a newer request or run replaced it. */
  runImportance?(request: ImportanceRequest): Promise<ImportanceSummary | null>;
  dispose(): void;
}

interface Slot {
  index: number;
  endpoint: EngineEndpoint;
  /** Jobs sent and not yet settled (at most `queueDepth`). */
  inFlight: number;
  /** Settles (never rejects) when the last job sent to this worker has settled. */
  tail: Promise<void>;
  /** Simulators this worker has been asked to prepare, by key, for the run that asked. */
  prepared: Map<string, { runId: number; done: Promise<unknown> }>;
  /** Set when the pool ended the worker: 'deadline' (a chunk hung) or 'died'. */
  retired: 'deadline' | 'died' | null;
}

type RunState = 'running' | 'finishing' | 'done' | 'failed' | 'cancelled';

interface Run {
  request: RunRequest;
  listener: RunListener;
  state: RunState;
  plan: RunPlan;
  startedAt: number;
  pathIndex: number;
  /** Paths of the proposal received (1) — whether a sample path can be asked of the aggregator. */
  proposalReceived: Uint8Array;
  snapshotInFlight: boolean;
  lastSnapshotAt: number;
  snapshotIntervalMs: number;
  /** Deadlines sized to this run's work. */
  liveness: RunLiveness;
  /** Progress to the listener, with a note when nothing has happened for a while. */
  watchdog: ReturnType<typeof progressWatchdog>;
  /** Times this run's gathering restarted on a fresh aggregator (its earlier aggregator was lost). */
  restarts: number;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export class EnginePool implements RunEngine {
  private readonly options: Required<Omit<PoolOptions, 'now' | 'liveness'>>;
  private readonly liveness: LivenessOptions;
  private readonly now: () => number;
  private readonly slots: (Slot | null)[];
  private aggregator: EngineEndpoint | null = null;
  private run: Run | null = null;
  /** Ids of parameter objects (the store's are immutable): same object + same seed = same simulator key. */
  private readonly paramIds = new WeakMap<object, number>();
  private nextParamId = 1;
  private disposed = false;
  /** Bumped by every importance request and every run start: an older importance request stops. */
  private importanceGeneration = 0;
  /** The warm-up: 'waiting' for an idle moment after a finished run, or 'done' (it happens once per pool). */
  private warmUpState: 'not yet' | 'waiting' | 'done' = 'not yet';

  constructor(options: PoolOptions) {
    if (!(Number.isSafeInteger(options.workers) && options.workers >= 1)) throw new RangeError(`workers must be a whole number ≥ 1, got ${options.workers}`);
    const { liveness, ...rest } = options;
    this.options = { ...DEFAULTS, ...rest };
    this.liveness = { ...LIVENESS_DEFAULTS, ...liveness };
    this.now = options.now ?? (() => performance.now());
    this.slots = Array.from({ length: options.workers }, () => null);
  }

  get workerCount(): number {
    return this.slots.length;
  }

  start(request: RunRequest, listener: RunListener): void {
    if (this.disposed) throw new Error('the engine pool has been disposed');
    this.cancel();
    this.importanceGeneration++;
    this.launch(request, listener, 0);
  }

  runImportance(request: ImportanceRequest): Promise<ImportanceSummary | null> {
    if (this.disposed) return Promise.reject(new Error('the engine pool has been disposed'));
    const generation = ++this.importanceGeneration;
    const workers = this.slots.map((slot, index) => {
      if (slot) return slot.endpoint;
      const endpoint = this.options.spawn(`haircut-engine-${index + 1}`);
      this.slots[index] = { index, endpoint, inFlight: 0, tail: Promise.resolve(), prepared: new Map(), retired: null };
      return endpoint;
    });
    const isCurrent = () => !this.disposed && generation === this.importanceGeneration;
    return runImportanceOn({ workers, aggregator: this.aggregatorEndpoint(), isCurrent, deadlineMs: this.options.aggregateDeadlineMs }, request);
  }

  /** Starts gathering `request` from path 0 (again, after `restarts` lost aggregators). */
  private launch(request: RunRequest, listener: RunListener, restarts: number): void {
    const sides: { side: Side; key: string; params: RiskParams }[] = [{ side: 'proposal', key: this.keyOf(request.params, request.seed), params: request.params }];
    if (request.baseline) sides.push({ side: 'baseline', key: this.keyOf(request.baseline, request.seed), params: request.baseline });
    const run: Run = {
      request,
      listener,
      state: 'running',
      plan: new RunPlan(request.paths, sides, this.options),
      startedAt: this.now(),
      pathIndex: request.pathIndex,
      proposalReceived: new Uint8Array(request.paths),
      snapshotInFlight: false,
      lastSnapshotAt: -Infinity,
      snapshotIntervalMs: this.options.snapshotIntervalMs,
      liveness: new RunLiveness(this.liveness, request.paths * sides.length, { prepareMs: this.options.prepareDeadlineMs, aggregateMs: this.options.aggregateDeadlineMs }),
      watchdog: progressWatchdog((progress) => listener.progress(progress), this.liveness.quietMs),
      restarts,
    };
    this.run = run;
    const spec: AggregateRunSpec = {
      runId: request.runId,
      paths: request.paths,
      sides: sides.map((s) => ({ side: s.side, params: s.params, seed: request.seed })),
    };
    const opening = sides.map((side) => side.params);
    void this.aggregate(run, (api) => api.openRun(spec), 'Opening the run in the aggregator worker', opening);
    this.pump();
  }

  cancel(): void {
    const run = this.run;
    if (!run || (run.state !== 'running' && run.state !== 'finishing')) return;
    run.state = 'cancelled';
    run.watchdog.stop();
    this.closeInAggregator(run.request.runId);
  }

  showPath(runId: number, pathIndex: number): void {
    const run = this.run;
    if (!run || run.request.runId !== runId || run.state === 'failed' || run.state === 'cancelled') return;
    run.pathIndex = pathIndex;
    if (run.proposalReceived[pathIndex] !== 1) return; // it will be reported when its chunk arrives
    void this.aggregate(run, (api) => api.samplePath(runId, pathIndex), 'Reading a sample path').then((sample) => {
      if (sample && this.run === run && run.pathIndex === pathIndex && run.state !== 'failed' && run.state !== 'cancelled') {
        run.listener.samplePath(sample);
      }
    });
  }

  /**
   * The proposal's per-path columns of run `runId` as gathered so far (all of them once it is done), or null when
   * the aggregator no longer holds that run. For the page's per-path CSV export; does not affect the run.
   */
  async pathColumns(runId: number): Promise<PathColumns | null> {
    const endpoint = this.aggregator;
    if (!endpoint) return null;
    const deadline = this.run?.request.runId === runId ? this.run.liveness.aggregateDeadlineMs() : this.options.aggregateDeadlineMs;
    return within(endpoint, endpoint.remote.pathColumns(runId), deadline, 'Reading the per-path results');
  }

  dispose(): void {
    this.cancel();
    this.disposed = true;
    for (const slot of this.slots) slot?.endpoint.terminate();
    this.slots.fill(null);
    this.aggregator?.terminate();
    this.aggregator = null;
  }

  private keyOf(params: RiskParams, seed: number): string {
    let id = this.paramIds.get(params);
    if (id === undefined) {
      id = this.nextParamId++;
      this.paramIds.set(params, id);
    }
    return `p${id}:s${seed}`;
  }

  /** Fills every worker's queue with jobs while the current run has work. */
  private pump(): void {
    const run = this.run;
    if (!run || run.state !== 'running' || this.disposed) return;
    for (let round = 0; round < this.options.queueDepth; round++) {
      for (let index = 0; index < this.slots.length; index++) {
        let slot = this.slots[index] ?? null;
        if (slot && slot.inFlight > round) continue;
        const job = run.plan.nextJob();
        if (!job) return;
        if (!slot) {
          const endpoint = this.options.spawn(`haircut-engine-${index + 1}`);
          slot = { index, endpoint, inFlight: 0, tail: Promise.resolve(), prepared: new Map(), retired: null };
          this.slots[index] = slot;
        }
        void this.work(slot, run, job);
      }
    }
  }

  /**
   * Sends one job to a worker: its simulator's prepare first if this run has not asked that worker yet, then
   * the range, both at once (a worker answers in order). The chunk's deadline starts when the worker can start
   * it: after the prepare and the job ahead of it have settled.
   */
  private async work(slot: Slot, run: Run, job: Job): Promise<void> {
    slot.inFlight++;
    const { runId, seed } = run.request;
    const { side, key, params } = job.side;
    const noop = () => undefined;
    let prepared = slot.prepared.get(key);
    if (!prepared || prepared.runId !== runId) {
      for (const [k, entry] of slot.prepared) if (entry.runId !== runId) slot.prepared.delete(k); // older runs' keys
      const done = within(slot.endpoint, slot.endpoint.remote.prepare({ key, params, seed }), run.liveness.prepareDeadlineMs(params), `Preparing the ${side} simulator`);
      const entry = { runId, done };
      done.catch(() => {
        if (slot.prepared.get(key) === entry) slot.prepared.delete(key);
      });
      slot.prepared.set(key, entry);
      prepared = entry;
    }
    const call = slot.endpoint.remote.runRange({ runId, side, key, from: job.from, to: job.to });
    call.catch(noop); // raced below; if its prepare failed, that error is the one reported
    const deadlineMs = run.plan.deadlineMs(job);
    const what = `Paths ${job.from}–${job.to - 1} (${side})`;
    const chunk = Promise.all([prepared.done, slot.tail]).then(() => within(slot.endpoint, call, deadlineMs, what));
    slot.tail = chunk.then(noop, noop);
    try {
      this.accept(run, job, await chunk);
    } catch (error) {
      this.failed(slot, run, job, error);
    } finally {
      slot.inFlight--;
      this.pump();
    }
  }

  private failed(slot: Slot, run: Run, job: Job, error: unknown): void {
    const current = this.run === run && run.state === 'running';
    if (error instanceof DeadlineError) {
      // The worker may be stuck in a loop no message can interrupt: end it, start another, retry the range.
      this.replace(slot, 'deadline');
      if (!current) return;
      if (job.attempts + 1 >= this.options.maxAttempts) {
        this.fail(run, `${error.message}, ${job.attempts + 1} times; the worker was stopped each time. The engine may be stuck on these parameters.`);
      } else {
        run.plan.retry(job, true);
        run.watchdog.note('a worker stopped answering; it was replaced and its paths are being simulated again');
      }
      return;
    }
    if (error instanceof WorkerGoneError) {
      // A job queued behind a hung one went down with its worker: it did nothing wrong, send it again.
      if (slot.retired === 'deadline') {
        if (current) run.plan.retry(job, false);
        return;
      }
      // The worker died (closed, crashed, a message it could not read): a fresh one recomputes the range; one
      // that dies on it every time fails the run with its own words.
      this.replace(slot, 'died');
      if (!current) return;
      if (job.attempts + 1 >= this.options.maxAttempts) {
        this.fail(run, `${error.message} (${job.attempts + 1} times, on paths ${job.from}–${job.to - 1})`);
      } else {
        run.plan.retry(job, true);
        run.watchdog.note('a worker stopped; it was replaced and its paths are being simulated again');
      }
      return;
    }
    // The engine threw (e.g. parameters refused): the worker itself is fine.
    if (current) this.fail(run, messageOf(error));
  }

  private replace(slot: Slot, why: 'deadline' | 'died'): void {
    slot.retired ??= why;
    slot.endpoint.terminate();
    if (this.slots[slot.index] === slot) this.slots[slot.index] = null; // pump() starts a fresh one when needed
  }

  private accept(run: Run, job: Job, chunk: RangeChunk): void {
    if (this.run !== run || run.state !== 'running' || chunk.runId !== run.request.runId) return; // stale: dropped
    run.plan.record(job, chunk.elapsedMs);
    if (job.side.side === 'proposal') {
      run.proposalReceived.fill(1, job.from, job.to);
      if (job.from <= run.pathIndex && run.pathIndex < job.to) {
        run.listener.samplePath(samplePathOf(chunk.result.series, run.pathIndex - job.from, run.pathIndex));
      }
    }
    const { result } = chunk;
    void this.aggregate(run, (api) => api.addRange(run.request.runId, job.side.side, transfer(result, buffersOf(result))), 'Gathering results').then((added) => {
      // false: the aggregator does not hold this run (its opening was lost): gather again on a fresh one.
      if (added === false) this.replaceAggregator(run, 'The aggregator worker lost the run while gathering results');
    });
    run.watchdog.progress(run.plan.progress(this.now() - run.startedAt));
    if (run.plan.complete) this.finish(run);
    else this.maybeSnapshot(run);
  }

  private maybeSnapshot(run: Run): void {
    const now = this.now();
    if (run.snapshotInFlight || now - run.lastSnapshotAt < run.snapshotIntervalMs) return;
    if (run.listener.readyForSnapshot && !run.listener.readyForSnapshot()) return;
    run.snapshotInFlight = true;
    run.lastSnapshotAt = now;
    void this.aggregate(run, (api) => api.summarize(run.request.runId), 'Summarizing the paths so far').then((snapshot) => {
      run.snapshotInFlight = false;
      if (this.run !== run || run.state !== 'running') return;
      if (!snapshot) {
        run.lastSnapshotAt = -Infinity; // path 0's chunk has not arrived yet: ask again with the next chunk
        return;
      }
      run.liveness.recordSummary(snapshot.elapsedMs);
      // Summarizing competes with simulating for the cores: spend at most about a quarter of the time on it.
      run.snapshotIntervalMs = Math.max(this.options.snapshotIntervalMs, 3 * snapshot.elapsedMs);
      run.listener.snapshot(snapshot, false);
    });
  }

  private finish(run: Run): void {
    run.state = 'finishing';
    void this.aggregate(run, (api) => api.summarize(run.request.runId), 'Summarizing the run').then((snapshot) => {
      if (this.run !== run || run.state !== 'finishing') return;
      if (!snapshot) {
        this.replaceAggregator(run, 'The aggregator worker lost the run before it was summarized');
        return;
      }
      run.liveness.recordSummary(snapshot.elapsedMs);
      run.state = 'done';
      run.watchdog.stop();
      run.listener.progress(run.plan.progress(this.now() - run.startedAt));
      run.listener.snapshot(snapshot, true);
      const whenIdle = this.options.whenIdle;
      if (this.warmUpState === 'not yet' && whenIdle) {
        this.warmUpState = 'waiting';
        whenIdle(() => (this.warmUpState = this.warmUp(run) ? 'done' : 'not yet'));
      }
    });
  }

  /**
   * The JIT warm-up (WARM_UP_BUILDS), fire and forget; false when another run has started since `run` finished
   * (then the next finished run asks again: a page whose user changes something at once still gets it).
   */
  private warmUp(run: Run): boolean {
    if (this.disposed || this.run !== run || run.state !== 'done') return false;
    const { params, seed, runId } = run.request;
    const ignore = () => undefined;
    for (const slot of this.slots) {
      if (!slot || slot.retired) continue;
      for (let k = 1; k <= WARM_UP_BUILDS; k++) {
        const warmSeed = (seed + k) % Number.MAX_SAFE_INTEGER;
        slot.endpoint.remote.warmUp({ params, seed: warmSeed, paths: WARM_UP_PATHS }).catch(ignore);
      }
    }
    const aggregator = this.aggregator;
    for (let k = 0; k < WARM_UP_BUILDS; k++) aggregator?.remote.summarize(runId).catch(ignore);
    return true;
  }

  private fail(run: Run, message: string): void {
    if (this.run !== run || (run.state !== 'running' && run.state !== 'finishing')) return;
    run.state = 'failed';
    run.watchdog.stop();
    this.closeInAggregator(run.request.runId);
    run.listener.error(message);
  }

  private aggregatorEndpoint(): EngineEndpoint {
    this.aggregator ??= this.options.spawn('haircut-aggregator');
    return this.aggregator;
  }

  /**
   * Calls the aggregator for `run` within a deadline sized to the work (liveness.ts); resolves with the answer,
   * or with null after a failure. A hung or dead aggregator is replaced and, its gathered chunks being lost with
   * it, the run gathers again from path 0 on the new one (same paths, same numbers); an error it throws fails
   * the run.
   */
  private aggregate<T>(run: Run, call: (api: EngineEndpoint['remote']) => Promise<T>, what: string, opening: RiskParams[] = []): Promise<T | null> {
    const endpoint = this.aggregatorEndpoint();
    return within(endpoint, call(endpoint.remote), run.liveness.aggregateDeadlineMs(opening), what).catch((error: unknown) => {
      if (error instanceof DeadlineError || error instanceof WorkerGoneError) {
        const current = this.aggregator === endpoint;
        endpoint.terminate();
        if (current) {
          // Whatever run is live had its chunks in this aggregator (a call of an older run may be what noticed).
          this.aggregator = null;
          if (this.run) this.aggregatorLost(this.run, messageOf(error));
        }
        return null;
      }
      this.fail(run, messageOf(error));
      return null;
    });
  }

  /** The aggregator answers but no longer holds `run`: end it (a lost call may still be pending) and start over. */
  private replaceAggregator(run: Run, message: string): void {
    if (this.run !== run || (run.state !== 'running' && run.state !== 'finishing')) return;
    const endpoint = this.aggregator;
    this.aggregator = null;
    endpoint?.terminate();
    this.aggregatorLost(run, message);
  }

  /** The aggregator holding `run`'s chunks was lost: gather again on a fresh one, or fail after too many. */
  private aggregatorLost(run: Run, message: string): void {
    if (this.run !== run || (run.state !== 'running' && run.state !== 'finishing')) return;
    if (run.restarts >= this.liveness.maxAggregatorRestarts) {
      this.fail(run, `${message}; the aggregator worker was replaced ${run.restarts} times and stopped answering each time, so the run was stopped.`);
      return;
    }
    run.state = 'cancelled';
    run.watchdog.stop();
    run.listener.progress({ ...run.plan.progress(this.now() - run.startedAt), pathsDone: 0, etaMs: null, waiting: 'the worker gathering results stopped answering; it was replaced and the paths are being gathered again' });
    this.launch(run.request, run.listener, run.restarts + 1);
  }

  /** Frees a run's gathered results in the aggregator (fire and forget: a dead aggregator has nothing to free). */
  private closeInAggregator(runId: number): void {
    const endpoint = this.aggregator;
    if (!endpoint) return;
    within(endpoint, endpoint.remote.closeRun(runId), this.options.aggregateDeadlineMs, 'Closing a run').catch(() => undefined);
  }
}
