// The page's forum post from store-shaped inputs, in Node: a post names each side's run id (the ids
// `simulate --json` prints) and carries the proposal's in its link; two different markets are refused.
import { describe, expect, it } from 'vitest';
import { compareRuns, createSimulator, summarizeRun } from '../engine/index';
import { runIdOf } from '../engine/identity';
import { legacyDefaultParams } from '../engine/params/defaults';
import type { RiskParams } from '../engine/params/riskParams';
import { pagePost } from './pagePost';

function small(initialFund: string): RiskParams {
  const params = legacyDefaultParams();
  return {
    ...params,
    market: { ...params.market, steps: 60 },
    population: { ...params.population, accounts: 50 } as RiskParams['population'],
    insuranceFund: { ...params.insuranceFund, initial: initialFund },
  };
}

function side(params: RiskParams, seed: number, paths: number) {
  const result = createSimulator(params, seed).run(0, paths);
  return { result, summary: summarizeRun(result, { explicit: false }) };
}

describe('pagePost', () => {
  const seed = 3;
  const paths = 4;
  const baseline = small('0');
  const params = small('1000000');
  const a = side(baseline, seed, paths);
  const b = side(params, seed, paths);
  const input = { params, baseline, summary: b.summary, baselineSummary: a.summary, comparison: compareRuns(b.result, a.result, { tail: true }), seed, paths, link: 'https://example.org/#v=2&s=x' };

  it("names both sides' run ids and puts the proposal's into the link", () => {
    const made = pagePost(input);
    if (!made.ok) throw new Error(made.problems.join('; '));
    const text = JSON.stringify(made.post);
    const proposalId = runIdOf({ params, seed, paths });
    expect(text).toContain(proposalId);
    expect(text).toContain(runIdOf({ params: baseline, seed, paths }));
    expect(text).toContain(`run=${proposalId}`);
  });

  it('refuses a baseline on another market', () => {
    const other = { ...baseline, market: { ...baseline.market, steps: 61 } };
    const made = pagePost({ ...input, baseline: other });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.problems[0]).toContain('different markets');
  });
});
