import { describe, expect, it } from 'vitest';
import type { RiskParams } from '../../src/engine/params/riskParams';
import { sweep1d } from '../../src/engine/planner/sweep';
import { createPlannerApi, provisionalPaths } from '../worker/plannerApi';
import { coarseToFine, PlannerClient, type PlannerEndpoint, type PointAnswer, type SweepListener } from './plannerClient';
// Written against the pre-preset defaults (100-quote market, no tiers, socialize), set explicitly since the defaults became btc-binance.
import { legacyDefaultParams } from '../../src/engine/params/defaults';

function smallParams(): RiskParams {
  const p = legacyDefaultParams();
  return { ...p, market: { ...p.market, steps: 120 }, population: { ...(p.population as Extract<RiskParams['population'], { kind: 'generated' }>), accounts: 200 } };
}

/** In-process "workers": the real planner API behind async calls, like Comlink's. */
function fakeSpawn(spawned: string[]) {
  return (name: string): PlannerEndpoint => {
    spawned.push(name);
    const api = createPlannerApi();
    const remote = {
      sweepValues: async (...a: Parameters<typeof api.sweepValues>) => api.sweepValues(...a),
      runPoint: async (...a: Parameters<typeof api.runPoint>) => {
        await new Promise((r) => setTimeout(r, 0));
        return api.runPoint(...a);
      },
      runFundLadder: async (...a: Parameters<typeof api.runFundLadder>) => {
        await new Promise((r) => setTimeout(r, 0));
        return api.runFundLadder(...a);
      },
      solve: async (...a: Parameters<typeof api.solve>) => api.solve(...a),
      compare: async (...a: Parameters<typeof api.compare>) => api.compare(...a),
    };
    return { remote: remote as unknown as PlannerEndpoint['remote'], gone: new Promise<never>(() => undefined), terminate: () => undefined };
  };
}

function collect(): { listener: SweepListener; finished: Promise<{ points: Map<number, PointAnswer>; provisional: number; rows: string[] }> } {
  const points = new Map<number, PointAnswer>();
  let provisional = 0;
  let rows: string[] = [];
  let resolve: (v: { points: Map<number, PointAnswer>; provisional: number; rows: string[] }) => void = () => undefined;
  let reject: (e: Error) => void = () => undefined;
  const finished = new Promise<{ points: Map<number, PointAnswer>; provisional: number; rows: string[] }>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {
    finished,
    listener: {
      values: (r) => {
        rows = r;
      },
      point: (index, answer) => {
        if (answer.provisional) provisional++;
        else points.set(index, answer);
      },
      done: () => resolve({ points, provisional, rows }),
      error: (m) => reject(new Error(m)),
    },
  };
}

describe('coarseToFine', () => {
  it('visits every index once, ends first, then midpoints', () => {
    for (const n of [0, 1, 2, 3, 5, 20, 33]) {
      const order = coarseToFine(n);
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
    expect(coarseToFine(5).slice(0, 3)).toEqual([0, 4, 2]);
  });
});

describe('provisionalPaths', () => {
  it('is a tenth of the paths, at least 50, none below 200 paths', () => {
    expect(provisionalPaths(100)).toBe(0);
    expect(provisionalPaths(200)).toBe(50);
    expect(provisionalPaths(1000)).toBe(100);
  });
});

describe('PlannerClient', () => {
  it('a sweep on two workers gives exactly the engine sweep1d numbers (common random numbers, provisional points aside)', async () => {
    const params = smallParams();
    const spawned: string[] = [];
    const client = new PlannerClient(2, fakeSpawn(spawned));
    const { listener, finished } = collect();
    client.runSweep({ params, seed: 3, paths: 200, axis: { path: 'insuranceFund.initial', from: 0, to: 100_000, points: 4 }, axis2: null }, listener);
    const { points, provisional, rows } = await finished;
    expect(rows).toEqual(['0', '33333.333333', '66666.666667', '100000']);
    // A fund sweep runs on the ladder: the first worker's share reports the largest fund's first paths early.
    expect(provisional).toBe(1);
    const expected = sweep1d(params, 3, 200, 'insuranceFund.initial', rows);
    for (let i = 0; i < rows.length; i++) {
      const { elapsedMs: _e, ...got } = points.get(i)!;
      expect(got).toEqual(expected[i]);
    }
    expect(spawned).toHaveLength(2);
  });

  it('a fund sweep gives the same numbers on 1, 2 or 3 workers, with a cap (no ladder) and an invalid value too', async () => {
    const base = smallParams();
    const capped: RiskParams = { ...base, insuranceFund: { ...base.insuranceFund, initial: '0', cap: '60000', feeInflowPerStep: '10' } };
    for (const params of [base, capped]) {
      const axis = { path: 'insuranceFund.initial', from: -20_000, to: 80_000, points: 5 };
      const answers: PointAnswer[][] = [];
      for (const workers of [1, 2, 3]) {
        const client = new PlannerClient(workers, fakeSpawn([]));
        const { listener, finished } = collect();
        client.runSweep({ params, seed: 8, paths: 61, axis, axis2: null }, listener);
        const { points, rows } = await finished;
        expect(points.size).toBe(rows.length);
        answers.push(rows.map((_, i) => ({ ...points.get(i)!, elapsedMs: 0 })));
      }
      expect(answers[0]![0]!.ok).toBe(false);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      const expected = sweep1d(params, 8, 61, 'insuranceFund.initial', ['-20000', '5000', '30000', '55000', '80000']);
      expect(answers[0]!.map(({ elapsedMs: _e, ...a }) => a)).toEqual(expected);
    }
  });

  it('a newer sweep silences the older one', async () => {
    const client = new PlannerClient(2, fakeSpawn([]));
    const first = collect();
    let oldReports = 0;
    client.runSweep({ params: smallParams(), seed: 1, paths: 20, axis: { path: 'insuranceFund.initial', from: 0, to: 1000, points: 3 }, axis2: null }, {
      ...first.listener,
      point: () => oldReports++,
      done: () => oldReports++,
    });
    const second = collect();
    client.runSweep({ params: smallParams(), seed: 1, paths: 20, axis: { path: 'insuranceFund.initial', from: 0, to: 1000, points: 2 }, axis2: null }, second.listener);
    const { points } = await second.finished;
    expect(points.size).toBe(2);
    expect(oldReports).toBe(0);
  });

  it('reports invalid points in place (a 2-D cell too)', async () => {
    const client = new PlannerClient(1, fakeSpawn([]));
    const { listener, finished } = collect();
    client.runSweep(
      { params: smallParams(), seed: 1, paths: 10, axis: { path: 'margin.maintenanceMarginRatio', from: 0.05, to: 1, points: 2 }, axis2: { path: 'insuranceFund.initial', from: 0, to: 10, points: 2 } },
      listener,
    );
    const { points } = await finished;
    expect(points.size).toBe(4);
    expect(points.get(0)!.ok).toBe(true);
    expect(points.get(0)!.valueText2).toBe('0');
    expect(points.get(3)!.ok).toBe(false);
  });

  it('streams the comparison: progress after every probe and each lever as it finishes, then the same answer as the engine', async () => {
    const client = new PlannerClient(1, fakeSpawn([]));
    const options = { params: smallParams(), seed: 5, target: 0.2, initialPaths: 40, maxPaths: 160 };
    const progress: number[] = [];
    const levers: string[] = [];
    const result = await client.compare(options, { progress: (p) => progress.push(p.probesDone), lever: (r) => levers.push(r.lever) });
    expect(result).toEqual(createPlannerApi().compare(options));
    expect(progress).toEqual(Array.from({ length: result!.evaluations }, (_, i) => i + 1));
    expect(levers).toEqual(['fund', 'margin', 'throughput']);
  });

  it('a planner worker that hangs without dying fails the sweep and the solver once the deadline passes', async () => {
    const hung = (): PlannerEndpoint => {
      const never = () => new Promise<never>(() => undefined);
      const remote = { sweepValues: never, runPoint: never, runFundLadder: never, solve: never, compare: never, attribute: never };
      return { remote: remote as unknown as PlannerEndpoint['remote'], gone: new Promise<never>(() => undefined), terminate: () => undefined };
    };
    const client = new PlannerClient(1, hung, () => performance.now(), 20);
    const errors: string[] = [];
    const failed = new Promise<void>((resolve) => {
      client.runSweep(
        { params: smallParams(), seed: 1, paths: 10, axis: { path: 'insuranceFund.initial', from: 0, to: 10, points: 2 }, axis2: null },
        { values: () => undefined, point: () => undefined, done: () => undefined, error: (message) => { errors.push(message); resolve(); } },
      );
    });
    await failed;
    expect(errors).toEqual(['Listing the sweep values did not finish within 20 ms']);
    await expect(client.solve({ params: smallParams(), seed: 1, target: 0.2, lever: 'fund' } as Parameters<PlannerClient['solve']>[0])).rejects.toThrow('Solving did not finish within 20 ms');
    client.dispose();
  });
});
