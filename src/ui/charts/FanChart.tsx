import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatCompact, formatQuote } from '../format';
import { AxisTick } from './WrappedTick';
import { CHART_HEIGHT, CHART_MARGIN, COLORS } from './ChartCard';
import { hourAxis, type FanRow } from './chartRows';

const STYLE = { width: '100%', height: CHART_HEIGHT } as const;
const hoursTick = (h: number) => `${Number(h.toFixed(2))}`;
const X_LABEL = { value: 'hours', position: 'insideBottom', offset: -14, fill: COLORS.axis, fontSize: 12 } as const;

function FanTooltip({ active, payload }: TooltipContentProps) {
  const row = active && payload && payload.length > 0 ? (payload[0]!.payload as FanRow) : null;
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <strong>hour {Number(row.hours.toFixed(2))}</strong>
      <div>median {formatQuote(row.p50)}</div>
      <div>middle half {formatQuote(row.p25)} – {formatQuote(row.p75)}</div>
      <div>9 paths in 10 {formatQuote(row.p5)} – {formatQuote(row.p95)}</div>
    </div>
  );
}

/** 5–95 % and 25–75 % bands across paths with the median line, x in hours. */
export const FanChart = memo(function FanChart({ rows, color, label }: { rows: FanRow[]; color: string; label: string }) {
  const lastHours = rows.length > 0 ? rows[rows.length - 1]!.hours : 0;
  const axis = useMemo(() => hourAxis(lastHours), [lastHours]);
  return (
    <ComposedChart data={rows} style={STYLE} responsive margin={CHART_MARGIN} aria-label={label} accessibilityLayer={false} role="img">
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis dataKey="hours" type="number" domain={axis.domain} ticks={axis.ticks} interval={0} tickFormatter={hoursTick} tick={AxisTick} label={X_LABEL} />
      <YAxis tickFormatter={formatCompact} tick={AxisTick} interval={0} width={52} />
      <Tooltip content={FanTooltip} />
      <Area dataKey="outer" stroke="none" fill={color} fillOpacity={0.15} isAnimationActive={false} name="5–95 %" />
      <Area dataKey="inner" stroke="none" fill={color} fillOpacity={0.3} isAnimationActive={false} name="25–75 %" />
      <Line dataKey="p50" stroke={color} strokeWidth={2} dot={false} isAnimationActive={false} name="median" />
    </ComposedChart>
  );
});
