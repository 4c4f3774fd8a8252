// Worker side of aggregation: the chunks of the run in flight, gathered in path order (RunAccumulator), and
// summaries of them on request. Summaries (fan bands, histograms, sorting for VaR) and paired comparisons cost
// tens of ms for 1,000 paths, so they happen here and never on the page's main thread; the page receives
// plain-JSON RunSummary objects.
import { buildPopulation, compareRuns, summarizeRun, requireRunInputs, type PathColumns, type RunSummary } from '../../src/engine/index';
import type { AggregateRunSpec, AggregateSnapshot, RangeResult, SamplePathDto, Side } from '../shared/protocol';
import { RunAccumulator } from './runAccumulator';
import { emptyFanCache, summarizeWithCachedFan, type FanCache } from './fanRefresh';

interface SideAggregate {
  accumulator: RunAccumulator;
  /** The last fan bands computed for this side, reused by partial summaries for FAN_REFRESH_MS (fanRefresh.ts). */
  fan: FanCache;
  explicit: boolean;
  /** Account ids, in population order, for an explicit population's loss by account. */
  ids: string[] | undefined;
}

interface RunAggregate {
  runId: number;
  sides: Map<Side, SideAggregate>;
}

export interface Aggregator {
  /** Opens a run; every run with a smaller id is closed (its memory freed). */
  openRun(spec: AggregateRunSpec): void;
  /** Adds a chunk; returns false (and keeps nothing) when the run is not open: a stale chunk is dropped. */
  addRange(runId: number, side: Side, result: RangeResult): boolean;
  /** Summaries over the paths received so far, or null when the run is not open or has no paths yet. */
  summarize(runId: number): AggregateSnapshot | null;
  samplePath(runId: number, pathIndex: number): SamplePathDto | null;
  /** A copy of the proposal's per-path columns over the paths received in order (the page's CSV export), or null. */
  pathColumns(runId: number): PathColumns | null;
  closeRun(runId: number): void;
  /** Open run ids (for tests: memory is released). */
  openRuns(): number[];
}

function sideAggregate(paths: number, side: AggregateRunSpec['sides'][number]): SideAggregate {
  const validated = requireRunInputs({ params: side.params, run: { seed: side.seed } }, `The ${side.side} parameters were refused`);
  const explicit = validated.params.population.kind === 'explicit';
  // An explicit population is the accounts as given (no draw): building it only to read its ids is cheap.
  const ids = explicit ? buildPopulation(validated.params, side.seed).ids : undefined;
  return { accumulator: new RunAccumulator(paths), explicit, ids, fan: emptyFanCache() };
}

export function createAggregator(now: () => number = () => performance.now()): Aggregator {
  const runs = new Map<number, RunAggregate>();

  const summaryOf = (side: SideAggregate): RunSummary =>
    summarizeWithCachedFan(side.accumulator, side.fan, now(), (view, fan) =>
      summarizeRun(view, { explicit: side.explicit, ...(side.ids ? { ids: side.ids } : {}), detail: true, fan }),
    );

  return {
    openRun(spec) {
      for (const runId of [...runs.keys()]) if (runId <= spec.runId) runs.delete(runId);
      const sides = new Map<Side, SideAggregate>();
      for (const side of spec.sides) sides.set(side.side, sideAggregate(spec.paths, side));
      if (!sides.has('proposal')) throw new Error('aggregator: a run needs a proposal side');
      runs.set(spec.runId, { runId: spec.runId, sides });
    },

    addRange(runId, side, result) {
      const target = runs.get(runId)?.sides.get(side);
      if (!target) return false;
      target.accumulator.add(result);
      return true;
    },

    summarize(runId) {
      const run = runs.get(runId);
      const proposal = run?.sides.get('proposal');
      if (!run || !proposal || proposal.accumulator.prefix === 0) return null;
      const started = now();
      const baseline = run.sides.get('baseline');
      const summary = summaryOf(proposal);
      const baselineSummary = baseline && baseline.accumulator.prefix > 0 ? summaryOf(baseline) : null;
      const common = baseline ? Math.min(proposal.accumulator.prefix, baseline.accumulator.prefix) : 0;
      // The tail changes' paired bootstrap (for the forum post) once both sides are complete, not per partial summary.
      const complete = baseline !== undefined && common === proposal.accumulator.total && common === baseline.accumulator.total;
      const comparison =
        baseline && common > 0 ? compareRuns(proposal.accumulator.pathsView(common), baseline.accumulator.pathsView(common), { tail: complete }) : null;
      return { runId, pathsCovered: proposal.accumulator.prefix, summary, baselineSummary, comparison, elapsedMs: now() - started };
    },

    samplePath(runId, pathIndex) {
      return runs.get(runId)?.sides.get('proposal')?.accumulator.samplePath(pathIndex) ?? null;
    },

    pathColumns(runId) {
      const proposal = runs.get(runId)?.sides.get('proposal');
      if (!proposal || proposal.accumulator.prefix === 0) return null;
      const view = proposal.accumulator.pathsView(proposal.accumulator.prefix).paths;
      const copy = {} as Record<string, ArrayBufferView>;
      for (const [key, column] of Object.entries(view)) copy[key] = column.slice();
      return copy as unknown as PathColumns;
    },

    closeRun(runId) {
      runs.delete(runId);
    },

    openRuns() {
      return [...runs.keys()];
    },
  };
}
