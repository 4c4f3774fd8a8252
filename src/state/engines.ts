// What the store drives (issue 17): every engine the page uses, as interfaces, so the store's actions run in
// Node tests with fakes and only useAppStore.ts meets real workers. The DTO types are the workers' own,
// re-exported here so the UI names them through the store it reads, never through workers/.
import type { RiskParams } from '../engine/params/riskParams';
import type { PathColumns } from '../engine/index';
import type { GbmFit, JumpFit } from '../engine/fit/fitScenario';
import type { PopulationInterval } from '../engine/metrics/populationInterval';
import type { RunEngine } from '../../workers/client/pool';
import type { PlannerClient } from '../../workers/client/plannerClient';
import type { LearnTrace, TraceRequest } from '../../workers/client/traceClient';

export type { RunEngine, RunListener, RunRequest } from '../../workers/client/pool';
export type { PointAnswer } from '../../workers/client/plannerClient';
export type { SweepAxis, SweepListener, SweepRequest } from '../../workers/client/plannerClient';
export type { LearnTrace, TraceRequest, PopulationInterval };

/** Learn mode's tracer: one path, every event. */
export interface TraceEngine {
  trace(request: TraceRequest): Promise<LearnTrace>;
  dispose(): void;
}

/** The planner's workers: sweeps, the solver, the lever comparison and attribution. */
export type PlannerEngine = Pick<PlannerClient, 'runSweep' | 'cancelSweep' | 'solve' | 'compare' | 'cancelSolve' | 'attribute'>;

export interface TapeFit {
  gbm: GbmFit;
  jump: JumpFit;
}

/** Fits GBM and jump diffusion to a tape off the main thread. */
export interface FitEngine {
  fitTape(prices: Float64Array, stepSeconds: number): Promise<TapeFit>;
}

export interface PopulationCiRequest {
  params: RiskParams;
  seed: number;
  paths: number;
}

/** The population-inclusive interval on P(socialized), in engine workers of its own. */
export interface PopulationCiEngine {
  /** The batch split (null: this request has no population interval). */
  plan(params: RiskParams, paths: number): { batches: number; perBatch: number } | null;
  /** Null when the request has no population interval; aborting rejects with the signal's reason. */
  run(request: PopulationCiRequest, options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal }): Promise<PopulationInterval | null>;
}

/** The per-path columns of a finished run, for the CSV export. */
export type PathColumnsReader = (runId: number) => Promise<PathColumns | null>;

export interface AppEngines {
  run: RunEngine;
  trace?: TraceEngine;
  planner?: PlannerEngine;
  fit?: FitEngine;
  populationCi?: PopulationCiEngine;
  pathColumns?: PathColumnsReader;
}

/** Stands in for an engine a store was built without (Node tests that do not drive it): every call says so. */
export function missingEngine(name: string): Error {
  return new Error(`This store has no ${name} engine.`);
}
