import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatCompact, formatPercent, formatQuote } from '../format';
import { AxisTick } from './WrappedTick';
import { CHART_HEIGHT, CHART_MARGIN, COLORS } from './ChartCard';
import type { BurdenRow } from './chartRows';

const STYLE = { width: '100%', height: CHART_HEIGHT } as const;
const X_LABEL = { value: 'trader size decile (D1 = smallest positions)', position: 'insideBottom', offset: -14, fill: COLORS.axis, fontSize: 12 } as const;

function BurdenTooltip({ active, payload }: TooltipContentProps) {
  const row = active && payload && payload.length > 0 ? (payload[0]!.payload as BurdenRow) : null;
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <strong>decile {row.decile}</strong>
      <div>{formatQuote(row.meanQuote)} quote per path</div>
      <div>{formatPercent(row.share)} of all socialized loss</div>
    </div>
  );
}

/** Mean socialized loss borne per path by each tenth of traders, smallest positions first. */
export const BurdenChart = memo(function BurdenChart({ rows, label }: { rows: BurdenRow[]; label: string }) {
  return (
    <BarChart data={rows} style={STYLE} responsive margin={CHART_MARGIN} aria-label={label} accessibilityLayer={false} role="img">
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis dataKey="label" tick={AxisTick} interval={0} label={X_LABEL} />
      <YAxis tick={AxisTick} interval={0} tickFormatter={formatCompact} width={52} />
      <Tooltip content={BurdenTooltip} />
      <Bar dataKey="meanQuote" fill={COLORS.socialized} isAnimationActive={false} name="quote per path" />
    </BarChart>
  );
});
