/**
 * The solver's probes of the starting fund on the fund ladder (fundLadder.ts). Every probe of a search runs paths
 * [0, n) of the same seed at its own fund; here each path is simulated once and reused by every later probe whose
 * fund lies inside that path's bounds, so a probe reruns only the paths whose outcome its fund can change. The
 * outcome of every probe is exactly probeParams' at the same parameters (fundProber.test.ts), importance-sampled
 * paths included: their tilt and weights depend on the scenario only, never on the fund.
 */
import { createImportanceSimulator, drawTiltedPath, emptyPathDraw } from '../importance/index';
import type { RiskParams } from '../params/riskParams';
import { createSimulator, type Simulator } from '../sim/simulateRange';
import { emptyKnownRows, rowBalancedAt, rowsAtFund } from './fundLadder';
import { probeEstimator, probeWith, type ProbeOutcome, type ProbeSettings } from './probe';

export interface FundProber {
  /** The probe at starting fund `fundUnits` (validated parameters that differ from the base only there). */
  probe(fundUnits: number): ProbeOutcome;
  /** Paths simulated so far, over all probes. */
  readonly pathsRun: number;
}

/** Probes of `base` (validated; fundLadderApplies must hold) at other starting funds, with `settings`. */
export function createFundProber(base: RiskParams, settings: ProbeSettings): FundProber {
  const estimator = probeEstimator(base, settings.target, settings.estimator);
  const weights = new Float64Array(settings.maxPaths);
  let simulator: Simulator;
  if (estimator === 'importance') {
    // The importance simulator's own tilted scenario, so the paths and weights are the ones probeParams draws.
    const { tilted } = createImportanceSimulator(base, settings.seed);
    const draw = emptyPathDraw();
    simulator = createSimulator(base, settings.seed, {
      drawPath(pathIndex, out) {
        drawTiltedPath(tilted, settings.seed, pathIndex, out, draw);
        weights[pathIndex] = draw.weight;
      },
    });
  } else {
    simulator = createSimulator(base, settings.seed, { pricePaths: settings.pricePaths });
  }
  const known = emptyKnownRows();
  let pathsRun = 0;

  return {
    get pathsRun() {
      return pathsRun;
    },
    probe(fundUnits) {
      return probeWith(estimator, settings, (from, to) => {
        const { rows, ran } = rowsAtFund(simulator, known, from, to, fundUnits);
        pathsRun += ran;
        const count = to - from;
        const socializedLossUnits = new Float64Array(count);
        const ledgerBalanced = new Uint8Array(count);
        for (let i = 0; i < count; i++) {
          const r = rows[i]!;
          socializedLossUnits[i] = r.result.paths.socializedLossUnits[r.row]!;
          ledgerBalanced[i] = rowBalancedAt(r, fundUnits) ? 1 : 0;
        }
        return { socializedLossUnits, ledgerBalanced, weights: estimator === 'importance' ? weights.subarray(from, to) : null };
      });
    },
  };
}
