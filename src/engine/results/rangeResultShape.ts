import type { PathColumns, RangeResult, SeriesColumns } from './pathResults';

/**
 * The column names of a RangeResult, as records over `keyof` so that a column added to pathResults.ts fails to
 * compile here until it is listed (and so is checked, merged and concatenated).
 */
const PATH_COLUMNS: Record<keyof PathColumns, true> = {
  badDebtUnits: true,
  fundDrawUnits: true,
  socializedLossUnits: true,
  vaultLossUnits: true,
  uncoveredUnits: true,
  fundInflowUnits: true,
  fundEndUnits: true,
  liquidations: true,
  liquidatedNotionalQuote: true,
  adlNotionalQuote: true,
  adlNeededUnits: true,
  adlProfitClosedUnits: true,
  vaultPnlUnits: true,
  accountsHit: true,
  largestHaircutShare: true,
  fundDepletedStep: true,
  openDeficitUnits: true,
  ledgerBalanced: true,
};

type SeriesArrayKey = Exclude<keyof SeriesColumns, 'points' | 'stepOfPoint'>;
const SERIES_ARRAYS: Record<SeriesArrayKey, true> = {
  price: true,
  fundBalanceQuote: true,
  cumBadDebtQuote: true,
  cumSocializedLossQuote: true,
  cumLiquidatedNotionalQuote: true,
};

export const PATH_COLUMN_KEYS = Object.keys(PATH_COLUMNS) as (keyof PathColumns)[];
export const SERIES_ARRAY_KEYS = Object.keys(SERIES_ARRAYS) as SeriesArrayKey[];

/**
 * Checks that every column of `result` has the length its range says (to − from per path column,
 * (to − from)·points per series array, points for stepOfPoint) and returns the number of paths.
 * Throws an Error naming the first column that does not fit.
 */
export function pathCountOf(result: RangeResult): number {
  const { from, to } = result;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from) {
    throw new Error(`RangeResult: [from, to) = [${from}, ${to}) is not a range of path indices`);
  }
  const paths = to - from;
  for (const key of PATH_COLUMN_KEYS) {
    const length = result.paths[key].length;
    if (length !== paths) throw new Error(`RangeResult [${from}, ${to}): paths.${key} has ${length} values, expected ${paths}`);
  }
  const { points } = result.series;
  if (!Number.isSafeInteger(points) || points < 0) throw new Error(`RangeResult [${from}, ${to}): series.points = ${points} is invalid`);
  if (result.series.stepOfPoint.length !== points) {
    throw new Error(`RangeResult [${from}, ${to}): series.stepOfPoint has ${result.series.stepOfPoint.length} values, expected ${points}`);
  }
  for (const key of SERIES_ARRAY_KEYS) {
    const length = result.series[key].length;
    if (length !== paths * points) {
      throw new Error(`RangeResult [${from}, ${to}): series.${key} has ${length} values, expected ${paths * points}`);
    }
  }
  return paths;
}
