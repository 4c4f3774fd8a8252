// The levers priced in one unit, money per year, and ranked (issue #21). The assumptions are stated and editable
// (the store keeps them); the ranking is the store's (costRanking.ts), from the solver's cost measures.
import { useMemo, useState } from 'react';
import type { AnnualCost, CostAssumptions } from '../../engine/planner/annualCost';
import type { LeverComparison } from '../../engine/planner/index';
import { costRanking, type CostOptionId } from '../../state/costRanking';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatQuote, formatSignedQuote } from '../format';
import '../trust.css';

const FIELDS: { key: keyof CostAssumptions; label: string; unit: string; scale: number; hint: string }[] = [
  { key: 'fundCapitalRate', label: 'Cost of fund capital', unit: '% a year', scale: 100, hint: 'what the fund’s capital would earn elsewhere' },
  { key: 'collateralRate', label: 'Traders’ cost of collateral', unit: '% a year', scale: 100, hint: 'carrying the extra collateral a higher margin asks' },
  { key: 'openInterestElasticity', label: 'Open-interest elasticity', unit: '', scale: 1, hint: '0.5: 10 % more collateral → 5 % less open interest (an assumption)' },
  { key: 'revenuePerOpenInterest', label: 'Fees per quote of open interest', unit: 'per year', scale: 1, hint: '0.05 % taker × volume 2× OI a day × 365' },
  { key: 'keeperHoldMinutes', label: 'Keepers hold takeovers', unit: 'minutes', scale: 1, hint: 'before they sell them' },
  { key: 'keeperCapitalRate', label: 'Keepers’ return on capital', unit: '% a year', scale: 100, hint: 'the incentive to stand ready' },
];

const LABELS: Record<CostOptionId, string> = {
  fund: 'Larger insurance fund alone',
  margin: 'Higher maintenance margin alone',
  throughput: 'More keeper capacity alone',
  mix: 'The combination',
};

/**
 * Where today's parameters already meet the target, the solver's answer for a lever lies below today's value and
 * its cost is negative (a saving): "More keeper capacity alone, −30 M" read as a contradiction. A single lever's
 * cost has the sign of its move (fund capital, collateral carry and lost fees, keeper incentives each grow with
 * it), so the sign names the direction.
 */
const EASED_LABELS: Partial<Record<CostOptionId, string>> = {
  fund: 'Smaller insurance fund alone',
  margin: 'Lower maintenance margin alone',
  throughput: 'Less keeper capacity alone',
};

/** A lever whose answer is today's value moves nothing and costs nothing. */
const UNCHANGED_LABELS: Partial<Record<CostOptionId, string>> = {
  fund: 'Today’s insurance fund, unchanged',
  margin: 'Today’s maintenance margin, unchanged',
  throughput: 'Today’s keeper capacity, unchanged',
};

function labelOf(o: { id: string; label: string; cost: AnnualCost }): string {
  const id = o.id as CostOptionId;
  if (o.cost.total < 0) return EASED_LABELS[id] ?? o.label;
  if (o.cost.total === 0 && parts(o.cost) === 'nothing moves') return UNCHANGED_LABELS[id] ?? o.label;
  return o.label;
}

function parts(c: AnnualCost): string {
  const out: string[] = [];
  if (c.fundCapital !== 0) out.push(`fund capital ${formatSignedQuote(c.fundCapital)}`);
  if (c.collateralCarry !== 0) out.push(`traders’ collateral ${formatSignedQuote(c.collateralCarry)} (on ${formatQuote(c.extraCollateralQuote)} more collateral)`);
  if (c.lostOpenInterestRevenue !== 0) out.push(`fees lost on ${formatQuote(c.openInterestLostQuote)} of open interest ${formatSignedQuote(c.lostOpenInterestRevenue)}`);
  if (c.keeperIncentives !== 0) out.push(`keeper incentives ${formatSignedQuote(c.keeperIncentives)}`);
  return out.length > 0 ? out.join(' · ') : 'nothing moves';
}

export function CostRanking({ c }: { c: LeverComparison }) {
  const assumptions = useAppStore((s) => s.costAssumptions);
  const [text, setText] = useState<Record<keyof CostAssumptions, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f.key, Number.isFinite(assumptions[f.key]) ? String(Number((assumptions[f.key] * f.scale).toPrecision(6))) : ''])) as Record<keyof CostAssumptions, string>,
  );
  const edit = (key: keyof CostAssumptions, value: string) => {
    const next = { ...text, [key]: value };
    setText(next);
    appStore.getState().setCostAssumptions(Object.fromEntries(FIELDS.map((f) => [f.key, next[f.key].trim() === '' ? Number.NaN : Number(next[f.key]) / f.scale])) as unknown as CostAssumptions);
  };
  const { problems, ranked } = useMemo(() => costRanking(c, assumptions, LABELS), [c, assumptions]);

  return (
    <div className="solve-card cost-ranking" data-testid="cost-ranking">
      <h3>Which is cheapest? Cost per year for the same target</h3>
      <div className="cost-assumptions">
        {FIELDS.map((f) => {
          const bad = problems.some((p) => p.startsWith(f.key));
          return (
            <div key={f.key}>
              <label htmlFor={`cost-${f.key}`}>
                {f.label} {f.unit && <span className="unit">({f.unit})</span>}
              </label>
              <input id={`cost-${f.key}`} type="text" inputMode="decimal" value={text[f.key]} aria-invalid={bad} aria-describedby={`cost-${f.key}-hint`} onChange={(e) => edit(f.key, e.target.value)} />
              <span id={`cost-${f.key}-hint`} className="small muted">
                {f.hint}
              </span>
            </div>
          );
        })}
      </div>
      {problems.length > 0 && <p className="field-problem">Each assumption must be a number in its range: {problems.join('; ')}.</p>}
      {ranked.length === 0 && problems.length === 0 && <p className="muted">No lever meets the target, so there is nothing to price.</p>}
      {ranked.length > 0 && (
        <table className="cost-table">
          <caption className="visually-hidden">Options that meet the target, cheapest first</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Option</th>
              <th scope="col">Cost per year (quote)</th>
              <th scope="col">Made of</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((o, i) => (
              <tr key={o.id} data-testid="cost-rank-row" data-option={o.id} data-total={String(o.cost.total)}>
                <td>{i + 1}</td>
                <th scope="row">{labelOf(o)}</th>
                <td className="num">{formatQuote(o.cost.total)}</td>
                <td>{parts(o.cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ranked.some((o) => o.cost.total < 0) && (
        <p className="small" data-testid="cost-saving-note">
          A negative cost is a saving: today’s parameters already meet the target, and that lever could be eased this far while still meeting it.
        </p>
      )}
      <p className="small muted">
        Costs are per year against today’s parameters, from what each option asks at the initial price: fund capital × its rate; the extra collateral that keeps every
        liquidation price where it is × the traders’ rate, plus the fees on the open interest that would leave; extra keeper capacity × minutes held × their rate. None of
        these is simulated: change an assumption and the ranking follows.
      </p>
    </div>
  );
}
