/**
 * The sampling distribution of importance sampling: a mixture of tilted versions of the scenario. Each path
 * first picks a component (by its own random stream), then draws its prices from that component's tilted
 * dynamics; its weight is the exact likelihood ratio p(path) / q(path) of the nominal scenario p against the
 * whole mixture q = Σ share_j · q_j. Keeping the nominal scenario as one component ("defensive" mixture,
 * Hesterberg 1995) bounds every weight by 1 / share_nominal, so no path can dominate the estimate.
 */

/** One tilt of a gbm or jump scenario. The identity tilt is { 1, 1, 0, 0 }. */
export interface ScenarioTilt {
  /** Jump intensity multiplier c: jumps arrive at c·λ. */
  readonly jumpIntensityFactor: number;
  /** Jump size stdev multiplier k: log jump sizes have stdev k·jumpStdev. */
  readonly jumpStdevFactor: number;
  /** Shift δ of the mean log jump size: jumpMean + δ. */
  readonly jumpMeanShift: number;
  /** Shift θ of each step's diffusion shock, in standard deviations (a drift tilt of θ·σ√dt per step). */
  readonly shockShift: number;
}

export interface MixtureComponent {
  /** Probability that a path is drawn from this component; shares sum to 1. */
  readonly share: number;
  readonly tilt: ScenarioTilt;
}

export interface ImportanceProposal {
  readonly components: readonly MixtureComponent[];
}

export const IDENTITY_TILT: ScenarioTilt = Object.freeze({ jumpIntensityFactor: 1, jumpStdevFactor: 1, jumpMeanShift: 0, shockShift: 0 });

/** Plain Monte Carlo as a proposal: one nominal component, every weight exactly 1. */
export const NOMINAL_PROPOSAL: ImportanceProposal = Object.freeze({ components: Object.freeze([Object.freeze({ share: 1, tilt: IDENTITY_TILT })]) });

/**
 * The proposal jump scenarios used until the calibrated presets (no longer a default; kept to compare against):
 * jumps twice as frequent and 1.8 times as wide, a fifth of the paths nominal. It was tuned on the old default
 * market (one 4.5 % jump a day, where jumps carry most of the variance). On btc-binance (ten 0.4 % jumps a day,
 * four fifths of the variance in the diffusion) it multiplies ~20 per-jump likelihood factors per path, its
 * weights degenerate and it was ~25× less efficient than plain sampling. Jump markets now get
 * esscherProposal (marketProposal.ts), fitted to the market's own variance split.
 */
export const DEFAULT_JUMP_PROPOSAL: ImportanceProposal = Object.freeze({
  components: Object.freeze([
    Object.freeze({ share: 0.2, tilt: IDENTITY_TILT }),
    Object.freeze({ share: 0.8, tilt: Object.freeze({ jumpIntensityFactor: 2, jumpStdevFactor: 1.8, jumpMeanShift: 0, shockShift: 0 }) }),
  ]),
});

/**
 * The default proposal for a gbm scenario: the diffusion itself must carry the price far, up or down, so two
 * drift-tilted components (±0.04 standard deviations per step: about ±1.5 daily standard deviations over
 * 1,440 steps) and a nominal one.
 */
export const DEFAULT_GBM_PROPOSAL: ImportanceProposal = Object.freeze({
  components: Object.freeze([
    Object.freeze({ share: 0.2, tilt: IDENTITY_TILT }),
    Object.freeze({ share: 0.4, tilt: Object.freeze({ ...IDENTITY_TILT, shockShift: 0.04 }) }),
    Object.freeze({ share: 0.4, tilt: Object.freeze({ ...IDENTITY_TILT, shockShift: -0.04 }) }),
  ]),
});

/**
 * Checks a proposal: at least one component, shares > 0 summing to 1 (within 1e-9), factors finite and > 0,
 * shifts finite. Throws a RangeError naming the component and field.
 */
export function checkProposal(proposal: ImportanceProposal): void {
  const { components } = proposal;
  if (components.length === 0) throw new RangeError('importance proposal: no mixture components');
  let total = 0;
  components.forEach((component, j) => {
    const where = `importance proposal component ${j}`;
    if (!(component.share > 0 && component.share <= 1)) throw new RangeError(`${where}: share must lie in (0, 1], got ${component.share}`);
    total += component.share;
    const { jumpIntensityFactor, jumpStdevFactor, jumpMeanShift, shockShift } = component.tilt;
    if (!(jumpIntensityFactor > 0 && Number.isFinite(jumpIntensityFactor))) throw new RangeError(`${where}: jumpIntensityFactor must be finite and > 0, got ${jumpIntensityFactor}`);
    if (!(jumpStdevFactor > 0 && Number.isFinite(jumpStdevFactor))) throw new RangeError(`${where}: jumpStdevFactor must be finite and > 0, got ${jumpStdevFactor}`);
    if (!Number.isFinite(jumpMeanShift)) throw new RangeError(`${where}: jumpMeanShift must be finite, got ${jumpMeanShift}`);
    if (!Number.isFinite(shockShift)) throw new RangeError(`${where}: shockShift must be finite, got ${shockShift}`);
  });
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`importance proposal: component shares sum to ${total}, not 1`);
}
