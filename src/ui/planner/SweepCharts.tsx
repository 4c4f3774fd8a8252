import { memo, useRef } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { AXIS_TICK, ChartCard, COLORS } from '../charts/ChartCard';
import { formatCompact, formatPercent, formatQuote } from '../format';
import { formatParamTick, formatParamValue, formatP, type SweepRow } from './plannerRows';

const STYLE = { width: '100%', height: 230 } as const;
const MARGIN = { top: 8, right: 14, bottom: 26, left: 4 } as const;

interface ChartProps {
  rows: SweepRow[];
  path: string;
  /** Clicking a point loads it into the dashboard. */
  onPick: (row: SweepRow) => void;
}

function xLabel(path: string, label: string) {
  return { value: label, position: 'insideBottom', offset: -16, fill: COLORS.axis, fontSize: 12, key: path } as const;
}

function SweepTooltip({ active, payload, path }: TooltipContentProps & { path: string }) {
  const row = active && payload && payload.length > 0 ? (payload[0]!.payload as SweepRow) : null;
  if (!row) return null;
  return (
    <div className="chart-tooltip" data-testid="sweep-tooltip">
      <strong>{formatParamValue(path, row.value)}</strong>
      <div>
        P(socialized &gt; 0) {formatP(row.p)} (95 % CI {formatPercent(row.ci[0])} – {formatPercent(row.ci[1])})
      </div>
      <div>mean socialized loss {formatQuote(row.socializedMean)} · ES99 {formatQuote(row.socializedEs99)}</div>
      <div>
        mean bad debt {formatQuote(row.badDebtMean)} · fund draw {formatQuote(row.fundDrawMean)}
      </div>
      <div className="muted">
        {row.paths.toLocaleString('en-US')} paths{row.provisional ? ' so far (the rest are running)' : ''} · click to load into the dashboard
      </div>
    </div>
  );
}

/** A dot that loads its point on click (the dots sit above the chart surface, so they take the click). */
function pickDot(r: number, stroke: string, fill: string, onPick: (row: SweepRow) => void) {
  return function PickDot(props: { cx?: number; cy?: number; index?: number; payload?: SweepRow }) {
    const { cx, cy, payload, index } = props;
    if (cx === undefined || cy === undefined || !payload) return <g key={`dot-${index ?? 0}`} />;
    return (
      <circle
        key={`dot-${index ?? 0}`}
        className="pick-dot"
        cx={cx}
        cy={cy}
        r={r}
        stroke={stroke}
        strokeWidth={2}
        fill={fill}
        cursor="pointer"
        data-value={payload.valueText}
        onClick={(event) => {
          event.stopPropagation();
          onPick(payload);
        }}
      />
    );
  };
}

/** The index Recharts reports for the pointer (activeTooltipIndex, or activeIndex), if any. */
function indexOf(state: unknown): number | null {
  const s = state as { activeTooltipIndex?: number | string | null; activeIndex?: number | string | null } | null;
  const index = s?.activeTooltipIndex ?? s?.activeIndex;
  return index === null || index === undefined || index === '' ? null : Number(index);
}

/**
 * Click-to-load: the chart remembers the point under the pointer (mouse move) and its wrapper loads that point
 * on click — the chart's own onClick state does not always carry the index.
 */
function usePick(rows: SweepRow[], onPick: (row: SweepRow) => void) {
  const hovered = useRef<number | null>(null);
  return {
    onMouseMove: (state: unknown) => {
      hovered.current = indexOf(state);
    },
    onMouseLeave: () => {
      hovered.current = null;
    },
    onClick: () => {
      const row = hovered.current === null ? null : rows[hovered.current];
      if (row) onPick(row);
    },
  };
}

const ProbabilityChart = memo(function ProbabilityChart({ rows, path, onPick, label }: ChartProps & { label: string }) {
  const pick = usePick(rows, onPick);
  return (
    <ComposedChart data={rows} style={STYLE} responsive margin={MARGIN} aria-label={label} onMouseMove={pick.onMouseMove} onMouseLeave={pick.onMouseLeave} onClick={pick.onClick} accessibilityLayer={false} role="img">
      <CartesianGrid stroke={COLORS.grid} />
      <XAxis dataKey="value" type="number" domain={['dataMin', 'dataMax']} tick={AXIS_TICK} tickFormatter={(v: number) => formatParamTick(path, v)} label={xLabel(path, label)} />
      <YAxis tick={AXIS_TICK} width={48} domain={[0, 'auto']} tickFormatter={(v: number) => `${Number((v * 100).toPrecision(3))}%`} />
      <Tooltip content={(props) => <SweepTooltip {...props} path={path} />} />
      <Area dataKey="ci" stroke="none" fill={COLORS.socialized} fillOpacity={0.15} isAnimationActive={false} name="95 % interval" />
      <Line dataKey="p" stroke={COLORS.socialized} strokeWidth={2} dot={pickDot(3.5, COLORS.socialized, '#fff', onPick)} activeDot={pickDot(6, COLORS.socialized, COLORS.socialized, onPick)} isAnimationActive={false} name="P(socialized > 0)" />
    </ComposedChart>
  );
});

const LossChart = memo(function LossChart({ rows, path, onPick, label, keys }: ChartProps & { label: string; keys: { key: keyof SweepRow; color: string; name: string; dash?: string }[] }) {
  const pick = usePick(rows, onPick);
  return (
    <ComposedChart data={rows} style={STYLE} responsive margin={MARGIN} aria-label={label} onMouseMove={pick.onMouseMove} onMouseLeave={pick.onMouseLeave} onClick={pick.onClick}>
      <CartesianGrid stroke={COLORS.grid} />
      <XAxis dataKey="value" type="number" domain={['dataMin', 'dataMax']} tick={AXIS_TICK} tickFormatter={(v: number) => formatParamTick(path, v)} label={xLabel(path, label)} />
      <YAxis tick={AXIS_TICK} width={52} domain={[0, 'auto']} tickFormatter={formatCompact} />
      <Tooltip content={(props) => <SweepTooltip {...props} path={path} />} />
      {keys.map((k) => (
        <Line key={k.key} dataKey={k.key} stroke={k.color} strokeWidth={2} strokeDasharray={k.dash} dot={pickDot(3, k.color, '#fff', onPick)} activeDot={pickDot(5, k.color, k.color, onPick)} isAnimationActive={false} name={k.name} />
      ))}
    </ComposedChart>
  );
});

/** The three curves of a 1-D sweep against the swept parameter. */
export function SweepCharts({ rows, path, label, paths, onPick }: ChartProps & { label: string; paths: number }) {
  const empty = rows.length === 0 ? 'The first points are on their way…' : null;
  const axis = `${label}`;
  return (
    <div className="chart-grid planner-charts">
      <ChartCard
        id="sweep-chart-p"
        title="P(socialized loss > 0)"
        empty={empty}
        caption={<>Share of {paths.toLocaleString('en-US')} paths on which traders who were not liquidated lost money (haircuts or ADL), with its Wilson 95 % interval (band). Every point runs the same paths. Click a point to load it into the dashboard.</>}
      >
        <ProbabilityChart rows={rows} path={path} onPick={onPick} label={axis} />
      </ChartCard>
      <ChartCard
        id="sweep-chart-loss"
        title="Socialized loss: mean and 99 % ES"
        empty={empty}
        caption={
          <>
            <span className="legend-swatch" style={{ background: COLORS.socialized }} /> mean per path ·{' '}
            <span className="legend-swatch dashed" style={{ borderColor: COLORS.socialized }} /> expected shortfall 99 % (mean of the worst 1 % of paths), quote
          </>
        }
      >
        <LossChart
          rows={rows}
          path={path}
          onPick={onPick}
          label={axis}
          keys={[
            { key: 'socializedMean', color: COLORS.socialized, name: 'mean socialized loss' },
            { key: 'socializedEs99', color: COLORS.socialized, name: 'ES99 socialized loss', dash: '5 4' },
          ]}
        />
      </ChartCard>
      <ChartCard
        id="sweep-chart-baddebt"
        title="Bad debt and what the fund paid"
        empty={empty}
        caption={
          <>
            <span className="legend-swatch" style={{ background: COLORS.badDebt }} /> mean bad debt per path ·{' '}
            <span className="legend-swatch" style={{ background: COLORS.fund }} /> mean fund draw, quote. The gap between them is what was socialized or left uncovered.
          </>
        }
      >
        <LossChart
          rows={rows}
          path={path}
          onPick={onPick}
          label={axis}
          keys={[
            { key: 'badDebtMean', color: COLORS.badDebt, name: 'mean bad debt' },
            { key: 'fundDrawMean', color: COLORS.fund, name: 'mean fund draw' },
          ]}
        />
      </ChartCard>
    </div>
  );
}
