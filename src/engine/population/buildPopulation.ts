import { decimalToUnits } from '../money/money';
import type { ExplicitAccount, RiskParams } from '../params/riskParams';
import { generatePopulation } from './generatePopulation';
import type { Population } from './population';
import { sizeDeciles } from './sizeDeciles';

function positive(text: string, field: string): number {
  const n = Number(text);
  if (!(Number.isFinite(n) && n > 0)) throw new Error(`buildPopulation: ${field} must be a positive decimal, got ${String(text)}`);
  return n;
}

/** An imported snapshot, taken as given (it need not balance): no market maker. */
function explicitPopulation(accounts: readonly ExplicitAccount[], initialPrice: number): Population {
  const count = accounts.length;
  if (count === 0) throw new Error('buildPopulation: population.accounts must have at least 1 account');
  const side = new Int8Array(count);
  const sizeBase = new Float64Array(count);
  const entryPrice = new Float64Array(count);
  const collateralUnits = new Float64Array(count);
  const notional = new Float64Array(count);
  accounts.forEach((account, i) => {
    const at = `population.accounts[${i}]`;
    if (account.side !== 'long' && account.side !== 'short') {
      throw new Error(`buildPopulation: ${at}.side must be long or short, got ${String(account.side)}`);
    }
    side[i] = account.side === 'long' ? 1 : -1;
    sizeBase[i] = positive(account.size, `${at}.size`);
    entryPrice[i] = positive(account.entryPrice, `${at}.entryPrice`);
    let units = Number.NaN;
    try {
      units = decimalToUnits(account.collateral);
    } catch {
      // reported below with the field's name
    }
    if (!Number.isSafeInteger(units)) {
      throw new Error(`buildPopulation: ${at}.collateral must be a decimal within exact money range, got ${String(account.collateral)}`);
    }
    collateralUnits[i] = units === 0 ? 0 : units;
    notional[i] = (sizeBase[i] as number) * initialPrice;
  });
  return {
    count,
    ids: accounts.map((a) => a.id),
    side,
    sizeBase,
    entryPrice,
    collateralUnits,
    marketMakerIndex: -1,
    sizeDecile: sizeDeciles(notional),
  };
}

/**
 * The accounts of a run, fixed for all its paths. `params` should have passed validateParams; if handed garbage
 * anyway, this throws an Error naming the field rather than building NaN accounts. An explicit population is
 * taken as given (sizes and entries as float64, collateral as money units rounded toward zero); a generated one
 * is drawn from `population.seed` when given, else from the run `seed` (see generatePopulation). Size deciles rank notional at market.initialPrice.
 */
export function buildPopulation(params: RiskParams, seed: number): Population {
  if (!(Number.isSafeInteger(seed) && seed >= 0)) throw new Error(`buildPopulation: seed must be an integer 0..2^53 − 1, got ${seed}`);
  const initialPrice = positive(params.market.initialPrice, 'market.initialPrice');
  const population = params.population;
  switch (population.kind) {
    case 'explicit':
      return explicitPopulation(population.accounts, initialPrice);
    case 'generated':
      // population.seed, when given, fixes the book whatever the run seed (two run seeds then differ in paths only).
      return generatePopulation(population, initialPrice, params.margin, population.seed ?? seed);
    default:
      throw new Error(`buildPopulation: population.kind must be generated or explicit, got ${String((population as { kind: unknown }).kind)}`);
  }
}
