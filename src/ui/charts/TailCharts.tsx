// Charts of the tail (issue #21): how rare a large loss is (P(loss ≥ x) on log axes) and when the fund runs dry
// (P(fund empty by hour t) with its 95 % band). Both from summary.tail (engine/metrics/tailSummary.ts).
import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { RunSummary } from '../../engine/metrics/summarizeRun';
import { formatCompact, formatInteger, formatPercent, formatQuote } from '../format';
import { CHART_HEIGHT, CHART_MARGIN, COLORS, StaggeredChartCard, AXIS_TICK, type CardView } from './ChartCard';
import { decadeTicks, exceedanceRows, fundEmptyRows, type ExceedanceRow, type FundEmptyRow } from './tailRows';

const STYLE = { width: '100%', height: CHART_HEIGHT } as const;
const MARGIN = { ...CHART_MARGIN, top: 14, right: 16 } as const;
const X_LOSS = { value: 'loss on a path, quote (log scale)', position: 'insideBottom', offset: -14, fill: COLORS.axis, fontSize: 12 } as const;
const X_HOURS = { value: 'hours', position: 'insideBottom', offset: -14, fill: COLORS.axis, fontSize: 12 } as const;
const percentTick = (p: number) => formatPercent(p);

export const EXCEEDANCE_LEGEND = [
  { color: COLORS.socialized, label: 'socialized loss' },
  { color: COLORS.badDebt, label: 'bad debt' },
] as const;

export const FUND_EMPTY_LEGEND = [
  { color: COLORS.fund, label: 'share of paths whose fund has emptied' },
  { color: '#9bb7e3', label: '95 % interval' },
] as const;

function ExceedanceTooltip({ active, payload }: TooltipContentProps) {
  const row = active && payload && payload.length > 0 ? (payload[0]!.payload as ExceedanceRow) : null;
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{formatQuote(row.x)} quote or more</strong>
      {row.socialized !== null && <div>socialized loss: {formatPercent(row.socialized)} of paths</div>}
      {row.badDebt !== null && <div>bad debt: {formatPercent(row.badDebt)} of paths</div>}
    </div>
  );
}

const ExceedanceChart = memo(function ExceedanceChart({ rows, floor }: { rows: ExceedanceRow[]; floor: number }) {
  const xTicks = useMemo(() => (rows.length > 0 ? decadeTicks(rows[0]!.x, rows[rows.length - 1]!.x) : []), [rows]);
  const yTicks = useMemo(() => decadeTicks(floor, 1), [floor]);
  return (
    <LineChart data={rows} style={STYLE} responsive margin={MARGIN} aria-label="Share of paths whose loss reached at least x, log scales" accessibilityLayer={false} role="img">
      <CartesianGrid stroke={COLORS.grid} />
      <XAxis
        dataKey="x"
        type="number"
        scale="log"
        domain={xTicks.length > 0 ? [xTicks[0]!, xTicks[xTicks.length - 1]!] : ['auto', 'auto']}
        ticks={xTicks}
        interval={0}
        tickFormatter={formatCompact}
        tick={AXIS_TICK}
        label={X_LOSS}
        allowDataOverflow
      />
      <YAxis type="number" scale="log" domain={[yTicks[0] ?? floor, 1]} ticks={yTicks} interval={0} tickFormatter={percentTick} tick={AXIS_TICK} width={56} allowDataOverflow />
      <Tooltip content={ExceedanceTooltip} />
      <Line dataKey="socialized" stroke={COLORS.socialized} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} name="socialized loss" />
      <Line dataKey="badDebt" stroke={COLORS.badDebt} strokeWidth={2} strokeDasharray="5 3" dot={false} connectNulls isAnimationActive={false} name="bad debt" />
    </LineChart>
  );
});

function FundEmptyTooltip({ active, payload }: TooltipContentProps) {
  const row = active && payload && payload.length > 0 ? (payload[0]!.payload as FundEmptyRow) : null;
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <strong>by hour {Number(row.hours.toFixed(2))}</strong>
      <div>
        {formatPercent(row.share)} of paths (95 % interval {formatPercent(row.band[0])} – {formatPercent(row.band[1])})
      </div>
    </div>
  );
}

const FundEmptyChart = memo(function FundEmptyChart({ rows }: { rows: FundEmptyRow[] }) {
  return (
    <ComposedChart data={rows} style={STYLE} responsive margin={MARGIN} aria-label="Share of paths whose insurance fund has emptied, by hour" accessibilityLayer={false} role="img">
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis dataKey="hours" type="number" domain={[0, 'dataMax']} tickFormatter={(h: number) => `${Number(h.toFixed(1))}`} tick={AXIS_TICK} label={X_HOURS} />
      <YAxis tickFormatter={percentTick} tick={AXIS_TICK} width={56} domain={[0, 'auto']} />
      <Tooltip content={FundEmptyTooltip} />
      <Area dataKey="band" stroke="none" fill={COLORS.fund} fillOpacity={0.2} isAnimationActive={false} name="95 % interval" />
      <Line dataKey="share" stroke={COLORS.fund} strokeWidth={2} dot={false} type="stepAfter" isAnimationActive={false} name="fund emptied" />
    </ComposedChart>
  );
});

// Mounted from no rows before the first results (StaggeredChartCard's standby).
const EXCEEDANCE_STANDBY = <ExceedanceChart rows={[]} floor={1e-3} />;
const FUND_EMPTY_STANDBY = <FundEmptyChart rows={[]} />;

/** The two tail cards; `waiting` is the sentence shown before the first summary. */
export function TailCharts({ summary, stepSeconds, live, waiting }: { summary: RunSummary | null; stepSeconds: number; live: boolean; waiting: string }) {
  const tail = summary?.tail;
  const exceedance = useMemo(() => (tail ? exceedanceRows(tail.exceedance.socializedLoss, tail.exceedance.badDebt) : null), [tail]);
  const fundEmpty = useMemo(() => (tail ? fundEmptyRows(tail.fundEmpty, stepSeconds) : null), [tail, stepSeconds]);
  const paths = summary?.paths ?? 0;

  const exceedanceCard = useMemo((): CardView => {
    const s = tail?.exceedance;
    const empty = !summary ? waiting : !s ? 'This run’s results carry no tail detail.' : s.badDebt.positive === 0 ? 'No path had any bad debt, so there is no tail to draw.' : null;
    const caption = s
      ? `Share of the ${formatInteger(paths)} paths whose loss reached at least x, both axes logarithmic: the curve starts at the share of paths with any loss (socialized ${formatPercent(s.socializedLoss.positive / paths)}, bad debt ${formatPercent(s.badDebt.positive / paths)}) and ends at the single worst path (1 in ${formatInteger(paths)}). A flatter curve means a heavier tail.`
      : 'How rare a large loss is.';
    return { empty, caption, chart: exceedance && !empty ? <ExceedanceChart rows={exceedance.rows} floor={exceedance.floor} /> : null };
  }, [summary, tail, exceedance, paths, waiting]);

  const fundEmptyCard = useMemo((): CardView => {
    const f = tail?.fundEmpty;
    const last = f && f.share.length > 0 ? f.share[f.share.length - 1]! : 0;
    const empty = !summary ? waiting : !f ? 'This run’s results carry no tail detail.' : last === 0 ? 'The insurance fund never emptied on any path.' : null;
    const caption = f
      ? `Share of paths whose insurance fund had been emptied paying a deficit by each hour (it may refill from penalties afterwards), with its 95 % (Wilson) interval; ${formatPercent(last)} by the end. The fund-balance bands above can stay off zero while this is a few per cent: they show 9 paths in 10.`
      : 'When the fund runs dry.';
    return { empty, caption, chart: fundEmpty && !empty ? <FundEmptyChart rows={fundEmpty} /> : null };
  }, [summary, tail, fundEmpty, waiting]);

  return (
    <>
      <StaggeredChartCard id="chart-exceedance" title="How rare is a large loss? P(loss ≥ x)" view={exceedanceCard} live={live} legend={[...EXCEEDANCE_LEGEND]} standby={EXCEEDANCE_STANDBY} />
      <StaggeredChartCard id="chart-fund-empty" title="When the fund runs dry: P(fund emptied by hour t)" view={fundEmptyCard} live={live} legend={[...FUND_EMPTY_LEGEND]} standby={FUND_EMPTY_STANDBY} />
    </>
  );
}
