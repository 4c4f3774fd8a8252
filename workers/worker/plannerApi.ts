// The planner worker's API (issue #10, mitigation planner): one sweep point, the solver and the three levers
// side by side, each run whole inside a worker (the page simulates nothing). Every point runs paths
// [0, paths) of the same seed, so all points of a sweep see the same price paths (common random numbers).
// A factory, so Node tests can call it without a Worker.
import { attributeChanges, compareLevers, createSimulator, mergeRangeResults, preparePoint, preparePoint2, solveLever, summarizePoint, sweepValues, requireRunInputs, type Attribution, type CompareOptions, type LeverComparison, type PreparedPoint, type RiskParams, type SolveOptions, type SolveResult, type SweepPointResult } from '../../src/engine/index';

/** One point (1-D) or cell (2-D, with path2/valueText2) of a sweep. */
export interface PointJob {
  params: RiskParams;
  seed: number;
  paths: number;
  path: string;
  valueText: string;
  path2?: string;
  valueText2?: string;
}

/**
 * A point's result plus the wall time it took inside the worker. `provisional`: a summary of the point's first
 * paths only (a prefix of the same paths), sent ahead of the full answer so the curve can be drawn at once.
 */
export type PointAnswer = SweepPointResult & { elapsedMs: number; value2?: number; valueText2?: string; provisional?: boolean };

/** Paths in a provisional summary: a tenth of the point's, at least 50 (none when the point has fewer than 200). */
export function provisionalPaths(paths: number): number {
  return paths < 200 ? 0 : Math.max(50, Math.floor(paths / 10));
}

function checkedParams(params: RiskParams, seed: number, paths: number): RiskParams {
  // Structured clone delivers whatever the page sent: validate again at the engine's door.
  return requireRunInputs({ params, run: { seed, paths } }).params;
}

export function createPlannerApi(now: () => number = () => performance.now()) {
  return {
    /** The exact values of a sweep axis (sweepValues: evenly spaced, rounded to the field's resolution). */
    sweepValues: (path: string, from: number, to: number, points: number): string[] => sweepValues(path, from, to, points),

    /** One point; with `onProvisional`, a summary of its first paths is reported before the whole point runs. */
    runPoint(job: PointJob, onProvisional?: (answer: PointAnswer) => void): PointAnswer {
      const started = now();
      const params = checkedParams(job.params, job.seed, job.paths);
      const prepared: PreparedPoint =
        job.path2 !== undefined && job.valueText2 !== undefined
          ? preparePoint2(params, job.path, job.valueText, job.path2, job.valueText2)
          : preparePoint(params, job.path, job.valueText);
      const extra = job.path2 !== undefined && job.valueText2 !== undefined ? { value2: Number(job.valueText2), valueText2: job.valueText2 } : {};
      if (!prepared.ok) return { ...prepared, ...extra, elapsedMs: now() - started };
      const simulator = createSimulator(prepared.params, job.seed);
      const early = onProvisional ? provisionalPaths(job.paths) : 0;
      if (early === 0 || !onProvisional) return { ...summarizePoint(prepared, simulator.run(0, job.paths)), ...extra, elapsedMs: now() - started };
      const head = simulator.run(0, early);
      onProvisional({ ...summarizePoint(prepared, head), ...extra, elapsedMs: now() - started, provisional: true });
      const result = mergeRangeResults([head, simulator.run(early, job.paths)]);
      return { ...summarizePoint(prepared, result), ...extra, elapsedMs: now() - started };
    },

    solve(options: SolveOptions): SolveResult {
      return solveLever({ ...options, params: checkedParams(options.params, options.seed, options.initialPaths) });
    },

    /** With listeners (Comlink proxies from the page), progress after every probe and each lever as it finishes. */
    compare(options: CompareOptions, onProgress?: CompareOptions['onProgress'], onLever?: CompareOptions['onLever']): LeverComparison {
      const { onProgress: _p, onLever: _l, ...plain } = options;
      return compareLevers({ ...plain, params: checkedParams(options.params, options.seed, options.initialPaths), ...(onProgress ? { onProgress } : {}), ...(onLever ? { onLever } : {}) });
    },

    /** Each of the proposal's changes alone and all together against the baseline, on paths [0, paths) (issue #21). */
    attribute(job: { baseline: RiskParams; proposal: RiskParams; fields: string[]; seed: number; paths: number }): Attribution {
      const baseline = checkedParams(job.baseline, job.seed, job.paths);
      const proposal = checkedParams(job.proposal, job.seed, job.paths);
      return attributeChanges(baseline, proposal, job.fields, (params) => createSimulator(params, job.seed).run(0, job.paths));
    },
  };
}

export type PlannerApi = ReturnType<typeof createPlannerApi>;
