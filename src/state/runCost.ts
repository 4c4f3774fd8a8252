// What a run will cost before it starts (issue 18 §6): a rough estimate from the work's size — accounts checked
// at every step of every path, plus building the population once per worker — measured on the README's bench
// machine and deliberately on the slow side. The page asks before starting anything over HEAVY_RUN_SECONDS that
// came from a link, so a link cannot silently take a visitor's machine for hours.
import type { RiskParams } from '../engine/params/riskParams';
import type { ShareState } from '../share/shareState';

/** Runs from a link estimated above this need the visitor's go-ahead. */
export const HEAVY_RUN_SECONDS = 30;

/**
 * ns per path-step: a fixed part (drawing the price, the step's bookkeeping) and a part per account (the
 * frontier's work grows with the book). Bench rows (README): 10k accounts ≈ 100–450 ns, 100k ≈ 3.6 µs.
 */
const NS_PER_STEP = 150;
const NS_PER_ACCOUNT_STEP = 0.04;
/** Building a population and its frontier, ns per account (once per worker and side). */
const NS_PER_ACCOUNT_PREPARE = 2_000;
/** Result columns kept per path-step by the aggregator's downsampled series and per-path totals, bytes (rough). */
const BYTES_PER_PATH = 2_000;
const BYTES_PER_ACCOUNT = 200;

export interface RunCost {
  /** Wall time estimate with `workers` workers, s. */
  seconds: number;
  /** Memory estimate, bytes (population per worker plus results). */
  bytes: number;
  accounts: number;
  steps: number;
  paths: number;
  sides: number;
}

function accountsOf(params: RiskParams): number {
  return params.population.kind === 'explicit' ? params.population.accounts.length : params.population.accounts;
}

export function estimateRunCost(state: Pick<ShareState, 'params' | 'baseline' | 'run'>, workers: number): RunCost {
  const sides = [state.params, ...(state.baseline ? [state.baseline] : [])];
  const paths = state.run.paths;
  const lanes = Math.max(1, workers);
  let ns = 0;
  let bytes = paths * BYTES_PER_PATH * sides.length;
  for (const params of sides) {
    const accounts = accountsOf(params);
    const steps = params.market.steps;
    ns += (paths * steps * (NS_PER_STEP + NS_PER_ACCOUNT_STEP * accounts)) / lanes;
    ns += accounts * NS_PER_ACCOUNT_PREPARE; // each worker prepares in parallel: once on the clock
    bytes += accounts * BYTES_PER_ACCOUNT * lanes;
  }
  return { seconds: ns / 1e9, bytes, accounts: accountsOf(state.params), steps: state.params.market.steps, paths, sides: sides.length };
}

/** "about 40 s", "about 12 min", "about 6.6 h". */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}

/** "1.7 GB", "350 MB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}
