import type { PathColumns, SeriesColumns } from './pathResults';

/** Zeroed per-path columns for `count` paths, each of the array type the column is declared with. */
export function emptyPathColumns(count: number): PathColumns {
  return {
    badDebtUnits: new Float64Array(count),
    fundDrawUnits: new Float64Array(count),
    socializedLossUnits: new Float64Array(count),
    vaultLossUnits: new Float64Array(count),
    uncoveredUnits: new Float64Array(count),
    fundInflowUnits: new Float64Array(count),
    fundEndUnits: new Float64Array(count),
    liquidations: new Float64Array(count),
    liquidatedNotionalQuote: new Float64Array(count),
    adlNotionalQuote: new Float64Array(count),
    adlNeededUnits: new Float64Array(count),
    adlProfitClosedUnits: new Float64Array(count),
    vaultPnlUnits: new Float64Array(count),
    accountsHit: new Float64Array(count),
    largestHaircutShare: new Float64Array(count),
    fundDepletedStep: new Int32Array(count),
    openDeficitUnits: new Float64Array(count),
    ledgerBalanced: new Uint8Array(count),
  };
}

/** Zeroed series for `count` paths of `points` points each, on a copy of the given point steps. */
export function emptySeries(count: number, points: number, stepOfPoint: Int32Array): SeriesColumns {
  return {
    points,
    stepOfPoint: Int32Array.from(stepOfPoint),
    price: new Float64Array(count * points),
    fundBalanceQuote: new Float64Array(count * points),
    cumBadDebtQuote: new Float64Array(count * points),
    cumSocializedLossQuote: new Float64Array(count * points),
    cumLiquidatedNotionalQuote: new Float64Array(count * points),
  };
}
