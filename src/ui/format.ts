// Number formatting for the page. A fixed locale, so the same run reads the same everywhere (and in tests).
const LOCALE = 'en-US';

const whole = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumSignificantDigits: 3 });

/** Quote amounts: whole units from 1,000 up, cents below. */
export function formatQuote(value: number): string {
  return Math.abs(value) >= 1000 ? whole.format(value) : cents.format(value);
}

/** A quote amount with an explicit sign ("+1,234", "−56.00"), for differences. */
export function formatSignedQuote(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${formatQuote(Math.abs(value))}`;
}

/** Short numbers for chart axes: 1.2M, 350K, 0.5. */
export function formatCompact(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) < 1) return String(Number(value.toPrecision(2)));
  return compact.format(value);
}

/** A share 0..1 as a percentage with one decimal. */
export function formatPercent(share: number): string {
  return `${oneDecimal.format(share * 100)} %`;
}

/** A difference of shares in percentage points, signed. */
export function formatSignedPoints(diff: number): string {
  if (diff === 0) return '0 pp';
  return `${diff > 0 ? '+' : '−'}${oneDecimal.format(Math.abs(diff) * 100)} pp`;
}

export function formatCount(value: number): string {
  return Math.abs(value) >= 100 ? whole.format(value) : oneDecimal.format(value);
}

export function formatSignedCount(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${formatCount(Math.abs(value))}`;
}

export function formatInteger(value: number): string {
  return whole.format(value);
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Time left, rounded up to what a reader needs: "under 1 s", "about 4 s", "about 2 min". */
export function formatTimeLeft(ms: number): string {
  if (ms < 1000) return 'under 1 s';
  if (ms < 60_000) return `about ${Math.ceil(ms / 1000)} s`;
  return `about ${Math.ceil(ms / 60_000)} min`;
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function count(n: number, unit: string): string {
  const rounded = Number(n.toPrecision(3));
  const word = Number.isInteger(rounded) && rounded <= 10 ? WORDS[rounded]! : formatCount(rounded).replace(/\.0$/, '');
  return `${word} ${unit}${rounded === 1 ? '' : 's'}`;
}

/**
 * The simulated horizon in words, from steps × step length: "one day", "6 days", "30 hours", "45 minutes".
 * A path has `steps` price points one step apart (DESIGN.md: 1,440 one-minute steps = one day).
 */
export function formatHorizon(steps: number, stepSeconds: number): string {
  const seconds = steps * stepSeconds;
  const day = 86_400;
  if (seconds >= day && (seconds % day === 0 || seconds >= 3 * day)) return count(seconds / day, 'day');
  if (seconds >= 3600) return count(seconds / 3600, 'hour');
  if (seconds >= 60) return count(seconds / 60, 'minute');
  return count(seconds, 'second');
}

/** Paths in words for captions: "1,000 paths", "one path". */
export function formatPaths(paths: number): string {
  return paths === 1 ? 'one path' : `${whole.format(paths)} paths`;
}
