import { exp } from '../../rng/fdlibmExpLog';

/**
 * Φ, the standard normal distribution function, for closed-form truths in the importance tests: W. J. Cody's
 * rational approximation of erfc, |error| < 1.2e-7. fdlibm's exp, as the engine's lint asks outside test files.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
