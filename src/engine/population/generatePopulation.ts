import type { GeneratedPopulation, MarginParams } from '../params/riskParams';
import { PathRng, RNG_STREAM } from '../rng/pathRng';
import { openingCollateral } from './openingCollateral';
import type { Population } from './population';
import { sizeDeciles } from './sizeDeciles';
import { tierRatiosFor } from './tierRatios';
import { exp } from '../rng/fdlibmExpLog';
import { pow } from '../rng/fdlibmPow';

/** A market-maker residual below this share of open interest is float dust from equal sides: no account. */
const DUST_SHARE = 1e-9;
const ENTRY_Z_CLAMP = 3;

function check(ok: boolean, field: string, value: unknown, rule: string): void {
  if (!ok) throw new Error(`buildPopulation: population.${field} ${rule}, got ${String(value)}`);
}

function checkMargin(margin: MarginParams): void {
  const ratios = [margin, ...margin.tiers];
  ratios.forEach((r, i) => {
    const at = i === 0 ? 'margin.' : `margin.tiers[${i - 1}].`;
    const { initialMarginRatio: imr, maintenanceMarginRatio: mmr } = r;
    if (!(imr > 0 && imr <= 1)) throw new Error(`buildPopulation: ${at}initialMarginRatio must be in (0, 1], got ${String(imr)}`);
    if (!(mmr >= 0 && mmr < imr)) throw new Error(`buildPopulation: ${at}maintenanceMarginRatio must be in [0, initialMarginRatio), got ${String(mmr)}`);
  });
  margin.tiers.forEach((t, i) => {
    if (!(Number(t.notionalFloor) >= 0)) throw new Error(`buildPopulation: margin.tiers[${i}].notionalFloor must be ≥ 0, got ${String(t.notionalFloor)}`);
  });
}

function checkSpec(spec: GeneratedPopulation, openInterest: number): void {
  const { accounts, longShare, leverageMedian, leverageSigma, paretoAlpha, entrySpread, marketMakerLeverage } = spec;
  check(Number.isInteger(accounts) && accounts >= 1 && accounts <= 1_000_000, 'accounts', accounts, 'must be an integer 1..1,000,000');
  check(Number.isFinite(openInterest) && openInterest > 0, 'openInterest', spec.openInterest, 'must be a positive decimal');
  check(longShare > 0 && longShare < 1, 'longShare', longShare, 'must be in (0, 1)');
  check(leverageMedian >= 1 && Number.isFinite(leverageMedian), 'leverageMedian', leverageMedian, 'must be ≥ 1');
  check(leverageSigma >= 0 && leverageSigma <= 3, 'leverageSigma', leverageSigma, 'must be in [0, 3]');
  check(paretoAlpha >= 1.05 && paretoAlpha <= 10, 'paretoAlpha', paretoAlpha, 'must be in [1.05, 10]');
  check(entrySpread >= 0 && entrySpread <= 1, 'entrySpread', entrySpread, 'must be in [0, 1]');
  check(marketMakerLeverage >= 1 && Number.isFinite(marketMakerLeverage), 'marketMakerLeverage', marketMakerLeverage, 'must be ≥ 1');
}

/**
 * Generates traders t1..tN (and a market maker "mm" when the sides differ) from the population stream of `seed`,
 * deterministically. Sizes follow a Pareto(alpha) law scaled so each side's notional at p0 is exact: the bigger
 * side holds openInterest (quote), the smaller side openInterest · min/max of the shares, and the market maker
 * holds the difference on the smaller side, so long and short notional at p0 are equal. Leverage is log-normal
 * around leverageMedian, at least 1 and at most 1 / the initial margin ratio of the position's tier (the market
 * maker's too). Entries are log-normal around p0 (spread entrySpread, |z| ≤ 3); see openingCollateral.
 */
export function generatePopulation(spec: GeneratedPopulation, initialPrice: number, margin: MarginParams, seed: number): Population {
  const openInterest = Number(spec.openInterest);
  checkSpec(spec, openInterest);
  checkMargin(margin);
  const p0 = initialPrice;
  const n = spec.accounts;
  const rng = new PathRng(seed, 0, RNG_STREAM.population);
  const ratiosAt = tierRatiosFor(margin);

  // Sides: round(n · longShare) longs, at least one of each when n ≥ 2, shuffled so an id says nothing of its side.
  const nLong = n === 1 ? 1 : Math.min(n - 1, Math.max(1, Math.round(n * spec.longShare)));
  const side = new Int8Array(n + 1);
  for (let i = 0; i < n; i++) side[i] = i < nLong ? 1 : -1;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = side[i] as number;
    side[i] = side[j] as number;
    side[j] = t;
  }

  // Pareto weights with x_m = 1: w = (1 − u)^(−1/alpha).
  const weight = new Float64Array(n);
  let longWeight = 0;
  let shortWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = pow(1 - rng.nextFloat(), -1 / spec.paretoAlpha);
    weight[i] = w;
    if (side[i] === 1) longWeight += w;
    else shortWeight += w;
  }
  const share = spec.longShare;
  const nShort = n - nLong;
  const longTarget = nShort === 0 || share >= 0.5 ? openInterest : (openInterest * share) / (1 - share);
  const shortTarget = nShort === 0 ? 0 : share >= 0.5 ? (openInterest * (1 - share)) / share : openInterest;

  const sizeBase = new Float64Array(n + 1);
  const entryPrice = new Float64Array(n + 1);
  const collateralUnits = new Float64Array(n + 1);
  let longNotional = 0;
  let shortNotional = 0;
  for (let i = 0; i < n; i++) {
    const isLong = side[i] === 1;
    const size = ((isLong ? longTarget / longWeight : shortTarget / shortWeight) * (weight[i] as number)) / p0;
    const notional = size * p0;
    const ratios = ratiosAt(notional);
    const leverage = Math.min(1 / ratios.initialMarginRatio, Math.max(1, spec.leverageMedian * exp(spec.leverageSigma * rng.nextNormal())));
    const z = Math.min(ENTRY_Z_CLAMP, Math.max(-ENTRY_Z_CLAMP, rng.nextNormal()));
    const opening = openingCollateral(side[i] as number, size, p0 * exp(spec.entrySpread * z), leverage, ratios.maintenanceMarginRatio, p0);
    sizeBase[i] = size;
    entryPrice[i] = opening.entryPrice;
    collateralUnits[i] = opening.collateralUnits;
    if (isLong) longNotional += notional;
    else shortNotional += notional;
  }

  const residual = Math.abs(longNotional - shortNotional);
  const hasMarketMaker = residual > openInterest * DUST_SHARE;
  const count = hasMarketMaker ? n + 1 : n;
  if (hasMarketMaker) {
    const mmSide = longNotional < shortNotional ? 1 : -1;
    const size = residual / p0;
    const ratios = ratiosAt(size * p0);
    const leverage = Math.min(1 / ratios.initialMarginRatio, spec.marketMakerLeverage);
    const opening = openingCollateral(mmSide, size, p0, leverage, ratios.maintenanceMarginRatio, p0);
    side[n] = mmSide;
    sizeBase[n] = size;
    entryPrice[n] = opening.entryPrice;
    collateralUnits[n] = opening.collateralUnits;
  }

  const ids = Array.from({ length: n }, (_, i) => `t${i + 1}`);
  if (hasMarketMaker) ids.push('mm');
  const notional = new Float64Array(count);
  for (let i = 0; i < count; i++) notional[i] = (sizeBase[i] as number) * p0;
  for (let i = 0; i < count; i++) {
    check(Number.isFinite(sizeBase[i] as number) && (sizeBase[i] as number) > 0, 'accounts', ids[i], 'produced a non-finite or zero size (sizes out of float64 range?) for account');
    check(Number.isSafeInteger(collateralUnits[i] as number), 'openInterest', spec.openInterest, 'produced collateral outside exact float64 money');
  }
  return {
    count,
    ids,
    side: side.slice(0, count),
    sizeBase: sizeBase.slice(0, count),
    entryPrice: entryPrice.slice(0, count),
    collateralUnits: collateralUnits.slice(0, count),
    marketMakerIndex: hasMarketMaker ? n : -1,
    sizeDecile: sizeDeciles(notional),
  };
}
