// The engine worker's API, as one typed object (STYLE.md §3): the simulation half (prepare a run's simulator,
// run path ranges) and the aggregation half (gather a run's chunks in path order, summarize them). Every
// engine worker carries both; the pool gives each worker one role. A factory, so tests can run several
// independent "workers" in one process.
import { transfer } from 'comlink';
import { createAggregator } from './aggregator';
import type { AggregateRunSpec, PrepareRequest, RangeJob, RangeResult, Side, WarmUpRequest } from '../shared/protocol';
import { populationBatchJob, type PopulationBatchRequest } from './populationBatchJob';
import { buffersOf } from '../shared/rangeTransfer';
import { createSimulatorCache } from './simulatorCache';
import { tracePathJob, type TraceRequest } from './traceJob';
import { importanceRangeJob, importanceSummaryJob, type ImportanceRangeRequest, type ImportanceSummaryRequest } from './importanceJob';

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
    /** A throw-away build and run, for the JIT (EnginePool.warmUp); the wall time, ms. */
    warmUp: (request: WarmUpRequest) => simulators.warmUp(request),
    openRun: (spec: AggregateRunSpec) => aggregator.openRun(spec),
    addRange: (runId: number, side: Side, result: RangeResult) => aggregator.addRange(runId, side, result),
    summarize: (runId: number) => aggregator.summarize(runId),
    samplePath: (runId: number, pathIndex: number) => aggregator.samplePath(runId, pathIndex),
    /** The proposal's per-path columns of a run (copies; buffers transferred), or null. */
    pathColumns: (runId: number) => {
      const columns = aggregator.pathColumns(runId);
      return columns ? transfer(columns, Object.values(columns).map((c: ArrayBufferView) => c.buffer as ArrayBuffer)) : null;
    },
    closeRun: (runId: number) => aggregator.closeRun(runId),
    /** Learn mode: one path with its events; typed arrays transferred. */
    tracePath: (request: TraceRequest) => tracePathJob(request),
    /** One batch of the population-inclusive interval: socialized paths on that batch's own population. */
    populationBatch: (request: PopulationBatchRequest) => populationBatchJob(request),
    /** Rare-event mode: importance-sampled paths [from, to) with their weights (buffers transferred). */
    importanceRange: (request: ImportanceRangeRequest) => importanceRangeJob(request),
    /** Rare-event mode: the summary of a run's importance-sampled ranges. */
    importanceSummary: (request: ImportanceSummaryRequest) => importanceSummaryJob(request),
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
