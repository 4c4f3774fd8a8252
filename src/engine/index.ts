/**
 * The engine's public surface: pure functions of (parameters, seed, path range). Runs in the browser worker, in
 * Node (CLI, benchmarks) and in tests alike. The page imports parameter types and validation from ./params
 * directly and never this module (the main thread simulates nothing).
 */
export { createSimulator, simulateRange, type Simulator, type SimulatorOptions } from './sim/simulateRange';
export { mergeRangeResults } from './sim/mergeRangeResults';
export type { PathColumns, RangeResult, SeriesColumns } from './sim/pathResults';
export { summarizeRun, compareRuns, type RunSummary, type RunComparison } from './metrics';
export { validateParams, formatProblems } from './params/validateParams';
export { defaultParams, DEFAULT_RUN } from './params/defaults';
export type * from './params/riskParams';
export { tracePath, MAX_SHOWN_ACCOUNTS, type PathTrace, type ShownAccounts } from './sim/tracePath';
export type { PathEvent } from './sim/pathEvents';
export { ENGINE_VERSION, canonicalJson, sha256Hex, runIdOf } from './identity';
