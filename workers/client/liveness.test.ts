// Worker liveness (issue 18 §3): fault injection into simulation and aggregator workers — a worker that closes
// silently, hangs, throws an uncaught error, or drops one message — at a random call, each time asserting that
// the run detects it within its (small, test-sized) deadlines, replaces the worker, recomputes what was lost,
// and ends with exactly the numbers of an undisturbed run; and that a worker that fails every time fails the
// run with a clear message. Fake workers are the real engine API behind a MessageChannel (as in pool.test.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulator, defaultParams, summarizeRun, type RiskParams } from '../../src/engine/index';
import type { EngineApi } from '../worker/engineApi';
import { closeInProcessWorkers, inProcessEngineWorker } from '../testing/inProcessEngineWorker';
import type { EngineEndpoint } from './engineEndpoint';
import { LIVENESS_DEFAULTS, RunLiveness, progressWatchdog } from './liveness';
import { EnginePool, type PoolOptions, type PoolProgress, type RunListener } from './pool';
import type { AggregateSnapshot } from '../shared/protocol';

type Fault = 'close' | 'hang' | 'throw' | 'drop';
type Role = 'simulation' | 'aggregator';
type Method = 'prepare' | 'runRange' | 'openRun' | 'addRange' | 'summarize';

interface Injection {
  role: Role;
  method: Method;
  /** Which call of `method` across the role's workers (0-based) meets the fault. */
  at: number;
  fault: Fault;
  /** Inject on every call from `at` on (a worker that fails every time). */
  always?: boolean;
}

afterEach(closeInProcessWorkers);

function faultySpawner(injection: Injection | null) {
  const calls = new Map<string, number>();
  const spawned: { name: string; role: Role; ended: boolean }[] = [];
  let injectedAt: number | null = null;
  const spawn = (name: string): EngineEndpoint => {
    const role: Role = name.includes('aggregator') ? 'aggregator' : 'simulation';
    const record = { name, role, ended: false };
    spawned.push(record);
    return inProcessEngineWorker(
      name,
      (real, worker) => {
        let state: 'alive' | 'hung' | 'closed' = 'alive';
        const never = () => new Promise<never>(() => undefined);
        const wrapMethod = <K extends Method>(method: K): EngineApi[K] =>
          ((...args: unknown[]) => {
            if (state !== 'alive' || worker.ended) return never(); // a hung, closed or ended worker answers nothing more
            const key = `${role}:${method}`;
            const n = calls.get(key) ?? 0;
            calls.set(key, n + 1);
            const hit = injection && injection.role === role && injection.method === method && (injection.always ? n >= injection.at : n === injection.at);
            if (hit) {
              injectedAt ??= performance.now();
              switch (injection.fault) {
                case 'hang':
                  state = 'hung';
                  return never();
                case 'close':
                  // self.close(): the worker stops, and the page gets no event at all.
                  state = 'closed';
                  worker.closeSilently();
                  return never();
                case 'throw':
                  worker.end(`The engine worker failed: Uncaught Error: injected fault in ${method}`);
                  return never();
                case 'drop':
                  return never(); // this one message is lost; the worker goes on serving the others
              }
            }
            return (real[method] as (...a: unknown[]) => unknown)(...args);
          }) as EngineApi[K];
        return {
          ...real,
          prepare: wrapMethod('prepare'),
          runRange: wrapMethod('runRange'),
          openRun: wrapMethod('openRun'),
          addRange: wrapMethod('addRange'),
          summarize: wrapMethod('summarize'),
        };
      },
      () => (record.ended = true),
    );
  };
  return { spawn, spawned, injected: () => injectedAt };
}

function smallParams(): RiskParams {
  const params = defaultParams();
  params.market = { ...params.market, steps: 240 };
  if (params.population.kind === 'generated') params.population = { ...params.population, accounts: 600 };
  params.scenario = { kind: 'jump', driftAnnual: 0, volAnnual: 1.5, jumpIntensityAnnual: 2000, jumpMean: -0.01, jumpStdev: 0.08 };
  params.insuranceFund = { ...params.insuranceFund, initial: '20000' };
  return params;
}

const PATHS = 60;
const SEED = 7;
const PARAMS = smallParams();
const UNDISTURBED = summarizeRun(createSimulator(PARAMS, SEED).run(0, PATHS), { explicit: false, detail: true });

/** Deadlines small enough for a test, large enough that a loaded machine does not trip them falsely. */
const FAST: Partial<PoolOptions> = {
  workers: 2,
  snapshotIntervalMs: 0,
  initialChunkPaths: 8,
  minChunkDeadlineMs: 600,
  deadlineFactor: 10,
  liveness: { minAggregateDeadlineMs: 600, minPrepareDeadlineMs: 600, quietMs: 150, maxAggregatorRestarts: 3 },
};

interface Outcome {
  final: AggregateSnapshot | null;
  errors: string[];
  progress: PoolProgress[];
  finishedAt: number;
}

function runOnce(spawn: PoolOptions['spawn'], options: Partial<PoolOptions> = FAST): Promise<Outcome> {
  const pool = new EnginePool({ ...FAST, ...options, spawn } as PoolOptions);
  const outcome: Outcome = { final: null, errors: [], progress: [], finishedAt: 0 };
  return new Promise((resolve) => {
    const done = () => {
      outcome.finishedAt = performance.now();
      pool.dispose();
      resolve(outcome);
    };
    const listener: RunListener = {
      progress: (p) => outcome.progress.push(p),
      snapshot: (s, final) => {
        if (!final) return;
        outcome.final = s;
        done();
      },
      samplePath: () => undefined,
      error: (message) => {
        outcome.errors.push(message);
        done();
      },
    };
    pool.start({ runId: 1, params: PARAMS, seed: SEED, paths: PATHS, baseline: null, pathIndex: 0 }, listener);
  });
}

/** mulberry32: the random points are random but the same on every run of the suite. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = seeded(18);
const pick = (n: number) => Math.floor(random() * n);

/** Calls of each method that surely happen in an undisturbed run of PATHS paths (so every injection fires). */
const POINTS: Record<Method, number> = { prepare: 2, runRange: 4, openRun: 1, addRange: 4, summarize: 2 };

const CASES: [Role, Method, Fault][] = [];
for (const fault of ['close', 'hang', 'throw', 'drop'] as const) {
  CASES.push(['simulation', pick(3) === 0 ? 'prepare' : 'runRange', fault]);
  CASES.push(['aggregator', (['openRun', 'addRange', 'addRange', 'summarize'] as const)[pick(4)]!, fault]);
}

describe('fault injection: every lost worker is detected, replaced and its work redone, with identical numbers', () => {
  it.each(CASES)('a %s worker that meets "%s → %s" at a random call', async (role, method, fault) => {
    const injection: Injection = { role, method, at: pick(POINTS[method]), fault };
    const spawner = faultySpawner(injection);
    const outcome = await runOnce(spawner.spawn);
    const injectedAt = spawner.injected();
    expect(injectedAt, `injection ${JSON.stringify(injection)} never fired`).not.toBeNull();
    expect(outcome.errors).toEqual([]);
    expect(outcome.final?.pathsCovered).toBe(PATHS);
    expect(outcome.final?.summary).toEqual(UNDISTURBED);
    // The lost worker was ended (by the pool, or by its own crash); a lost aggregator was replaced.
    expect(spawner.spawned.filter((w) => w.role === role && w.ended).length).toBeGreaterThan(0);
    if (role === 'aggregator') expect(spawner.spawned.filter((w) => w.role === 'aggregator').length).toBeGreaterThan(1);
    // Detected and recovered within a few deadlines (600 ms each here), not the old 60 s.
    expect(outcome.finishedAt - injectedAt!).toBeLessThan(8_000);
  });
});

describe('a worker that fails every time fails the run with a clear message', () => {
  it('an aggregator that hangs on every summary: stopped after the allowed restarts', async () => {
    const spawner = faultySpawner({ role: 'aggregator', method: 'summarize', at: 0, fault: 'hang', always: true });
    const outcome = await runOnce(spawner.spawn, { liveness: { ...FAST.liveness, maxAggregatorRestarts: 1 } });
    expect(outcome.final).toBeNull();
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatch(/did not finish within .*; the aggregator worker was replaced 1 times and stopped answering each time, so the run was stopped\./);
    expect(spawner.spawned.filter((w) => w.role === 'aggregator')).toHaveLength(2);
  });

  it('a simulation worker that crashes on every range: the crash message, after maxAttempts', async () => {
    const spawner = faultySpawner({ role: 'simulation', method: 'runRange', at: 0, fault: 'throw', always: true });
    const outcome = await runOnce(spawner.spawn, { maxAttempts: 2 });
    expect(outcome.final).toBeNull();
    expect(outcome.errors).toEqual([expect.stringMatching(/^The engine worker failed: Uncaught Error: injected fault in runRange \(2 times, on paths \d+–\d+\)$/)]);
  });
});

describe('progress while waiting on a lost worker', () => {
  it('never claims time is nearly up while the aggregator that holds the results is hung', async () => {
    const spawner = faultySpawner({ role: 'aggregator', method: 'summarize', at: 1, fault: 'hang' });
    const outcome = await runOnce(spawner.spawn);
    expect(outcome.final?.summary).toEqual(UNDISTURBED);
    const waiting = outcome.progress.filter((p) => p.waiting !== undefined);
    expect(waiting.length).toBeGreaterThan(0);
    for (const p of waiting) expect(p.etaMs).toBeNull();
    expect(waiting.some((p) => /replaced|waiting for a worker|summarizing/.test(p.waiting!))).toBe(true);
    // Once every path is in, no estimate is shown at all.
    for (const p of outcome.progress) if (p.pathsDone === p.pathsTotal) expect(p.etaMs).toBeNull();
  });
});

describe('RunLiveness sizes deadlines to the work', () => {
  const caps = { prepareMs: 60_000, aggregateMs: 60_000 };
  it('detects a lost worker of the default world within a few seconds', () => {
    const live = new RunLiveness(LIVENESS_DEFAULTS, 1000, caps);
    expect(live.prepareDeadlineMs(defaultParams())).toBeLessThanOrEqual(5_000);
    expect(live.aggregateDeadlineMs([defaultParams()])).toBeLessThanOrEqual(5_000);
    expect(live.aggregateDeadlineMs()).toBe(LIVENESS_DEFAULTS.minAggregateDeadlineMs);
  });

  it('gives a million accounts and 100,000 paths more time, within the caps', () => {
    const huge = defaultParams();
    if (huge.population.kind === 'generated') huge.population = { ...huge.population, accounts: 1_000_000 };
    const live = new RunLiveness(LIVENESS_DEFAULTS, 200_000, caps);
    expect(live.prepareDeadlineMs(huge)).toBe(50_000);
    expect(live.aggregateDeadlineMs()).toBe(20_000);
    live.recordSummary(3_000);
    expect(live.aggregateDeadlineMs()).toBe(30_000);
    live.recordSummary(9_000);
    expect(live.aggregateDeadlineMs()).toBe(60_000);
  });
});

describe('progressWatchdog', () => {
  it('after a quiet spell repeats the last progress with no estimate and says what it waits for', () => {
    vi.useFakeTimers();
    try {
      const seen: PoolProgress[] = [];
      const dog = progressWatchdog((p) => seen.push(p), 2_000);
      dog.progress({ pathsDone: 990, pathsTotal: 1000, elapsedMs: 5000, etaMs: 50 });
      vi.advanceTimersByTime(1_999);
      expect(seen).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(seen[1]).toEqual({ pathsDone: 990, pathsTotal: 1000, elapsedMs: 5000, etaMs: null, waiting: 'waiting for a worker to answer' });
      dog.progress({ pathsDone: 1000, pathsTotal: 1000, elapsedMs: 6000, etaMs: null });
      vi.advanceTimersByTime(2_000);
      expect(seen.at(-1)?.waiting).toBe('summarizing the results');
      dog.stop();
      vi.advanceTimersByTime(10_000);
      expect(seen).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
