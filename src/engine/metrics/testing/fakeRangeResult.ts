import type { RangeResult } from '../../results/pathResults';
import { avalanche32 } from '../../rng/pathRng';

/**
 * A plausible RangeResult for metric and merge tests, without running the engine. Every value of path i is a
 * pure function of (seed, i) — a small integer hash, no Math.random — so fakeRangeResult over [0, k) and
 * [k, n) are exactly the two halves of [0, n), like the real engine. Money columns are integer units and each
 * path's ledger balances (badDebt = fundDraw + socializedLoss + vaultLoss + uncovered) unless
 * `unbalancedShare` says otherwise; socialized loss is 0 on most paths.
 */
export interface FakeRangeOptions {
  seed: number;
  from: number;
  to: number;
  /** Series points per path (default 6). */
  points?: number;
  /** Accounts in lossByAccountUnits (default 5). */
  accounts?: number;
  /** Share of paths flagged ledgerBalanced = 0 (default 0). */
  unbalancedShare?: number;
}

const STEPS_PER_POINT = 10;

/** Uniform in [0, 1) from (seed, path, salt). */
function uniform(seed: number, path: number, salt: number): number {
  const h = avalanche32(avalanche32(seed ^ 0x9e3779b9) ^ avalanche32(path + 0x632be5ab) ^ Math.imul(salt + 1, 0x27d4eb2f));
  return h / 4294967296;
}

export function fakeRangeResult(options: FakeRangeOptions): RangeResult {
  const { seed, from, to } = options;
  const points = options.points ?? 6;
  const accounts = options.accounts ?? 5;
  const unbalancedShare = options.unbalancedShare ?? 0;
  const n = to - from;
  const f64 = () => new Float64Array(n);
  const paths = {
    badDebtUnits: f64(), fundDrawUnits: f64(), socializedLossUnits: f64(), vaultLossUnits: f64(),
    uncoveredUnits: f64(), fundInflowUnits: f64(), fundEndUnits: f64(), liquidations: f64(),
    liquidatedNotionalQuote: f64(), adlNotionalQuote: f64(), accountsHit: f64(), largestHaircutShare: f64(),
    fundDepletedStep: new Int32Array(n), ledgerBalanced: new Uint8Array(n), openDeficitUnits: new Float64Array(n),
    adlNeededUnits: f64(), adlProfitClosedUnits: f64(), vaultPnlUnits: f64(),
  };
  const series = {
    points,
    stepOfPoint: Int32Array.from({ length: points }, (_, j) => (j + 1) * STEPS_PER_POINT - 1),
    price: new Float64Array(n * points), fundBalanceQuote: new Float64Array(n * points),
    cumBadDebtQuote: new Float64Array(n * points), cumSocializedLossQuote: new Float64Array(n * points),
    cumLiquidatedNotionalQuote: new Float64Array(n * points),
  };
  const lossByAccountUnits = new Float64Array(accounts);
  const lossByDecileUnits = new Float64Array(10);

  for (let path = from; path < to; path++) {
    const r = (salt: number) => uniform(seed, path, salt);
    const i = path - from;
    const badDebt = r(0) < 0.5 ? 0 : Math.floor(r(1) * 5e9);
    const fundDraw = Math.floor(badDebt * r(2));
    const rest = badDebt - fundDraw;
    const socialized = r(3) < 0.3 ? Math.floor(rest * r(4)) : 0;
    const vault = Math.floor((rest - socialized) * r(5));
    paths.badDebtUnits[i] = badDebt;
    paths.fundDrawUnits[i] = fundDraw;
    paths.socializedLossUnits[i] = socialized;
    paths.vaultLossUnits[i] = vault;
    paths.uncoveredUnits[i] = rest - socialized - vault;
    paths.fundInflowUnits[i] = Math.floor(r(6) * 1e8);
    paths.fundEndUnits[i] = Math.floor(r(7) * 1e9);
    paths.liquidations[i] = Math.floor(r(8) * 40);
    paths.liquidatedNotionalQuote[i] = r(9) * 1e6;
    paths.adlNotionalQuote[i] = socialized > 0 ? r(10) * 1e4 : 0;
    paths.accountsHit[i] = socialized > 0 ? 1 + Math.floor(r(11) * accounts) : 0;
    paths.largestHaircutShare[i] = socialized > 0 ? r(12) : 0;
    paths.fundDepletedStep[i] = fundDraw > 0 && r(13) < 0.5 ? Math.floor(r(14) * points * STEPS_PER_POINT) : -1;
    paths.ledgerBalanced[i] = r(15) < unbalancedShare ? 0 : 1;
    paths.adlNeededUnits[i] = socialized;
    paths.adlProfitClosedUnits[i] = socialized > 0 ? socialized + Math.floor(r(16) * 1e6) : 0;
    paths.vaultPnlUnits[i] = Math.floor((r(17) - 0.5) * 1e8) - vault;

    let cumBadDebt = 0;
    let cumSocialized = 0;
    let cumNotional = 0;
    for (let j = 0; j < points; j++) {
      const k = i * points + j;
      cumBadDebt += (badDebt / 1e6 / points) * r(100 + j);
      cumSocialized += (socialized / 1e6 / points) * r(200 + j);
      cumNotional += r(300 + j) * 1e5;
      series.price[k] = 100 * (1 + 0.4 * (r(400 + j) - 0.5));
      series.fundBalanceQuote[k] = r(500 + j) * 1e3;
      series.cumBadDebtQuote[k] = cumBadDebt;
      series.cumSocializedLossQuote[k] = cumSocialized;
      series.cumLiquidatedNotionalQuote[k] = cumNotional;
    }
    if (socialized > 0) {
      for (let a = 0; a < accounts; a++) lossByAccountUnits[a] = (lossByAccountUnits[a] as number) + Math.floor(r(600 + a) * 1e6);
      for (let d = 0; d < 10; d++) lossByDecileUnits[d] = (lossByDecileUnits[d] as number) + Math.floor(r(700 + d) * 1e6);
    }
  }
  return { from, to, paths, series, lossByAccountUnits, lossByDecileUnits };
}
