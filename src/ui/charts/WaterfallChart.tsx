import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatCompact, formatPercent, formatQuote } from '../format';
import { CHART_HEIGHT, CHART_MARGIN, COLORS } from './ChartCard';
import type { WaterfallKey, WaterfallRow } from './chartRows';
import { AxisTick, WrappedTick } from './WrappedTick';

const STYLE = { width: '100%', height: CHART_HEIGHT } as const;
const MARGIN = { ...CHART_MARGIN, top: 18 } as const;
const FILL: Record<WaterfallKey, string> = {
  badDebt: COLORS.badDebt,
  fundDraw: COLORS.fund,
  socializedLoss: COLORS.socialized,
  vaultLoss: COLORS.vault,
  uncovered: COLORS.uncovered,
};
const valueLabel = (v: unknown) => (typeof v === 'number' ? formatCompact(v) : '');

function WaterfallTooltip({ active, payload }: TooltipContentProps) {
  const row = active && payload && payload.length > 0 ? (payload[0]!.payload as WaterfallRow & { total: number }) : null;
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{row.label}</strong>
      <div>
        {formatQuote(row.value)} quote per path{row.kind === 'part' && row.total > 0 ? ` (${formatPercent(row.value / row.total)} of bad debt)` : ''}
      </div>
    </div>
  );
}

/** Mean bad debt, then where it went, each bar stepping down from the one before. */
export const WaterfallChart = memo(function WaterfallChart({ rows, label }: { rows: WaterfallRow[]; label: string }) {
  const data = useMemo(() => rows.map((r) => ({ ...r, total: rows[0]?.value ?? 0 })), [rows]);
  return (
    <BarChart data={data} style={STYLE} responsive margin={MARGIN} aria-label={label} accessibilityLayer={false} role="img">
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis dataKey="label" tick={WrappedTick} interval={0} height={40} />
      <YAxis tick={AxisTick} interval={0} tickFormatter={formatCompact} width={52} />
      <Tooltip content={WaterfallTooltip} />
      <Bar dataKey="range" isAnimationActive={false} name="quote per path">
        {data.map((row) => (
          <Cell key={row.key} fill={FILL[row.key]} />
        ))}
        <LabelList dataKey="value" position="top" formatter={valueLabel} fill={COLORS.price} fontSize={12} />
      </Bar>
    </BarChart>
  );
});
