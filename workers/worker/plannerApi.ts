// The planner worker's API (issue #10, mitigation planner): one sweep point, the solver and the three levers
// side by side, each run whole inside a worker (the page simulates nothing). Every point runs paths
// [0, paths) of the same seed, so all points of a sweep see the same price paths (common random numbers); a
// PricePathStore keeps them, so a worker draws a sweep's prices once rather than once per point (unless the sweep
// moves the scenario itself). A factory, so Node tests can call it without a Worker.
import {
  attributeChanges,
  compareLevers,
  createSimulator,
  emptyKnownRows,
  PricePathStore,
  fundLadder,
  fundLadderFits,
  fundUnitsOf,
  mergeRangeResults,
  preparePoint,
  preparePoint2,
  resultAtFund,
  solveLever,
  summarizePoint,
  sweepValues,
  requireRunInputs,
  type Attribution,
  type CompareOptions,
  type InvalidSweepPoint,
  type LeverComparison,
  type PreparedPoint,
  type RangeResult,
  type RiskParams,
  type SolveOptions,
  type SolveResult,
  type SweepPointResult,
} from '../../src/engine/index';

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

/**
 * A sweep of the starting fund, or this worker's share of it: paths [from, to) of every value on the fund ladder
 * (engine planner/fundLadder.ts). The page splits [0, paths) among its workers and merges each point's parts.
 */
export interface LadderJob {
  params: RiskParams;
  seed: number;
  /** The sweep's paths per point (validated like a point's); this job runs [from, to) of them. */
  paths: number;
  from: number;
  to: number;
  values: string[];
}

/**
 * One value's share from one worker: its path columns over [from, to) (no series: a sweep point needs none), or
 * the problems that made the value invalid. `elapsedMs`: this worker's time for this value.
 */
export type LadderPart = { index: number; elapsedMs: number } & ({ ok: true; result: RangeResult } | { ok: false; invalid: InvalidSweepPoint });

/** A result with its series dropped (a sweep point needs none, and they are most of the bytes to send). */
function withoutSeries(result: RangeResult): RangeResult {
  const series = { points: 0, stepOfPoint: new Int32Array(0), price: new Float64Array(0), fundBalanceQuote: new Float64Array(0), cumBadDebtQuote: new Float64Array(0), cumSocializedLossQuote: new Float64Array(0), cumLiquidatedNotionalQuote: new Float64Array(0) };
  return { ...result, series };
}

function checkedParams(params: RiskParams, seed: number, paths: number): RiskParams {
  // Structured clone delivers whatever the page sent: validate again at the engine's door.
  return requireRunInputs({ params, run: { seed, paths } }).params;
}

export function createPlannerApi(now: () => number = () => performance.now(), pricePaths: PricePathStore = new PricePathStore()) {
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
      const simulator = createSimulator(prepared.params, job.seed, { pricePaths });
      const early = onProvisional ? provisionalPaths(job.paths) : 0;
      if (early === 0 || !onProvisional) return { ...summarizePoint(prepared, simulator.run(0, job.paths)), ...extra, elapsedMs: now() - started };
      const head = simulator.run(0, early);
      onProvisional({ ...summarizePoint(prepared, head), ...extra, elapsedMs: now() - started, provisional: true });
      const result = mergeRangeResults([head, simulator.run(early, job.paths)]);
      return { ...summarizePoint(prepared, result), ...extra, elapsedMs: now() - started };
    },

    /**
     * This worker's share of a fund sweep, each value reported as it completes (largest fund first). With
     * `onProvisional`, a summary of the largest fund's first paths comes before anything else (drawn at once).
     */
    runFundLadder(job: LadderJob, onPart: (part: LadderPart) => void, onProvisional?: (index: number, answer: PointAnswer) => void): { pathsRun: number } {
      const params = checkedParams(job.params, job.seed, job.paths);
      if (!(Number.isSafeInteger(job.from) && Number.isSafeInteger(job.to) && 0 <= job.from && job.from <= job.to && job.to <= job.paths)) {
        throw new Error(`runFundLadder: [${job.from}, ${job.to}) is not a range of the sweep's ${job.paths} paths`);
      }
      let last = now();
      const prepared = job.values.map((value) => preparePoint(params, 'insuranceFund.initial', value));
      prepared.forEach((point, index) => {
        if (!point.ok) onPart({ index, elapsedMs: 0, ok: false, invalid: point });
      });
      const valid = prepared.flatMap((point, index) => (point.ok ? [{ point, index }] : []));
      const first = valid[0];
      if (first === undefined) return { pathsRun: 0 };
      if (!fundLadderFits(valid.map(({ point }) => point.params))) {
        // No ladder (a fund cap, the drawdown trigger): every value in full, largest first like the ladder.
        for (const { point, index } of [...valid].sort((a, b) => b.point.value - a.point.value)) {
          const result = createSimulator(point.params, job.seed, { pricePaths }).run(job.from, job.to);
          const at = now();
          onPart({ index, elapsedMs: at - last, ok: true, result: withoutSeries(result) });
          last = at;
        }
        return { pathsRun: valid.length * (job.to - job.from) };
      }
      const simulator = createSimulator(first.point.params, job.seed, { pricePaths });
      const funds = valid.map(({ point }) => fundUnitsOf(point.params));
      const known = emptyKnownRows();
      let pathsRun = 0;
      const early = onProvisional ? Math.min(provisionalPaths(job.paths), job.to - job.from) : 0;
      if (early > 0 && onProvisional) {
        const top = funds.reduce((k, f, i) => (f > funds[k]! ? i : k), 0);
        const head = resultAtFund(simulator, known, job.from, job.from + early, funds[top]!, false);
        pathsRun += head.ran;
        const { point, index } = valid[top]!;
        onProvisional(index, { ...summarizePoint(point, head.result), elapsedMs: now() - last, provisional: true });
      }
      const outcome = fundLadder(simulator, funds, job.from, job.to, {
        series: false,
        known,
        onFund: (k, result) => {
          const at = now();
          onPart({ index: valid[k]!.index, elapsedMs: at - last, ok: true, result });
          last = at;
        },
      });
      return { pathsRun: pathsRun + outcome.pathsRun };
    },

    solve(options: SolveOptions): SolveResult {
      return solveLever({ ...options, params: checkedParams(options.params, options.seed, options.initialPaths), pricePaths });
    },

    /** With listeners (Comlink proxies from the page), progress after every probe and each lever as it finishes. */
    compare(options: CompareOptions, onProgress?: CompareOptions['onProgress'], onLever?: CompareOptions['onLever']): LeverComparison {
      const { onProgress: _p, onLever: _l, ...plain } = options;
      return compareLevers({
        ...plain,
        params: checkedParams(options.params, options.seed, options.initialPaths),
        pricePaths,
        ...(onProgress ? { onProgress } : {}),
        ...(onLever ? { onLever } : {}),
      });
    },

    /** Each of the proposal's changes alone and all together against the baseline, on paths [0, paths) (issue #21). */
    attribute(job: { baseline: RiskParams; proposal: RiskParams; fields: string[]; seed: number; paths: number }): Attribution {
      const baseline = checkedParams(job.baseline, job.seed, job.paths);
      const proposal = checkedParams(job.proposal, job.seed, job.paths);
      return attributeChanges(baseline, proposal, job.fields, (params) => createSimulator(params, job.seed, { pricePaths }).run(0, job.paths));
    },
  };
}

export type PlannerApi = ReturnType<typeof createPlannerApi>;
