import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatInteger, formatPercent, formatQuote } from '../format';
import { AxisTick } from './WrappedTick';
import { CHART_HEIGHT, CHART_MARGIN, COLORS } from './ChartCard';
import type { HistogramRow } from './chartRows';

const STYLE = { width: '100%', height: CHART_HEIGHT } as const;
const LOG_DOMAIN = [0.8, 'auto'] as const;
const HISTOGRAM_MARGIN = { ...CHART_MARGIN, top: 18 } as const;
/** Counts on the bars (empty bins unlabelled, so the labels stay readable). */
const countLabel = (value: unknown) => (typeof value === 'number' && value > 0 ? formatInteger(value) : '');
const X_LABEL = { value: 'socialized loss per path (quote, log-spaced bins)', position: 'insideBottom', offset: -14, fill: COLORS.axis, fontSize: 12 } as const;

function HistogramTooltip({ active, payload }: TooltipContentProps) {
  const row = active && payload && payload.length > 0 ? (payload[0]!.payload as HistogramRow) : null;
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{row.zero ? 'no socialized loss' : `${formatQuote(row.lo)} – ${formatQuote(row.hi)} quote`}</strong>
      <div>
        {formatInteger(row.count)} paths ({formatPercent(row.share)})
      </div>
    </div>
  );
}

/** Paths by socialized loss: a grey bar for paths with none, then log-spaced bins; counts linear or log. */
export const LossHistogram = memo(function LossHistogram({ rows, log, label }: { rows: HistogramRow[]; log: boolean; label: string }) {
  const interval = Math.max(0, Math.ceil(rows.length / 6) - 1);
  return (
    <BarChart data={rows} style={STYLE} responsive margin={HISTOGRAM_MARGIN} barCategoryGap={1} aria-label={label} accessibilityLayer={false} role="img">
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis dataKey="label" tick={AxisTick} interval={interval} label={X_LABEL} />
      <YAxis
        tick={AxisTick}
        interval={0}
        width={52}
        allowDecimals={false}
        scale={log ? 'log' : 'auto'}
        domain={log ? LOG_DOMAIN : undefined}
        allowDataOverflow={log}
        tickFormatter={formatInteger}
      />
      <Tooltip content={HistogramTooltip} />
      <Bar dataKey="plotted" isAnimationActive={false} name="paths">
        {rows.map((row) => (
          <Cell key={row.key} fill={row.zero ? COLORS.zero : COLORS.socialized} />
        ))}
        <LabelList dataKey="count" position="top" fontSize={10} fill={COLORS.axis} formatter={countLabel} />
      </Bar>
    </BarChart>
  );
});
