import { useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { ChartExportButton, type ChartLegend } from '../share/ChartExportButton';
import { afterNextFrame, chartQueue, measureChartWork, useStaggered } from './chartScheduler';
import { sameView } from './sameView';
import '../trust.css';

/** Chart heights in px: one place, so the grid lines up. */
export const CHART_HEIGHT = 220;
export const CHART_MARGIN = { top: 8, right: 12, bottom: 22, left: 4 } as const;

export const COLORS = {
  fund: '#1f5fbf',
  badDebt: '#c2410c',
  socialized: '#b42318',
  vault: '#6d28d9',
  uncovered: '#4b5563',
  zero: '#94a3b8',
  price: '#1d2330',
  grid: '#e5e9f0',
  axis: '#5b6475',
} as const;

export const AXIS_TICK = { fill: COLORS.axis, fontSize: 12 } as const;

/**
 * A chart with its title, a one-line caption saying what it shows, and — instead of an empty or flat chart —
 * a sentence when there is nothing to draw.
 */
export function ChartCard({
  id,
  title,
  caption,
  controls,
  empty,
  wide = false,
  legend,
  standby,
  chartHidden = false,
  children,
}: {
  id: string;
  title: string;
  caption: ReactNode;
  controls?: ReactNode;
  /** Colour swatches shown under the chart and kept in exported files. */
  legend?: ChartLegend;
  /** Shown instead of the chart when set. */
  empty?: string | null;
  wide?: boolean;
  /** Kept mounted, hidden, in the chart's place while the card shows a sentence (see StaggeredChartCard). */
  standby?: ReactNode;
  /** The chart keeps its place but is not seen (not drawn yet). */
  chartHidden?: boolean;
  children: ReactNode;
}) {
  return (
    <figure className={wide ? 'chart-card wide' : 'chart-card'} aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="chart-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {controls}
        {/* An empty card shows a sentence, not a chart: nothing to save. */}
        {!empty && <ChartExportButton title={title} legend={legend ?? []} />}
      </div>
      {empty ? (
        <p className="chart-empty" data-testid={`${id}-empty`}>
          {empty}
        </p>
      ) : null}
      {empty ? (
        standby ? (
          <ChartBody hidden="overlay">{standby}</ChartBody>
        ) : null
      ) : (
        <ChartBody hidden={chartHidden ? 'in-place' : 'no'}>{children}</ChartBody>
      )}
      {!empty && legend && legend.length > 0 && (
        <ul className="chart-legend" data-testid={`${id}-legend`}>
          {legend.map((item) => (
            <li key={item.label}>
              <span className="chart-legend-swatch" style={{ background: item.color }} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      )}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/**
 * The chart's drawing area. Chromium makes Recharts' layer groups (<g class="recharts-zIndex-layer_…">) keyboard
 * focusable (as scroll containers), which put ~5 tab stops of chart internals in every chart (issue #21): each is
 * taken out of the tab order as it appears. The charts' numbers are in their captions and tables.
 */
function ChartBody({ hidden, children }: { hidden: 'no' | 'in-place' | 'overlay'; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const body = ref.current;
    if (!body) return;
    const untab = () => body.querySelectorAll('svg g:not([tabindex])').forEach((g) => g.setAttribute('tabindex', '-1'));
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div className={BODY_CLASS[hidden]} ref={ref} aria-hidden={hidden === 'no' ? undefined : true}>
      {children}
    </div>
  );
}

const BODY_CLASS = { no: 'chart-body', 'in-place': 'chart-body chart-unseen', overlay: 'chart-body chart-unseen chart-standby' } as const;

/** What a card shows below its head: the chart (or a sentence when there is nothing to draw) and its caption. */
export interface CardView {
  /** Shown instead of the chart when set. */
  empty: string | null;
  caption: ReactNode;
  chart: ReactNode;
}

/** While a run streams, a card redraws at most this often (ms); the final summary is drawn as soon as it lands. */
export const LIVE_REDRAW_MS = 1000;

/**
 * A ChartCard whose chart and caption (which describes that chart) change together through the chart queue
 * (chartScheduler.ts): one card per task, and while `live` at most every LIVE_REDRAW_MS. Title and controls
 * follow the page at once. `view` must be memoized: a new object is a redraw.
 */
export function StaggeredChartCard({
  view,
  live = false,
  height = CHART_HEIGHT,
  standby,
  ...card
}: {
  id: string;
  title: string;
  controls?: ReactNode;
  legend?: ChartLegend;
  wide?: boolean;
  view: CardView;
  live?: boolean;
  /** Of the chart, px: kept by a placeholder until the chart is first drawn. */
  height?: number;
  /**
   * The card's chart drawn from no data (same component as view.chart): mounted, hidden, through the chart queue
   * as soon as the card appears, so the first results update a chart instead of mounting one.
   */
  standby?: ReactNode;
}) {
  // The card's first turn in the chart queue mounts the standby; its first swap is queued only once that chart
  // is laid out and drawn (see useStandby), so even a card that appears with its results mounts its chart empty
  // in one task and draws the results into it in a later one.
  const standing = useStandby(standby !== undefined);
  const shown = useStaggered(view, live ? LIVE_REDRAW_MS : 0, chartQueue, sameView, !standing.settled);
  const chart = shown ? shown.chart : standing.mounted ? standby : <div className="chart-pending" style={{ minHeight: height }} />;
  return (
    <ChartCard {...card} empty={(shown ?? view).empty} caption={(shown ?? view).caption} standby={standing.mounted ? standby : undefined} chartHidden={!shown && standing.mounted}>
      {chart}
    </ChartCard>
  );
}

/**
 * The standby chart's state: `mounted` from the card's first turn in the chart queue; `settled` a frame later,
 * once it is laid out and drawn (a responsive Recharts chart draws its axes and surface only when a
 * ResizeObserver has measured it, after the next layout: results swapped in before that would still draw the
 * whole chart then). Without a standby the card is settled from the start.
 */
function useStandby(wanted: boolean): { mounted: boolean; settled: boolean } {
  const [stage, setStage] = useState<'waiting' | 'mounted' | 'settled'>('waiting');
  useEffect(() => {
    if (!wanted) return undefined;
    const owner = {};
    let gone = false;
    chartQueue.enqueue(owner, () => {
      const started = performance.now();
      flushSync(() => setStage('mounted'));
      measureChartWork('haircut:chart-standby', started);
      afterNextFrame(() => {
        if (!gone) setStage('settled');
      });
    });
    return () => {
      gone = true;
      chartQueue.cancel(owner);
    };
  }, [wanted]);
  return { mounted: wanted && stage !== 'waiting', settled: !wanted || stage === 'settled' };
}
