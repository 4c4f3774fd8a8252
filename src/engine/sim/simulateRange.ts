import type { FinderKind } from '../liquidation/liquidationFinder';
import { isSafeMoney, UNITS_PER_QUOTE } from '../money/money';
import type { RiskParams } from '../params/riskParams';
import { buildPopulation } from '../population/buildPopulation';
import type { Population } from '../population/population';
import { drawPricePath, prepareScenario } from '../scenario';
import { PathSimulator } from './pathSimulator';
import { emptyPathColumns, emptySeries } from '../results/emptyColumns';
import type { PathColumns, RangeResult } from '../results/pathResults';
import type { PathTally } from './book/pathTally';
import { simConfig } from './config/simConfig';
import { seriesStepOfPoint } from './seriesLayout';

export interface SimulatorOptions {
  /** 'frontier' (the product) or 'scan' (the naive finder, for benchmarks and differential tests). */
  finder?: FinderKind;
  /**
   * Draws path `pathIndex`'s prices into `out` instead of the scenario's own drawPricePath (importance sampling
   * draws tilted paths this way). Must be a pure function of the path index, like drawPricePath.
   */
  drawPath?: (pathIndex: number, out: Float64Array) => void;
  /**
   * Likelihood ratio of the path just drawn by `drawPath`: each account's and decile's borne loss is summed
   * times it, so lossByAccountUnits and lossByDecileUnits stay estimates of the nominal means (then no longer
   * whole units). Absent: 1.
   */
  pathWeight?: (pathIndex: number) => number;
}

export interface Simulator {
  readonly population: Population;
  /** Simulates paths [from, to) and returns their columns; path i depends only on (params, seed, i). */
  run(from: number, to: number): RangeResult;
}

/**
 * Builds what every path of a run shares (population, scenario constants, sorted frontier) once, so a worker can
 * run many ranges of the same run without rebuilding. `params` must have passed `validateParams`.
 */
export function createSimulator(params: RiskParams, seed: number, options: SimulatorOptions = {}): Simulator {
  const population = buildPopulation(params, seed);
  const config = simConfig(params);
  const scenario = prepareScenario(params.scenario, { initialPrice: config.initialPrice, steps: config.steps, stepSeconds: params.market.stepSeconds });
  const simulator = new PathSimulator(config, population, options.finder ?? 'frontier');
  const stepOfPoint = seriesStepOfPoint(config.steps);
  const points = stepOfPoint.length;
  const prices = new Float64Array(config.steps);
  const drawPath = options.drawPath;
  const pathWeight = options.pathWeight;

  return {
    population,
    run(from, to) {
      if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && 0 <= from && from <= to)) {
        throw new RangeError(`path range [${from}, ${to}) must be non-negative integers with from ≤ to`);
      }
      const count = to - from;
      const paths = emptyPathColumns(count);
      const series = emptySeries(count, points, stepOfPoint);
      const lossByAccountUnits = new Float64Array(population.count);
      const lossByDecileUnits = new Float64Array(10);
      for (let row = 0; row < count; row++) {
        const pathIndex = from + row;
        if (drawPath) drawPath(pathIndex, prices);
        else drawPricePath(scenario, seed, pathIndex, prices);
        const base = row * points;
        simulator.run(prices, seed, pathIndex, stepOfPoint, (point, marketPrice, fundUnits, tally) => {
          const at = base + point;
          series.price[at] = marketPrice;
          series.fundBalanceQuote[at] = fundUnits / UNITS_PER_QUOTE;
          series.cumBadDebtQuote[at] = tally.badDebtUnits / UNITS_PER_QUOTE;
          series.cumSocializedLossQuote[at] = tally.socializedLossUnits / UNITS_PER_QUOTE;
          series.cumLiquidatedNotionalQuote[at] = tally.liquidatedNotionalQuote;
        });
        writePathRow(paths, row, simulator.tally, simulator.fundUnits, config.fundInitialUnits);
        const weight = pathWeight ? pathWeight(pathIndex) : 1;
        for (const j of simulator.book.touchedAccounts) {
          const borne = simulator.book.borneUnits[j]! * weight;
          if (borne === 0) continue;
          lossByAccountUnits[j]! += borne;
          lossByDecileUnits[population.sizeDecile[j]!]! += borne;
        }
      }
      return { from, to, paths, series, lossByAccountUnits, lossByDecileUnits };
    },
  };
}

export function simulateRange(params: RiskParams, run: { seed: number; from: number; to: number }, options: SimulatorOptions = {}): RangeResult {
  return createSimulator(params, run.seed, options).run(run.from, run.to);
}

/**
 * The path's ledger balances when every total is an exact integer of units, badDebt = fundDraw + socializedLoss +
 * vaultLoss + uncovered, the fund equals initial + inflows − draws, and it never went negative.
 */
function writePathRow(paths: PathColumns, row: number, tally: PathTally, fundEndUnits: number, fundInitialUnits: number): void {
  const totals = [tally.badDebtUnits, tally.fundDrawUnits, tally.socializedLossUnits, tally.vaultLossUnits, tally.uncoveredUnits, tally.fundInflowUnits, fundEndUnits];
  const balanced =
    totals.every(isSafeMoney) &&
    tally.badDebtUnits === tally.fundDrawUnits + tally.socializedLossUnits + tally.vaultLossUnits + tally.uncoveredUnits &&
    fundEndUnits === fundInitialUnits + tally.fundInflowUnits - tally.fundDrawUnits &&
    fundEndUnits >= 0;
  paths.badDebtUnits[row] = tally.badDebtUnits;
  paths.fundDrawUnits[row] = tally.fundDrawUnits;
  paths.socializedLossUnits[row] = tally.socializedLossUnits;
  paths.vaultLossUnits[row] = tally.vaultLossUnits;
  paths.uncoveredUnits[row] = tally.uncoveredUnits;
  paths.fundInflowUnits[row] = tally.fundInflowUnits;
  paths.fundEndUnits[row] = fundEndUnits;
  paths.liquidations[row] = tally.liquidations;
  paths.liquidatedNotionalQuote[row] = tally.liquidatedNotionalQuote;
  paths.adlNotionalQuote[row] = tally.adlNotionalQuote;
  paths.adlNeededUnits[row] = tally.adlNeededUnits;
  paths.adlProfitClosedUnits[row] = tally.adlProfitClosedUnits;
  paths.vaultPnlUnits[row] = tally.vaultPnlUnits;
  paths.accountsHit[row] = tally.accountsHit;
  paths.largestHaircutShare[row] = tally.largestHaircutShare;
  paths.fundDepletedStep[row] = tally.fundDepletedStep;
  paths.openDeficitUnits[row] = tally.openDeficitUnits;
  paths.ledgerBalanced[row] = balanced ? 1 : 0;
}
