import { UNITS_PER_QUOTE } from '../../money/money';
import type { Population } from '../../population/population';
import { AccountBook } from '../../sim/book/accountBook';
import { PathTally } from '../../sim/book/pathTally';
import { settlementContext, type SettlementContext } from '../settlementContext';

/** side (+1 long, −1 short), size in base, entry price, collateral in quote. */
export type AccountRow = readonly [side: number, sizeBase: number, entryPrice: number, collateralQuote: number];

/** A settlement context over a small hand-written book, recording which accounts it reported as changed. */
export function settlementOf(rows: readonly AccountRow[]): { ctx: SettlementContext; changed: number[] } {
  const population: Population = {
    count: rows.length,
    ids: rows.map((_, j) => `a${j}`),
    side: Int8Array.from(rows, (r) => r[0]),
    sizeBase: Float64Array.from(rows, (r) => r[1]),
    entryPrice: Float64Array.from(rows, (r) => r[2]),
    collateralUnits: Float64Array.from(rows, (r) => Math.round(r[3] * UNITS_PER_QUOTE)),
    marketMakerIndex: -1,
    sizeDecile: new Uint8Array(rows.length),
  };
  const changed: number[] = [];
  const ctx = settlementContext(new AccountBook(population), new PathTally(), new Uint8Array(rows.length), (j) => changed.push(j));
  return { ctx, changed };
}
