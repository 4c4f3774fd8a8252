/**
 * Candle tapes (OHLC price histories) read from CSV text, pure: no file or clock access, never throws on any
 * input. Two formats:
 * - Binance kline CSV (data.binance.vision, /fapi/v1/klines): no header (or Binance's own header line
 *   `open_time,open,high,low,close,volume,close_time,…`), 12 columns, open time in milliseconds first.
 * - Generic: a header `time,open,high,low,close` or `time,open,high,low,close,volume`; time is Unix seconds,
 *   Unix milliseconds (a number ≥ 10^11, i.e. after 1973 in ms; as seconds it would be the year 5138) or an ISO
 *   8601 date-time with a time zone (`2025-10-10T21:00:00Z`).
 * Every candle must be one interval after the previous one (the interval is the first two candles' difference):
 * a smaller step is unsorted or duplicate, a larger one is a gap. Prices are plain positive decimals (kept as
 * their exact text for the parameters file), with low ≤ min(open, close) and high ≥ max(open, close).
 */
import { LIMITS, decimalProblem } from '../params/schema';

export const TAPE_LIMITS = {
  /** More data rows than this are refused before any is read. */
  maxRows: 1_000_000,
  /** Problems reported before the reader stops: a broken file gives a readable list, not a million lines. */
  maxProblems: 20,
  /** The longest candle accepted, seconds (one day). */
  maxIntervalSeconds: 86_400,
} as const;

export interface Candle {
  /** Open time, Unix seconds. */
  time: number;
  open: string;
  high: string;
  low: string;
  close: string;
  /** Traded base volume, when the file has it. */
  volume: number | null;
}

export type TapeFormat = 'binance' | 'generic';

export interface CandleTape {
  format: TapeFormat;
  /** Seconds between two candles' open times. */
  intervalSeconds: number;
  candles: Candle[];
}

/** Where a tape is wrong: `row` is the 1-based line number in the file, `column` the column's name. */
export interface TapeProblem {
  row: number;
  column?: string;
  message: string;
}

export type TapeResult = { ok: true; tape: CandleTape } | { ok: false; problems: TapeProblem[] };

const GENERIC_COLUMNS = ['time', 'open', 'high', 'low', 'close'] as const;
const BINANCE_COLUMNS = [
  'open_time', 'open', 'high', 'low', 'close', 'volume', 'close_time', 'quote_volume', 'count',
  'taker_buy_volume', 'taker_buy_quote_volume', 'ignore',
] as const;
const MS_THRESHOLD = 1e11;
const PRICE_RULE = { sign: 'positive', max: LIMITS.maxPrice, maxReason: 'price limit' } as const;

export function formatTapeProblem(p: TapeProblem): string {
  return `row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`;
}

export function formatTapeProblems(problems: readonly TapeProblem[]): string {
  return problems.map(formatTapeProblem).join('\n');
}

const shown = (text: string): string => `'${text.length > 30 ? `${text.slice(0, 30)}…` : text}'`;

interface Line {
  row: number;
  cells: string[];
}

/** Non-blank lines with their 1-based row numbers; cells trimmed, a UTF-8 byte-order mark dropped. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  raw.forEach((line, i) => {
    if (line.trim() !== '') lines.push({ row: i + 1, cells: line.split(',').map((c) => c.trim()) });
  });
  return lines;
}

function readTime(text: string, format: TapeFormat): number | string {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (format === 'binance') return n / 1000;
    return n >= MS_THRESHOLD ? n / 1000 : n;
  }
  if (format === 'generic' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const ms = Date.parse(text.replace(' ', 'T'));
    if (Number.isFinite(ms)) return ms / 1000;
  }
  return format === 'binance'
    ? `must be the open time in milliseconds (a whole number), got ${shown(text)}`
    : `must be Unix seconds, Unix milliseconds or an ISO 8601 date-time with a zone, got ${shown(text)}`;
}

function detectFormat(first: Line): { format: TapeFormat; header: boolean; columns: number } | TapeProblem {
  const lower = first.cells.map((c) => c.toLowerCase());
  if (/^\d+$/.test(lower[0] ?? '')) return { format: 'binance', header: false, columns: BINANCE_COLUMNS.length };
  if (lower.join(',') === BINANCE_COLUMNS.join(',')) return { format: 'binance', header: true, columns: BINANCE_COLUMNS.length };
  const generic = GENERIC_COLUMNS.join(',');
  if (lower.join(',') === generic) return { format: 'generic', header: true, columns: 5 };
  if (lower.join(',') === `${generic},volume`) return { format: 'generic', header: true, columns: 6 };
  return {
    row: first.row,
    message:
      `unrecognised columns ${shown(first.cells.join(','))}: expected a header 'time,open,high,low,close' ` +
      `(optionally ',volume') or a Binance kline row (12 columns, open time in ms first)`,
  };
}

function columnNames(format: TapeFormat): readonly string[] {
  return format === 'binance' ? BINANCE_COLUMNS : [...GENERIC_COLUMNS, 'volume'];
}

/** Reads a candle tape from CSV text. Every problem names its row (and column); at most 20 are reported. */
export function parseTape(text: string): TapeResult {
  const lines = splitLines(text);
  if (lines.length === 0) return { ok: false, problems: [{ row: 1, message: 'the file is empty' }] };
  const detected = detectFormat(lines[0]!);
  if ('message' in detected) return { ok: false, problems: [detected] };
  const { format, header, columns } = detected;
  const data = header ? lines.slice(1) : lines;
  if (data.length > TAPE_LIMITS.maxRows) {
    return { ok: false, problems: [{ row: data[TAPE_LIMITS.maxRows]!.row, message: `more than ${TAPE_LIMITS.maxRows.toLocaleString('en-US')} candles; cut the file` }] };
  }
  if (data.length < 2) return { ok: false, problems: [{ row: lines[0]!.row, message: 'a tape needs at least 2 candles' }] };
  const names = columnNames(format);
  const problems: TapeProblem[] = [];
  const candles: Candle[] = [];
  const add = (p: TapeProblem): boolean => {
    problems.push(p);
    return problems.length >= TAPE_LIMITS.maxProblems;
  };
  let interval = 0;
  for (const { row, cells } of data) {
    if (cells.length !== columns) {
      if (add({ row, message: `has ${cells.length} columns, expected ${columns} (${names.slice(0, columns).join(',')})` })) break;
      continue;
    }
    const time = readTime(cells[0]!, format);
    if (typeof time === 'string') {
      if (add({ row, column: names[0]!, message: time })) break;
      continue;
    }
    const prices: string[] = [];
    let bad = false;
    for (let c = 1; c <= 4; c++) {
      const problem = decimalProblem(cells[c]!, PRICE_RULE);
      if (problem) {
        bad = true;
        if (add({ row, column: names[c]!, message: `price ${problem}` })) return { ok: false, problems };
      } else prices.push(cells[c]!);
    }
    let volume: number | null = null;
    if (columns > 5) {
      const v = cells[5]!;
      if (!/^\d+(\.\d+)?$/.test(v)) {
        bad = true;
        if (add({ row, column: names[5]!, message: `must be a non-negative number, got ${shown(v)}` })) break;
      } else volume = Number(v);
    }
    if (bad) continue;
    const [open, high, low, close] = prices.map(Number) as [number, number, number, number];
    if (high < Math.max(open, close) || low > Math.min(open, close)) {
      const which = high < Math.max(open, close) ? 'high' : 'low';
      const rule = which === 'high' ? 'at least open and close' : 'at most open and close';
      if (add({ row, column: which, message: `must be ${rule} (open ${prices[0]}, close ${prices[3]}), got ${which === 'high' ? prices[1] : prices[2]}` })) break;
      continue;
    }
    const previous = candles[candles.length - 1];
    if (previous) {
      const step = time - previous.time;
      if (candles.length === 1 && step > 0) {
        interval = step;
        if (interval > TAPE_LIMITS.maxIntervalSeconds) {
          if (add({ row, column: names[0]!, message: `candles ${interval} s apart; at most ${TAPE_LIMITS.maxIntervalSeconds} s (one day) are accepted` })) break;
        }
      }
      if (step === 0) {
        if (add({ row, column: names[0]!, message: `duplicate time ${cells[0]}: the previous candle has the same open time` })) break;
      } else if (step < 0) {
        if (add({ row, column: names[0]!, message: `unsorted: ${cells[0]} is before the previous candle's time` })) break;
      } else if (Math.abs(step - interval) > 1e-6) {
        const what = step > interval ? `a gap: ${step} s after the previous candle` : `${step} s after the previous candle`;
        if (add({ row, column: names[0]!, message: `${what}, expected the tape's interval of ${interval} s` })) break;
      }
      if (step <= 0) continue;
    }
    candles.push({ time, open: prices[0]!, high: prices[1]!, low: prices[2]!, close: prices[3]!, volume });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, tape: { format, intervalSeconds: interval, candles } };
}
