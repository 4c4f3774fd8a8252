import type { FinderKind } from '../liquidation/liquidationFinder';
import { isSafeMoney, UNITS_PER_QUOTE } from '../money/money';
import type { RiskParams } from '../params/riskParams';
import { buildPopulation } from '../population/buildPopulation';
import type { Population } from '../population/population';
import { drawPricePath, prepareScenario } from '../scenario';
import type { PricePathStore } from '../scenario/pricePathStore';
import { PathSimulator } from './pathSimulator';
import { emptyPathColumns, emptySeries } from '../results/emptyColumns';
import type { PathColumns, RangeResult } from '../results/pathResults';
import type { PathTally } from './book/pathTally';
import { simConfig, type SimConfig } from './config/simConfig';
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
   * Keeps the prices this simulator draws, and gives back those an earlier simulator of the same scenario and seed
   * drew (pricePathStore.ts); the numbers are the same either way. Not used with `drawPath`.
   */
  pricePaths?: PricePathStore | undefined;
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
  /**
   * The same paths with the insurance fund starting at `fundInitialUnits` instead of the parameters' (exactly what
   * a simulator built with that `insuranceFund.initial` returns), plus each path's fund bounds and what the fund
   * ladder needs to reuse the path at another starting fund (planner/fundLadder.ts).
   */
  runAtFund(from: number, to: number, fundInitialUnits: number): FundRangeResult;
}

/** Per path of a runAtFund range (index i − from), what the fund ladder needs besides the RangeResult. */
export interface FundColumns {
  /** The starting fund the range ran with, units. */
  initialUnits: number;
  /**
   * Every starting fund F with requiredUnits ≤ F ≤ ceilingUnits gives the same path, except that the fund's
   * balance (fundEndUnits, the fund series, ledgerBalanced's fund check) is shifted by F − initialUnits. Both
   * equal initialUnits when the model offers no such guarantee (fundLadderApplies) or the fund was the limit.
   */
  requiredUnits: Float64Array;
  ceilingUnits: Float64Array;
  /** The fund series in units (series.fundBalanceQuote × UNITS_PER_QUOTE before rounding), row-major. */
  balanceUnits: Float64Array;
  /** The socialized loss each path's accounts bore (lossByAccountUnits before summing over paths), sparse. */
  borne: { accounts: Int32Array; units: Float64Array }[];
}

export interface FundRangeResult extends RangeResult {
  fund: FundColumns;
}

/**
 * Whether a path's fund bounds mean what FundColumns says. Two reads of the fund depend on its level itself and
 * not only on whether it can pay: a cap clips inflows by the balance, and the drawdown ADL trigger's floor is a
 * share of the balance. Everything else reads the fund only through "can it pay this" (settle, the ADL sale).
 */
export function fundLadderApplies(params: RiskParams): boolean {
  return fundBoundsHold(simConfig(params));
}

function fundBoundsHold(config: SimConfig): boolean {
  return config.fundCapUnits === Infinity && config.adlTriggerShare >= 1;
}

/**
 * Builds what every path of a run shares (population, scenario constants, sorted frontier) once, so a worker can
 * run many ranges of the same run without rebuilding. `params` must have passed `validateParams`.
 */
export function createSimulator(params: RiskParams, seed: number, options: SimulatorOptions = {}): Simulator {
  const population = buildPopulation(params, seed);
  const config = simConfig(params);
  const market = { initialPrice: config.initialPrice, steps: config.steps, stepSeconds: params.market.stepSeconds };
  const scenario = prepareScenario(params.scenario, market);
  const simulator = new PathSimulator(config, population, options.finder ?? 'frontier');
  const stepOfPoint = seriesStepOfPoint(config.steps);
  const points = stepOfPoint.length;
  const prices = new Float64Array(config.steps);
  const drawPath = options.drawPath ?? options.pricePaths?.drawer(params.scenario, market, scenario, seed);
  const pathWeight = options.pathWeight;
  const boundsHold = fundBoundsHold(config);

  function runRange(from: number, to: number, fundInitialUnits: number, fund: FundColumns | null): RangeResult {
    if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && 0 <= from && from <= to)) {
      throw new RangeError(`path range [${from}, ${to}) must be non-negative integers with from ≤ to`);
    }
    simulator.fundInitialUnits = fundInitialUnits;
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
        if (fund) fund.balanceUnits[at] = fundUnits;
        series.cumBadDebtQuote[at] = tally.badDebtUnits / UNITS_PER_QUOTE;
        series.cumSocializedLossQuote[at] = tally.socializedLossUnits / UNITS_PER_QUOTE;
        series.cumLiquidatedNotionalQuote[at] = tally.liquidatedNotionalQuote;
      });
      const tally = simulator.tally;
      writePathRow(paths, row, tally, simulator.fundUnits, fundInitialUnits);
      const weight = pathWeight ? pathWeight(pathIndex) : 1;
      const borneAccounts: number[] | null = fund ? [] : null;
      const borneUnits: number[] | null = fund ? [] : null;
      for (const j of simulator.book.touchedAccounts) {
        const borne = simulator.book.borneUnits[j]! * weight;
        if (borne === 0) continue;
        lossByAccountUnits[j]! += borne;
        lossByDecileUnits[population.sizeDecile[j]!]! += borne;
        if (borneAccounts && borneUnits) {
          borneAccounts.push(j);
          borneUnits.push(borne);
        }
      }
      if (fund) {
        const bounded = boundsHold && tally.fundSlackUnits >= 0 && tally.fundHeadroomUnits >= 0;
        fund.requiredUnits[row] = bounded ? fundInitialUnits - tally.fundSlackUnits : fundInitialUnits;
        fund.ceilingUnits[row] = bounded ? fundInitialUnits + tally.fundHeadroomUnits : fundInitialUnits;
        fund.borne.push({ accounts: Int32Array.from(borneAccounts ?? []), units: Float64Array.from(borneUnits ?? []) });
      }
    }
    return { from, to, paths, series, lossByAccountUnits, lossByDecileUnits };
  }

  return {
    population,
    run: (from, to) => runRange(from, to, config.fundInitialUnits, null),
    runAtFund(from, to, fundInitialUnits) {
      if (!isSafeMoney(fundInitialUnits) || fundInitialUnits < 0) throw new RangeError(`runAtFund: ${fundInitialUnits} is not a starting fund in units`);
      const count = Math.max(0, to - from);
      const fund: FundColumns = {
        initialUnits: fundInitialUnits,
        requiredUnits: new Float64Array(count),
        ceilingUnits: new Float64Array(count),
        balanceUnits: new Float64Array(count * points),
        borne: [],
      };
      return { ...runRange(from, to, fundInitialUnits, fund), fund };
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
export function pathLedgerBalanced(
  t: Pick<PathTally, 'badDebtUnits' | 'fundDrawUnits' | 'socializedLossUnits' | 'vaultLossUnits' | 'uncoveredUnits' | 'fundInflowUnits'>,
  fundEndUnits: number,
  fundInitialUnits: number,
): boolean {
  const totals = [t.badDebtUnits, t.fundDrawUnits, t.socializedLossUnits, t.vaultLossUnits, t.uncoveredUnits, t.fundInflowUnits, fundEndUnits];
  return (
    totals.every(isSafeMoney) &&
    t.badDebtUnits === t.fundDrawUnits + t.socializedLossUnits + t.vaultLossUnits + t.uncoveredUnits &&
    fundEndUnits === fundInitialUnits + t.fundInflowUnits - t.fundDrawUnits &&
    fundEndUnits >= 0
  );
}

function writePathRow(paths: PathColumns, row: number, tally: PathTally, fundEndUnits: number, fundInitialUnits: number): void {
  const balanced = pathLedgerBalanced(tally, fundEndUnits, fundInitialUnits);
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
