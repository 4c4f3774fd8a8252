import { useMemo, useState } from 'react';
import type { RunSummary } from '../../engine/metrics/summarizeRun';
import {
  selectLogHistogram,
  selectParams,
  selectPathIndex,
  selectPaths,
  selectSamplePath,
  selectStale,
  selectStatus,
  selectSummary,
} from '../../state/selectors';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatHorizon, formatInteger, formatPaths, formatPercent, formatQuote } from '../format';
import { BurdenChart } from './BurdenChart';
import { COLORS, LIVE_REDRAW_MS, StaggeredChartCard, type CardView } from './ChartCard';
import {
  burdenIsZero,
  burdenRows,
  medianIsZero,
  fanRows,
  histogramRows,
  samplePathRows,
  waterfallRows,
  type FanKey,
  type FanRow,
} from './chartRows';
import { FanChart } from './FanChart';
import { LossHistogram } from './LossHistogram';
import { SAMPLE_PATH_HEIGHT, SamplePathChart } from './SamplePathChart';
import { TailCharts } from './TailCharts';
import { conditionalFanRows } from './conditionalFan';
import { WaterfallChart } from './WaterfallChart';

const WAITING = 'Waiting for the first run to report…';
const HISTOGRAM_LEGEND = [
  { color: COLORS.zero, label: 'paths with no socialized loss' },
  { color: COLORS.socialized, label: 'paths with a loss, by size' },
];
const NO_DETAIL = 'This run’s results carry no detail for this chart.';
// Charts drawn from no rows: each card mounts its chart from these before the first results (StaggeredChartCard's
// standby), so the results update mounted charts.
const NO_ROWS: never[] = [];

interface FanSpec {
  key: FanKey;
  id: string;
  title: string;
  color: string;
  caption: (horizon: string) => string;
  /** Shown instead of the chart when the run says there is nothing to draw (never judged from the bands). */
  nothing?: (s: RunSummary) => string | null;
  /** Share of paths where the series ever leaves zero; below 5 % the 5–95 % bands stay at zero, said so. */
  rareShare?: (s: RunSummary) => number;
  rareWhat?: string;
}

const FANS: FanSpec[] = [
  {
    key: 'fundBalanceQuote',
    id: 'chart-fan-fund',
    title: 'Insurance-fund balance (quote)',
    color: COLORS.fund,
    caption: (h) => `How the fund’s balance moves over ${h}: the line is the median path, the dark band the middle half of paths, the light band 9 paths in 10.`,
  },
  {
    key: 'cumBadDebtQuote',
    id: 'chart-fan-baddebt',
    title: 'Cumulative bad debt (quote)',
    color: COLORS.badDebt,
    caption: (h) => `Deficits of accounts closed past their bankruptcy price, added up over ${h}; median line, middle half and 9-in-10 bands.`,
    nothing: (s) => (s.badDebt.max === 0 ? 'No path had any bad debt: every liquidation closed before the account’s equity ran out.' : null),
  },
  {
    key: 'cumSocializedLossQuote',
    id: 'chart-fan-socialized',
    title: 'Cumulative socialized loss (quote)',
    color: COLORS.socialized,
    caption: (h) => `Losses imposed on traders who were not liquidated (haircuts, ADL), added up over ${h}; median line and bands.`,
    nothing: (s) => (s.socializedLoss.max === 0 ? 'No path had any socialized loss: the insurance fund (or the loss mechanism) absorbed every deficit.' : null),
    rareShare: (s) => s.pSocialized,
    rareWhat: 'socialized any loss',
  },
];

const HISTOGRAM_STANDBY = <LossHistogram rows={NO_ROWS} log={false} label="Socialized loss per path" />;
const WATERFALL_STANDBY = <WaterfallChart rows={NO_ROWS} label="Where the bad debt went" />;
const BURDEN_STANDBY = <BurdenChart rows={NO_ROWS} label="Socialized loss by trader size decile" />;
const SAMPLE_PATH_STANDBY = <SamplePathChart line={NO_ROWS} markers={NO_ROWS} label="Price and liquidations on one path" />;

/** The sample path picker: a path number (1-based on screen, pathIndex 0-based in the store). */
function PathPicker() {
  const pathIndex = useAppStore(selectPathIndex);
  const paths = useAppStore(selectPaths);
  const [text, setText] = useState(String(pathIndex + 1));
  const [synced, setSynced] = useState(pathIndex);
  if (synced !== pathIndex) {
    setSynced(pathIndex);
    setText(String(pathIndex + 1));
  }
  const go = (index: number) => appStore.getState().setPathIndex(Math.min(paths - 1, Math.max(0, index)));
  const valid = /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= paths;
  return (
    <div className="path-picker">
      <button type="button" className="secondary small" aria-label="Previous sample path" disabled={pathIndex <= 0} onClick={() => go(pathIndex - 1)}>
        ←
      </button>
      <label htmlFor="sample-path-number">Sample path</label>
      <input
        id="sample-path-number"
        type="text"
        inputMode="numeric"
        size={6}
        value={text}
        aria-invalid={!valid}
        aria-describedby="sample-path-range"
        onChange={(event) => {
          setText(event.target.value);
          const n = Number(event.target.value.trim());
          if (/^\d+$/.test(event.target.value.trim()) && n >= 1 && n <= paths) go(n - 1);
        }}
      />
      <span id="sample-path-range" className="muted small">
        of {formatInteger(paths)}
      </span>
      <button type="button" className="secondary small" aria-label="Next sample path" disabled={pathIndex >= paths - 1} onClick={() => go(pathIndex + 1)}>
        →
      </button>
    </div>
  );
}

function fanLegend(color: string) {
  return [
    { color, label: 'median path' },
    { color: `${color}4d`, label: 'middle half of paths' },
    { color: `${color}26`, label: '9 paths in 10' },
  ];
}

function FanCard({ spec, summary, rows, horizon, live, stepSeconds }: { spec: FanSpec; summary: RunSummary | null; rows: FanRow[] | null; horizon: string; live: boolean; stepSeconds: number }) {
  const view = useMemo((): CardView => {
    const empty = !summary ? WAITING : !rows || rows.length === 0 ? NO_DETAIL : (spec.nothing?.(summary) ?? null);
    const rare = summary && rows && spec.rareShare && medianIsZero(rows) ? spec.rareShare(summary) : null;
    // When the median path never socializes, the bands over all paths are a flat zero line: show the bands over
    // only the paths that socialized instead, and say so (issue #21).
    const conditional = rare !== null && rare > 0 && summary?.tail?.socializedFan ? conditionalFanRows(summary.tail.socializedFan, summary.fan?.stepOfPoint ?? [], stepSeconds) : null;
    if (conditional && conditional.length > 0 && summary?.tail?.socializedFan) {
      const n = summary.tail.socializedFan.paths;
      return {
        empty,
        caption: `Only ${formatPercent(rare ?? 0)} of paths ${spec.rareWhat} (${formatInteger(n)} of ${formatPaths(summary.paths)}), so over all paths the bands stay at zero. Drawn here over those ${formatInteger(n)} paths alone: median line, middle half and 9-in-10 bands of the loss added up over ${horizon}.`,
        chart: !empty ? <FanChart rows={conditional} color={spec.color} label={`${spec.title}, on the paths that socialized`} /> : null,
      };
    }
    const depleted = spec.key === 'fundBalanceQuote' && summary && summary.fundDepletedShare > 0 ? ` The fund emptied on ${formatPercent(summary.fundDepletedShare)} of paths (see “When the fund runs dry”).` : '';
    const caption =
      rare !== null && rare > 0
        ? `${spec.caption(horizon)} Only ${formatPercent(rare)} of paths ${spec.rareWhat}, so the median stays at zero and the light band rises only where more than 1 path in 20 has lost; the histogram shows those paths.`
        : `${spec.caption(horizon)}${depleted}`;
    return { empty, caption, chart: rows && !empty ? <FanChart rows={rows} color={spec.color} label={spec.title} /> : null };
  }, [spec, summary, rows, horizon, stepSeconds]);
  const legend = useMemo(() => fanLegend(spec.color), [spec.color]);
  const standby = useMemo(() => <FanChart rows={NO_ROWS} color={spec.color} label={spec.title} />, [spec]);
  return <StaggeredChartCard id={spec.id} title={spec.title} view={view} live={live} legend={legend} standby={standby} />;
}

/** Every chart of the run: fans over time, the loss histogram, where bad debt went, who bore it, one path. */
export function ResultsCharts() {
  const summary = useAppStore(selectSummary);
  const params = useAppStore(selectParams);
  const logHistogram = useAppStore(selectLogHistogram);
  const sample = useAppStore(selectSamplePath);
  const pathIndex = useAppStore(selectPathIndex);
  // While a run streams, each card redraws at most every LIVE_REDRAW_MS and one card per task (StaggeredChartCard); the
  // headline numbers above follow every partial summary. Animation stays off (STYLE.md §4): a chart that
  // redraws itself from the left after every run hides the change it should show.
  const live = useAppStore(selectStatus) === 'running';
  const stale = useAppStore(selectStale);
  const { steps, stepSeconds } = params.market;
  const horizon = formatHorizon(steps, stepSeconds);
  const mechanism = params.lossMechanism.kind;

  const fan = summary?.fan;
  const fans = useMemo(() => FANS.map((spec) => (fan ? fanRows(fan, spec.key, stepSeconds) : null)), [fan, stepSeconds]);
  const histogram = summary?.histograms?.socializedLoss;
  const histogramView = useMemo(() => (histogram ? histogramRows(histogram, logHistogram) : null), [histogram, logHistogram]);
  const waterfall = useMemo(() => (summary ? waterfallRows(summary, mechanism) : null), [summary, mechanism]);
  const burden = useMemo(() => (summary ? burdenRows(summary.burdenByDecile) : null), [summary]);
  const path = useMemo(() => (sample ? samplePathRows(sample, stepSeconds) : null), [sample, stepSeconds]);
  const paths = summary ? formatPaths(summary.paths) : '';

  const histogramCard = useMemo(
    (): CardView => ({
      empty: !summary ? WAITING : !histogramView ? NO_DETAIL : histogramView.withLoss === 0 ? `No path had any socialized loss: all ${paths} are at zero.` : null,
      caption:
        histogramView && histogramView.withLoss > 0
          ? `${formatInteger(histogramView.zeroCount)} of ${paths} (${formatPercent(histogramView.zeroShare)}) had no socialized loss (grey bar, “none”); the ${formatInteger(histogramView.withLoss)} with a loss are binned by size, bins labelled by their lower edge; each bar carries its count. ${logHistogram ? 'Counts on a log scale, so rare large losses show.' : 'Tick “log scale” to see small bins beside the zero-loss bar.'}`
          : 'How many paths socialized how much loss.',
      chart: histogramView ? <LossHistogram rows={histogramView.rows} log={logHistogram} label="Socialized loss per path" /> : null,
    }),
    [summary, histogramView, paths, logHistogram],
  );

  const waterfallCard = useMemo(
    (): CardView => ({
      empty: !summary ? WAITING : summary.badDebt.mean === 0 ? 'No path had any bad debt, so nothing had to be paid.' : null,
      caption: summary
        ? `Mean bad debt per path (${formatQuote(summary.badDebt.mean)} quote), then what paid it: the insurance fund, ${mechanism === 'adl' ? 'ADL losses' : 'haircuts'} on other traders${mechanism === 'backstop' ? ', the backstop vault' : ''}, and what stayed uncovered. The parts add up to the total.`
        : 'Mean bad debt and what paid it.',
      chart: waterfall ? <WaterfallChart rows={waterfall} label="Where the bad debt went" /> : null,
    }),
    [summary, mechanism, waterfall],
  );

  const burdenCard = useMemo((): CardView => {
    const topShare = burden && !burdenIsZero(burden) ? burden[burden.length - 1]!.share : null;
    return {
      empty: !summary ? WAITING : burden && burdenIsZero(burden) ? 'Nobody bore a socialized loss on any path.' : null,
      caption:
        topShare !== null
          ? `Mean socialized loss per path by trader size decile. The largest tenth of positions bears ${formatPercent(topShare)} of it.`
          : 'Mean socialized loss per path by trader size decile (D1 = the smallest tenth of positions).',
      chart: burden ? <BurdenChart rows={burden} label="Socialized loss by trader size decile" /> : null,
    };
  }, [summary, burden]);

  const hasSummary = summary !== null;
  const samplePathCard = useMemo(
    (): CardView => ({
      empty: !hasSummary ? WAITING : !path ? 'The sample path appears when the run reports it.' : null,
      caption: path
        ? `Path ${formatInteger((sample?.pathIndex ?? pathIndex) + 1)}: the oracle price over ${horizon}; each dot is a moment with liquidations, sized by notional closed (${path.markers.length === 0 ? 'none on this path' : `${formatInteger(path.markers.length)} ${path.markers.length === 1 ? 'moment' : 'moments'}, ${formatQuote(path.totalLiquidated)} quote in all`}). Bad debt on this path ${formatQuote(path.badDebt)}, socialized loss ${formatQuote(path.socializedLoss)}.`
        : 'The price of one path with a marker wherever accounts were liquidated.',
      chart: path ? <SamplePathChart line={path.line} markers={path.markers} label="Price and liquidations on one path" /> : null,
    }),
    [hasSummary, path, sample, pathIndex, horizon],
  );

  return (
    <section className="charts" id="charts" tabIndex={-1} aria-labelledby="charts-heading">
      <h2 id="charts-heading" className="visually-hidden">
        Charts
      </h2>
      {live && summary && !stale && (
        <p className="muted small" data-testid="charts-live-note">
          While the run streams, the charts redraw from the paths done so far at most every {LIVE_REDRAW_MS / 1000} s; the numbers above follow every update.
        </p>
      )}
      <div className="chart-grid">
        {FANS.map((spec, i) => (
          <FanCard key={spec.id} spec={spec} summary={summary} rows={fans[i] ?? null} horizon={horizon} live={live} stepSeconds={stepSeconds} />
        ))}

        <TailCharts summary={summary} stepSeconds={stepSeconds} live={live} waiting={WAITING} />

        <StaggeredChartCard
          id="chart-histogram"
          title="Socialized loss per path"
          controls={
            <label className="toggle">
              <input type="checkbox" checked={logHistogram} onChange={(event) => appStore.getState().setLogHistogram(event.target.checked)} />
              Log scale
            </label>
          }
          view={histogramCard}
          live={live}
          legend={HISTOGRAM_LEGEND}
          standby={HISTOGRAM_STANDBY}
        />

        <StaggeredChartCard id="chart-waterfall" title="Where the bad debt went (quote per path)" view={waterfallCard} live={live} standby={WATERFALL_STANDBY} />

        <StaggeredChartCard id="chart-burden" title="Who bears the socialized loss (quote per path)" view={burdenCard} live={live} standby={BURDEN_STANDBY} />

        <StaggeredChartCard
          id="chart-sample-path"
          wide
          height={SAMPLE_PATH_HEIGHT}
          title="One simulated path: price and liquidations"
          controls={<PathPicker />}
          view={samplePathCard}
          live={live}
          standby={SAMPLE_PATH_STANDBY}
        />
      </div>
    </section>
  );
}
