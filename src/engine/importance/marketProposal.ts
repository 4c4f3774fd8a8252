import { exp as ieeeExp, log as ieeeLog } from '../rng/fdlibmExpLog';
import type { PreparedScenario } from '../scenario/prepareScenario';
import { IDENTITY_TILT, type ImportanceProposal, type ScenarioTilt } from './proposal';

/**
 * The importance proposal of a jump market, derived from the market itself rather than tuned on one of them.
 *
 * A day's socialized loss comes from the price travelling far, up or down. How it travels differs between
 * markets: on the calibrated presets (btc-binance: ten 0.4 % jumps a day) the diffusion carries about four
 * fifths of the daily variance and the jumps are nearly Gaussian noise; on the old default (one 4.5–7 % jump a
 * day) single jumps carry most of it. A tilt of one part alone fits one kind of market: widening the jumps
 * (the proposal tuned on the old market) multiplies ~20 per-jump likelihood factors per path on btc-binance, so
 * its weights degenerate.
 *
 * The exponential (Esscher) tilt of the whole log-price increment fits both: it multiplies the nominal density of
 * every step's increment X by e^{ηX} / E[e^{ηX}], which for a jump diffusion is again a jump diffusion of the
 * same shape, so the existing tilt parameters express it exactly:
 *  - diffusion shock shifted by θ = η·σ (standard deviations per step);
 *  - jump intensity multiplied by c = exp(η·m + η²s²/2);
 *  - jump mean shifted by δ = η·s², jump stdev unchanged.
 * Each part is tilted in proportion to the variance it carries. η = ±a / √V with V the nominal variance of a
 * day's log return, so the tilted day drifts about a daily standard deviations (up in one component, down in
 * the other), and the log likelihood ratio has a variance near a² on every market, however the variance splits.
 * For a gbm scenario this is DEFAULT_GBM_PROPOSAL's drift tilt (there a = 0.04·√1,439 ≈ 1.52; gbm markets keep it).
 */

/**
 * Daily standard deviations the tilted components drift. Chosen by efficiency = 1 / (relative variance × CPU per
 * path), 4,000 paths, seed 1, on btc-binance, thin-alt, sol-hyperliquid (losses socialized) and the old default
 * with jumpStdev 0.045, each with a fund giving P(socialized) ≈ 0.5–0.9 %: shift 1 was best or level-best on all
 * four (0.75, 1, 1.25, 1.5, 2, 2.5 tried). A wider shift sees more socialized paths but makes every tilted day
 * violent — thousands of liquidations — and its CPU per path grows faster than its variance falls (btc-binance:
 * 1.2 ms at shift 1, 3 ms at 1.5, 5 ms at 2, against 0.6–0.9 ms for a plain path).
 */
export const ESSCHER_SHIFT_SD = 1;

/** Share of paths drawn from the nominal scenario ("defensive" mixture: every weight is at most 1 / share). */
export const NOMINAL_SHARE = 0.2;

/** Largest |η|·(|jumpMean| + jumpStdev) of a tilt (see esscherProposal). */
export const MAX_JUMP_TILT = 1;

/** The Esscher tilt of parameter η of one step's log increment (see above). */
export function esscherTilt(prepared: Extract<PreparedScenario, { kind: 'jump' }>, eta: number): ScenarioTilt {
  const { volPerStep, jumpMean, jumpStdev } = prepared;
  return {
    shockShift: eta * volPerStep,
    jumpIntensityFactor: ieeeExp(eta * jumpMean + (eta * eta * jumpStdev * jumpStdev) / 2),
    jumpMeanShift: eta * jumpStdev * jumpStdev,
    jumpStdevFactor: 1,
  };
}

/** Nominal variance of the log return over the path's steps − 1 increments: diffusion plus compound Poisson. */
export function pathLogVariance(prepared: Extract<PreparedScenario, { kind: 'jump' }>): number {
  // The nominal Poisson table starts at e^{−λdt}, so λdt comes back from it exactly as the sampler sees it.
  const jumpsPerStep = -ieeeLog(prepared.jumpCountCdf[0]!);
  const { volPerStep, jumpMean, jumpStdev } = prepared;
  return (prepared.steps - 1) * (volPerStep * volPerStep + jumpsPerStep * (jumpStdev * jumpStdev + jumpMean * jumpMean));
}

/**
 * The defensive two-sided Esscher mixture of a jump scenario: NOMINAL_SHARE nominal, the rest split evenly
 * between the tilts +η and −η with η = shiftSd / √V (capped for rare wide jumps, below). A scenario with no variance at all has nothing to tilt and
 * gets the nominal proposal.
 */
export function esscherProposal(prepared: Extract<PreparedScenario, { kind: 'jump' }>, shiftSd = ESSCHER_SHIFT_SD): ImportanceProposal {
  const variance = pathLogVariance(prepared);
  if (!(variance > 0)) return { components: [{ share: 1, tilt: IDENTITY_TILT }] };
  // Rare wide jumps (λT ≪ 1, s ≫ the diffusion), or a shift far into the tail, make x = η·s large, and the
  // jump part of the log likelihood ratio then has variance ≈ η²λTs²·e^{x²/2}(1 + x²) instead of η²λTs²: so
  // the tilt stops at |η|·(|m| + s) = 1 (at most about e^{1/2} as many jumps). At the default shift the
  // calibrated presets (x ≈ 0.1–0.2) and the old default (x ≈ 0.7) stay below it.
  const { jumpMean, jumpStdev } = prepared;
  const eta = Math.min(shiftSd / Math.sqrt(variance), MAX_JUMP_TILT / (Math.abs(jumpMean) + jumpStdev));
  const tilted = (1 - NOMINAL_SHARE) / 2;
  return {
    components: [
      { share: NOMINAL_SHARE, tilt: IDENTITY_TILT },
      { share: tilted, tilt: esscherTilt(prepared, eta) },
      { share: tilted, tilt: esscherTilt(prepared, -eta) },
    ],
  };
}
