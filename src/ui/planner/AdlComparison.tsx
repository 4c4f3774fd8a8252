import type { AdlOvershootEstimate, AdlPolicy, AdlPolicyComparison, AdlPolicyResult } from '../../engine/reports/adlPolicies';
import type { AdlWave } from '../../engine/reports/adlWaves';
import type { AdlScope } from '../../state/adlReportSlice';
import { appStore } from '../../state/useAppStore';
import { formatPercent } from '../format';
import { formatUsdMillions } from './plannerRows';

const POLICY_LABEL: Record<AdlPolicy, { name: string; rule: string }> = {
  'queue-needed': { name: 'Queue, only the contracts needed, at bankruptcy', rule: 'engine: ADL size needed, close at bankruptcy (BitMEX)' },
  'pro-rata': { name: 'Pro-rata haircut of winners’ profit', rule: 'engine: socialize, base profit' },
  'full-size': { name: 'Queue, full positions (full-size)', rule: 'engine: ADL size full (dYdX); event total from the authors’ replay' },
  production: { name: 'Hyperliquid production ADL (measured)', rule: 'closes at mark and over-closes' },
};

/** Sub-dollar float noise in the file (e.g. −5e-10) shows as $0.00M, negatives as −$1.85M. */
const money = (x: number | null) => (x === null ? '—' : Math.abs(x) < 0.5 ? formatUsdMillions(0) : x < 0 ? `−${formatUsdMillions(-x)}` : formatUsdMillions(x));
const share = (r: AdlPolicyResult) => (r.maxWinnerHaircut === null ? '—' : `${r.maxWinnerHaircutIsBound ? 'up to ' : ''}${formatPercent(r.maxWinnerHaircut)}`);

/** The published overshoot estimates (method and source each), then queue vs pro-rata vs full-size on the wave books. */
export function AdlComparison(props: { waves: readonly AdlWave[]; estimates: readonly AdlOvershootEstimate[]; scope: AdlScope; comparison: AdlPolicyComparison }) {
  const { waves, estimates, scope, comparison } = props;
  const setScope = (next: AdlScope) => appStore.getState().setAdlScope(next);
  return (
    <div className="adl-comparison">
      <h3>Published estimates of the overshoot: a range, not one number</h3>
      <p className="panel-intro">
        “Overshoot” is what ADL took from profitable traders beyond what was needed to cover the bankrupt accounts. The estimates differ by more than ten times because they measure different things:
      </p>
      <div className="table-wrap" role="region" aria-label="Published overshoot estimates" tabIndex={0}>
        <table className="adl-table" data-testid="adl-estimates">
          <thead>
            <tr>
              <th scope="col">Overshoot</th>
              <th scope="col">Method</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {estimates.map((e) => (
              <tr key={e.id} data-testid={`adl-estimate-${e.id}`}>
                <td className="num">{e.low === e.high ? formatUsdMillions(e.low) : `${formatUsdMillions(e.low)}–${formatUsdMillions(e.high)}`}</td>
                <td>{e.method}</td>
                <td>
                  <a href={e.url}>{e.source}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>Compare policies on the wave books</h3>
      <p className="panel-intro" data-testid="adl-method">
        Method: per wave the file gives what had to be covered (needed = Σ over ADL fills of |mark − execution price| × |qty|) and the winners’ capacity (Σ positive PnL). Haircut applies its own rules to these
        aggregates: the queue closing only what is needed at the bankruptcy price takes exactly the need (capped by the capacity) but may take all of the top-ranked winners’ profit; pro-rata takes the same share
        need ÷ capacity from every winner. Approximated: winner positions are not public, so which winners the queue hits and full-size ADL per wave cannot be computed; full-size is shown for the whole event from
        the authors’ per-coin replay of that rule. In 5 of 16 waves the authors’ largest pro-rata haircut is below our uniform share.
      </p>
      <label htmlFor="adl-scope">Waves </label>
      <select id="adl-scope" data-testid="adl-scope" value={String(scope)} onChange={(e) => setScope(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
        <option value="all">all {waves.length} waves</option>
        {waves.map((w) => (
          <option key={w.wave} value={w.wave}>
            wave {w.wave} ({w.tStart.slice(11, 19)} UTC)
          </option>
        ))}
      </select>{' '}
      needed: <strong data-testid="adl-compare-needed">{formatUsdMillions(comparison.needed)}</strong>
      <div className="table-wrap" role="region" aria-label="ADL policies compared" tabIndex={0}>
        <table className="adl-table" data-testid="adl-compare">
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Taken from winners</th>
              <th scope="col">Overshoot (taken − needed)</th>
              <th scope="col">Not covered</th>
              <th scope="col">Largest single-winner haircut</th>
            </tr>
          </thead>
          <tbody>
            {comparison.results.map((r) => (
              <tr key={r.policy} data-testid={`adl-compare-${r.policy}`}>
                <th scope="row">
                  {POLICY_LABEL[r.policy].name}
                  <div className="muted">{POLICY_LABEL[r.policy].rule}</div>
                </th>
                <td className="num">{money(r.taken)}</td>
                <td className="num" data-testid={`adl-compare-${r.policy}-overshoot`}>
                  {money(r.overshoot)}
                </td>
                <td className="num">{money(r.residual)}</td>
                <td className="num">{share(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
