import type { ReactNode } from 'react';
import type { RunSummary } from '../../engine/metrics/summarizeRun';
import { selectParams, selectProgress, selectShowTailStats, selectStale, selectStatus, selectSummary } from '../../state/selectors';
import type { Interval } from '../../engine/metrics/tailSummary';
import type { RunStatus } from '../../state/runContract';
import { appStore, useAppStore } from '../../state/useAppStore';
import { PopulationIntervalPanel } from './PopulationIntervalPanel';
import { PrecisionPanel } from './PrecisionPanel';
import { RareEventPanel } from './RareEventPanel';
import { formatCount, formatHorizon, formatInteger, formatPaths, formatPercent, formatQuote } from '../format';

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

type Stat = 'badDebt' | 'fundDraw' | 'socializedLoss';

function range(i: Interval | undefined, format: (v: number) => string = formatQuote): string {
  return i ? ` (95 % interval ${format(i[0])} – ${format(i[1])})` : '';
}

function tail(s: RunSummary, key: Stat): string {
  const stats = s[key];
  const ci = s.tail?.intervals[key];
  return `VaR 99 % ${formatQuote(stats.var99)}${range(ci?.var99)} · ES 95 % ${formatQuote(stats.es95)}${range(ci?.es95)} · max ${formatQuote(stats.max)}`;
}

/** VaR, ES and max of a per-path result the bootstrap does not cover (open deficit, vault result, overshoot). */
function plainTail(stats: { var99: number; es95: number; max: number }): string {
  return `VaR 99 % ${formatQuote(stats.var99)} · ES 95 % ${formatQuote(stats.es95)} · max ${formatQuote(stats.max)}`;
}

/** The 95 % interval of a headline mean, on its own line under the number (data-lo / data-hi for tests). */
function MeanInterval({ testId, interval, format = formatQuote }: { testId: string; interval: Interval | undefined; format?: (v: number) => string }) {
  if (!interval) return null;
  return (
    <span className="metric-interval" data-testid={`${testId}-ci`} data-lo={String(interval[0])} data-hi={String(interval[1])}>
      95 % interval {format(interval[0])} – {format(interval[1])}.{' '}
    </span>
  );
}

const NONE = '—';

/**
 * What the numbers are over, with the run's progress while it streams. Its own component: progress changes with
 * every chunk, and only this line reads it — the rest of the headline re-renders when the summary does.
 */
function MetricsHorizon({ summary: s, status, horizon }: { summary: RunSummary | null; status: RunStatus; horizon: string }) {
  const progress = useAppStore(selectProgress);
  return (
    <p className="horizon" data-testid="metrics-horizon">
      {s
        ? `Each number is over ${horizon} of trading, across ${status === 'running' && progress ? `the first ${formatPaths(s.paths)} in path order (${formatInteger(progress.pathsDone)} of ${formatInteger(progress.pathsTotal)} done; the numbers follow as the paths before them finish)` : formatPaths(s.paths)}. Money is in quote (e.g. USDC); intervals are 95 % (${s.tail ? 'bootstrap over the paths' : 'Wilson'}).`
        : 'The numbers appear when the first run finishes.'}
    </p>
  );
}

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
      <MetricsHorizon summary={s} status={status} horizon={horizon} />
      {s && dim && (
        <p className="previous-run">{status === 'error' ? 'Showing the last run that finished.' : 'Showing the previous parameters’ results until the new run reports.'}</p>
      )}
      {!dim && <RareEventPanel />}
      <dl className={dim ? 'metrics stale' : 'metrics'}>
        <Metric testId="metric-pSocialized" label="Paths with socialized loss" raw={s ? s.pSocialized : null} value={s ? formatPercent(s.pSocialized) : NONE}>
          {s && (
            <>
              Path-only 95 % interval (Wilson) {formatPercent(s.pSocializedCI[0])} – {formatPercent(s.pSocializedCI[1])}.{' '}
              <span className="plain">Share of simulated {horizon === 'one day' ? 'days' : 'paths'} on which traders who were not liquidated lost money to cover others.</span>{' '}
              <PopulationIntervalPanel />
            </>
          )}
        </Metric>
        <Metric testId="metric-socializedLoss-mean" label="Socialized loss, mean per path" raw={s ? s.socializedLoss.mean : null} value={s ? formatQuote(s.socializedLoss.mean) : NONE} unit="quote">
          {s && (
            <>
              <MeanInterval testId="metric-socializedLoss-mean" interval={s.tail?.intervals.socializedLoss.mean} />
              <span data-testid="metric-socializedLoss-es99" data-value={String(s.socializedLoss.es99)}>
                Worst 1 % of paths: {formatQuote(s.socializedLoss.es99)} on average (ES 99 %{range(s.tail?.intervals.socializedLoss.es99).replace(' (', ', ').replace(')', '')}).
              </span>{' '}
              <span className="plain">Haircuts and ADL losses imposed on traders, over {horizon}.</span>
              {showTail && <span className="tail"> {tail(s, 'socializedLoss')}</span>}
            </>
          )}
        </Metric>
        <Metric testId="metric-badDebt-mean" label="Bad debt, mean per path" raw={s ? s.badDebt.mean : null} value={s ? formatQuote(s.badDebt.mean) : NONE} unit="quote">
          {s && (
            <>
              <MeanInterval testId="metric-badDebt-mean" interval={s.tail?.intervals.badDebt.mean} />
              <span className="plain">Deficits of accounts closed past their bankruptcy price, before anyone covers them.</span>
              {showTail && <span className="tail"> {tail(s, 'badDebt')}</span>}
            </>
          )}
        </Metric>
        <Metric testId="metric-openDeficit-mean" label="Open deficit at the horizon, mean per path" raw={s ? s.openDeficit.mean : null} value={s ? formatQuote(s.openDeficit.mean) : NONE} unit="quote">
          {s && (
            <>
              <MeanInterval testId="metric-openDeficit-mean" interval={s.tail?.intervals.openDeficit} />
              <span className="plain">Negative equity of accounts still open at the last step (waiting for keepers, a slice or a lagging oracle): a deficit not yet settled, not in bad debt.</span>
              {showTail && <span className="tail"> {plainTail(s.openDeficit)}</span>}
            </>
          )}
        </Metric>
        <Metric testId="metric-fundDraw-mean" label="Insurance-fund draw, mean per path" raw={s ? s.fundDraw.mean : null} value={s ? formatQuote(s.fundDraw.mean) : NONE} unit="quote">
          {s && (
            <>
              <MeanInterval testId="metric-fundDraw-mean" interval={s.tail?.intervals.fundDraw.mean} />
              <span data-testid="metric-fundDepleted" data-value={String(s.fundDepletedShare)}>
                Fund emptied on {formatPercent(s.fundDepletedShare)} of paths
                {s.tail?.intervals.fundDepleted && (
                  <span data-testid="metric-fundDepleted-ci" data-lo={String(s.tail.intervals.fundDepleted[0])} data-hi={String(s.tail.intervals.fundDepleted[1])}>
                    {' '}
                    (95 % interval {formatPercent(s.tail.intervals.fundDepleted[0])} – {formatPercent(s.tail.intervals.fundDepleted[1])}, Wilson)
                  </span>
                )}
                .
              </span>{' '}
              <span className="plain">What the fund paid toward bad debt.</span>
              {s.tail && s.tail.fundInflowMean > 0 && (
                <span className="plain" data-testid="metric-fundInflow" data-value={String(s.tail.fundInflowMean)}>
                  {' '}
                  Liquidation penalties paid {formatQuote(s.tail.fundInflowMean)} quote per path into the fund, so on some paths it pays out more than it started with ({formatQuote(Number(params.insuranceFund.initial))}).
                </span>
              )}
              {showTail && <span className="tail"> {tail(s, 'fundDraw')}</span>}
            </>
          )}
        </Metric>
        <Metric testId="metric-liquidations" label="Liquidations per path" raw={s ? s.liquidations : null} value={s ? formatCount(s.liquidations) : NONE}>
          {s && (
            <>
              <MeanInterval testId="metric-liquidations" interval={s.tail?.intervals.liquidations} format={formatCount} />
              {formatQuote(s.liquidatedNotional)} quote of notional closed per path on average.{' '}
              {s.accountsHitMean > 0 && <span className="plain">{formatCount(s.accountsHitMean)} traders per path bore a socialized loss.</span>}
            </>
          )}
        </Metric>
        <Metric testId="metric-adlNotional" label="ADL notional, mean per path" raw={s ? s.adlNotional : null} value={s ? formatQuote(s.adlNotional) : NONE} unit="quote">
          {s && (
            <>
              <MeanInterval testId="metric-adlNotional" interval={s.tail?.intervals.adlNotional} />
              <span className="plain">
                {params.lossMechanism.kind === 'adl'
                  ? 'Winning positions closed by auto-deleveraging to cover deficits.'
                  : 'Winning positions closed by auto-deleveraging (zero unless the loss mechanism is ADL).'}
              </span>
            </>
          )}
        </Metric>
        {s && params.lossMechanism.kind === 'backstop' && (
          <Metric testId="metric-vaultPnl-mean" label="Backstop vault result, mean per path" raw={s.vaultPnl.mean} value={formatQuote(s.vaultPnl.mean)} unit="quote">
            <MeanInterval testId="metric-vaultPnl-mean" interval={s.tail?.intervals.vaultPnl} />
            <span className="plain">
              What the vault made (+) or lost (−) on the positions it took over, deficits included, inventory marked at the end of {horizon}.
            </span>
            {showTail && <span className="tail"> {plainTail(s.vaultPnl)}</span>}
          </Metric>
        )}
        {s && params.lossMechanism.kind === 'adl' && (
          <Metric testId="metric-adlOvershoot-mean" label="ADL overshoot, mean per path" raw={s.adlOvershoot.mean} value={formatQuote(s.adlOvershoot.mean)} unit="quote">
            <MeanInterval testId="metric-adlOvershoot-mean" interval={s.tail?.intervals.adlOvershoot} />
            <span className="plain">Profit that ADL took from winners beyond what was needed to cover the bankrupt positions (full-size or mark-price closes).</span>
            {showTail && <span className="tail"> {plainTail(s.adlOvershoot)}</span>}
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
      <PrecisionPanel />
    </section>
  );
}
