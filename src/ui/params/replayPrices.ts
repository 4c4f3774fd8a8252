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
