// Learn mode's request: trace one path (every event, a few accounts drawn per step) in a worker. The request is
// validated like any other (a page bug or a hostile link must not reach the engine unchecked); the answer's
// typed arrays are transferred, not copied.
import { transfer } from 'comlink';
import { MAX_SHOWN_ACCOUNTS, tracePath, requireRunInputs, type PathTrace, type RiskParams } from '../../src/engine/index';

/** A traced path plus each shown account's opening position size (base units), for the accounts' tooltips. */
export type LearnTrace = PathTrace & { shownSizeBase: Float64Array };

export interface TraceRequest {
  params: RiskParams;
  seed: number;
  pathIndex: number;
  /** Accounts drawn per step (the story's accounts first); default MAX_SHOWN_ACCOUNTS. */
  maxShown?: number;
}

export function tracePathJob(request: TraceRequest): LearnTrace {
  const checked = requireRunInputs({ params: request.params, run: { seed: request.seed } }, 'Cannot trace this path');
  const { seed } = checked.run;
  const { pathIndex } = request;
  if (!Number.isSafeInteger(pathIndex) || pathIndex < 0) throw new Error(`Cannot trace this path: path must be a whole number ≥ 0, got ${String(pathIndex)}`);
  const maxShown = Math.max(1, Math.min(request.maxShown ?? MAX_SHOWN_ACCOUNTS, MAX_SHOWN_ACCOUNTS));
  const traced = tracePath(checked.params, seed, pathIndex, maxShown);
  // The opening sizes come with the trace: building the population again here would double a trace's setup.
  const trace: LearnTrace = { ...traced, shownSizeBase: traced.shown.openingSizeBase };
  return transfer(trace, traceBuffers(trace));
}

/** Every distinct buffer under a PathTrace. */
export function traceBuffers(trace: LearnTrace): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    trace.scenarioPrice,
    trace.marketPrice,
    trace.oraclePrice,
    trace.fundQuote,
    trace.cumBadDebtQuote,
    trace.cumFundDrawQuote,
    trace.cumSocializedLossQuote,
    trace.cumVaultLossQuote,
    trace.cumUncoveredQuote,
    trace.cumLiquidations,
    trace.shownSizeBase,
    ...Object.values(trace.shown).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v)),
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
