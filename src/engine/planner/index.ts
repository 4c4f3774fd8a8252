/** The mitigation planner (issue #10): parameter sweeps on common random numbers, the lever solver, lever costs. */
export {
  LEVER_PATHS,
  SWEEPABLE_PARAMS,
  paramPathProblem,
  readParam,
  roundToResolution,
  sweepableParam,
  withParam,
  type LeverKind,
  type ParamKind,
  type SweepableParam,
} from '../params/sweepableParams';
export {
  MAX_SWEEP_CELLS,
  MAX_SWEEP_POINTS,
  fundLadderFits,
  fundUnitsOf,
  preparePoint,
  preparePoint2,
  summarizePoint,
  sweep1d,
  sweep2d,
  sweepPoint,
  sweepValues,
  type InvalidSweepPoint,
  type PointObserver,
  type PreparedPoint,
  type Sweep2d,
  type SweepCell,
  type SweepPoint,
  type SweepPointResult,
} from './sweep';
export { bestUpperBound, checkProbeSettings, probeParams, probeWith, type ProbeOutcome, type ProbePaths, type ProbeSettings } from './probe';
export { emptyKnownRows, fundLadder, resultAtFund, rowCovers, rowsAtFund, type KnownRows, type LadderOptions, type LadderOutcome, type LadderRow } from './fundLadder';
export { createFundProber, type FundProber } from './fundProber';
export { bufferCollateralFor, extraCollateralFor, leverCosts, openInterestQuote, type FundCost, type LeverCosts, type MarginCost, type ThroughputCost } from './leverCosts';
export { DEFAULT_REL_TOLERANCE, leverOfPath, solveLever, type Probe, type SolveOptions, type SolveResult, type SolveStatus } from './solve';
export { COMBINATION_TOLERANCE, LEVER_KINDS, compareLevers, type Combination, type CombinationProbe, type CompareOptions, type LeverComparison } from './compareLevers';
export {
  COST_ASSUMPTION_LIMITS,
  DEFAULT_COST_ASSUMPTIONS,
  annualCost,
  costAssumptionProblems,
  rankByAnnualCost,
  type AnnualCost,
  type CostAssumptions,
  type RankedOption,
} from './annualCost';
export { bisectionStepsLeft, combinationProbesLeft, compareProbesLeft, soloProbesLeft, type CompareProgress, type CompareStage } from './searchProgress';
export { initialMarginMoved, initialRatioFor } from '../params/sweepableParams';
