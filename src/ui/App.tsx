import type { KeyboardEvent, ReactNode } from 'react';
import { selectTab } from '../state/selectors';
import { useAppStore } from '../state/useAppStore';
import type { ViewTab } from '../share/shareState';
import { DashboardView } from './DashboardView';
import { LazyLearnView as LearnView } from './learn/LazyLearnView';
import { LazyPlannerView } from './planner/LazyPlannerView';
import { LinkBanner } from './share/LinkBanner';
import { ShareBar } from './share/ShareBar';

/**
 * The page's views. Each entry is one tab; a view's code lives in its own folder (dashboard: params, results,
 * charts; learn: learn/; planner: planner/) and is added here with one line.
 */
const VIEWS: { tab: ViewTab; label: string; render: () => ReactNode }[] = [
  { tab: 'dashboard', label: 'Dashboard', render: () => <DashboardView /> },
  { tab: 'learn', label: 'Learn', render: () => <LearnView /> },
  { tab: 'planner', label: 'Planner', render: () => <LazyPlannerView /> },
];

function moveTab(event: KeyboardEvent<HTMLButtonElement>, tab: ViewTab, setTab: (tab: ViewTab) => void): void {
  const i = VIEWS.findIndex((v) => v.tab === tab);
  const next = event.key === 'ArrowRight' ? i + 1 : event.key === 'ArrowLeft' ? i - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? VIEWS.length - 1 : null;
  if (next === null) return;
  event.preventDefault();
  const target = VIEWS[(next + VIEWS.length) % VIEWS.length]!;
  setTab(target.tab);
  const list = event.currentTarget.parentElement;
  requestAnimationFrame(() => list?.querySelector<HTMLButtonElement>('[aria-selected="true"]')?.focus());
}

export function App() {
  const tab = useAppStore(selectTab);
  const setTab = useAppStore((s) => s.setTab);
  const current = VIEWS.find((v) => v.tab === tab) ?? VIEWS[0]!;
  return (
    <div className="app">
      <a className="skip-link" href="#results">
        Skip to results
      </a>
      {current.tab === 'dashboard' && (
        <a className="skip-link" href="#charts">
          Skip to charts
        </a>
      )}
      <header className="app-header">
        <h1>Haircut</h1>
        <p className="tagline">
          Tune a perpetual-futures market’s margin, liquidation and insurance-fund parameters and see how much bad debt,
          fund drain and socialized loss (haircuts, auto-deleveraging) they leave across thousands of simulated price
          paths — computed in your browser.
        </p>
        {VIEWS.length > 1 && (
          <nav className="view-tabs" role="tablist" aria-label="Views">
            {VIEWS.map((v) => (
              <button
                key={v.tab}
                role="tab"
                type="button"
                aria-selected={v.tab === current.tab}
                // One tab stop for the tab list; arrow keys move between views (WAI-ARIA tabs pattern).
                tabIndex={v.tab === current.tab ? 0 : -1}
                onKeyDown={(event) => moveTab(event, v.tab, setTab)}
                className={v.tab === current.tab ? 'tab active' : 'tab'}
                onClick={() => setTab(v.tab)}
              >
                {v.label}
              </button>
            ))}
          </nav>
        )}
      </header>
      <LinkBanner />
      <ShareBar />
      {current.render()}
    </div>
  );
}
