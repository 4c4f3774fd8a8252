import { memo, useMemo } from 'react';
import { CartesianGrid, ComposedChart, Line, Scatter, Tooltip, XAxis, YAxis, ZAxis, type TooltipContentProps } from 'recharts';
import { formatCompact, formatQuote } from '../format';
import { AxisTick } from './WrappedTick';
import { CHART_HEIGHT, CHART_MARGIN, COLORS } from './ChartCard';
import { hourAxis, type LiquidationMarker, type PricePoint } from './chartRows';

export const SAMPLE_PATH_HEIGHT = CHART_HEIGHT + 40;
const STYLE = { width: '100%', height: SAMPLE_PATH_HEIGHT } as const;
const X_LABEL = { value: 'hours', position: 'insideBottom', offset: -14, fill: COLORS.axis, fontSize: 12 } as const;
const Y_DOMAIN = ['auto', 'auto'] as const;
const Z_RANGE: [number, number] = [24, 420];
const hoursTick = (h: number) => `${Number(h.toFixed(2))}`;

function PathTooltip({ active, payload }: TooltipContentProps) {
  if (!active || !payload || payload.length === 0) return null;
  const point = payload[0]!.payload as PricePoint & Partial<LiquidationMarker>;
  return (
    <div className="chart-tooltip">
      <strong>hour {Number(point.hours.toFixed(2))}</strong>
      <div>price {formatQuote(point.price)}</div>
      {point.notional !== undefined && <div>{formatQuote(point.notional)} quote liquidated</div>}
    </div>
  );
}

/** One simulated path: the price, and a marker (sized by notional) wherever liquidations happened. */
export const SamplePathChart = memo(function SamplePathChart({
  line,
  markers,
  label,
}: {
  line: PricePoint[];
  markers: LiquidationMarker[];
 
  label: string;
}) {
  const lastHours = line.length > 0 ? line[line.length - 1]!.hours : 0;
  const axis = useMemo(() => hourAxis(lastHours), [lastHours]);
  return (
    <ComposedChart style={STYLE} responsive margin={CHART_MARGIN} aria-label={label} accessibilityLayer={false} role="img">
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis dataKey="hours" type="number" domain={axis.domain} ticks={axis.ticks} interval={0} tick={AxisTick} tickFormatter={hoursTick} label={X_LABEL} />
      <YAxis dataKey="price" type="number" domain={Y_DOMAIN} tick={AxisTick} interval={0} tickFormatter={formatCompact} width={52} />
      <ZAxis dataKey="notional" type="number" range={Z_RANGE} />
      <Tooltip content={PathTooltip} />
      <Line data={line} dataKey="price" stroke={COLORS.price} strokeWidth={1.5} dot={false} isAnimationActive={false} name="price" />
      <Scatter data={markers} dataKey="price" fill={COLORS.badDebt} fillOpacity={0.55} stroke={COLORS.badDebt} isAnimationActive={false} name="liquidations" />
    </ComposedChart>
  );
});
