/**
 * The engine's public surface: pure functions of (parameters, seed, path range). Runs in the browser worker, in
 * Node (CLI, benchmarks) and in tests alike. Workers and the CLI import the engine from here only (parameter
 * types and validation may also come from ./params), so the folders below can be rearranged without touching
 * the hosts. The page imports parameter types and validation from ./params directly and never this module
 * (the main thread simulates nothing).
 */

// Parameters: types, defaults, presets, validation.
export type * from './params/riskParams';
export { defaultParams, DEFAULT_RUN } from './params/defaults';
export { MARKET_PRESETS, marketPreset, presetIndex, presetParams, type MarketPreset, type PresetSource, type SourceBasis } from './params/marketPresets';
export { formatProblems, MAX_PATHS } from './params/validateParams';
// The one door for inputs from outside (worker requests, CLI files and flags, share links).
export { validateRunInputs, requireRunInputs, type RunInputs, type RunInputsResult, type RunInputProblem } from './params/validateRunInputs';

// Simulation: paths in ranges, their per-path columns, one path traced step by step.
export { createSimulator, fundLadderApplies, pathLedgerBalanced, simulateRange, type FundColumns, type FundRangeResult, type Simulator, type SimulatorOptions } from './sim/simulateRange';
export { mergeRangeResults } from './results/mergeRangeResults';
export { RangeAccumulator } from './results/rangeAccumulator';
export { emptyPathColumns, emptySeries } from './results/emptyColumns';
export type { PathColumns, RangeResult, SeriesColumns } from './results/pathResults';
export { PATH_COLUMN_KEYS, SERIES_ARRAY_KEYS } from './results/rangeResultShape';
export { tracePath, MAX_SHOWN_ACCOUNTS, type PathTrace, type ShownAccounts } from './sim/tracePath';
export type { PathEvent } from './sim/book/pathEvents';
export type { FinderKind } from './liquidation/liquidationFinder';
export { buildPopulation } from './population/buildPopulation';
export {
  POPULATION_BATCHES,
  populationBatchPlan,
  populationBatchSocialized,
  populationBatches,
  type PopulationBatchPlan,
} from './sim/populationBatches';

// Scenarios, tapes and fits of price paths.
export * from './scenario';
export { parseTape, formatTapeProblems, type CandleTape, type TapeProblem, type TapeResult } from './tape/parseTape';
export { tapeReplay, tapeReplayFor, type TapeReplay } from './tape/candleSteps';
export { fitGbm, fitJump, gbmScenarioOf, jumpScenarioOf, type GbmFit, type JumpFit } from './fit/fitScenario';

// Results: summaries, comparisons, intervals, attribution.
export * from './metrics';
export { populationInterval, type PopulationInterval } from './metrics/populationInterval';
export { attributeChanges, withChanges, type Attribution, type AttributionRow } from './metrics/attribution';

// Rare events, the planner, reports.
export * from './importance';
export * from './planner';
export {
  ADL_OVERSHOOT_ESTIMATES,
  adlPolicyComparison,
  type AdlPolicy,
  type AdlPolicyComparison,
  type AdlPolicyResult,
} from './reports/adlPolicies';
export { adlWaveReport, formatAdlProblems, parseAdlWaves, type AdlWave, type AdlWaveReport, type AdlWavesResult } from './reports/adlWaves';

// Identity: engine version, canonical JSON, checksums, run ids.
export * from './identity';
