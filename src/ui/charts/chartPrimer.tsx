// V8 compiles a function the first time it runs, so the page's first Recharts chart paid for compiling most of
// Recharts (its store, axes, shapes, tooltip) in one main-thread task: 110–140 ms for the first chart after load,
// where issue 20 allows 50. The primer runs that code first, in small pieces: the shapes alone, then a hidden
// chart that gains one part per stage (axes, grid, an area, a line, the tooltip; then bars with cells and labels,
// a scatter, log axes), each drawn from two rows, and then goes away. The page's charts then mount from warm code,
// empty, before their results arrive (StaggeredChartCard's standby), and the results only update them.
import { startTransition, useEffect, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Area, Bar, BarChart, CartesianGrid, Cell, ComposedChart, Curve, LabelList, Line, LineChart, Rectangle, Scatter, Surface, Symbols, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { formatCompact } from '../format';
import { chartQueue, measureChartWork, postTask, runStages } from './chartScheduler';
import { AxisTick, WrappedTick } from './WrappedTick';

const ROWS = [
  { x: 1, y: 2, band: [1, 3], label: 'first row', z: 1 },
  { x: 10, y: 3, band: [2, 4], label: 'second', z: 2 },
];
const STYLE = { width: 240, height: 120 } as const;
const SHAPE_POINTS = [
  { x: 0, y: 0 },
  { x: 10, y: 10 },
];
const SHAPE_BASE = [
  { x: 0, y: 12 },
  { x: 10, y: 12 },
];
const LABEL = { value: 'x', position: 'insideBottom', offset: -14 } as const;

const composed = (parts: ReactElement[]) => (
  <ComposedChart data={ROWS} style={STYLE} responsive accessibilityLayer={false}>
    {parts}
  </ComposedChart>
);

// Built when first asked for: this module and ChartCard import each other, and the ticks come from WrappedTick,
// which imports ChartCard as well.
function cartesianParts(): ReactElement[] {
  return [
  <XAxis key="x" dataKey="x" type="number" domain={[0, 10]} ticks={[0, 5, 10]} interval={0} tick={AxisTick} tickFormatter={formatCompact} label={LABEL} />,
  <YAxis key="y" interval={0} width={40} tick={AxisTick} tickFormatter={formatCompact} />,
  <CartesianGrid key="grid" vertical={false} />,
  <Area key="area" dataKey="band" stroke="none" isAnimationActive={false} />,
  <Line key="line" dataKey="y" dot={false} isAnimationActive={false} />,
  <Tooltip key="tip" />,
  ];
}

/** What the primer draws, one element per task, in order. */
export function primerStages(): ReactElement[] {
  const cartesian = cartesianParts();
  const bars = (parts: ReactElement[]) => (
    <BarChart key="bars" data={ROWS} style={STYLE} responsive accessibilityLayer={false}>
      <XAxis dataKey="label" tick={WrappedTick} interval={0} />
      <YAxis tick={AxisTick} width={40} />
      {parts}
    </BarChart>
  );
  const cells = ROWS.map((row) => <Cell key={row.label} fill="#5b6475" />);
  const scatterAxes = [<XAxis key="x" dataKey="x" type="number" />, <YAxis key="y" dataKey="y" type="number" width={40} />, <ZAxis key="z" dataKey="z" type="number" range={[20, 200]} />];
  const logLines = (parts: ReactElement[]) => (
    <LineChart key="log" data={ROWS} style={STYLE} responsive accessibilityLayer={false}>
      <XAxis dataKey="x" type="number" scale="log" domain={[1, 10]} ticks={[1, 10]} interval={0} allowDataOverflow />
      <YAxis type="number" scale="log" domain={[1, 10]} ticks={[1, 10]} interval={0} width={40} allowDataOverflow />
      {parts}
    </LineChart>
  );
  return [
    // The shapes the series draw with, before any chart.
    <Surface key="shapes" width={STYLE.width} height={STYLE.height}>
      <Curve points={SHAPE_POINTS} stroke="#5b6475" />
      <Rectangle x={0} y={0} width={4} height={4} />
    </Surface>,
    <Surface key="shapes" width={STYLE.width} height={STYLE.height}>
      <Curve points={SHAPE_POINTS} baseLine={SHAPE_BASE} stroke="none" />
      <Symbols cx={4} cy={4} size={16} type="circle" />
    </Surface>,
    composed([]),
    ...cartesian.map((_, i) => composed(cartesian.slice(0, i + 1))),
    bars([]),
    bars([<Bar key="bar" dataKey="band" isAnimationActive={false} />]),
    bars([
      <Bar key="bar" dataKey="band" isAnimationActive={false}>
        {cells}
      </Bar>,
    ]),
    bars([
      <Bar key="bar" dataKey="band" isAnimationActive={false}>
        {cells}
        <LabelList dataKey="y" position="top" />
      </Bar>,
    ]),
    composed([]),
    composed(scatterAxes),
    composed([...scatterAxes, <Scatter key="scatter" dataKey="y" isAnimationActive={false} />]),
    logLines([]),
    logLines([<Line key="line" dataKey="y" dot={false} connectNulls isAnimationActive={false} />]),
  ];
}

/** Calls onCommit once its children are committed and their effects have run. */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactElement }) {
  useEffect(() => onCommit(), [onCommit]);
  return children;
}

let primed: Promise<void> | null = null;

/**
 * Runs the primer once per page (later calls share its promise), once `start` resolves: each stage is rendered
 * into a hidden root of its own as a transition (React renders it in slices; Recharts' own follow-up render
 * comes in the next task), and the root is removed at the end. The page's charts wait from this call on, so
 * none is drawn from cold code while the primer waits for `start`.
 */
export function primeCharts(start: Promise<void> = Promise.resolve()): Promise<void> {
  if (primed) return primed;
  chartQueue.pause();
  primed = start.then(runPrimer).finally(() => chartQueue.resume());
  return primed;
}

function runPrimer(): Promise<void> {
  const stages = primerStages();
  const host = document.createElement('div');
  host.className = 'chart-primer';
  host.setAttribute('aria-hidden', 'true');
  document.body.append(host);
  let failed: (error: unknown) => void = () => {};
  const root = createRoot(host, { onUncaughtError: (error) => failed(error) });
  return runStages(
    stages.length,
    {
      draw(stage, done) {
        failed = done;
        const started = performance.now();
        const onCommit = () => {
          measureChartWork('haircut:chart-primer', started);
          done();
        };
        startTransition(() => root.render(<Committed onCommit={onCommit}>{stages[stage]!}</Committed>));
      },
      close() {
        root.unmount();
        host.remove();
      },
    },
    postTask(),
    chartQueue,
  );
}
