// The pool's logic in Node, against in-process "workers" (workers/testing/inProcessEngineWorker.ts): each is the
// real engine API exposed with Comlink on one end of a MessageChannel, so calls, transfers and ordering behave as
// with a Worker. Hooks delay, hang, throw or kill a fake worker; terminate() closes its channel, so it can never
// answer again.
import { afterEach, describe, expect, it } from 'vitest';
import { compareRuns, createSimulator, summarizeRun, type RiskParams, type RunSummary } from '../../src/engine/index';
import type { EngineEndpoint } from './engineEndpoint';
import type { EngineApi } from '../worker/engineApi';
import { closeInProcessWorkers, inProcessEngineWorker } from '../testing/inProcessEngineWorker';
import { EnginePool, WARM_UP_BUILDS, WARM_UP_PATHS, type PoolOptions, type PoolProgress, type RunRequest } from './pool';
import type { AggregateSnapshot, RangeJob, SamplePathDto } from '../shared/protocol';
// Written against the pre-preset defaults (100-quote market, no tiers, socialize), set explicitly since the defaults became btc-binance.
import { legacyDefaultParams } from '../../src/engine/params/defaults';

/** A small world so each test runs in well under a second: 600 accounts, 240 one-minute steps. */
function smallParams(overrides: (p: RiskParams) => void = () => undefined): RiskParams {
  const params = legacyDefaultParams();
  params.market = { ...params.market, steps: 240 };
  if (params.population.kind === 'generated') params.population = { ...params.population, accounts: 600 };
  params.scenario = { kind: 'jump', driftAnnual: 0, volAnnual: 1.5, jumpIntensityAnnual: 2000, jumpMean: -0.01, jumpStdev: 0.08 };
  params.insuranceFund = { ...params.insuranceFund, initial: '20000' };
  overrides(params);
  return params;
}

interface FakeHooks {
  /** Called for each range job; may return a promise to wait on first, 'hang' to never answer, or throw. */
  beforeRange?: (job: RangeJob, worker: string) => Promise<void> | 'hang' | 'kill' | void;
}

interface FakeWorker {
  name: string;
  jobs: RangeJob[];
  terminated: boolean;
}

afterEach(closeInProcessWorkers);

function fakeSpawner(hooks: FakeHooks = {}) {
  const workers: FakeWorker[] = [];
  const spawn = (name: string): EngineEndpoint => {
    const fake: FakeWorker = { name, jobs: [], terminated: false };
    workers.push(fake);
    return inProcessEngineWorker(
      name,
      (real, worker) => ({
        ...real,
        runRange: ((job: RangeJob) => {
          fake.jobs.push(job);
          const hook = hooks.beforeRange?.(job, name);
          if (hook === 'hang') return new Promise(() => undefined);
          if (hook === 'kill') {
            worker.end(`The engine worker ${name} crashed.`);
            return new Promise(() => undefined);
          }
          if (hook) return hook.then(() => real.runRange(job));
          return real.runRange(job);
        }) as EngineApi['runRange'],
      }),
      () => (fake.terminated = true),
    );
  };
  return { spawn, workers };
}

interface Recorded {
  progress: PoolProgress[];
  partials: AggregateSnapshot[];
  final: AggregateSnapshot | null;
  samples: SamplePathDto[];
  errors: string[];
  /** Reports received after the test said the run was over (must stay empty). */
  late: string[];
}

function record(): { listener: Parameters<EnginePool['start']>[1]; rec: Recorded; settled: Promise<void>; seal: () => void } {
  const rec: Recorded = { progress: [], partials: [], final: null, samples: [], errors: [], late: [] };
  let sealed = false;
  let resolve: () => void = () => undefined;
  const settled = new Promise<void>((r) => {
    resolve = r;
  });
  const guard = (what: string) => {
    if (sealed) rec.late.push(what);
    return !sealed;
  };
  return {
    rec,
    settled,
    seal: () => {
      sealed = true;
    },
    listener: {
      progress: (p) => guard('progress') && void rec.progress.push(p),
      snapshot: (s, final) => {
        if (!guard('snapshot')) return;
        if (final) {
          rec.final = s;
          resolve();
        } else rec.partials.push(s);
      },
      samplePath: (s) => guard('samplePath') && void rec.samples.push(s),
      error: (m) => {
        if (!guard('error')) return;
        rec.errors.push(m);
        resolve();
      },
    },
  };
}

function pool(spawn: PoolOptions['spawn'], options: Partial<PoolOptions> = {}): EnginePool {
  return new EnginePool({ workers: 2, spawn, snapshotIntervalMs: 0, ...options });
}

function request(params: RiskParams, overrides: Partial<RunRequest> = {}): RunRequest {
  return { runId: 1, params, seed: 7, paths: 60, baseline: null, pathIndex: 0, ...overrides };
}

/** The same run in one call, as the command line does it. */
function direct(params: RiskParams, seed: number, paths: number) {
  const result = createSimulator(params, seed).run(0, paths);
  return { result, summary: summarizeRun(result, { explicit: false, detail: true }) };
}

const randomDelay = (max: number) => () => new Promise<void>((r) => setTimeout(r, Math.floor(Math.random() * max)));

describe('engine pool', () => {
  it('dispatches every path exactly once, and the final summary is the one-call summary', async () => {
    const params = smallParams();
    const { spawn, workers } = fakeSpawner();
    const p = pool(spawn, { workers: 3, initialChunkPaths: 5, targetChunkMs: 2 });
    const { listener, rec, settled } = record();
    p.start(request(params, { paths: 97 }), listener);
    await settled;
    expect(rec.errors).toEqual([]);

    const jobs = workers.flatMap((w) => w.jobs).sort((a, b) => a.from - b.from);
    const covered = new Array<number>(97).fill(0);
    for (const job of jobs) for (let i = job.from; i < job.to; i++) covered[i]! += 1;
    expect(covered.every((n) => n === 1)).toBe(true);
    expect(jobs.length).toBeGreaterThan(3);
    expect(new Set(workers.filter((w) => w.jobs.length > 0).map((w) => w.name)).size).toBe(3);

    expect(rec.final?.summary).toEqual(direct(params, 7, 97).summary);
    expect(rec.final?.pathsCovered).toBe(97);
    p.dispose();
  });

  describe('JIT warm-up', () => {
    /** Workers that record their warm-up builds and the aggregator's summaries. */
    function warmUpSpawner() {
      const warmUps: string[] = [];
      const summaries: string[] = [];
      const spawn = (name: string): EngineEndpoint =>
        inProcessEngineWorker(name, (real) => ({
          ...real,
          warmUp: ((r) => {
            warmUps.push(`${name} seed ${r.seed} paths ${r.paths}`);
            return real.warmUp(r);
          }) as EngineApi['warmUp'],
          summarize: ((runId) => {
            summaries.push(`${name} run ${runId}`);
            return real.summarize(runId);
          }) as EngineApi['summarize'],
        }));
      return { spawn, warmUps, summaries };
    }
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
    };

    it('happens once, at idle after the first finished run: throw-away builds in every worker, summaries again', async () => {
      const { spawn, warmUps, summaries } = warmUpSpawner();
      const idle: (() => void)[] = [];
      const p = pool(spawn, { whenIdle: (task) => idle.push(task) });
      const first = record();
      p.start(request(smallParams(), { paths: 20 }), first.listener);
      await first.settled;
      expect(idle).toHaveLength(1);
      expect(warmUps).toEqual([]);
      const summarized = summaries.length;
      idle[0]!();
      await until(() => warmUps.length === 2 * WARM_UP_BUILDS && summaries.length === summarized + WARM_UP_BUILDS);
      expect([...warmUps].sort()).toEqual([
        `haircut-engine-1 seed 8 paths ${WARM_UP_PATHS}`,
        `haircut-engine-1 seed 9 paths ${WARM_UP_PATHS}`,
        `haircut-engine-2 seed 8 paths ${WARM_UP_PATHS}`,
        `haircut-engine-2 seed 9 paths ${WARM_UP_PATHS}`,
      ]);
      expect(summaries.slice(summarized)).toEqual(['haircut-aggregator run 1', 'haircut-aggregator run 1']);

      // Later runs ask for none, and their numbers are those of a pool that never warmed up.
      const second = record();
      p.start(request(smallParams(), { runId: 2, seed: 3, paths: 20 }), second.listener);
      await second.settled;
      expect(idle).toHaveLength(1);
      expect(second.rec.final?.summary).toEqual(direct(smallParams(), 3, 20).summary);
    });

    it('waits for the next finished run when another run started before the page was idle', async () => {
      const { spawn, warmUps } = warmUpSpawner();
      const idle: (() => void)[] = [];
      const p = pool(spawn, { whenIdle: (task) => idle.push(task) });
      const first = record();
      p.start(request(smallParams(), { paths: 20 }), first.listener);
      await first.settled;
      const second = record();
      p.start(request(smallParams(), { runId: 2, seed: 20, paths: 20 }), second.listener);
      idle[0]!();
      await second.settled;
      expect(idle).toHaveLength(2); // the second run's end asked again
      await new Promise((r) => setTimeout(r, 20));
      expect(warmUps).toEqual([]);
      idle[1]!();
      await until(() => warmUps.length === 2 * WARM_UP_BUILDS);
      expect(warmUps.filter((w) => w.includes('seed 21'))).toHaveLength(2);
    });
  });

  it('merges in path order whatever order the chunks finish in', async () => {
    const params = smallParams();
    const finished: number[] = [];
    // Ranges starting at an even path are held back 30 ms: later ranges overtake them.
    const { spawn } = fakeSpawner({
      beforeRange: (job) => new Promise<void>((r) => setTimeout(r, job.from % 2 === 0 ? 30 : 0)).then(() => void finished.push(job.from)),
    });
    const p = pool(spawn, { workers: 4, initialChunkPaths: 3, maxChunkPaths: 7 });
    const { listener, rec, settled } = record();
    p.start(request(params, { paths: 80, pathIndex: 41 }), listener);
    await settled;
    expect(finished).not.toEqual([...finished].sort((a, b) => a - b));
    const want = direct(params, 7, 80);
    expect(want.summary.pSocialized).toBeGreaterThan(0); // a world where the numbers are not all zero
    expect(rec.final?.summary).toEqual(want.summary);
    expect(rec.samples.at(-1)?.pathIndex).toBe(41);
    expect(rec.samples.at(-1)?.price).toEqual(Array.from(want.result.series.price.subarray(41 * want.result.series.points, 42 * want.result.series.points)));
    p.dispose();
  });

  it('gives identical numbers with 1 and 4 workers and different chunk sizes', async () => {
    const params = smallParams();
    const finals: AggregateSnapshot[] = [];
    for (const options of [
      { workers: 1, initialChunkPaths: 64, maxChunkPaths: 64 },
      { workers: 4, initialChunkPaths: 1, maxChunkPaths: 5 },
    ]) {
      const { spawn } = fakeSpawner({ beforeRange: randomDelay(10) });
      const p = pool(spawn, options);
      const { listener, rec, settled } = record();
      p.start(request(params, { paths: 64 }), listener);
      await settled;
      finals.push(rec.final!);
      p.dispose();
    }
    expect(finals[0]!.summary).toEqual(finals[1]!.summary);
  });

  it('publishes partial summaries over the prefix of paths done, each equal to a one-call run of that prefix', async () => {
    const params = smallParams();
    // Every chunk waits 10 ms: the run lasts long enough for partial summaries to come back before its end.
    const { spawn } = fakeSpawner({ beforeRange: () => new Promise<void>((r) => setTimeout(r, 10)) });
    const p = pool(spawn, { initialChunkPaths: 4, maxChunkPaths: 6 });
    const { listener, rec, settled } = record();
    p.start(request(params, { paths: 40 }), listener);
    await settled;
    expect(rec.partials.length, 'partial summaries').toBeGreaterThan(0);
    // The fan bands of a partial are refreshed at most every FAN_REFRESH_MS (fanRefresh.ts), so only the first
    // partial's bands are sure to be fresh; every other field is over exactly the prefix.
    const withoutFan = (summary: RunSummary) => ({ ...summary, fan: undefined });
    rec.partials.slice(0, 3).forEach((partial, i) => {
      const expected = direct(params, 7, partial.pathsCovered).summary;
      if (i === 0) expect(partial.summary).toEqual(expected);
      else expect(withoutFan(partial.summary)).toEqual(withoutFan(expected));
    });
    const done = rec.progress.map((q) => q.pathsDone);
    expect(done, 'paths done never goes back').toEqual([...done].sort((a, b) => a - b));
    // Once every path is in, no time-left estimate: the run waits for its summary (issue 18).
    expect(rec.progress.at(-1)).toMatchObject({ pathsDone: 40, pathsTotal: 40, etaMs: null, waiting: 'summarizing the results' });
    const simulating = rec.progress.filter((q) => q.pathsDone < q.pathsTotal);
    expect(simulating.every((q) => q.etaMs !== null && q.etaMs >= 0), 'time left known after the first chunk').toBe(true);
    p.dispose();
  });

  it('runs a pinned baseline on the same paths and compares them pairwise', async () => {
    const proposal = smallParams();
    const baseline = smallParams((q) => {
      q.insuranceFund = { ...q.insuranceFund, initial: '0' };
    });
    const { spawn } = fakeSpawner({ beforeRange: randomDelay(5) });
    const p = pool(spawn, { initialChunkPaths: 8 });
    const { listener, rec, settled } = record();
    p.start(request(proposal, { paths: 50, baseline }), listener);
    await settled;
    const a = direct(proposal, 7, 50);
    const b = direct(baseline, 7, 50);
    expect(rec.final?.summary).toEqual(a.summary);
    expect(rec.final?.baselineSummary).toEqual(b.summary);
    // The final snapshot of a complete run carries the paired tail bootstrap (the post's VaR/ES intervals).
    expect(rec.final?.comparison).toEqual(compareRuns(a.result, b.result, { tail: true }));
    expect(rec.final!.comparison!.fundDraw.meanDiff).not.toBe(0);
    expect(rec.progress.at(-1)).toMatchObject({ pathsDone: 50, pathsTotal: 50 });
    p.dispose();
  });

  it('drops the results of a cancelled run, and the new run is not disturbed by them', async () => {
    const first = smallParams();
    const second = smallParams((q) => {
      q.margin = { ...q.margin, maintenanceMarginRatio: 0.06 };
    });
    // Run 1's chunks take 30 ms each: it cannot finish in the 30 ms before run 2 starts.
    const { spawn } = fakeSpawner({ beforeRange: (job) => new Promise<void>((r) => setTimeout(r, job.runId === 1 ? 30 : Math.random() * 10)) });
    const p = pool(spawn, { initialChunkPaths: 4, maxChunkPaths: 4 });
    const old = record();
    p.start(request(first, { runId: 1, paths: 60 }), old.listener);
    await new Promise((r) => setTimeout(r, 30));
    const now = record();
    p.start(request(second, { runId: 2, paths: 30 }), now.listener);
    old.seal(); // from here on, anything reported for run 1 is a bug
    await now.settled;
    expect(old.rec.final).toBeNull();
    expect(old.rec.late).toEqual([]);
    expect(now.rec.errors).toEqual([]);
    expect(now.rec.final?.summary).toEqual(direct(second, 7, 30).summary);
    p.dispose();
  });

  it('terminates a worker whose chunk overruns its deadline, replaces it and runs the range again', async () => {
    const params = smallParams();
    let hung = 0;
    const { spawn, workers } = fakeSpawner({
      beforeRange: (job) => {
        if (job.from === 0 && hung === 0) {
          hung++;
          return 'hang';
        }
      },
    });
    const p = pool(spawn, { workers: 2, initialChunkPaths: 10, minChunkDeadlineMs: 400, deadlineFactor: 1 });
    const { listener, rec, settled } = record();
    p.start(request(params, { paths: 40 }), listener);
    await settled;
    expect(rec.errors).toEqual([]);
    const terminated = workers.filter((w) => w.terminated);
    expect(terminated).toHaveLength(1);
    expect(terminated[0]!.jobs[0]).toMatchObject({ from: 0, to: 10 });
    // Two simulation workers and the aggregator at start, one replacement.
    expect(workers).toHaveLength(4);
    expect(workers.flatMap((w) => w.jobs).filter((j) => j.from === 0)).toHaveLength(2);
    expect(rec.final?.summary).toEqual(direct(params, 7, 40).summary);
    p.dispose();
  });

  it('fails the run, visibly, when a range keeps timing out', async () => {
    const { spawn, workers } = fakeSpawner({ beforeRange: (job) => (job.from === 0 ? 'hang' : undefined) });
    const p = pool(spawn, { workers: 1, initialChunkPaths: 10, minChunkDeadlineMs: 150, deadlineFactor: 1, maxAttempts: 2 });
    const { listener, rec, settled } = record();
    p.start(request(smallParams(), { paths: 20 }), listener);
    await settled;
    expect(rec.final).toBeNull();
    expect(rec.errors).toHaveLength(1);
    expect(rec.errors[0]).toMatch(/Paths 0–9 \(proposal\) did not finish within .*2 times/);
    expect(workers.filter((w) => w.terminated)).toHaveLength(2);
    p.dispose();
  });

  it('surfaces an engine error as the run error, with no fallback', async () => {
    const { spawn } = fakeSpawner({
      beforeRange: (job) => {
        if (job.from > 0) throw new Error('engine exploded on purpose');
      },
    });
    const p = pool(spawn, { initialChunkPaths: 5 });
    const { listener, rec, settled } = record();
    p.start(request(smallParams(), { paths: 30 }), listener);
    await settled;
    expect(rec.errors).toEqual(['engine exploded on purpose']);
    expect(rec.final).toBeNull();
    p.dispose();
  });

  it('surfaces parameters the worker refuses', async () => {
    const { spawn } = fakeSpawner();
    const p = pool(spawn);
    const { listener, rec, settled } = record();
    const bad = smallParams((q) => {
      q.margin = { ...q.margin, maintenanceMarginRatio: 0.5 };
    });
    p.start(request(bad), listener);
    await settled;
    expect(rec.errors).toHaveLength(1);
    expect(rec.errors[0]).toContain('margin.maintenanceMarginRatio');
    p.dispose();
  });

  it('replaces a worker that dies mid-call (the call would otherwise never settle) and recomputes its range', async () => {
    let kills = 1;
    const { spawn } = fakeSpawner({ beforeRange: () => (kills-- > 0 ? 'kill' : undefined) });
    const p = pool(spawn, { minChunkDeadlineMs: 60_000 });
    const run = record();
    p.start(request(smallParams(), { paths: 20 }), run.listener);
    await run.settled;
    expect(run.rec.errors).toEqual([]);
    expect(run.rec.final?.summary).toEqual(direct(smallParams(), 7, 20).summary);
    p.dispose();
  });

  it('fails the run with the worker\'s words when it dies on a range every time, and a rerun works', async () => {
    let kills = 3;
    const { spawn } = fakeSpawner({ beforeRange: (job) => (job.from === 0 && kills-- > 0 ? 'kill' : undefined) });
    const p = pool(spawn, { minChunkDeadlineMs: 60_000, maxAttempts: 3 });
    const failed = record();
    p.start(request(smallParams(), { paths: 20 }), failed.listener);
    await failed.settled;
    expect(failed.rec.errors).toEqual([expect.stringContaining('crashed')]);

    const retry = record();
    p.start(request(smallParams(), { runId: 2, paths: 20 }), retry.listener);
    await retry.settled;
    expect(retry.rec.errors).toEqual([]);
    expect(retry.rec.final?.pathsCovered).toBe(20);
    p.dispose();
  });

  it('reports another sample path on request, from the aggregator', async () => {
    const params = smallParams();
    const { spawn } = fakeSpawner();
    const p = pool(spawn);
    const { listener, rec, settled } = record();
    p.start(request(params, { paths: 30, pathIndex: 3 }), listener);
    await settled;
    p.showPath(1, 17);
    await new Promise((r) => setTimeout(r, 50));
    const want = direct(params, 7, 30).result.series;
    expect(rec.samples.map((s) => s.pathIndex)).toEqual([3, 17]);
    expect(rec.samples[1]!.fundBalanceQuote).toEqual(Array.from(want.fundBalanceQuote.subarray(17 * want.points, 18 * want.points)));
    p.dispose();
  });
});
