// A candle tape dropped on the page (Binance kline CSV or time,open,high,low,close[,volume]): the store parses it,
// keeps what was loaded or every refusal (each naming its row and column), and turns it into the draft's replay —
// the market starts at the tape's first open, as `simulate --tape` does with the same file (tapeReplayFor).
import type { StateCreator } from 'zustand/vanilla';
import { MAX_REPLAY_CANDLES, PAGE_VOLUME_EXPONENT, tapePrices, tapeReplay, tapeReplayFor } from '../engine/tape/candleSteps';
import { formatTapeProblem, parseTape, type CandleTape } from '../engine/tape/parseTape';
import type { AppState } from './store';

export interface LoadedTape {
  /** The file's name. */
  name: string;
  candles: number;
  intervalSeconds: number;
  /** Every sub-step's price (four per candle), as written. */
  prices: string[];
  /** Seconds per sub-step. */
  stepSeconds: number;
  /** Every candle has a volume (so the book depth can follow it). */
  hasVolume: boolean;
}

export interface TapeState {
  loaded: LoadedTape | null;
  /** Why the last file, or the last switch, was refused (empty when it was not). */
  problems: string[];
}

export interface TapeSlice {
  tape: TapeState;
  /** The most candles a replay holds, and the exponent the "depth follows volume" switch sets. */
  tapeLimits: { maxCandles: number; volumeExponent: number };
  /** Parses a tape's text; loaded, it becomes the draft's market and replay scenario (one edit, one run). */
  loadTape: (name: string, text: string) => void;
  /** Turns the volume-following depth on or off: the field and the replay's volumes change in one edit. */
  setTapeFollowsVolume: (on: boolean) => void;
}

const NO_TAPE: TapeState = { loaded: null, problems: [] };

export const createTapeSlice: StateCreator<AppState, [], [], TapeSlice> = (set, get) => {
  /** The parsed tape itself, kept out of the state: only the switch below needs its candles again. */
  let candles: CandleTape | null = null;
  return {
    tape: NO_TAPE,
    tapeLimits: { maxCandles: MAX_REPLAY_CANDLES, volumeExponent: PAGE_VOLUME_EXPONENT },
    loadTape: (name, text) => {
      const parsed = parseTape(text);
      if (!parsed.ok) {
        candles = null;
        set({ tape: { loaded: null, problems: parsed.problems.map(formatTapeProblem) } });
        return;
      }
      // As `simulate --tape`: the volumes come along when the parameters ask the depth to follow them.
      const replay = tapeReplayFor(get().params, parsed.tape);
      if ('problem' in replay) {
        candles = null;
        set({ tape: { loaded: null, problems: [replay.problem] } });
        return;
      }
      const tape = parsed.tape;
      candles = tape;
      const loaded: LoadedTape = {
        name,
        candles: tape.candles.length,
        intervalSeconds: tape.intervalSeconds,
        prices: tapePrices(tape),
        stepSeconds: replay.market.stepSeconds,
        hasVolume: tape.candles.every((c) => c.volume !== null),
      };
      set({ tape: { loaded, problems: [] } });
      get().editDraft([
        { path: ['market'], value: replay.market },
        { path: ['scenario'], value: replay.scenario },
      ]);
    },
    setTapeFollowsVolume: (on) => {
      if (!candles) return;
      const replay = tapeReplay(candles, { volumes: on });
      if ('problem' in replay) {
        set({ tape: { ...get().tape, problems: [replay.problem] } });
        return;
      }
      const { volumeExponent: _off, ...impact } = get().params.liquidation.impact;
      get().editDraft([
        { path: ['liquidation', 'impact'], value: on ? { ...impact, volumeExponent: PAGE_VOLUME_EXPONENT } : impact },
        { path: ['market'], value: replay.market },
        { path: ['scenario'], value: replay.scenario },
      ]);
    },
  };
};
