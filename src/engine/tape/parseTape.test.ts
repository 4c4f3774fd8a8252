import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { candleSubSteps, tapePrices, tapeReplay, MAX_REPLAY_CANDLES } from './candleSteps';
import { formatTapeProblems, parseTape, TAPE_LIMITS, type TapeProblem } from './parseTape';
import { validateParams } from '../params/validateParams';
import { defaultParams } from '../params/defaults';

const T0 = 1_760_130_000_000; // 10 Oct 2025 21:00 UTC, ms
const binanceRow = (i: number, o: string, h: string, l: string, c: string, extra = ''): string =>
  `${T0 + i * 60_000},${o},${h},${l},${c},12.5,${T0 + i * 60_000 + 59_999},1500000.0,321,6.1,740000.0,0${extra}`;
const BINANCE = [
  binanceRow(0, '100', '101', '99', '100.5'),
  binanceRow(1, '100.5', '100.6', '90', '91'),
  binanceRow(2, '91', '95', '90.5', '94'),
].join('\n');
const GENERIC = 'time,open,high,low,close,volume\n1760130000,100,101,99,100.5,3\n1760130060,100.5,100.6,90,91,4\n1760130120,91,95,90.5,94,5\n';

function problemsOf(text: string): TapeProblem[] {
  const result = parseTape(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.problems;
}

describe('parseTape: both formats', () => {
  it('reads a Binance kline CSV (no header, ms open time, 12 columns)', () => {
    const result = parseTape(BINANCE);
    if (!result.ok) throw new Error(formatTapeProblems(result.problems));
    expect(result.tape.format).toBe('binance');
    expect(result.tape.intervalSeconds).toBe(60);
    expect(result.tape.candles).toHaveLength(3);
    expect(result.tape.candles[1]).toEqual({ time: T0 / 1000 + 60, open: '100.5', high: '100.6', low: '90', close: '91', volume: 12.5 });
  });
  it("reads a Binance file with Binance's own header line and CRLF line ends", () => {
    const header = 'open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore';
    const result = parseTape(`${header}\r\n${BINANCE.replace(/\n/g, '\r\n')}\r\n`);
    expect(result.ok && result.tape.candles.length).toBe(3);
  });
  it('reads the generic format with and without volume, seconds, milliseconds or ISO times', () => {
    const withVolume = parseTape(GENERIC);
    if (!withVolume.ok) throw new Error(formatTapeProblems(withVolume.problems));
    expect(withVolume.tape.format).toBe('generic');
    expect(withVolume.tape.candles.map((c) => c.volume)).toEqual([3, 4, 5]);
    const ms = parseTape('time,open,high,low,close\n1760130000000,1,1,1,1\n1760130060000,1,2,1,2\n');
    expect(ms.ok && ms.tape.candles.map((c) => c.time)).toEqual([1760130000, 1760130060]);
    expect(ms.ok && ms.tape.candles[0]!.volume).toBe(null);
    const iso = parseTape('Time,Open,High,Low,Close\n2025-10-10T21:00:00Z,1,1,1,1\n2025-10-10T21:05:00Z,1,2,1,2\n');
    expect(iso.ok && iso.tape.intervalSeconds).toBe(300);
  });
});

describe('parseTape: every bad file gets a message naming the row (and column)', () => {
  it.each([
    ['an empty file', '', [{ row: 1, message: 'the file is empty' }]],
    ['unknown columns', 'date,price\n1,2\n', [{ row: 1, message: expect.stringMatching(/^unrecognised columns/) }]],
    ['a single candle', 'time,open,high,low,close\n1,1,1,1,1\n', [{ row: 1, message: 'a tape needs at least 2 candles' }]],
    ['a row with too few columns', 'time,open,high,low,close\n60,1,1,1,1\n120,1,1,1\n', [{ row: 3, message: 'has 4 columns, expected 5 (time,open,high,low,close)' }]],
    ['a Binance row with 6 columns', `${binanceRow(0, '1', '1', '1', '1')}\n${T0 + 60_000},1,1,1,1,1\n`, [{ row: 2, message: expect.stringMatching(/^has 6 columns, expected 12/) }]],
    ['duplicate times', 'time,open,high,low,close\n60,1,1,1,1\n120,1,1,1,1\n120,1,1,1,1\n', [{ row: 4, column: 'time', message: expect.stringMatching(/^duplicate time 120/) }]],
    ['unsorted times', 'time,open,high,low,close\n60,1,1,1,1\n120,1,1,1,1\n180,1,1,1,1\n170,1,1,1,1\n', [{ row: 5, column: 'time', message: expect.stringMatching(/^unsorted/) }]],
    ['a gap', 'time,open,high,low,close\n60,1,1,1,1\n120,1,1,1,1\n300,1,1,1,1\n', [{ row: 4, column: 'time', message: 'a gap: 180 s after the previous candle, expected the tape\'s interval of 60 s' }]],
    ['a zero price', 'time,open,high,low,close\n60,1,1,1,1\n120,1,1,0,1\n', [{ row: 3, column: 'low', message: "price must be above 0, got '0'" }]],
    ['a negative price', 'time,open,high,low,close\n60,1,1,1,1\n120,-1,1,1,1\n', [{ row: 3, column: 'open', message: "price must be a positive decimal, got '-1'" }]],
    ['a price that is not a number', 'time,open,high,low,close\n60,1,1,1,1\n120,1,abc,1,1\n', [{ row: 3, column: 'high', message: "price must be a positive decimal, got 'abc'" }]],
    ['a time that is not a number', 'time,open,high,low,close\n60,1,1,1,1\nnoon,1,1,1,1\n', [{ row: 3, column: 'time', message: expect.stringMatching(/^must be Unix seconds/) }]],
    ['a volume that is not a number', 'time,open,high,low,close,volume\n60,1,1,1,1,1\n120,1,1,1,1,x\n', [{ row: 3, column: 'volume', message: "must be a non-negative number, got 'x'" }]],
    ['a high below the close', 'time,open,high,low,close\n60,1,1,1,1\n120,1,1.5,1,2\n', [{ row: 3, column: 'high', message: 'must be at least open and close (open 1, close 2), got 1.5' }]],
    ['a low above the open', 'time,open,high,low,close\n60,1,1,1,1\n120,1,2,1.5,2\n', [{ row: 3, column: 'low', message: 'must be at most open and close (open 1, close 2), got 1.5' }]],
    ['candles more than a day apart', 'time,open,high,low,close\n0,1,1,1,1\n172800,1,1,1,1\n', [{ row: 3, column: 'time', message: expect.stringMatching(/at most 86400 s/) }]],
  ])('%s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it('refuses more than 10^6 rows, naming the first row too many, before reading any', () => {
    const rows = new Array<string>(TAPE_LIMITS.maxRows + 1).fill('1,x,x,x,x');
    const problems = problemsOf(`time,open,high,low,close\n${rows.join('\n')}`);
    expect(problems).toEqual([{ row: TAPE_LIMITS.maxRows + 2, message: 'more than 1,000,000 candles; cut the file' }]);
  });

  it('stops after 20 problems', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i * 60},1,1,1,0`);
    expect(problemsOf(`time,open,high,low,close\n${rows.join('\n')}`)).toHaveLength(TAPE_LIMITS.maxProblems);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = parseTape(text);
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('candle sub-steps', () => {
  it('a rising candle visits open → low → high → close', () => {
    expect(candleSubSteps({ time: 0, open: '100', high: '103', low: '97', close: '102', volume: null })).toEqual(['100', '97', '103', '102']);
  });
  it('a falling candle visits open → high → low → close', () => {
    expect(candleSubSteps({ time: 0, open: '100', high: '101', low: '90', close: '91', volume: null })).toEqual(['100', '101', '90', '91']);
  });
  it('a flat candle (close = open) counts as rising: low first', () => {
    expect(candleSubSteps({ time: 0, open: '5', high: '6', low: '4', close: '5', volume: null })).toEqual(['5', '4', '6', '5']);
  });
  it('a tape becomes a valid replay: 4 steps per candle, interval/4 seconds, starting at the first open', () => {
    const result = parseTape(BINANCE);
    if (!result.ok) throw new Error('unreadable');
    expect(tapePrices(result.tape)).toEqual(['100', '99', '101', '100.5', '100.5', '100.6', '90', '91', '91', '90.5', '95', '94']);
    const replay = tapeReplay(result.tape);
    if ('problem' in replay) throw new Error(replay.problem);
    expect(replay.market).toEqual({ initialPrice: '100', steps: 12, stepSeconds: 15 });
    const params = { ...defaultParams(), market: replay.market, scenario: replay.scenario };
    expect(validateParams(params).ok).toBe(true);
  });
  it('refuses a tape longer than a replay can hold, naming the limit', () => {
    const candles = Array.from({ length: MAX_REPLAY_CANDLES + 1 }, (_, i) => ({ time: i * 60, open: '1', high: '1', low: '1', close: '1', volume: null }));
    const replay = tapeReplay({ format: 'generic', intervalSeconds: 60, candles });
    expect('problem' in replay && replay.problem).toMatch(/at most 25,000/);
  });
});
