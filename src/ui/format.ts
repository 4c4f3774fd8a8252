// Number formatting for the page. A fixed locale, so the same run reads the same everywhere (and in tests).
const LOCALE = 'en-US';

const whole = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Quote amounts: whole units from 1,000 up, cents below. */
export function formatQuote(value: number): string {
  return Math.abs(value) >= 1000 ? whole.format(value) : cents.format(value);
}

/** A share 0..1 as a percentage with one decimal. */
export function formatPercent(share: number): string {
  return `${oneDecimal.format(share * 100)} %`;
}

export function formatCount(value: number): string {
  return Math.abs(value) >= 100 ? whole.format(value) : oneDecimal.format(value);
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
