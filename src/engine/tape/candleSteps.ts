/**
 * A candle tape as a price path a replay can run. Each candle becomes four equally spaced sub-steps:
 *   open → first extreme → second extreme → close,
 * where a rising or flat candle (close ≥ open) visits its low first and a falling one its high first: the
 * order in which the candle's own body implies the extremes were reached (the usual bar-emulation rule of
 * backtesters; the true intraminute order is not in the data). So a wick is a step the engine sees and
 * liquidates on, not a value averaged away. stepSeconds = interval / 4 (15 s for 1-minute candles), and
 * steps = 4 × candles; the market starts at the first candle's open.
 */
import { LIMITS } from '../params/schema';
import type { MarketParams, ReplayScenario, RiskParams } from '../params/riskParams';
import type { Candle, CandleTape } from './parseTape';

export const SUB_STEPS_PER_CANDLE = 4;
/** The longest tape a replay can hold: market.steps is at most 100,000. */
export const MAX_REPLAY_CANDLES = Math.floor(LIMITS.maxSteps / SUB_STEPS_PER_CANDLE);

/** The four prices of one candle in the order the engine visits them. */
export function candleSubSteps(candle: Candle): [string, string, string, string] {
  const rising = Number(candle.close) >= Number(candle.open);
  return rising
    ? [candle.open, candle.low, candle.high, candle.close]
    : [candle.open, candle.high, candle.low, candle.close];
}

/** Every candle's sub-steps in order: decimal strings, exactly the tape's values. */
export function tapePrices(tape: CandleTape): string[] {
  const prices: string[] = [];
  for (const candle of tape.candles) prices.push(...candleSubSteps(candle));
  return prices;
}

export interface TapeReplay {
  market: MarketParams;
  scenario: ReplayScenario;
}

/** Every sub-step's volume: each candle's volume repeated for its four sub-steps; null when the tape has none. */
export function tapeVolumes(tape: CandleTape): number[] | null {
  const volumes: number[] = [];
  for (const candle of tape.candles) {
    if (candle.volume === null) return null;
    for (let k = 0; k < SUB_STEPS_PER_CANDLE; k++) volumes.push(candle.volume);
  }
  return volumes;
}

export interface TapeReplayOptions {
  /**
   * Carry the candles' volumes in the scenario, so a depth that follows volume (liquidation.impact.volumeExponent)
   * has them. Off, the scenario is what it was before volumes existed (smaller files and links).
   */
  volumes?: boolean;
}

/**
 * The market and replay scenario of a tape. Step-counted parameters (oracle delay, impact half-life, keeper
 * capacity per step) then count sub-steps of interval / 4 seconds.
 * @returns a message naming the limit when the tape is longer than a replay can hold, or when volumes are asked
 *   for and the tape has none
 */
export function tapeReplay(tape: CandleTape, options: TapeReplayOptions = {}): TapeReplay | { problem: string } {
  const n = tape.candles.length;
  if (n > MAX_REPLAY_CANDLES) {
    return {
      problem:
        `the tape has ${n.toLocaleString('en-US')} candles; a replay holds at most ${MAX_REPLAY_CANDLES.toLocaleString('en-US')} ` +
        `(${SUB_STEPS_PER_CANDLE} sub-steps each, market.steps ≤ ${LIMITS.maxSteps.toLocaleString('en-US')}); cut the file or fit a scenario to it instead`,
    };
  }
  const prices = tapePrices(tape);
  const market = { initialPrice: prices[0]!, steps: prices.length, stepSeconds: tape.intervalSeconds / SUB_STEPS_PER_CANDLE };
  if (!options.volumes) return { market, scenario: { kind: 'replay', prices, noiseVolAnnual: 0 } };
  const volumes = tapeVolumes(tape);
  if (volumes === null) {
    return { problem: 'the tape has no volume column, so the book depth cannot follow volume (liquidation.impact.volumeExponent); add a volume column or remove the field' };
  }
  return { market, scenario: { kind: 'replay', prices, noiseVolAnnual: 0, volumes } };
}

/**
 * The replay of a tape under a parameters file: the volumes travel exactly when the file asks the depth to follow
 * them (liquidation.impact.volumeExponent). The command line (`--tape`) and the page's tape drop both call this,
 * so the same file and tape give the same replay.
 */
export function tapeReplayFor(params: RiskParams, tape: CandleTape): TapeReplay | { problem: string } {
  return tapeReplay(tape, { volumes: params.liquidation.impact.volumeExponent !== undefined });
}

/** The β the page's "depth follows volume" switch sets: the square-root law's own exponent (impact/volumeDepth.ts). */
export const PAGE_VOLUME_EXPONENT = 1;
