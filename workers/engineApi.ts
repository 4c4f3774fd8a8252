// The engine worker's API, as one typed object (STYLE.md §3): the simulation half (prepare a run's simulator,
// run path ranges) and the aggregation half (gather a run's chunks in path order, summarize them). Every
// engine worker carries both; the pool gives each worker one role. A factory, so tests can run several
// independent "workers" in one process.
import { transfer } from 'comlink';
import { createAggregator } from './aggregator';
import type { AggregateRunSpec, PrepareRequest, RangeJob, RangeResult, Side } from './protocol';
import { buffersOf } from './rangeTransfer';
import { createSimulatorCache } from './simulatorCache';

export function createEngineApi() {
  const simulators = createSimulatorCache();
  const aggregator = createAggregator();
  return {
    prepare: (request: PrepareRequest) => simulators.prepare(request),
    /** The result's buffers are transferred to the caller, not copied. */
    runRange: (job: RangeJob) => {
      const chunk = simulators.runRange(job);
      return transfer(chunk, buffersOf(chunk.result));
    },
    openRun: (spec: AggregateRunSpec) => aggregator.openRun(spec),
    addRange: (runId: number, side: Side, result: RangeResult) => aggregator.addRange(runId, side, result),
    summarize: (runId: number) => aggregator.summarize(runId),
    samplePath: (runId: number, pathIndex: number) => aggregator.samplePath(runId, pathIndex),
    closeRun: (runId: number) => aggregator.closeRun(runId),
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
