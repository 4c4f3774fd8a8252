// Main-thread side of the planner (issue #10): a small pool of planner workers (workers/worker/planner.worker.ts).
// A sweep's points are independent jobs — each one is a whole point, paths [0, paths) of the same seed — handed
// to whichever worker is free, coarse-to-fine (both ends, then the middle, then the quarters…) so the curve's
// shape shows early; each point is reported the moment it finishes. Cancelling (or starting another sweep)
// terminates the workers still busy with the old one: a point can take a second, and nobody wants its answer.
// The solver and the lever comparison run on a worker of their own, cancelled the same way.
// A 1-D sweep of the starting fund is different (the fund ladder, engine planner/fundLadder.ts): one simulation of
// a path serves most values, so each worker takes a contiguous share of the paths for every value, and each point
// is the merge of the workers' shares (numbers independent of the worker count), reported as its last share lands.
import { proxy, type Remote } from 'comlink';
import { LEVER_PATHS, mergeRangeResults, summarizePoint, type CompareOptions, type CompareProgress, type LeverComparison, type RangeResult, type RiskParams, type SolveOptions, type SolveResult } from '../../src/engine/index';
import type { LadderJob, LadderPart, PlannerApi, PointAnswer, PointJob } from '../worker/plannerApi';
import { spawnWorker, within, type SpawnWorker, type WorkerEndpoint } from './workerSeam';

export type { PointAnswer };

export type PlannerEndpoint = WorkerEndpoint<PlannerApi>;
export type SpawnPlanner = SpawnWorker<PlannerApi>;

/**
 * How long one planner call may take before it is reported as failed. Generous on purpose: a lever comparison runs
 * the solver once per lever, each probe a whole point, and at the page's largest path counts that is minutes of
 * work. The deadline is there to turn a worker that hangs without dying into an error the page shows, not to
 * limit honest work; cancelling (a new sweep, Cancel) is what ends unwanted work early.
 */
export const PLANNER_DEADLINE_MS = 30 * 60_000;

/** A real Web Worker running workers/worker/planner.worker.ts. */
export const spawnPlannerWorker: SpawnPlanner = (name) =>
  spawnWorker<PlannerApi>(() => new Worker(new URL('../worker/planner.worker.ts', import.meta.url), { type: 'module', name }), 'planner', name);

export interface SweepAxis {
  path: string;
  from: number;
  to: number;
  points: number;
}

export interface SweepRequest {
  params: RiskParams;
  seed: number;
  /** Paths per point. */
  paths: number;
  axis: SweepAxis;
  /** The second axis of a 2-D sweep (columns), or null. */
  axis2: SweepAxis | null;
}

export interface SweepListener {
  /** The exact values of each axis, before any point runs. */
  values(rows: string[], columns: string[] | null): void;
  /** Point `index` (row-major for 2-D) finished — or, with answer.provisional, its first paths are in. */
  point(index: number, answer: PointAnswer, done: number, total: number, elapsedMs: number): void;
  done(elapsedMs: number): void;
  error(message: string): void;
}

/** Indices 0..n−1 coarse-to-fine: 0, n−1, then midpoints of ever smaller intervals. Every index once. */
export function coarseToFine(n: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [0];
  const order = [0, n - 1];
  const seen = new Set(order);
  let intervals: [number, number][] = [[0, n - 1]];
  while (intervals.length > 0) {
    const next: [number, number][] = [];
    for (const [a, b] of intervals) {
      if (b - a < 2) continue;
      const m = Math.floor((a + b) / 2);
      if (!seen.has(m)) {
        seen.add(m);
        order.push(m);
      }
      next.push([a, m], [m, b]);
    }
    intervals = next;
  }
  return order;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

interface Slot {
  endpoint: PlannerEndpoint;
  busy: boolean;
}

export class PlannerClient {
  private readonly slots: (Slot | null)[];
  private solver: PlannerEndpoint | null = null;
  private generation = 0;
  private solveGeneration = 0;

  constructor(
    workers: number,
    private readonly spawn: SpawnPlanner = spawnPlannerWorker,
    private readonly now: () => number = () => performance.now(),
    private readonly deadlineMs: number = PLANNER_DEADLINE_MS,
  ) {
    this.slots = Array.from({ length: Math.max(1, workers) }, () => null);
  }

  get workerCount(): number {
    return this.slots.length;
  }

  private slot(i: number): Slot {
    let s = this.slots[i] ?? null;
    if (!s) {
      s = { endpoint: this.spawn(`haircut-planner-${i + 1}`), busy: false };
      this.slots[i] = s;
    }
    return s;
  }

  /** Stops the sweep in flight: its busy workers are terminated (fresh ones start on the next sweep). */
  cancelSweep(): void {
    this.generation++;
    this.slots.forEach((s, i) => {
      if (s?.busy) {
        s.endpoint.terminate();
        this.slots[i] = null;
      }
    });
  }

  /** Starts a sweep, cancelling the one in flight. Reports go to `listener` only while this sweep is current. */
  runSweep(request: SweepRequest, listener: SweepListener): void {
    this.cancelSweep();
    const generation = this.generation;
    const current = () => generation === this.generation;
    const started = this.now();
    void (async () => {
      let rows: string[];
      let columns: string[] | null = null;
      try {
        const remote = this.slot(0).endpoint;
        const { axis, axis2 } = request;
        // A fund sweep keeps every worker busy from its first value: start them loading while the values are listed.
        if (!axis2 && axis.path === LEVER_PATHS.fund) this.slots.forEach((_, i) => this.slot(i));
        rows = await within(remote, remote.remote.sweepValues(axis.path, axis.from, axis.to, axis.points), this.deadlineMs, 'Listing the sweep values');
        if (axis2) columns = await within(remote, remote.remote.sweepValues(axis2.path, axis2.from, axis2.to, axis2.points), this.deadlineMs, 'Listing the sweep values');
      } catch (error) {
        if (current()) listener.error(messageOf(error));
        return;
      }
      if (!current()) return;
      listener.values(rows, columns);
      if (!request.axis2 && request.axis.path === LEVER_PATHS.fund) {
        await this.fundLadderSweep(request, rows, listener, current, started);
        return;
      }
      const width = columns?.length ?? 1;
      const total = rows.length * width;
      const jobs: { index: number; job: PointJob }[] = coarseToFine(total).map((index) => {
        const r = Math.floor(index / width);
        const c = index % width;
        const job: PointJob = { params: request.params, seed: request.seed, paths: request.paths, path: request.axis.path, valueText: rows[r] as string };
        if (request.axis2 && columns) {
          job.path2 = request.axis2.path;
          job.valueText2 = columns[c] as string;
        }
        return { index, job };
      });
      let next = 0;
      let done = 0;
      let failed = false;
      const finished = new Set<number>();
      const work = async (i: number): Promise<void> => {
        while (current() && !failed && next < jobs.length) {
          // The first point each worker takes reports its first paths early, so the curve starts at once.
          const early = next < this.slots.length;
          const { index, job } = jobs[next++]!;
          const slot = this.slot(i);
          slot.busy = true;
          const onProvisional = early
            ? proxy((answer: PointAnswer) => {
                if (current() && !finished.has(index)) listener.point(index, answer, done, total, this.now() - started);
              })
            : undefined;
          try {
            const answer = await within<PointAnswer>(slot.endpoint, slot.endpoint.remote.runPoint(job, onProvisional), this.deadlineMs, `Sweep point ${index + 1} of ${total}`);
            finished.add(index);
            if (!current()) return;
            done++;
            listener.point(index, answer, done, total, this.now() - started);
          } catch (error) {
            if (current() && !failed) {
              failed = true;
              listener.error(messageOf(error));
            }
            return;
          } finally {
            slot.busy = false;
          }
        }
      };
      await Promise.all(this.slots.map((_, i) => work(i)));
      if (current() && !failed && done === total) listener.done(this.now() - started);
    })();
  }

  /** The fund sweep on the ladder: [0, paths) split among the workers, each point merged from their shares. */
  private async fundLadderSweep(request: SweepRequest, rows: string[], listener: SweepListener, current: () => boolean, started: number): Promise<void> {
    const total = rows.length;
    const workers = Math.max(1, Math.min(this.slots.length, request.paths));
    const cut = (k: number) => Math.floor((k * request.paths) / workers);
    const shares: LadderPart[][] = rows.map(() => []);
    const finished = new Set<number>();
    let done = 0;
    let returned = 0;
    let failed = false;
    // Points that complete in one burst (most of a fund sweep's finish within a few ms of each other) reach the
    // listener together in one task, so the page draws them once instead of once per message.
    let pending: { index: number; answer: PointAnswer }[] = [];
    let flushing = false;
    const flush = () => {
      flushing = false;
      if (!current() || failed) return;
      const batch = pending;
      pending = [];
      for (const { index, answer } of batch) listener.point(index, answer, ++done, total, this.now() - started);
      if (done === total && returned === workers) listener.done(this.now() - started);
    };
    const later = () => {
      if (flushing) return;
      flushing = true;
      setTimeout(flush, 0);
    };
    const onPart = (part: LadderPart) => {
      if (!current() || failed) return;
      const got = shares[part.index]!;
      got.push(part);
      if (got.length < workers) return;
      finished.add(part.index);
      const elapsedMs = got.reduce((t, p) => t + p.elapsedMs, 0);
      const valueText = rows[part.index]!;
      const results = got.flatMap((p): RangeResult[] => (p.ok ? [p.result] : []));
      const answer: PointAnswer = part.ok ? { ...summarizePoint({ value: Number(valueText), valueText }, mergeRangeResults(results)), elapsedMs } : { ...part.invalid, elapsedMs };
      pending.push({ index: part.index, answer });
      later();
    };
    const work = async (i: number): Promise<void> => {
      const slot = this.slot(i);
      slot.busy = true;
      const job: LadderJob = { params: request.params, seed: request.seed, paths: request.paths, from: cut(i), to: cut(i + 1), values: rows };
      // The first share reports the largest fund's first paths early, so the curve starts at once.
      const onProvisional =
        i === 0
          ? proxy((index: number, answer: PointAnswer) => {
              if (current() && !failed && !finished.has(index)) listener.point(index, answer, done, total, this.now() - started);
            })
          : undefined;
      try {
        await within(slot.endpoint, slot.endpoint.remote.runFundLadder(job, proxy(onPart), onProvisional), this.deadlineMs, `The fund sweep (paths ${job.from}–${job.to})`);
        returned++;
        later();
      } catch (error) {
        if (current() && !failed) {
          failed = true;
          listener.error(messageOf(error));
        }
      } finally {
        slot.busy = false;
      }
    };
    await Promise.all(Array.from({ length: workers }, (_, i) => work(i)));
  }

  private solverEndpoint(): PlannerEndpoint {
    this.solver ??= this.spawn('haircut-planner-solver');
    return this.solver;
  }

  /** Stops the solver or comparison in flight (its worker is terminated). */
  cancelSolve(): void {
    this.solveGeneration++;
    this.solver?.terminate();
    this.solver = null;
  }

  private async onSolver<T>(what: string, call: (api: Remote<PlannerApi>) => Promise<T>): Promise<T | null> {
    this.cancelSolve();
    const generation = this.solveGeneration;
    const endpoint = this.solverEndpoint();
    try {
      const out = await within(endpoint, call(endpoint.remote), this.deadlineMs, what);
      return generation === this.solveGeneration ? out : null;
    } catch (error) {
      if (generation !== this.solveGeneration) return null;
      throw error;
    }
  }

  /** The solver's answer, or null when it was cancelled (by cancelSolve or a newer solve/compare). */
  solve(options: SolveOptions): Promise<SolveResult | null> {
    return this.onSolver('Solving', (api) => api.solve(options));
  }

  /** The comparison; the listeners hear of every probe and each finished lever (issue #21), never after a cancel. */
  compare(options: CompareOptions, listen: { progress?: (p: CompareProgress) => void; lever?: (r: SolveResult) => void } = {}): Promise<LeverComparison | null> {
    const generation = this.solveGeneration + 1; // onSolver cancels what runs and bumps the generation first
    const live = <T,>(f: ((x: T) => void) | undefined) => (f ? proxy((x: T) => (generation === this.solveGeneration ? f(x) : undefined)) : undefined);
    return this.onSolver('Comparing the levers', (api) => api.compare(options, live(listen.progress), live(listen.lever)));
  }

  /** Each change alone and together (issue #21), on the solver's worker; null when cancelled. */
  attribute(job: Parameters<PlannerApi['attribute']>[0]): Promise<ReturnType<PlannerApi['attribute']> | null> {
    return this.onSolver('Attributing the changes', (api) => api.attribute(job));
  }

  dispose(): void {
    this.cancelSweep();
    this.cancelSolve();
    this.slots.forEach((s) => s?.endpoint.terminate());
    this.slots.fill(null);
  }
}
