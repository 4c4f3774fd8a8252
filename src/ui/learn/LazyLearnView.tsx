import { lazy, Suspense } from 'react';

// Learn mode loads in its own chunk, on first visit to the tab.
const LearnView = lazy(() => import('./LearnView').then((m) => ({ default: m.LearnView })));

export function LazyLearnView() {
  return (
    <Suspense fallback={<p className="muted">Loading learn mode…</p>}>
      <LearnView />
    </Suspense>
  );
}
