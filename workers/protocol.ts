// What crosses the worker boundary (STYLE.md §3): plain, structured-clone-safe data only — no Decimal, no
// class instances, no functions. Types only: this module has no runtime code.
import type { RiskParams, RunSummary } from '../src/engine/index';

export type { RiskParams, RunSummary };

/** One run in one worker call: paths [0, paths) of `params` under `seed`. */
export interface RunRequest {
  /** Identifies the run on the page; echoed back so a stale answer can be recognised and dropped. */
  runId: number;
  params: RiskParams;
  seed: number;
  paths: number;
}

export interface RunResponse {
  runId: number;
  summary: RunSummary;
  /** Wall time of the engine work inside the worker, milliseconds. */
  elapsedMs: number;
}
