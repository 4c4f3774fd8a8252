// What crosses the worker boundary (STYLE.md §3): plain, structured-clone-safe data only — no Decimal, no
// class instances, no functions. Result columns travel as typed arrays whose buffers are transferred, never
// shared. Types only: this module has no runtime code.
import type { RangeResult, RiskParams, RunComparison, RunSummary } from '../../src/engine/index';

export type { RangeResult, RiskParams, RunComparison, RunSummary };

/** Which parameter set a range belongs to: the proposal, or the pinned baseline it is compared with. */
export type Side = 'proposal' | 'baseline';

/**
 * Build (or find in the worker's cache) the simulator of one (params, seed): population, scenario constants and
 * sorted liquidation frontier, shared by every path of a run. `key` names that pair; the pool chooses it.
 */
export interface PrepareRequest {
  key: string;
  params: RiskParams;
  seed: number;
}

export interface PrepareResponse {
  key: string;
  accounts: number;
  /** True when the simulator was already cached in this worker. */
  cached: boolean;
  /** Wall time inside the worker, ms. */
  elapsedMs: number;
}

/**
 * Build a throw-away simulator of (params, seed) and simulate its paths [0, paths): what a run does, so the
 * worker's JIT has compiled it before the user's next runs (see EnginePool.warmUp). Nothing is kept.
 */
export interface WarmUpRequest {
  params: RiskParams;
  seed: number;
  paths: number;
}

/** Simulate paths [from, to) of the simulator prepared under `key`. */
export interface RangeJob {
  /** Echoed back, so the pool can drop the answer of a run it has since cancelled. */
  runId: number;
  side: Side;
  key: string;
  from: number;
  to: number;
}

export interface RangeChunk {
  runId: number;
  side: Side;
  /** Wall time of the simulation inside the worker, ms (what chunk sizing adapts to). */
  elapsedMs: number;
  result: RangeResult;
}

/** Opens a run in the aggregator: it then receives every chunk (any order) and summarizes on request. */
export interface AggregateRunSpec {
  runId: number;
  paths: number;
  /** One entry per side simulated: the proposal first, then the baseline if pinned (same seed, same paths). */
  sides: { side: Side; params: RiskParams; seed: number }[];
}

/** The run summarized over the paths received so far (the contiguous prefix [0, n) of each side). */
export interface AggregateSnapshot {
  runId: number;
  /** Paths in `summary` (the proposal's prefix). */
  pathsCovered: number;
  /** With `detail: true` (fan bands, histograms). */
  summary: RunSummary;
  baselineSummary: RunSummary | null;
  /** Paired proposal − baseline over the prefix both sides have. */
  comparison: RunComparison | null;
  /** Wall time of the aggregation inside the worker, ms. */
  elapsedMs: number;
}

/** One path's downsampled series as plain arrays (the page's sample-path chart). */
export interface SamplePathDto {
  pathIndex: number;
  stepOfPoint: number[];
  price: number[];
  fundBalanceQuote: number[];
  cumBadDebtQuote: number[];
  cumSocializedLossQuote: number[];
  cumLiquidatedNotionalQuote: number[];
}
