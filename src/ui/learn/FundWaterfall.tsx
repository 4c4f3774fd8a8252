import type { LearnTrace } from '../../state/engines';
import { money } from './eventText';
import { Term } from './Term';
import type { GlossaryKey } from './glossary';

interface Row {
  key: 'badDebt' | 'fundDraw' | 'socialized' | 'vault' | 'uncovered';
  label: string;
  term?: GlossaryKey;
  value: (t: LearnTrace, step: number) => number;
}

const ROWS: Row[] = [
  { key: 'badDebt', label: 'bad debt', term: 'bad-debt', value: (t, s) => t.cumBadDebtQuote[s]! },
  { key: 'fundDraw', label: 'paid by the insurance fund', term: 'insurance-fund', value: (t, s) => t.cumFundDrawQuote[s]! },
  { key: 'socialized', label: 'socialized (haircuts + ADL)', term: 'socialized-loss', value: (t, s) => t.cumSocializedLossQuote[s]! },
  { key: 'vault', label: 'borne by the backstop vault', value: (t, s) => t.cumVaultLossQuote[s]! },
  { key: 'uncovered', label: 'uncovered', value: (t, s) => t.cumUncoveredQuote[s]! },
];

/** The fund's balance now, and the running waterfall: where every unit of bad debt so far has gone. */
export function FundWaterfall({ trace, baseline, step }: { trace: LearnTrace; baseline: LearnTrace | null; step: number }) {
  const total = Math.max(trace.cumBadDebtQuote[step]!, baseline?.cumBadDebtQuote[step] ?? 0);
  const fund = trace.fundQuote[step]!;
  const fundStart = trace.fundQuote[0]!;
  let fundMax = 0;
  for (const v of trace.fundQuote) fundMax = Math.max(fundMax, v);
  return (
    <section className="panel learn-card learn-waterfall" aria-labelledby="learn-waterfall-title">
      <h3 id="learn-waterfall-title">
        <Term k="insurance-fund">Insurance fund</Term> and the loss waterfall
      </h3>
      <div className="learn-fund">
        <span>Fund balance</span>
        <strong data-testid="learn-fund">{money(fund)}</strong>
        <span className="learn-fund-bar" aria-hidden="true">
          <span style={{ width: `${fundMax > 0 ? (100 * fund) / fundMax : 0}%` }} className={fund <= 0 ? 'empty' : ''} />
        </span>
        <span className="muted small">started at {money(fundStart)}</span>
      </div>
      <table className="learn-waterfall-table">
        <caption className="visually-hidden">Bad debt so far and who paid it, up to step {step}</caption>
        <thead>
          <tr>
            <th scope="col">Up to this step</th>
            <th scope="col">{baseline ? 'Proposal' : 'Amount'}</th>
            {baseline && <th scope="col">Baseline</th>}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => {
            const v = row.value(trace, step);
            const b = baseline ? row.value(baseline, step) : null;
            return (
              <tr key={row.key} className={`wf-${row.key}`}>
                <th scope="row">
                  {row.key !== 'badDebt' && <span aria-hidden="true">↳ </span>}
                  {row.term ? <Term k={row.term}>{row.label}</Term> : row.label}
                </th>
                <td>
                  <Bar value={v} total={total} kind={row.key} />
                  <span data-testid={`learn-${row.key}`}>{money(v)}</span>
                </td>
                {b !== null && (
                  <td>
                    <Bar value={b} total={total} kind={row.key} />
                    <span data-testid={`learn-baseline-${row.key}`}>{money(b)}</span>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">
        bad debt = fund + socialized + vault + uncovered, to the cent. {baseline ? 'The baseline runs on the same path (same prices, same seed).' : ''}
      </p>
    </section>
  );
}

function Bar({ value, total, kind }: { value: number; total: number; kind: string }) {
  return (
    <span className="learn-bar" aria-hidden="true">
      <span className={`learn-bar-fill bar-${kind}`} style={{ width: `${total > 0 ? Math.min(100, (100 * value) / total) : 0}%` }} />
    </span>
  );
}
