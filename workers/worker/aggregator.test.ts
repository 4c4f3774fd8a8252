// The aggregator gathers chunks in path order whatever order they come in, refuses a path twice, drops chunks
// of runs it no longer holds, and frees older runs when a new one opens.
import { describe, expect, it } from 'vitest';
import { compareRuns, createSimulator, mergeRangeResults, summarizeRun, type RiskParams } from '../../src/engine/index';
import { createAggregator } from './aggregator';
import { legacyDefaultParams } from '../../src/engine/params/defaults';
import { RunAccumulator } from './runAccumulator';

function smallParams(): RiskParams {
  const params = legacyDefaultParams();
  params.market = { ...params.market, steps: 120 };
  if (params.population.kind === 'generated') params.population = { ...params.population, accounts: 300 };
  return params;
}

describe('RunAccumulator', () => {
  const simulator = createSimulator(smallParams(), 3);
  const chunks = [simulator.run(0, 4), simulator.run(4, 9), simulator.run(9, 10), simulator.run(10, 16)];

  it('keeps the prefix of paths that have all arrived, and its view equals the merged chunks', () => {
    const acc = new RunAccumulator(16);
    acc.add(chunks[2]!);
    acc.add(chunks[1]!);
    expect(acc.prefix).toBe(0);
    acc.add(chunks[0]!);
    expect(acc.prefix).toBe(10);
    expect(acc.prefixView()).toEqual(mergeRangeResults(chunks.slice(0, 3)));
    acc.add(chunks[3]!);
    expect(acc.prefix).toBe(16);
    expect(acc.prefixView()).toEqual(simulator.run(0, 16));
  });

  it('refuses a path twice and a range outside the run', () => {
    const acc = new RunAccumulator(10);
    acc.add(chunks[0]!);
    expect(() => acc.add(simulator.run(2, 5))).toThrow(/repeats path 2/);
    expect(() => acc.add(chunks[3]!)).toThrow(/outside the run's 10 paths/);
  });
});

describe('aggregator', () => {
  it('summarizes the prefix, drops chunks of closed runs, and frees older runs on open', () => {
    const params = smallParams();
    const simulator = createSimulator(params, 5);
    const agg = createAggregator();
    agg.openRun({ runId: 1, paths: 12, sides: [{ side: 'proposal', params, seed: 5 }] });
    expect(agg.summarize(1)).toBeNull();
    expect(agg.addRange(1, 'proposal', simulator.run(6, 12))).toBe(true);
    expect(agg.summarize(1)).toBeNull(); // paths 0–5 have not arrived
    expect(agg.addRange(1, 'proposal', simulator.run(0, 6))).toBe(true);
    const snapshot = agg.summarize(1);
    expect(snapshot?.summary).toEqual(summarizeRun(simulator.run(0, 12), { explicit: false, detail: true }));
    expect(snapshot?.baselineSummary).toBeNull();
    expect(agg.samplePath(1, 7)?.pathIndex).toBe(7);

    agg.openRun({ runId: 2, paths: 5, sides: [{ side: 'proposal', params, seed: 5 }] });
    expect(agg.openRuns()).toEqual([2]);
    expect(agg.addRange(1, 'proposal', simulator.run(0, 1))).toBe(false);
    expect(agg.summarize(1)).toBeNull();
    agg.closeRun(2);
    expect(agg.openRuns()).toEqual([]);
  });

  it('adds the paired tail intervals to the comparison once both sides are complete, equal to compareRuns on the whole run', () => {
    const params = smallParams();
    const proposalParams = smallParams();
    proposalParams.margin = { ...proposalParams.margin, maintenanceMarginRatio: 0.07 };
    const a = createSimulator(params, 5);
    const b = createSimulator(proposalParams, 5);
    const agg = createAggregator();
    agg.openRun({ runId: 1, paths: 10, sides: [{ side: 'proposal', params: proposalParams, seed: 5 }, { side: 'baseline', params, seed: 5 }] });
    agg.addRange(1, 'proposal', b.run(0, 10));
    agg.addRange(1, 'baseline', a.run(0, 6));
    expect(agg.summarize(1)?.comparison?.tail).toBeUndefined(); // the baseline has 6 of 10 paths
    agg.addRange(1, 'baseline', a.run(6, 10));
    const whole = compareRuns(b.run(0, 10), a.run(0, 10), { tail: true });
    expect(agg.summarize(1)?.comparison).toEqual(whole);
    expect(whole.tail?.badDebt.var99).toHaveLength(2);
  });
});
