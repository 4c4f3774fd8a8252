import { lazy, Suspense } from 'react';
import { selectStatus } from '../../state/selectors';
import { useAppStore } from '../../state/useAppStore';
import { RunIdBadge } from './RunIdBadge';
import './report.css';

const ResultsCharts = lazy(() => import('../charts/ResultsCharts').then((m) => ({ default: m.ResultsCharts })));

/** `?embed=<name>` → the chart card it shows. */
export const EMBED_CHARTS: Readonly<Record<string, string>> = Object.freeze({
  fund: 'chart-fan-fund',
  'bad-debt': 'chart-fan-baddebt',
  socialized: 'chart-fan-socialized',
  histogram: 'chart-histogram',
  waterfall: 'chart-waterfall',
  burden: 'chart-burden',
  'sample-path': 'chart-sample-path',
});

/** The `embed` query parameter, or null for the full page. */
export function embedChartOf(search: string): string | null {
  return new URLSearchParams(search).get('embed');
}

/** The page's address without `embed=`: the full lab with the same state. */
function fullPageHref(): string {
  const query = new URLSearchParams(location.search);
  query.delete('embed');
  const rest = query.toString();
  return `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`;
}

/**
 * One live chart for an iframe in a forum post (`?embed=fund#v=1&s=…`): the link's state runs in this page's
 * workers as on the full page, and only the chosen card is shown, with the run id and a way to the full lab.
 */
export function EmbedView({ chart }: { chart: string }) {
  const status = useAppStore(selectStatus);
  const id = Object.hasOwn(EMBED_CHARTS, chart) ? EMBED_CHARTS[chart] : undefined;
  if (!id) {
    return (
      <main className="embed">
        <p role="alert" data-testid="embed-unknown">
          Haircut cannot embed a chart called “{chart.slice(0, 40)}”. Use one of: {Object.keys(EMBED_CHARTS).join(', ')}.
        </p>
      </main>
    );
  }
  return (
    <main className="embed" data-testid="embed" data-chart={id}>
      {/* Only the chosen card; the id comes from the fixed table above, never from the address. */}
      <style>{`.embed .chart-card:not([data-testid="${id}"]) { display: none; }`}</style>
      <Suspense fallback={<p className="muted">Loading the chart…</p>}>
        <ResultsCharts />
      </Suspense>
      <footer className="embed-footer">
        <span>
          Haircut · run <span data-testid="run-status">{status}</span>
        </span>
        <RunIdBadge />
        <a href={fullPageHref()} target="_blank" rel="noopener">
          Open in Haircut
        </a>
      </footer>
    </main>
  );
}
