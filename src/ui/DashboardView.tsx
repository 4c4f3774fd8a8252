import { lazy, Suspense } from 'react';
import { ParamsPanel } from './params/ParamsPanel';
import { ComparisonPanel } from './results/ComparisonPanel';
import { HeadlineMetrics } from './results/HeadlineMetrics';
import { RunStatus } from './results/RunStatus';
import { RunIdBadge } from './report/RunIdBadge';

// The charts (Recharts and its d3 and redux parts, most of the page's code) load in their own chunk, so the
// parameters and headline numbers are on screen before the charts' code has arrived.
const ResultsCharts = lazy(() => import('./charts/ResultsCharts').then((m) => ({ default: m.ResultsCharts })));

export function DashboardView() {
  return (
    <main className="layout">
      <ParamsPanel />
      <div className="results" id="results" tabIndex={-1}>
        <div className="panel">
          <RunStatus />
          <HeadlineMetrics />
          <RunIdBadge />
        </div>
        <ComparisonPanel />
        <Suspense fallback={<p className="muted charts-loading">Loading the charts…</p>}>
          <ResultsCharts />
        </Suspense>
      </div>
    </main>
  );
}
