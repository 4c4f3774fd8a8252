// Rare-event mode across workers: the summary of importance-sampled chunks, dealt to 1, 2 or 3 in-process
// "workers" (the real engine API behind Comlink on a MessageChannel), equals what `simulate --estimator
// importance` computes in one process, for the numbers the page shows.
import { expose, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultParams, type RiskParams } from '../../src/engine/index';
import { simulateImportance, type ImportanceSummary } from '../../src/engine/importance';
import { createEngineApi, type EngineApi } from '../worker/engineApi';
import type { EngineEndpoint } from './engineEndpoint';
import { runImportanceOn } from './importanceRun';

/** A small market with large jumps, so importance-sampled paths carry socialized loss: 400 accounts, 240 steps. */
function smallParams(): RiskParams {
  const params = defaultParams();
  params.market = { ...params.market, steps: 240 };
  if (params.population.kind === 'generated') params.population = { ...params.population, accounts: 400 };
  params.scenario = { kind: 'jump', driftAnnual: 0, volAnnual: 0.8, jumpIntensityAnnual: 1500, jumpMean: 0, jumpStdev: 0.05 };
  params.insuranceFund = { ...params.insuranceFund, initial: '20000' };
  return params;
}

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function endpoint(): EngineEndpoint {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  expose(createEngineApi(), port1);
  return { remote: wrap<EngineApi>(port2), gone: new Promise<never>(() => undefined), terminate: () => port2.close() };
}

/** The fields the page shows (headline, interval, ESS) and the tails behind them. */
function shown(s: ImportanceSummary) {
  return {
    paths: s.paths,
    pSocialized: s.pSocialized,
    pSocializedCI: s.pSocializedCI,
    effectiveSampleSize: s.effectiveSampleSize,
    weightMean: s.weightMean,
    socializedLoss: s.socializedLoss,
    badDebt: s.badDebt,
    fundDraw: s.fundDraw,
    intervals: s.intervals,
    liquidations: s.liquidations,
    estimator: s.estimator,
  };
}

describe('runImportanceOn', () => {
  const params = smallParams();
  const run = { seed: 5, paths: 90 };
  const expected = shown(simulateImportance(params, run));

  it('finds socialized paths on this market (else the comparison below would be trivial)', () => {
    expect(expected.pSocialized).toBeGreaterThan(0);
    expect(expected.effectiveSampleSize).toBeLessThan(run.paths);
  });

  it.each([
    [1, 64],
    [2, 64],
    [3, 7],
  ])('with %i worker(s) and chunks of %i paths gives the single-process numbers exactly', async (workers, chunkPaths) => {
    const summary = await runImportanceOn(
      { workers: Array.from({ length: workers }, endpoint), aggregator: endpoint(), isCurrent: () => true, deadlineMs: 60_000, chunkPaths },
      { params, ...run },
    );
    expect(summary).not.toBeNull();
    expect(shown(summary!)).toStrictEqual(expected);
  });

  it('answers null and stops sending chunks once the request is no longer current', async () => {
    let current = true;
    const workers = [endpoint()];
    const summary = runImportanceOn({ workers, aggregator: endpoint(), isCurrent: () => current, deadlineMs: 60_000, chunkPaths: 10 }, { params, ...run });
    current = false;
    expect(await summary).toBeNull();
  });
});
