// The levers priced in one unit, money per year, and ranked (issue #21), from the lever comparison's cost
// measures and the stated assumptions (the planner slice's costAssumptions): no new simulation, so a changed
// assumption re-ranks at once. The page names the options; this decides their order.
import type { LeverComparison, LeverKind } from '../engine/planner/index';
import { annualCost, costAssumptionProblems, rankByAnnualCost, type CostAssumptions, type RankedOption } from '../engine/planner/annualCost';

export type CostOptionId = LeverKind | 'mix';

export interface CostRanking {
  /** Each assumption out of its range, named (nothing is ranked while there is one). */
  problems: string[];
  /** Options that meet the target (each lever alone, the combination), cheapest first. */
  ranked: RankedOption[];
}

export function costRanking(c: LeverComparison, a: CostAssumptions, labels: Readonly<Record<CostOptionId, string>>): CostRanking {
  const problems = costAssumptionProblems(a);
  if (problems.length > 0) return { problems, ranked: [] };
  const options: RankedOption[] = [];
  for (const kind of ['fund', 'margin', 'throughput'] as const) {
    const r = c.levers[kind];
    if (r.cost && (r.status === 'solved' || r.status === 'met-at-lower-bound')) options.push({ id: kind, label: labels[kind], cost: annualCost(r.cost, a) });
  }
  if (c.combination.status === 'solved' && c.combination.cost) options.push({ id: 'mix', label: labels.mix, cost: annualCost(c.combination.cost, a) });
  return { problems, ranked: rankByAnnualCost(options) };
}
