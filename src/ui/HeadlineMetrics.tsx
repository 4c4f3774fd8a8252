import type { RunSummary } from '../../workers/protocol';
import { selectShowTailStats, selectStatus, selectSummary } from '../state/selectors';
import { appStore, useAppStore } from '../state/useAppStore';
import { formatCount, formatPercent, formatQuote } from './format';

interface MetricProps {
  testId: string;
  label: string;
  value: string;
  detail?: string | undefined;
}

function Metric({ testId, label, value, detail }: MetricProps) {
  return (
    <div className="metric">
      <dt>{label}</dt>
      <dd data-testid={testId} className="metric-value">
        {value}
      </dd>
      {detail !== undefined && <dd className="metric-detail">{detail}</dd>}
    </div>
  );
}

function tail(stats: RunSummary['badDebt']): string {
  return `VaR 99 % ${formatQuote(stats.var99)} · ES 99 % ${formatQuote(stats.es99)} · max ${formatQuote(stats.max)}`;
}

const NONE = '—';

/** The run's headline numbers: how often and how much loss is socialized, and what came before it. */
export function HeadlineMetrics() {
  const summary = useAppStore(selectSummary);
  const status = useAppStore(selectStatus);
  // While a run is in flight, or after one failed, the numbers shown belong to the last run that finished.
  const stale = status === 'running' || status === 'error';
  const showTail = useAppStore(selectShowTailStats);

  return (
    <section aria-labelledby="results-heading" aria-busy={status === 'running'}>
      <div className="results-heading">
        <h2 id="results-heading">Results</h2>
        <label className="toggle">
          <input
            type="checkbox"
            checked={showTail}
            onChange={(event) => appStore.getState().setShowTailStats(event.target.checked)}
          />
          Show tail statistics
        </label>
      </div>
      {summary && status === 'error' && <p className="previous-run">Showing the last run that finished.</p>}
      <dl className={stale ? 'metrics stale' : 'metrics'}>
        <Metric
          testId="metric-pSocialized"
          label="Paths with socialized loss"
          value={summary ? formatPercent(summary.pSocialized) : NONE}
          detail={
            summary
              ? `95 % CI ${formatPercent(summary.pSocializedCI[0])} – ${formatPercent(summary.pSocializedCI[1])}`
              : undefined
          }
        />
        <Metric
          testId="metric-socializedLoss-mean"
          label="Socialized loss, mean per path (quote)"
          value={summary ? formatQuote(summary.socializedLoss.mean) : NONE}
          detail={summary && showTail ? tail(summary.socializedLoss) : undefined}
        />
        <Metric
          testId="metric-badDebt-mean"
          label="Bad debt, mean per path (quote)"
          value={summary ? formatQuote(summary.badDebt.mean) : NONE}
          detail={summary && showTail ? tail(summary.badDebt) : undefined}
        />
        <Metric
          testId="metric-fundDraw-mean"
          label="Insurance-fund draw, mean per path (quote)"
          value={summary ? formatQuote(summary.fundDraw.mean) : NONE}
          detail={summary && showTail ? tail(summary.fundDraw) : undefined}
        />
        <Metric
          testId="metric-liquidations"
          label="Liquidations, mean per path"
          value={summary ? formatCount(summary.liquidations) : NONE}
          detail={summary ? `${formatQuote(summary.liquidatedNotional)} quote liquidated` : undefined}
        />
      </dl>
      {summary && (
        <p
          className={`ledger ${summary.ledgerBalanced ? 'ok' : 'broken'}${stale ? ' stale' : ''}`}
          data-testid="ledger-check"
        >
          {summary.ledgerBalanced
            ? `Ledger balanced on all ${summary.paths.toLocaleString('en-US')} paths: bad debt = fund draw + socialized loss + vault loss + uncovered.`
            : 'Ledger NOT balanced on every path — these numbers cannot be trusted. Please report this run.'}
        </p>
      )}
    </section>
  );
}
