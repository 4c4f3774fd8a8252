import { AdlReport } from './AdlReport';
import { HeatmapPanel } from './HeatmapPanel';
import { SolverPanel } from './SolverPanel';
import { SweepPanel } from './SweepPanel';
import './planner.css';

/** The mitigation planner (issue #10): sweeps, the ADL report, the solver, the 2-D grid and the levers side by side. */
export function PlannerView() {
  return (
    <main className="planner" id="results" tabIndex={-1}>
      <SweepPanel />
      <AdlReport />
      <SolverPanel />
      <HeatmapPanel />
    </main>
  );
}
