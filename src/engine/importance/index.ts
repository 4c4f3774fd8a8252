/** Importance sampling for rare losses: tilted scenarios, exact likelihood ratios, weighted estimators. */
export {
  DEFAULT_GBM_PROPOSAL,
  DEFAULT_JUMP_PROPOSAL,
  IDENTITY_TILT,
  NOMINAL_PROPOSAL,
  checkProposal,
  type ImportanceProposal,
  type MixtureComponent,
  type ScenarioTilt,
} from './proposal';
export { LARGE_JUMP_SD, LARGE_JUMP_TAIL, drawTiltedPath, emptyPathDraw, logTiltRatio, prepareTiltedScenario, type PathDraw, type TiltedScenario } from './drawTiltedPath';
export { ESSCHER_SHIFT_SD, MAX_JUMP_TILT, NOMINAL_SHARE, esscherProposal, esscherTilt, pathLogVariance } from './marketProposal';
export { createImportanceSimulator, defaultProposal, defaultProposalFor, type DrawColumns, type ImportanceOptions, type ImportanceSimulator, type WeightedRangeResult } from './importanceSimulator';
export { mergeWeightedRanges } from './mergeWeightedRanges';
export { summarizeImportance, type ImportanceIntervals, type ImportanceSummary } from './summarizeImportance';
export { simulateImportance } from './simulateImportance';
export { effectiveSampleSize, weightedMean, weightedProbability, weightedTail, type Estimate, type WeightedTail } from './weightedEstimates';
export { controlVariateMean, type ControlledEstimate } from './controlVariates';
export { ESTIMATOR_MODES, IMPORTANCE_BELOW_P, RARE_EVENT_THRESHOLD, chooseEstimator, rareInPlainRun, importanceUnavailable, socializedPathsOf, type EstimatorChoice, type EstimatorMode } from './rareEventChoice';
