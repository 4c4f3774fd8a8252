// Reading a pasted or uploaded price series for the replay scenario, and the example series and positions the
// form starts from. Pure; unit-tested. The validator stays the judge of each price: cells are passed on as
// written, and its problems ("scenario.prices[k]") are mapped back to the line they came from.

export interface PriceSeriesText {
  /** One price per data line, as written (the last field of the line). */
  prices: string[];
  /** 1-based source line of each price. */
  lineOf: number[];
  /** True when the first line was read as a header and skipped. */
  header: boolean;
}

const DECIMALISH = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Lines of `price` or `time,price` (comma, semicolon or tab separated; the LAST field is the price). A first
 * line whose last field is not a number is a header. Blank lines are skipped.
 */
export function readPriceSeries(text: string): PriceSeriesText {
  const prices: string[] = [];
  const lineOf: number[] = [];
  let header = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    const fields = trimmed.split(/[,;\t]/).map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
    const last = fields[fields.length - 1] ?? '';
    if (prices.length === 0 && !header && !DECIMALISH.test(last)) {
      header = true;
      return;
    }
    prices.push(last);
    lineOf.push(i + 1);
  });
  return { prices, lineOf, header };
}

/** A problem of the validator at `scenario.prices[k]` → "line N: …"; null for other fields. */
export function priceProblemLine(field: string, lineOf: readonly number[]): number | null {
  const m = /^scenario\.prices\[(\d+)\]$/.exec(field);
  if (!m) return null;
  return lineOf[Number(m[1])] ?? Number(m[1]) + 1;
}

/**
 * An example series to start a replay from: `steps` one-minute prices around `start` with a 20 % fall over
 * two hours from the fourth hour and half of it regained over the next four (no randomness: the same every time).
 */
export function exampleReplayPrices(steps: number, start: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < steps; i++) {
    const t = i / 60;
    let level = 1;
    if (t > 4 && t <= 6) level = 1 - 0.2 * ((t - 4) / 2);
    else if (t > 6 && t <= 10) level = 0.8 + 0.1 * ((t - 6) / 4);
    else if (t > 10) level = 0.9;
    const wiggle = 1 + 0.002 * Math.sin(i / 7) + 0.001 * Math.sin(i / 3.1);
    out.push((start * level * wiggle).toFixed(2));
  }
  return out;
}

/** Prices as the text area shows them: one per line. */
export const pricesToText = (prices: readonly string[]): string => prices.join('\n');

/** A small positions snapshot to start an explicit population from (CSV, as an import would read it). */
export const EXAMPLE_POSITIONS_CSV = [
  'id,side,size,entryPrice,collateral',
  'whale-long,long,20000,100,250000',
  'fund-long,long,5000,101,75000',
  'retail-long-1,long,300,99.5,4000',
  'retail-long-2,long,120,102,1500',
  'degen-long,long,800,100.5,6000',
  'mm-short,short,15000,100,300000',
  'hedge-short,short,8000,99,120000',
  'retail-short-1,short,500,101,6000',
  'degen-short,short,1500,100,11000',
  'retail-short-2,short,700,98.5,8000',
].join('\n');
