import { useMemo } from 'react';
import { selectBaseline, selectComparison, selectParams, selectStatus } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/useAppStore';
import { paramChanges } from '../params/paramChanges';
import type { Direction } from '../../state/comparisonVerdict';
import { comparisonRows, costRows, verdictLine } from './comparisonRows';
import { ReportPanel } from '../report/ReportPanel';
import { AttributionTable } from './AttributionTable';
import '../trust.css';

const DIRECTION_TEXT: Record<Direction, string> = {
  better: 'better',
  worse: 'worse',
  'no clear difference': 'no clear difference',
  more: 'more',
  fewer: 'fewer',
};

/** Pin today's parameters as the baseline, then see every change measured against them on the same paths. */
export function ComparisonPanel() {
  const baseline = useAppStore(selectBaseline);
  const params = useAppStore(selectParams);
  const comparison = useAppStore(selectComparison);
  const status = useAppStore(selectStatus);
  const changes = useMemo(() => (baseline ? paramChanges(baseline, params) : []), [baseline, params]);
  const rows = useMemo(() => (comparison ? comparisonRows(comparison) : []), [comparison]);
  const line = useMemo(() => (comparison ? verdictLine(comparison) : null), [comparison]);
  const costs = useMemo(
    () => (comparison && baseline ? costRows(comparison, Number(baseline.insuranceFund.initial), Number(params.insuranceFund.initial)) : []),
    [comparison, baseline, params],
  );
  const { pinBaseline, clearBaseline } = appStore.getState();

  return (
    <section className="panel comparison" aria-labelledby="comparison-heading" data-testid="comparison">
      <div className="results-heading">
        <h2 id="comparison-heading">Proposal vs baseline</h2>
        <div className="actions">
          <button type="button" className={baseline ? 'secondary small' : 'small'} onClick={pinBaseline}>
            {baseline ? 'Pin current as baseline' : 'Pin as baseline'}
          </button>
          {baseline && (
            <button type="button" className="secondary small" onClick={clearBaseline}>
              Clear baseline
            </button>
          )}
        </div>
      </div>
      {!baseline && (
        <p className="muted">
          Pin today’s parameters as the baseline, then change them: every number is compared on the same simulated paths
          (common random numbers), with a 95 % interval for each difference.
        </p>
      )}
      {baseline && (
        <>
          <div className="changes">
            <h3>What the proposal changes</h3>
            {changes.length === 0 ? (
              <p className="muted" data-testid="no-changes">
                Nothing yet: the proposal equals the baseline. Change a parameter on the left to compare.
              </p>
            ) : (
              <ul data-testid="param-changes">
                {changes.map((c) => (
                  <li key={c.field}>
                    <span className="change-label">{c.label}:</span> {c.from} → <strong>{c.to}</strong>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {!comparison && <p className="muted">{status === 'running' ? 'Comparing on the same paths…' : 'The comparison appears when the run finishes.'}</p>}
          {comparison && line && (
            <>
              <p className={`verdict verdict-${line.verdict.replaceAll(' ', '-')}`} data-testid="verdict" data-verdict={line.verdict}>
                {line.sentence}
              </p>
              <div className="table-wrap" role="region" aria-label="Comparison table" tabIndex={0}>
                <table className="comparison-table">
                  <caption className="visually-hidden">Proposal against baseline on the same paths, with 95 % intervals of the paired differences</caption>
                  <thead>
                    <tr>
                      <th scope="col">Metric</th>
                      <th scope="col">Proposal</th>
                      <th scope="col">Baseline</th>
                      <th scope="col">Difference (95 % interval)</th>
                      <th scope="col">Reading</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.key} data-testid={`compare-${r.key}`} data-diff={String(r.raw.meanDiff)} data-direction={r.direction}>
                        <th scope="row">{r.label}</th>
                        <td className="num" data-label="Proposal">
                          {r.proposal}
                        </td>
                        <td className="num" data-label="Baseline">
                          {r.baseline}
                        </td>
                        <td className="num" data-label="Difference">
                          <span>
                            {r.difference} <span className="muted">({r.interval})</span>
                          </span>
                        </td>
                        <td className={`direction direction-${r.direction.replaceAll(' ', '-')}`} data-label="Reading">
                          {DIRECTION_TEXT[r.direction]}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="muted small">
                “Better” or “worse” only when the whole 95 % interval of the paired difference is on one side of zero; lower
                losses are better. More liquidations are not judged: they can be the price of less bad debt. Nor is the fund
                draw: a larger fund pays more of the bad debt, so a larger draw can be what keeps traders from a haircut.
              </p>
              <h3>What the proposal costs</h3>
              <div className="table-wrap" role="region" aria-label="What the proposal costs" tabIndex={0}>
                <table className="cost-table" data-testid="comparison-costs">
                  <caption className="visually-hidden">Costs of the proposal against the baseline</caption>
                  <thead>
                    <tr>
                      <th scope="col">Cost</th>
                      <th scope="col">Proposal</th>
                      <th scope="col">Baseline</th>
                      <th scope="col">Difference (95 % interval)</th>
                      <th scope="col">Borne by</th>
                    </tr>
                  </thead>
                  <tbody>
                    {costs.map((r) => (
                      <tr key={r.key} data-testid={`cost-${r.key}`}>
                        <th scope="row">{r.label}</th>
                        <td className="num">{r.proposal}</td>
                        <td className="num">{r.baseline}</td>
                        <td className="num">{r.difference}</td>
                        <td>{r.note}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {baseline && changes.length > 1 && <AttributionTable baseline={baseline} proposal={params} />}
              <ReportPanel />
            </>
          )}
        </>
      )}
    </section>
  );
}
