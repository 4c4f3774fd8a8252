import type { ReactNode } from 'react';
import type { RunSummary } from '../../engine/metrics/summarizeRun';
import { selectParams, selectShowTailStats, selectStale, selectStatus, selectSummary } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatCount, formatHorizon, formatPaths, formatPercent, formatQuote } from '../format';

interface MetricProps {
  testId: string;
  label: string;
  /** The raw number, unformatted, for tests and tools (data-value). */
  raw: number | null;
  value: string;
  unit?: string;
  children?: ReactNode;
}

function Metric({ testId, label, raw, value, unit, children }: MetricProps) {
  return (
    <div className="metric">
      <dt>{label}</dt>
      <dd className="metric-value-line">
        <span data-testid={testId} data-value={raw === null ? undefined : String(raw)} className="metric-value">
          {value}
        </span>
        {unit && raw !== null && <span className="metric-unit"> {unit}</span>}
      </dd>
      {children && <dd className="metric-detail">{children}</dd>}
    </div>
  );
}

function tail(stats: RunSummary['badDebt']): string {
  return `VaR 99 % ${formatQuote(stats.var99)} · ES 95 % ${formatQuote(stats.es95)} · max ${formatQuote(stats.max)}`;
}

const NONE = '—';

/** The run's headline numbers: how often and how much loss is socialized, and what came before it. */
export function HeadlineMetrics() {
  const summary = useAppStore(selectSummary);
  const status = useAppStore(selectStatus);
  const stale = useAppStore(selectStale);
  const showTail = useAppStore(selectShowTailStats);
  const params = useAppStore(selectParams);
  const horizon = formatHorizon(params.market.steps, params.market.stepSeconds);
  const dim = stale || status === 'error';

  const s = summary;
  return (
    <section aria-labelledby="results-heading" aria-busy={status === 'running'} className="headline">
      <div className="results-heading">
        <h2 id="results-heading">Results</h2>
        <label className="toggle">
          <input type="checkbox" checked={showTail} onChange={(event) => appStore.getState().setShowTailStats(event.target.checked)} />
          Show tail statistics
        </label>
      </div>
      <p className="horizon" data-testid="metrics-horizon">
        {s
          ? `Each number is over ${horizon} of trading, across ${formatPaths(s.paths)}${status === 'running' ? ' so far' : ''}. Money is in quote (e.g. USDC).`
          : 'The numbers appear when the first run finishes.'}
      </p>
      {s && dim && (
        <p className="previous-run">{status === 'error' ? 'Showing the last run that finished.' : 'Showing the previous parameters’ results until the new run reports.'}</p>
      )}
      <dl className={dim ? 'metrics stale' : 'metrics'}>
        <Metric testId="metric-pSocialized" label="Paths with socialized loss" raw={s ? s.pSocialized : null} value={s ? formatPercent(s.pSocialized) : NONE}>
          {s && (
            <>
              95 % interval {formatPercent(s.pSocializedCI[0])} – {formatPercent(s.pSocializedCI[1])}.{' '}
              <span className="plain">Share of simulated {horizon === 'one day' ? 'days' : 'paths'} on which traders who were not liquidated lost money to cover others.</span>
            </>
          )}
        </Metric>
        <Metric testId="metric-socializedLoss-mean" label="Socialized loss, mean per path" raw={s ? s.socializedLoss.mean : null} value={s ? formatQuote(s.socializedLoss.mean) : NONE} unit="quote">
          {s && (
            <>
              <span data-testid="metric-socializedLoss-es99" data-value={String(s.socializedLoss.es99)}>
                Worst 1 % of paths: {formatQuote(s.socializedLoss.es99)} on average (ES 99 %).
              </span>{' '}
              <span className="plain">Haircuts and ADL losses imposed on traders, over {horizon}.</span>
              {showTail && <span className="tail"> {tail(s.socializedLoss)}</span>}
            </>
          )}
        </Metric>
        <Metric testId="metric-badDebt-mean" label="Bad debt, mean per path" raw={s ? s.badDebt.mean : null} value={s ? formatQuote(s.badDebt.mean) : NONE} unit="quote">
          {s && (
            <>
              <span className="plain">Deficits of accounts closed past their bankruptcy price, before anyone covers them.</span>
              {showTail && <span className="tail"> {tail(s.badDebt)}</span>}
            </>
          )}
        </Metric>
        <Metric testId="metric-fundDraw-mean" label="Insurance-fund draw, mean per path" raw={s ? s.fundDraw.mean : null} value={s ? formatQuote(s.fundDraw.mean) : NONE} unit="quote">
          {s && (
            <>
              Fund emptied on {formatPercent(s.fundDepletedShare)} of paths.{' '}
              <span className="plain">What the fund paid toward bad debt.</span>
              {showTail && <span className="tail"> {tail(s.fundDraw)}</span>}
            </>
          )}
        </Metric>
        <Metric testId="metric-liquidations" label="Liquidations per path" raw={s ? s.liquidations : null} value={s ? formatCount(s.liquidations) : NONE}>
          {s && (
            <>
              {formatQuote(s.liquidatedNotional)} quote of notional closed per path on average.{' '}
              {s.accountsHitMean > 0 && <span className="plain">{formatCount(s.accountsHitMean)} traders per path bore a socialized loss.</span>}
            </>
          )}
        </Metric>
        {s && params.lossMechanism.kind === 'backstop' && (
          <Metric testId="metric-vaultPnl-mean" label="Backstop vault result, mean per path" raw={s.vaultPnl.mean} value={formatQuote(s.vaultPnl.mean)} unit="quote">
            <span className="plain">
              What the vault made (+) or lost (−) on the positions it took over, deficits included, inventory marked at the end of {horizon}.
            </span>
            {showTail && <span className="tail"> {tail(s.vaultPnl)}</span>}
          </Metric>
        )}
        {s && params.lossMechanism.kind === 'adl' && (
          <Metric testId="metric-adlOvershoot-mean" label="ADL overshoot, mean per path" raw={s.adlOvershoot.mean} value={formatQuote(s.adlOvershoot.mean)} unit="quote">
            <span className="plain">Profit that ADL took from winners beyond what was needed to cover the bankrupt positions (full-size or mark-price closes).</span>
            {showTail && <span className="tail"> {tail(s.adlOvershoot)}</span>}
          </Metric>
        )}
      </dl>
      {s && (
        <p className={`ledger ${s.ledgerBalanced ? 'ok' : 'broken'}${dim ? ' stale' : ''}`} data-testid="ledger-check">
          {s.ledgerBalanced
            ? `Ledger balanced on all ${formatPaths(s.paths)}: bad debt = fund draw + socialized loss + vault loss + uncovered, to the smallest unit.`
            : 'Ledger NOT balanced on every path — these numbers cannot be trusted. Please report this run.'}
        </p>
      )}
    </section>
  );
}
