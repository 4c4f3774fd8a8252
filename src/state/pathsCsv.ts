// Per-path results as CSV (issue #8): one row per Monte Carlo path of the current run, money in quote. Money
// columns are integer money units (10^-6 quote) in the engine and are written exactly, as decimal text.
import { UNITS_PER_QUOTE } from '../engine/money/money';

/** The per-path columns the CSV reads (a subset of the engine's PathColumns). */
export interface PathColumnsForCsv {
  badDebtUnits: ArrayLike<number>;
  fundDrawUnits: ArrayLike<number>;
  socializedLossUnits: ArrayLike<number>;
  vaultLossUnits: ArrayLike<number>;
  uncoveredUnits: ArrayLike<number>;
  liquidations: ArrayLike<number>;
  adlNotionalQuote: ArrayLike<number>;
  fundDepletedStep: ArrayLike<number>;
  ledgerBalanced: ArrayLike<number>;
  /** Round two (issue #14): the backstop vault's trading result, ADL's needed vs closed profit, the deficit still open at the horizon. */
  vaultPnlUnits: ArrayLike<number>;
  adlNeededUnits: ArrayLike<number>;
  adlProfitClosedUnits: ArrayLike<number>;
  openDeficitUnits: ArrayLike<number>;
}

export const CSV_COLUMNS = [
  'path',
  'badDebt',
  'fundDraw',
  'socializedLoss',
  'vaultLoss',
  'uncovered',
  'liquidations',
  'adlNotional',
  'fundDepleted',
  'ledgerBalanced',
  'vaultPnl',
  'adlNeeded',
  'adlProfitClosed',
  'openDeficit',
] as const;

const DIGITS = Math.round(Math.log10(UNITS_PER_QUOTE));

/** Integer money units → exact quote as decimal text ("1234.5"); a non-integer falls back to the float. */
export function unitsToQuoteText(units: number): string {
  if (!Number.isFinite(units)) return '';
  if (!Number.isSafeInteger(units)) return String(units / UNITS_PER_QUOTE);
  const abs = Math.abs(units);
  const whole = Math.floor(abs / UNITS_PER_QUOTE);
  const fraction = abs - whole * UNITS_PER_QUOTE;
  const text = fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(DIGITS, '0').replace(/0+$/, '')}`;
  return units < 0 ? `-${text}` : text;
}

/** A float (already in quote) as the shortest text that reads back to the same number. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** The CSV text: a header and one row per path, `\n` line ends. */
export function perPathCsv(columns: PathColumnsForCsv): string {
  const n = columns.badDebtUnits.length;
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (let i = 0; i < n; i++) {
    lines.push(
      [
        // Numbered from 1, as the page numbers paths ("Path 1" is the first).
        String(i + 1),
        unitsToQuoteText(columns.badDebtUnits[i]!),
        unitsToQuoteText(columns.fundDrawUnits[i]!),
        unitsToQuoteText(columns.socializedLossUnits[i]!),
        unitsToQuoteText(columns.vaultLossUnits[i]!),
        unitsToQuoteText(columns.uncoveredUnits[i]!),
        numberText(columns.liquidations[i]!),
        numberText(columns.adlNotionalQuote[i]!),
        columns.fundDepletedStep[i]! >= 0 ? 'true' : 'false',
        columns.ledgerBalanced[i] === 1 ? 'true' : 'false',
        unitsToQuoteText(columns.vaultPnlUnits[i]!),
        unitsToQuoteText(columns.adlNeededUnits[i]!),
        unitsToQuoteText(columns.adlProfitClosedUnits[i]!),
        unitsToQuoteText(columns.openDeficitUnits[i]!),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
