/**
 * The fund ladder: one path simulated at many starting funds for the price of a few. Only the loss waterfall reads
 * the insurance fund, and (fundLadderApplies) only to ask whether it can pay; a path whose fund never was the limit
 * is therefore the same path at every starting fund down to where it would have been (and, for ADL's sale-or-
 * deleverage choice, up to where a decision would flip): same liquidations, draws and losses, the fund's balance
 * shifted by the difference. Simulator.runAtFund reports that interval per path ([requiredUnits, ceilingUnits]);
 * the ladder reuses a path's row for every fund inside it and reruns the path where no known row covers the fund.
 * The answers are exactly those of independent runs (fundLadder.properties.test.ts), not an approximation.
 */
import { UNITS_PER_QUOTE } from '../money/money';
import type { PathColumns, RangeResult } from '../results/pathResults';
import { emptyPathColumns, emptySeries } from '../results/emptyColumns';
import { PATH_COLUMN_KEYS } from '../results/rangeResultShape';
import { pathLedgerBalanced, type FundRangeResult, type Simulator } from '../sim/simulateRange';

/** One path's row in a runAtFund result. */
export interface LadderRow {
  result: FundRangeResult;
  row: number;
}

/** The fund's balance at the end of `r`'s path started with `fundUnits`: the row's own, shifted by the difference. */
export function fundEndAt(r: LadderRow, fundUnits: number): number {
  return r.result.paths.fundEndUnits[r.row]! + (fundUnits - r.result.fund.initialUnits);
}

/** Whether `r`'s path balances its ledger to the unit when started with `fundUnits` (pathLedgerBalanced). */
export function rowBalancedAt(r: LadderRow, fundUnits: number): boolean {
  const p = r.result.paths;
  const row = r.row;
  const totals = {
    badDebtUnits: p.badDebtUnits[row]!,
    fundDrawUnits: p.fundDrawUnits[row]!,
    socializedLossUnits: p.socializedLossUnits[row]!,
    vaultLossUnits: p.vaultLossUnits[row]!,
    uncoveredUnits: p.uncoveredUnits[row]!,
    fundInflowUnits: p.fundInflowUnits[row]!,
  };
  return pathLedgerBalanced(totals, fundEndAt(r, fundUnits), fundUnits);
}

/** Whether `row` holds for starting fund `fundUnits` (its own fund always does). */
export function rowCovers(r: LadderRow, fundUnits: number): boolean {
  const f = r.result.fund;
  return fundUnits === f.initialUnits || (f.requiredUnits[r.row]! <= fundUnits && fundUnits <= f.ceilingUnits[r.row]!);
}

/** Every row simulated so far, per path index (sparse: only the paths asked for). */
export type KnownRows = LadderRow[][];

export function emptyKnownRows(): KnownRows {
  return [];
}

function coveringRow(known: KnownRows, pathIndex: number, fundUnits: number): LadderRow | undefined {
  const rows = known[pathIndex];
  if (rows === undefined) return undefined;
  for (let k = rows.length - 1; k >= 0; k--) if (rowCovers(rows[k]!, fundUnits)) return rows[k];
  return undefined;
}

/**
 * A row for each path of [from, to) at starting fund `fundUnits` (index i − from): a known one that covers the
 * fund, else a fresh run (contiguous gaps run as one range), which joins `known`. `ran`: the paths simulated.
 */
export function rowsAtFund(simulator: Simulator, known: KnownRows, from: number, to: number, fundUnits: number): { rows: LadderRow[]; ran: number } {
  const rows: LadderRow[] = new Array(to - from);
  let ran = 0;
  let i = from;
  while (i < to) {
    const hit = coveringRow(known, i, fundUnits);
    if (hit !== undefined) {
      rows[i - from] = hit;
      i++;
      continue;
    }
    let end = i + 1;
    while (end < to && coveringRow(known, end, fundUnits) === undefined) end++;
    const result = simulator.runAtFund(i, end, fundUnits);
    for (let p = i; p < end; p++) {
      const row = { result, row: p - i };
      rows[p - from] = row;
      (known[p] ??= []).push(row);
    }
    ran += end - i;
    i = end;
  }
  return { rows, ran };
}

export interface LadderOptions {
  /** Build the per-step series (charts); false leaves them empty (points = 0), e.g. for a sweep's summaries. */
  series?: boolean;
  /** Called as each fund's result is complete (funds are done from the largest down). */
  onFund?: (index: number, result: RangeResult) => void;
  /** Rows already simulated (e.g. a first few paths run early for a provisional answer); updated. */
  known?: KnownRows;
}

export interface LadderOutcome {
  /** One result per fund, in the order given. */
  results: RangeResult[];
  /** Paths actually simulated (an independent run per fund would be funds × paths). */
  pathsRun: number;
}

/**
 * Paths [from, to) at each starting fund in `fundsUnits` (units), each result exactly what
 * `simulator.runAtFund(from, to, fund)` alone returns (fund bounds aside). The caller checks fundLadderApplies.
 * Largest fund first: its row's interval then reaches down, and an interval always reaches up to its own fund.
 */
export function fundLadder(simulator: Simulator, fundsUnits: readonly number[], from: number, to: number, options: LadderOptions = {}): LadderOutcome {
  const order = fundsUnits.map((_, k) => k).sort((a, b) => fundsUnits[b]! - fundsUnits[a]!);
  const known = options.known ?? emptyKnownRows();
  const results: RangeResult[] = new Array(fundsUnits.length);
  let pathsRun = 0;
  for (const k of order) {
    const { result, ran } = resultAtFund(simulator, known, from, to, fundsUnits[k]!, options.series ?? true);
    pathsRun += ran;
    results[k] = result;
    options.onFund?.(k, result);
  }
  return { results, pathsRun };
}

/**
 * Paths [from, to) at starting fund `fundUnits`, reusing and updating `known` as rowsAtFund does; funds may come
 * in any order (the solver probes up and down). `ran`: the paths simulated.
 */
export function resultAtFund(simulator: Simulator, known: KnownRows, from: number, to: number, fundUnits: number, withSeries = true): { result: RangeResult; ran: number } {
  const { rows, ran } = rowsAtFund(simulator, known, from, to, fundUnits);
  return { result: assemble(simulator.population.sizeDecile, rows, from, to, fundUnits, withSeries), ran };
}

/** The RangeResult at starting fund `fund` from rows that cover it (the fund columns shifted to it). */
function assemble(sizeDecile: Uint8Array | ArrayLike<number>, rows: LadderRow[], from: number, to: number, fund: number, withSeries: boolean): RangeResult {
  const count = to - from;
  const first = rows[0]?.result.series;
  const points = withSeries && first ? first.points : 0;
  const stepOfPoint = withSeries && first ? first.stepOfPoint : new Int32Array(0);
  const paths = emptyPathColumns(count);
  const series = emptySeries(count, points, stepOfPoint);
  const accounts = rows[0]?.result.lossByAccountUnits.length ?? 0;
  const lossByAccountUnits = new Float64Array(accounts);
  const lossByDecileUnits = new Float64Array(10);
  for (let i = 0; i < count; i++) {
    const { result, row } = rows[i]!;
    const shift = fund - result.fund.initialUnits;
    copyRow(paths, i, result.paths, row);
    paths.fundEndUnits[i] = fundEndAt(rows[i]!, fund);
    paths.ledgerBalanced[i] = rowBalancedAt(rows[i]!, fund) ? 1 : 0;
    if (points > 0) {
      const src = result.series;
      const a = row * points;
      const b = i * points;
      series.price.set(src.price.subarray(a, a + points), b);
      series.cumBadDebtQuote.set(src.cumBadDebtQuote.subarray(a, a + points), b);
      series.cumSocializedLossQuote.set(src.cumSocializedLossQuote.subarray(a, a + points), b);
      series.cumLiquidatedNotionalQuote.set(src.cumLiquidatedNotionalQuote.subarray(a, a + points), b);
      for (let p = 0; p < points; p++) series.fundBalanceQuote[b + p] = (result.fund.balanceUnits[a + p]! + shift) / UNITS_PER_QUOTE;
    }
    const borne = result.fund.borne[row]!;
    for (let n = 0; n < borne.accounts.length; n++) {
      const j = borne.accounts[n]!;
      lossByAccountUnits[j]! += borne.units[n]!;
      lossByDecileUnits[sizeDecile[j]!]! += borne.units[n]!;
    }
  }
  return { from, to, paths, series, lossByAccountUnits, lossByDecileUnits };
}

function copyRow(out: PathColumns, i: number, src: PathColumns, row: number): void {
  for (const key of PATH_COLUMN_KEYS) out[key][i] = src[key][row]!;
}
