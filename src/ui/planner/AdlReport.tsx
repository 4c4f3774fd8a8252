import { useEffect } from 'react';
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { appStore, useAppStore } from '../../state/useAppStore';
import { AXIS_TICK, ChartCard, COLORS } from '../charts/ChartCard';
import { formatPercent } from '../format';
import { AdlComparison } from './AdlComparison';
import { adlChartRows, formatUsdMillions, type AdlChartRow } from './plannerRows';

const CSV_URL = `${import.meta.env.BASE_URL}data/chitra-adl/policy_per_wave_metrics.csv`;
const SOURCE = 'https://github.com/pluriholonomic/autodeleveraging-analysis';
const STYLE = { width: '100%', height: 300 } as const;
const PRO_RATA = '#0f766e';

function AdlTooltip({ active, payload }: TooltipContentProps) {
  const row = active && payload && payload.length > 0 ? (payload[0]!.payload as AdlChartRow) : null;
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <strong>
        Wave {row.wave} · {row.time} UTC
      </strong>
      <div>needed ${row.needed.toFixed(3)}M</div>
      <div>production ADL took ${row.production.toFixed(3)}M</div>
      <div>pro-rata would take ${row.proRata.toFixed(3)}M</div>
      <div>overshoot (production − needed) ${row.overshoot.toFixed(3)}M</div>
      <div>largest single-winner haircut (production) {formatPercent(row.maxHaircutProduction)}</div>
    </div>
  );
}

/** Hyperliquid, 10 Oct 2025: per ADL wave, what had to be covered against what production ADL and pro-rata take. */
export function AdlReport() {
  const loaded = useAppStore((s) => s.adlReport);
  // The bundled file is fetched once per page; the store parses and keeps it.
  useEffect(() => {
    if (appStore.getState().adlReport.kind === 'ready') return;
    fetch(CSV_URL)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.text();
      })
      .then(
        (text) => appStore.getState().readAdlWaves(text),
        (error: unknown) => appStore.getState().adlWavesUnavailable(error instanceof Error ? error.message : String(error)),
      );
  }, []);

  const report = loaded.kind === 'ready' ? loaded.report : null;
  const t = report?.totals;
  const rows = report ? adlChartRows(report) : [];
  return (
    <section className="panel planner-section" aria-labelledby="adl-heading">
      <h2 id="adl-heading" className="panel-heading">
        ADL policy report: Hyperliquid, 10 Oct 2025
      </h2>
      <p className="panel-intro">
        In the crash of 10 October 2025 Hyperliquid auto-deleveraged profitable traders in {t ? t.waves : 16} waves between 21:16 and 21:25 UTC. Per wave: the loss that had to be covered, what production ADL actually took from
        winners, and what a pro-rata haircut of winners’ wealth would have taken.
      </p>
      <ChartCard
        id="adl-chart"
        title="Budget needed vs taken, per wave (USD millions)"
        wide
        empty={loaded.kind === 'loading' ? 'Loading the per-wave data…' : loaded.kind === 'ready' ? null : `The ADL report is unavailable: ${loaded.message}`}
        caption={
          t ? (
            <span data-testid="adl-totals">
              Totals over {t.waves} waves: needed <strong data-testid="adl-total-needed">{formatUsdMillions(t.needed)}</strong>, production ADL took{' '}
              <strong data-testid="adl-total-production">{formatUsdMillions(t.production)}</strong> — an overshoot of{' '}
              <strong data-testid="adl-total-overshoot">{formatUsdMillions(t.overshootProduction)}</strong>; pro-rata would take {formatUsdMillions(t.proRata)} (overshoot{' '}
              {formatUsdMillions(t.overshootProRata)}). Largest single-winner haircut: {formatPercent(t.maxHaircutProduction)} of equity under production ADL, {formatPercent(t.maxHaircutProRata)} under pro-rata. Data:{' '}
              <a href={SOURCE}>Chitra, Xu, Thogiti, Trujillo, autodeleveraging-analysis</a> (policy_per_wave_metrics.csv, MIT licence), behind T. Chitra, <cite>Autodeleveraging: Impossibilities and Optimization</cite>{' '}
              (arXiv:2512.01112).
            </span>
          ) : (
            'Per-wave ADL budgets from Chitra et al. (MIT licence).'
          )
        }
      >
        <ul className="adl-legend" aria-label="Legend">
          <li>
            <span className="legend-box" style={{ background: COLORS.uncovered }} /> needed
          </li>
          <li>
            <span className="legend-box" style={{ background: COLORS.socialized }} /> production ADL took
          </li>
          <li>
            <span className="legend-box" style={{ background: PRO_RATA }} /> pro-rata would take
          </li>
          <li>
            <span className="legend-swatch" style={{ background: COLORS.badDebt }} /> overshoot (production − needed)
          </li>
        </ul>
        <ComposedChart data={rows} style={STYLE} responsive margin={{ top: 8, right: 14, bottom: 24, left: 4 }} aria-label="ADL budget per wave" accessibilityLayer={false} role="img">
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis dataKey="wave" tick={AXIS_TICK} label={{ value: 'wave', position: 'insideBottom', offset: -14, fill: COLORS.axis, fontSize: 12 }} />
          <YAxis tick={AXIS_TICK} width={44} tickFormatter={(v: number) => (v < 0 ? `−$${-v}M` : `$${v}M`)} />
          <Tooltip content={AdlTooltip} />
          <Bar dataKey="needed" name="needed" fill={COLORS.uncovered} isAnimationActive={false} />
          <Bar dataKey="production" name="production ADL" fill={COLORS.socialized} isAnimationActive={false} />
          <Bar dataKey="proRata" name="pro-rata" fill={PRO_RATA} isAnimationActive={false} />
          <Line dataKey="overshoot" name="overshoot (production − needed)" stroke={COLORS.badDebt} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </ComposedChart>
      </ChartCard>
      {loaded.kind === 'ready' ? <AdlComparison waves={loaded.waves} estimates={loaded.estimates} scope={loaded.scope} comparison={loaded.comparison} /> : null}
    </section>
  );
}
