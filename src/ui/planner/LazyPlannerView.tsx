import { lazy, Suspense } from 'react';

// The planner (Recharts, the planner's charts) loads in its own chunk, when its tab is first opened.
const PlannerView = lazy(() => import('./PlannerView').then((m) => ({ default: m.PlannerView })));

export function LazyPlannerView() {
  return (
    <Suspense fallback={<p className="muted charts-loading">Loading the planner…</p>}>
      <PlannerView />
    </Suspense>
  );
}
