import { equityQuote } from '../margin/accountMath';
import { maintenanceRequirement } from '../margin/marginSchedule';
import { UNITS_PER_QUOTE } from '../money/money';
import type { RiskParams } from '../params/riskParams';
import { buildPopulation } from '../population/buildPopulation';
import { drawPricePath, prepareScenario } from '../scenario';
import type { PathEvent } from './book/pathEvents';
import { PathSimulator } from './pathSimulator';
import { simConfig } from './config/simConfig';

/** One path at full resolution with its events and a few accounts drawn step by step: learn mode's material. */
export interface PathTrace {
  pathIndex: number;
  steps: number;
  stepSeconds: number;
  /** The scenario's price before liquidation impact. */
  scenarioPrice: Float64Array;
  /** The mark at the end of each step: the index moved by markImpactWeight × the venue's own displacement. */
  marketPrice: Float64Array;
  /** The price liquidations were decided at, at the end of each step (market price, delayed by the oracle). */
  oraclePrice: Float64Array;
  fundQuote: Float64Array;
  cumBadDebtQuote: Float64Array;
  cumFundDrawQuote: Float64Array;
  cumSocializedLossQuote: Float64Array;
  cumVaultLossQuote: Float64Array;
  cumUncoveredQuote: Float64Array;
  cumLiquidations: Float64Array;
  events: PathEvent[];
  /** Account ids of the whole population, by index (events refer to indices). */
  ids: string[];
  shown: ShownAccounts;
}

/** The accounts drawn in learn mode, row-major per step: value of shown account k at step t is [t·count + k]. */
export interface ShownAccounts {
  count: number;
  index: Int32Array;
  side: Int8Array;
  entryPrice: Float64Array;
  /** Position size when the path opens, base units (the tooltips compare the current size with it). */
  openingSizeBase: Float64Array;
  equityQuote: Float64Array;
  maintenanceQuote: Float64Array;
  open: Uint8Array;
  /** Position size at the end of the step, base units (0 once closed): ADL and partial liquidations shrink it. */
  sizeBase: Float64Array;
}

export const MAX_SHOWN_ACCOUNTS = 60;

/**
 * Simulates path `pathIndex` exactly as a Monte Carlo run does, recording every event. It runs the path twice:
 * once to learn which accounts the story is about (liquidated, haircut, deleveraged), then again drawing those
 * (plus the largest others, up to maxShown) at every step. Same numbers as `createSimulator(...).run`.
 */
export function tracePath(params: RiskParams, seed: number, pathIndex: number, maxShown = MAX_SHOWN_ACCOUNTS): PathTrace {
  const population = buildPopulation(params, seed);
  const config = simConfig(params);
  const steps = config.steps;
  const scenario = prepareScenario(params.scenario, { initialPrice: config.initialPrice, steps, stepSeconds: params.market.stepSeconds });
  const scenarioPrice = new Float64Array(steps);
  drawPricePath(scenario, seed, pathIndex, scenarioPrice);
  const everyStep = Int32Array.from({ length: steps }, (_, t) => t);

  const firstPass = new PathSimulator(config, population, 'frontier');
  const involved = new Set<number>();
  firstPass.onEvent = (e) => {
    if ('account' in e && e.account >= 0) involved.add(e.account);
    if (e.kind === 'haircut' && e.largestAccount >= 0) involved.add(e.largestAccount);
  };
  firstPass.run(scenarioPrice, seed, pathIndex, everyStep, () => {});
  const shownIndex = chooseShown(population.sizeBase, population.entryPrice, involved, maxShown);

  const simulator = new PathSimulator(config, population, 'frontier');
  const events: PathEvent[] = [];
  simulator.onEvent = (e) => events.push(e);
  const k = shownIndex.length;
  const trace: PathTrace = {
    pathIndex,
    steps,
    stepSeconds: params.market.stepSeconds,
    scenarioPrice,
    marketPrice: new Float64Array(steps),
    oraclePrice: new Float64Array(steps),
    fundQuote: new Float64Array(steps),
    cumBadDebtQuote: new Float64Array(steps),
    cumFundDrawQuote: new Float64Array(steps),
    cumSocializedLossQuote: new Float64Array(steps),
    cumVaultLossQuote: new Float64Array(steps),
    cumUncoveredQuote: new Float64Array(steps),
    cumLiquidations: new Float64Array(steps),
    events,
    ids: population.ids,
    shown: {
      count: k,
      index: shownIndex,
      side: Int8Array.from(shownIndex, (j) => population.side[j]!),
      entryPrice: Float64Array.from(shownIndex, (j) => population.entryPrice[j]!),
      openingSizeBase: Float64Array.from(shownIndex, (j) => population.sizeBase[j]!),
      equityQuote: new Float64Array(steps * k),
      maintenanceQuote: new Float64Array(steps * k),
      open: new Uint8Array(steps * k),
      sizeBase: new Float64Array(steps * k),
    },
  };
  const book = simulator.book;
  simulator.run(scenarioPrice, seed, pathIndex, everyStep, (t, marketPrice, fundUnits, tally) => {
    const delay = config.oracleDelaySteps;
    const oracle = delay === 0 ? marketPrice : t >= delay ? trace.marketPrice[t - delay]! : config.initialPrice;
    trace.marketPrice[t] = marketPrice;
    trace.oraclePrice[t] = oracle;
    trace.fundQuote[t] = fundUnits / UNITS_PER_QUOTE;
    trace.cumBadDebtQuote[t] = tally.badDebtUnits / UNITS_PER_QUOTE;
    trace.cumFundDrawQuote[t] = tally.fundDrawUnits / UNITS_PER_QUOTE;
    trace.cumSocializedLossQuote[t] = tally.socializedLossUnits / UNITS_PER_QUOTE;
    trace.cumVaultLossQuote[t] = tally.vaultLossUnits / UNITS_PER_QUOTE;
    trace.cumUncoveredQuote[t] = tally.uncoveredUnits / UNITS_PER_QUOTE;
    trace.cumLiquidations[t] = tally.liquidations;
    for (let s = 0; s < k; s++) {
      const j = shownIndex[s]!;
      const at = t * k + s;
      const open = book.open[j] === 1;
      trace.shown.open[at] = open ? 1 : 0;
      const size = book.sizeBase[j]!;
      trace.shown.sizeBase[at] = open ? size : 0;
      trace.shown.equityQuote[at] = open ? equityQuote(book.side[j]!, size, book.entryPrice[j]!, book.collateralUnits[j]!, oracle) : book.collateralUnits[j]! / UNITS_PER_QUOTE;
      trace.shown.maintenanceQuote[at] = open ? maintenanceRequirement(config.schedule, size * oracle) : 0;
    }
  });
  return trace;
}

/** The accounts in the story first (by index), then the largest positions, up to `max`, in index order. */
function chooseShown(sizeBase: Float64Array, entryPrice: Float64Array, involved: Set<number>, max: number): Int32Array {
  const chosen = [...involved].sort((a, b) => a - b).slice(0, max);
  if (chosen.length < max) {
    const taken = new Set(chosen);
    const bySize = Array.from({ length: sizeBase.length }, (_, j) => j)
      .filter((j) => !taken.has(j))
      .sort((a, b) => sizeBase[b]! * entryPrice[b]! - sizeBase[a]! * entryPrice[a]! || a - b);
    chosen.push(...bySize.slice(0, max - chosen.length));
  }
  return Int32Array.from(chosen.sort((a, b) => a - b));
}
