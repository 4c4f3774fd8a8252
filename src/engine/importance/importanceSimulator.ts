import type { RiskParams } from '../params/riskParams';
import type { Population } from '../population/population';
import { prepareScenario, type PricePathStore, type ScenarioMarket } from '../scenario';
import type { RangeResult } from '../results/pathResults';
import { simConfig } from '../sim/config/simConfig';
import { createSimulator, type SimulatorOptions } from '../sim/simulateRange';
import { drawTiltedPath, emptyPathDraw, prepareTiltedScenario, type TiltedScenario } from './drawTiltedPath';
import type { PreparedScenario } from '../scenario/prepareScenario';
import { esscherProposal } from './marketProposal';
import { DEFAULT_GBM_PROPOSAL, NOMINAL_PROPOSAL, type ImportanceProposal } from './proposal';

/** Per-path draw statistics of a range, columns indexed by path − from (see PathDraw). */
export interface DrawColumns {
  /** Likelihood ratio p/q of each path. */
  weights: Float64Array;
  component: Int32Array;
  jumpCount: Float64Array;
  jumpSteps: Float64Array;
  jumpSquares: Float64Array;
  shockSum: Float64Array;
  largeJumpSteps: Float64Array;
}

/** A simulated range plus its weights: lossByAccountUnits and lossByDecileUnits are already weighted. */
export interface WeightedRangeResult extends RangeResult {
  draws: DrawColumns;
}

export interface ImportanceOptions {
  /** The sampling mixture; default: the scenario kind's default proposal. NOMINAL_PROPOSAL = plain sampling. */
  proposal?: ImportanceProposal;
  /** Antithetic pairs (path 2m + 1 mirrors path 2m). */
  antithetic?: boolean;
  finder?: SimulatorOptions['finder'];
  /**
   * Keeps the tilted paths drawn (prices and the draw's numbers), and gives back those an earlier importance
   * simulator of the same scenario, seed and proposal drew: the numbers are the same either way.
   */
  pricePaths?: PricePathStore | undefined;
}

/** PathDraw's numbers a range's DrawColumns keep, in the order a store keeps them after a path's prices. */
const KEPT_DRAW = 7;

export interface ImportanceSimulator {
  readonly population: Population;
  readonly tilted: TiltedScenario;
  run(from: number, to: number): WeightedRangeResult;
}

/**
 * The default proposal of a prepared scenario: a jump market gets the Esscher mixture fitted to its own variance
 * split (marketProposal.ts), a gbm market (or a jump market without jumps) the two-sided drift tilt; crash,
 * replay and bootstrap have none (importance sampling refuses them).
 */
export function defaultProposalFor(prepared: PreparedScenario): ImportanceProposal {
  switch (prepared.kind) {
    case 'jump':
      return prepared.jumpCountCdf[0]! < 1 ? esscherProposal(prepared) : DEFAULT_GBM_PROPOSAL;
    case 'gbm':
      return DEFAULT_GBM_PROPOSAL;
    default:
      return NOMINAL_PROPOSAL;
  }
}

/** defaultProposalFor the scenario of `params`, as createImportanceSimulator prepares it. */
export function defaultProposal(params: RiskParams): ImportanceProposal {
  return defaultProposalFor(prepareFor(params).prepared);
}

function prepareFor(params: RiskParams): { prepared: PreparedScenario; market: ScenarioMarket } {
  const config = simConfig(params);
  const market = { initialPrice: config.initialPrice, steps: config.steps, stepSeconds: params.market.stepSeconds };
  return { prepared: prepareScenario(params.scenario, market), market };
}

/**
 * createSimulator with the prices drawn from an importance proposal. Path i depends only on (params, seed,
 * proposal, i). Two parameter sets with the same scenario get the same paths and weights, so a proposal is
 * compared with its baseline on common random numbers here too.
 * @throws RangeError for a crash or replay scenario, or a proposal the scenario cannot express
 */
export function createImportanceSimulator(params: RiskParams, seed: number, options: ImportanceOptions = {}): ImportanceSimulator {
  const { prepared, market } = prepareFor(params);
  const proposal = options.proposal ?? defaultProposalFor(prepared);
  const antithetic = options.antithetic ?? false;
  const tilted = prepareTiltedScenario(prepared, proposal, { antithetic });
  const draw = emptyPathDraw();
  let columns: DrawColumns | null = null;
  let rangeFrom = 0;
  // The draw numbers a range keeps, in KEPT_DRAW order: written by every draw, or copied back by the store.
  const kept = new Float64Array(KEPT_DRAW);
  const keepDraw = (numbers: Float64Array) => {
    numbers[0] = draw.weight;
    numbers[1] = draw.component;
    numbers[2] = draw.jumpCount;
    numbers[3] = draw.jumpSteps;
    numbers[4] = draw.jumpSquares;
    numbers[5] = draw.shockSum;
    numbers[6] = draw.largeJumpSteps;
  };
  const drawKept = options.pricePaths?.keyedDrawer(
    ['tilted', params.scenario, market.initialPrice, market.steps, market.stepSeconds, seed, proposal, antithetic],
    prepared.steps,
    KEPT_DRAW,
    (pathIndex, out, numbers) => {
      drawTiltedPath(tilted, seed, pathIndex, out, draw);
      keepDraw(numbers);
    },
  );
  const simulator = createSimulator(params, seed, {
    ...(options.finder ? { finder: options.finder } : {}),
    drawPath(pathIndex, out) {
      if (drawKept) drawKept(pathIndex, out, kept);
      else {
        drawTiltedPath(tilted, seed, pathIndex, out, draw);
        keepDraw(kept);
      }
      const row = pathIndex - rangeFrom;
      const c = columns!;
      c.weights[row] = kept[0]!;
      c.component[row] = kept[1]!;
      c.jumpCount[row] = kept[2]!;
      c.jumpSteps[row] = kept[3]!;
      c.jumpSquares[row] = kept[4]!;
      c.shockSum[row] = kept[5]!;
      c.largeJumpSteps[row] = kept[6]!;
    },
    pathWeight: (pathIndex) => columns!.weights[pathIndex - rangeFrom]!,
  });
  return {
    population: simulator.population,
    tilted,
    run(from, to) {
      const count = Math.max(0, to - from);
      columns = {
        weights: new Float64Array(count),
        component: new Int32Array(count),
        jumpCount: new Float64Array(count),
        jumpSteps: new Float64Array(count),
        jumpSquares: new Float64Array(count),
        shockSum: new Float64Array(count),
        largeJumpSteps: new Float64Array(count),
      };
      rangeFrom = from;
      const draws = columns;
      try {
        return { ...simulator.run(from, to), draws };
      } finally {
        columns = null;
      }
    },
  };
}
