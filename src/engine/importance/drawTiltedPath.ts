import { exp as ieeeExp, log as ieeeLog } from '../rng/fdlibmExpLog';
import { PathRng, RNG_STREAM } from '../rng/pathRng';
import { clampPrice } from '../scenario/pathBase';
import { poissonCdfTable, poissonFromUniform } from '../scenario/poissonTable';
import type { PreparedScenario } from '../scenario/prepareScenario';
import { checkProposal, type ImportanceProposal, type ScenarioTilt } from './proposal';

/**
 * What a path's draw tells the estimators besides its prices: its likelihood ratio and the sufficient
 * statistics of its randomness. The statistics are taken in the NOMINAL scenario's coordinates (shock = the
 * diffusion's standardized increment under p), so with weights they also serve as control variates with known
 * nominal means (controlVariates.ts).
 */
export interface PathDraw {
  /** p(path) / q(path): nominal density over the mixture's density; 1 for the nominal proposal. */
  weight: number;
  /** Mixture component that drew the path. */
  component: number;
  /** Jumps over the path (Σ n_t). */
  jumpCount: number;
  /** Steps with at least one jump. */
  jumpSteps: number;
  /** Σ over jump steps of (S_t − n_t·jumpMean)² / n_t: squared jump sizes about the nominal mean. */
  jumpSquares: number;
  /** Σ over jump steps of (S_t − n_t·jumpMean). */
  jumpDeviation: number;
  /** Σ over steps of the diffusion's standardized shock (Z + θ). */
  shockSum: number;
  /** Jump steps whose total lies more than LARGE_JUMP_SD nominal standard deviations from its nominal mean. */
  largeJumpSteps: number;
}

/**
 * "Large" jump, in nominal standard deviations of a step's jump total: about 11 % at the default market's 4.5 %
 * jumps. Given n jumps, P_p(|S − n m| > 2.5 s √n) = 2Φ(−2.5) = LARGE_JUMP_TAIL whatever n is, so the count of
 * such steps has a known nominal mean and serves as a control variate for the losses large jumps cause.
 */
export const LARGE_JUMP_SD = 2.5;
export const LARGE_JUMP_TAIL = 0.012419330651552318;

export function emptyPathDraw(): PathDraw {
  return { weight: 1, component: 0, jumpCount: 0, jumpSteps: 0, jumpSquares: 0, jumpDeviation: 0, shockSum: 0, largeJumpSteps: 0 };
}

interface TiltedComponent {
  readonly logShare: number;
  readonly tilt: ScenarioTilt;
  readonly jumpCountCdf: Float64Array;
  /** Upper end of this component's cumulative share, for picking it by one uniform. */
  readonly cumulativeShare: number;
}

/** A scenario prepared for importance sampling: the nominal constants plus one jump table per component. */
export interface TiltedScenario {
  readonly base: Extract<PreparedScenario, { kind: 'gbm' | 'jump' }>;
  readonly components: readonly TiltedComponent[];
  /** Nominal jumps per step, λ·dt (0 for gbm). */
  readonly jumpsPerStep: number;
  /** Mirror odd paths on the even one before them (antithetic pairs). */
  readonly antithetic: boolean;
}

/**
 * Prepares the tilted draws. Only gbm and jump scenarios have a likelihood the estimator can tilt (crash and
 * replay are a fixed shape with noise); a tilt a scenario cannot express (a jump tilt without jumps, a size
 * tilt of zero-width jumps) is refused rather than silently ignored.
 * @throws RangeError for another scenario kind or a tilt it cannot express
 */
export function prepareTiltedScenario(prepared: PreparedScenario, proposal: ImportanceProposal, options: { antithetic?: boolean } = {}): TiltedScenario {
  checkProposal(proposal);
  if (prepared.kind !== 'gbm' && prepared.kind !== 'jump') {
    throw new RangeError(`importance sampling tilts gbm and jump scenarios; a ${prepared.kind} scenario can only be sampled plainly`);
  }
  // The nominal table's first entry is e^{−λdt} exactly as poissonCdfTable computed it.
  const jumpsPerStep = prepared.kind === 'jump' ? -ieeeLog(prepared.jumpCountCdf[0]!) : 0;
  if (!Number.isFinite(jumpsPerStep)) throw new RangeError('importance sampling: the jump intensity per step is too large to tilt (over 700 jumps a step)');
  let cumulative = 0;
  const components = proposal.components.map((component, j) => {
    const { tilt } = component;
    const where = `importance proposal component ${j}`;
    const tiltsJumps = tilt.jumpIntensityFactor !== 1 || tilt.jumpStdevFactor !== 1 || tilt.jumpMeanShift !== 0;
    if (prepared.kind === 'gbm' && tiltsJumps) throw new RangeError(`${where}: a gbm scenario has no jumps to tilt`);
    if (prepared.kind === 'jump' && prepared.jumpStdev === 0 && (tilt.jumpStdevFactor !== 1 || tilt.jumpMeanShift !== 0)) {
      throw new RangeError(`${where}: jumps of stdev 0 have a fixed size; only their intensity can be tilted`);
    }
    if (prepared.volPerStep === 0 && tilt.shockShift !== 0) throw new RangeError(`${where}: a scenario without volatility has no shock to shift`);
    cumulative += component.share;
    return {
      logShare: ieeeLog(component.share),
      tilt,
      jumpCountCdf: prepared.kind === 'jump' ? poissonCdfTable(tilt.jumpIntensityFactor * jumpsPerStep) : Float64Array.of(1),
      cumulativeShare: j === proposal.components.length - 1 ? 1 : cumulative,
    };
  });
  return { base: prepared, components, jumpsPerStep, antithetic: options.antithetic ?? false };
}

/**
 * Draws path `pathIndex` from the mixture into out[0 .. steps − 1] and fills `draw`. Deterministic in
 * (scenario, proposal, seed, pathIndex). Per step the draw order is the nominal one (drawPricePath: diffusion
 * normal, jump-count uniform, jump normal when n > 0), so a component with the identity tilt draws exactly the
 * plain path of the same index. The component is picked by a uniform of the separate importance stream.
 * With `antithetic`, path 2m + 1 replays path 2m's streams with every normal negated and every uniform u
 * replaced by 1 − u: each path is still drawn from its component, so its weight stays exact.
 */
export function drawTiltedPath(tilted: TiltedScenario, seed: number, pathIndex: number, out: Float64Array, draw: PathDraw): void {
  const { base, components } = tilted;
  if (out.length < base.steps) throw new RangeError(`out has length ${out.length}, the path needs ${base.steps}`);
  const mirrored = tilted.antithetic && pathIndex % 2 === 1;
  const streamIndex = mirrored ? pathIndex - 1 : pathIndex;
  const sign = mirrored ? -1 : 1;
  const pick = new PathRng(seed, streamIndex, RNG_STREAM.importance).nextFloat();
  let component = 0;
  while (pick > components[component]!.cumulativeShare) component++;
  const { tilt, jumpCountCdf } = components[component]!;
  const rng = new PathRng(seed, streamIndex, RNG_STREAM.price);

  const { steps, initialPrice, logDriftPerStep, volPerStep, minPrice, maxPrice } = base;
  const hasJumps = base.kind === 'jump';
  const jumpMean = hasJumps ? base.jumpMean : 0;
  const jumpStdev = hasJumps ? base.jumpStdev : 0;
  const tiltedJumpMean = jumpMean + tilt.jumpMeanShift;
  const tiltedJumpStdev = jumpStdev * tilt.jumpStdevFactor;
  const theta = tilt.shockShift;
  let jumpCount = 0;
  let jumpSteps = 0;
  let jumpSquares = 0;
  let jumpDeviation = 0;
  let shockSum = 0;
  let largeJumpSteps = 0;
  const largeJumpSquare = LARGE_JUMP_SD * LARGE_JUMP_SD * jumpStdev * jumpStdev;
  out[0] = initialPrice;
  let logRatio = 0;
  for (let t = 1; t < steps; t++) {
    const shock = sign * rng.nextNormal() + theta;
    shockSum += shock;
    logRatio += logDriftPerStep + volPerStep * shock;
    if (hasJumps) {
      const u = rng.nextFloat();
      const n = poissonFromUniform(jumpCountCdf, mirrored ? 1 - u : u);
      if (n > 0) {
        const size = n * tiltedJumpMean + tiltedJumpStdev * Math.sqrt(n) * sign * rng.nextNormal();
        const deviation = size - n * jumpMean;
        jumpCount += n;
        jumpSteps++;
        jumpSquares += (deviation * deviation) / n;
        jumpDeviation += deviation;
        if (deviation * deviation > largeJumpSquare * n) largeJumpSteps++;
        logRatio += size;
      }
    }
    out[t] = clampPrice(initialPrice * ieeeExp(logRatio), minPrice, maxPrice);
  }
  draw.component = component;
  draw.jumpCount = jumpCount;
  draw.jumpSteps = jumpSteps;
  draw.jumpSquares = jumpSquares;
  draw.jumpDeviation = jumpDeviation;
  draw.shockSum = shockSum;
  draw.largeJumpSteps = largeJumpSteps;
  draw.weight = likelihoodRatio(tilted, draw);
}

/**
 * log q_j(path) / p(path) of one component from the path's sufficient statistics (steps − 1 increments):
 *  - shock shift θ: Σ_t log φ(Z_t − θ)/φ(Z_t) = θ·ΣZ − (steps − 1)·θ²/2;
 *  - intensity c: Σ_t log[(cλdt)^n e^{−cλdt} / (λdt)^n e^{−λdt}] = N·log c − (c − 1)·λdt·(steps − 1);
 *  - size (k, δ): each jump step's total S ~ N(n(m + δ), n k² s²) against N(n m, n s²); with e = S − n m,
 *    log ratio = −log k − (e − nδ)²/(2 n k² s²) + e²/(2 n s²), summed: Σ(e − nδ)²/n = Q − 2δD + δ²N.
 * The path is a function of each step's total S alone, so the density of S (not of the n jumps) is the exact
 * likelihood for every expectation over paths.
 */
export function logTiltRatio(tilted: TiltedScenario, tilt: ScenarioTilt, draw: PathDraw): number {
  const increments = tilted.base.steps - 1;
  const theta = tilt.shockShift;
  let log = theta * draw.shockSum - (increments * theta * theta) / 2;
  if (tilted.base.kind === 'jump' && tilted.jumpsPerStep > 0) {
    const c = tilt.jumpIntensityFactor;
    log += draw.jumpCount * ieeeLog(c) - (c - 1) * tilted.jumpsPerStep * increments;
    const s2 = tilted.base.jumpStdev * tilted.base.jumpStdev;
    if (s2 > 0) {
      const k = tilt.jumpStdevFactor;
      const delta = tilt.jumpMeanShift;
      const shiftedSquares = draw.jumpSquares - 2 * delta * draw.jumpDeviation + delta * delta * draw.jumpCount;
      log += -draw.jumpSteps * ieeeLog(k) - shiftedSquares / (2 * k * k * s2) + draw.jumpSquares / (2 * s2);
    }
  }
  return log;
}

/** p / Σ_j share_j q_j, by log-sum-exp so no component's ratio overflows. */
function likelihoodRatio(tilted: TiltedScenario, draw: PathDraw): number {
  const { components } = tilted;
  if (components.length === 1 && isIdentity(components[0]!.tilt)) return 1;
  let max = -Infinity;
  const logs = components.map((c) => {
    const value = c.logShare + logTiltRatio(tilted, c.tilt, draw);
    if (value > max) max = value;
    return value;
  });
  let sum = 0;
  for (const value of logs) sum += ieeeExp(value - max);
  return ieeeExp(-(max + ieeeLog(sum)));
}

function isIdentity(tilt: ScenarioTilt): boolean {
  return tilt.jumpIntensityFactor === 1 && tilt.jumpStdevFactor === 1 && tilt.jumpMeanShift === 0 && tilt.shockShift === 0;
}
