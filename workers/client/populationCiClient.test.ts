// The population interval's client in Node, against in-process "workers" (the real engine API on one end of a
// MessageChannel, as in pool.test.ts): it must give exactly the engine's populationBatches, whatever the
// number of workers, report progress per batch, and stop its workers when cancelled.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultParams, type RiskParams } from '../../src/engine/index';
import { populationBatches } from '../../src/engine/sim/populationBatches';
import type { EngineEndpoint } from './engineEndpoint';
import type { EngineApi } from '../worker/engineApi';
import { closeInProcessWorkers, inProcessEngineWorker } from '../testing/inProcessEngineWorker';
import { runPopulationCi } from './populationCiClient';

function smallParams(): RiskParams {
  const params = defaultParams();
  params.market = { ...params.market, steps: 120 };
  if (params.population.kind === 'generated') params.population = { ...params.population, accounts: 300 };
  params.scenario = { kind: 'jump', driftAnnual: 0, volAnnual: 1.5, jumpIntensityAnnual: 4000, jumpMean: -0.01, jumpStdev: 0.1 };
  params.insuranceFund = { ...params.insuranceFund, initial: '2000' };
  return params;
}

afterEach(closeInProcessWorkers);

function fakeSpawner(hold?: Promise<void>) {
  const spawned: { name: string; batches: number[]; terminated: boolean }[] = [];
  const spawn = (name: string): EngineEndpoint => {
    const fake = { name, batches: [] as number[], terminated: false };
    spawned.push(fake);
    return inProcessEngineWorker(
      name,
      (real) => ({
        ...real,
        populationBatch: (async (request: Parameters<EngineApi['populationBatch']>[0]) => {
          fake.batches.push(request.batch);
          if (hold) await hold;
          return real.populationBatch(request);
        }) as unknown as EngineApi['populationBatch'],
      }),
      () => (fake.terminated = true),
    );
  };
  return { spawn, spawned };
}

describe('runPopulationCi', () => {
  it('equals the engine’s populationBatches with 1 or 3 workers, with progress per batch, and ends its workers', async () => {
    const params = smallParams();
    const expected = populationBatches(params, 5, 60, 6);
    expect(expected).not.toBeNull();
    expect(expected!.perPopulation.some((p) => p > 0)).toBe(true);
    for (const workers of [1, 3]) {
      const { spawn, spawned } = fakeSpawner();
      const progress: [number, number][] = [];
      const got = await runPopulationCi(spawn, { params, seed: 5, paths: 60 }, { workers, batches: 6, onProgress: (d, t) => progress.push([d, t]) });
      expect(got).toStrictEqual(expected);
      expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((d) => [d, 6]));
      expect(spawned).toHaveLength(workers);
      expect(spawned.flatMap((s) => s.batches).sort()).toEqual([0, 1, 2, 3, 4, 5]);
      expect(spawned.every((s) => s.terminated)).toBe(true);
    }
  });

  it('is null for an imported population or too few paths, and starts no worker', async () => {
    const { spawn, spawned } = fakeSpawner();
    const explicit = { ...smallParams(), population: { kind: 'explicit' as const, accounts: [{ id: 'a', side: 'long' as const, size: '1', entryPrice: '100', collateral: '50' }, { id: 'b', side: 'short' as const, size: '1', entryPrice: '100', collateral: '50' }] } };
    expect(await runPopulationCi(spawn, { params: explicit, seed: 1, paths: 100 }, { workers: 2 })).toBeNull();
    expect(await runPopulationCi(spawn, { params: smallParams(), seed: 1, paths: 3 }, { workers: 2 })).toBeNull();
    expect(spawned).toHaveLength(0);
  });

  it('cancelling rejects at once and terminates every worker', async () => {
    const { spawn, spawned } = fakeSpawner(new Promise<void>(() => undefined));
    const controller = new AbortController();
    const running = runPopulationCi(spawn, { params: smallParams(), seed: 1, paths: 40 }, { workers: 2, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 20));
    controller.abort(new Error('Cancelled by the user'));
    await expect(running).rejects.toThrow('Cancelled by the user');
    expect(spawned.length).toBe(2);
    expect(spawned.every((s) => s.terminated)).toBe(true);
  });

  it('a refused request names the problem', async () => {
    const { spawn } = fakeSpawner();
    const bad = smallParams();
    bad.market = { ...bad.market, steps: 0 };
    await expect(runPopulationCi(spawn, { params: bad, seed: 1, paths: 20 }, { workers: 1 })).rejects.toThrow(/market\.steps/);
  });
});
