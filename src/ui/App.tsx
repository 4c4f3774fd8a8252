import { HeadlineMetrics } from './HeadlineMetrics';
import { ParamsPanel } from './ParamsPanel';
import { RunStatus } from './RunStatus';

export function App() {
  return (
    <div className="app">
      <header>
        <h1>Haircut</h1>
        <p className="tagline">
          Tune a perpetual-futures market's margin, liquidation and insurance-fund parameters and see how much bad
          debt, fund drain and socialized loss they leave across simulated price paths — all in your browser.
        </p>
      </header>
      <main className="layout">
        <ParamsPanel />
        <div className="panel results">
          <RunStatus />
          <HeadlineMetrics />
        </div>
      </main>
    </div>
  );
}
