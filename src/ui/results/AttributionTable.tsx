import { useMemo, useState } from 'react';
import type { Attribution } from '../../engine/metrics/attribution';
import type { RiskParams } from '../../engine/params/riskParams';
import { selectPaths, selectSeed } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatPaths, formatSignedPoints, formatSignedQuote } from '../format';
import { paramChanges } from '../params/paramChanges';

/** The fields to attribute: a kind change moves its whole object (the other fields belong to the kind). */
export function attributionFields(baseline: RiskParams, proposal: RiskParams): { field: string; label: string }[] {
  const out: { field: string; label: string }[] = [];
  for (const c of paramChanges(baseline, proposal)) {
    if (/["[]/.test(c.field)) continue;
    const field = c.field.endsWith('.kind') ? c.field.slice(0, -'.kind'.length) : c.field;
    if (out.some((o) => field === o.field || field.startsWith(`${o.field}.`))) continue;
    out.push({ field, label: c.label });
  }
  return out;
}

type State = { status: 'idle' } | { status: 'running'; key: string } | { status: 'done'; key: string; result: Attribution } | { status: 'error'; key: string; message: string };

/** Each change alone and all together, on the same paths as the comparison above (run on demand: it costs a run per change). */
export function AttributionTable({ baseline, proposal }: { baseline: RiskParams; proposal: RiskParams }) {
  const seed = useAppStore(selectSeed);
  const paths = useAppStore(selectPaths);
  const fields = useMemo(() => attributionFields(baseline, proposal), [baseline, proposal]);
  const key = useMemo(() => JSON.stringify([baseline, proposal, seed, paths]), [baseline, proposal, seed, paths]);
  const [state, setState] = useState<State>({ status: 'idle' });
  const current = state.status !== 'idle' && state.key === key ? state : null;

  const start = () => {
    setState({ status: 'running', key });
    appStore
      .getState()
      .runAttribution({ baseline, proposal, fields: fields.map((f) => f.field), seed, paths })
      .then(
        (result) => result && setState((s) => (s.status === 'running' && s.key === key ? { status: 'done', key, result } : s)),
        (error: unknown) => setState({ status: 'error', key, message: error instanceof Error ? error.message : String(error) }),
      );
  };
  const labelOf = (f: string) => fields.find((x) => x.field === f)?.label ?? f;

  return (
    <div className="attribution" data-testid="attribution">
      <h3>Which change does what</h3>
      <p className="muted small">
        Each of the {fields.length} changes applied alone to the baseline, then all together, on the same {formatPaths(paths)}: {fields.length + 2} runs.
      </p>
      {(!current || current.status === 'error') && (
        <button type="button" className="secondary small" data-testid="attribution-run" onClick={start}>
          Show each change alone
        </button>
      )}
      {current?.status === 'running' && <p aria-live="polite">Running {fields.length + 2} parameter sets on the same paths…</p>}
      {current?.status === 'error' && <p className="field-problem">The attribution failed: {current.message}</p>}
      {current?.status === 'done' && (
        <div className="table-wrap" role="region" aria-label="Which change does what" tabIndex={0}>
          <table className="attribution-table" data-testid="attribution-table">
            <caption className="visually-hidden">Each change alone and all together, against the baseline</caption>
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Socialized loss per path (95 % interval)</th>
                <th scope="col">Paths with socialized loss</th>
                <th scope="col">Bad debt per path</th>
              </tr>
            </thead>
            <tbody>
              {current.result.rows.map((r) => (
                <tr key={r.fields.join('+') + String(r.together)} data-testid={r.together ? 'attribution-together' : 'attribution-alone'} data-diff={r.socializedLoss ? String(r.socializedLoss.meanDiff) : ''}>
                  <th scope="row">{r.together ? 'All together (the proposal)' : `${labelOf(r.fields[0]!)} alone`}</th>
                  {r.socializedLoss && r.pSocialized && r.badDebt ? (
                    <>
                      <td className="num">
                        {formatSignedQuote(r.socializedLoss.meanDiff)} ({formatSignedQuote(r.socializedLoss.ci95[0])} to {formatSignedQuote(r.socializedLoss.ci95[1])})
                      </td>
                      <td className="num">{formatSignedPoints(r.pSocialized.meanDiff)}</td>
                      <td className="num">{formatSignedQuote(r.badDebt.meanDiff)}</td>
                    </>
                  ) : (
                    <td colSpan={3}>not valid alone — {r.problem}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {current.result.interactionSocializedLoss !== null && (
            <p className="muted small" data-testid="attribution-interaction">
              Together minus the sum of the parts: {formatSignedQuote(current.result.interactionSocializedLoss)} quote per path of socialized loss
              {Math.abs(current.result.interactionSocializedLoss) > 0 ? ' — the changes interact' : ''}.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
