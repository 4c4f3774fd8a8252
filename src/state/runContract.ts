// The contract between the run slice (worker pool, streaming, cancellation) and the page that shows its
// results. Types only. The run slice implements RunSlice; components read these fields through selectors.
import type { RunComparison, RunSummary } from '../engine/metrics';
import type { SamplePathDto } from '../../workers/shared/protocol';

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

export interface RunProgress {
  pathsDone: number;
  pathsTotal: number;
  /** Wall time since the run started, ms. */
  elapsedMs: number;
  /** Estimated time left, ms; null until a first chunk has finished, and while the run waits. */
  etaMs: number | null;
  /** What the run waits for when it is not simulating ("summarizing the results", a replaced worker). */
  waiting?: string;
}

/** One path's downsampled series (the view's pathIndex), for the sample-path chart: the pool's DTO as it arrives. */
export type SamplePath = SamplePathDto;

export interface RunSliceContract {
  runId: number;
  status: RunStatus;
  progress: RunProgress;
  /** Summary with detail (fan bands, histograms) over the paths done so far; final once status is 'done'. */
  summary: RunSummary | null;
  /** With a pinned baseline: the baseline's summary over the same paths and seed. */
  baselineSummary: RunSummary | null;
  /** With a pinned baseline: paired proposal − baseline differences on the same paths. */
  comparison: RunComparison | null;
  samplePath: SamplePath | null;
  /** True while the summary shown belongs to parameters that have since changed (a new run is under way). */
  stale: boolean;
  /** Why the last run failed, in words for the page; null otherwise. */
  error: string | null;
  /** (Re)starts a run of the current parameters (and the baseline, if pinned); cancels any run in flight. */
  startRun: () => void;
  cancelRun: () => void;
}
