/**
 * Price paths kept from one simulator to the next. A path's prices are a pure function of the prepared scenario,
 * the seed and the path index (drawPricePath), and drawing them is about half of a default path's simulation
 * time (a log and a sine/cosine per step for the normals). A parameter edit that leaves the scenario and the seed
 * alone (a margin rate, the fund, the liquidation rules) draws the very same prices again, and so does each point
 * of a planner sweep over such a parameter. A store hands back copies of the arrays drawn before, bit for bit, so
 * no number depends on whether a path came from the store or was drawn.
 */
import type { ScenarioParams } from '../params/riskParams';
import { drawPricePath } from './drawPricePath';
import type { ScenarioMarket } from './pathBase';
import type { PreparedScenario } from './prepareScenario';

/**
 * A store's default budget, per worker on the page: about 2,000 paths of a day in minutes (1,440 steps × 8 bytes
 * ≈ 11.5 KB a path), so two workers keep every path of a 4,000-path run. Paths past it are drawn, not kept.
 */
export const PRICE_PATH_STORE_BYTES = 24 * 1024 * 1024;

/** Scenarios kept at once: a proposal and a baseline whose scenarios differ take turns within one run. */
export const PRICE_PATH_STORE_KEYS = 2;

/** Draws path `pathIndex`'s prices into out[0 .. steps − 1], as drawPricePath does. */
export type PathDrawer = (pathIndex: number, out: Float64Array) => void;

/** Draws path `pathIndex`'s prices into out[0 .. steps − 1] and `extras` numbers about the draw into extrasOut. */
export type KeyedDrawer = (pathIndex: number, out: Float64Array, extrasOut: Float64Array) => void;

export interface PricePathStoreStats {
  /** Paths copied from the store. */
  hits: number;
  /** Paths drawn (and stored while the budget allowed). */
  draws: number;
  /** Bytes of prices held. */
  bytes: number;
  /** Keys held. */
  keys: number;
}

/**
 * JSON writes −0 as 0 and NaN and ±Infinity as null: each is spelled out instead, so a −0 drift is kept apart from a
 * 0 one rather than trusted to draw the same bits, and two different non-finite numbers never share a key.
 */
function exactNumbers(_key: string, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  if (Object.is(value, -0)) return '-0';
  return Number.isFinite(value) ? value : String(value);
}

export class PricePathStore {
  /** Key → (path index → prices then extras); a Map iterates in insertion order: the first key is the least recently used. */
  private readonly byKey = new Map<string, Map<number, Float64Array>>();
  private bytes = 0;
  private hits = 0;
  private draws = 0;

  constructor(
    private readonly maxBytes = PRICE_PATH_STORE_BYTES,
    private readonly maxKeys = PRICE_PATH_STORE_KEYS,
  ) {
    if (!(maxBytes >= 0) || !Number.isSafeInteger(maxKeys) || maxKeys < 1) {
      throw new RangeError(`PricePathStore: maxBytes ${maxBytes} must be ≥ 0 and maxKeys ${maxKeys} a whole number ≥ 1`);
    }
  }

  /**
   * The drawer for one simulator. `scenario`, `market` and `seed` must be what `prepared` was prepared from and
   * will be drawn with: together they are the key, so two simulators share paths only when they would draw the
   * same ones.
   */
  drawer(scenario: ScenarioParams, market: ScenarioMarket, prepared: PreparedScenario, seed: number): PathDrawer {
    const none = new Float64Array(0);
    const keyed = this.keyedDrawer(['prices', scenario, market.initialPrice, market.steps, market.stepSeconds, seed], prepared.steps, 0, (pathIndex, out) =>
      drawPricePath(prepared, seed, pathIndex, out),
    );
    return (pathIndex, out) => keyed(pathIndex, out, none);
  }

  /**
   * A drawer over `draw`, which must be a pure function of the path index for everything `key` names (JSON of
   * plain data): a path it drew once is copied back, its `steps` prices and its `extras` numbers (read from
   * extrasOut[0 .. extras − 1] after the draw), instead of drawn again.
   */
  keyedDrawer(key: readonly unknown[], steps: number, extras: number, draw: KeyedDrawer): KeyedDrawer {
    const name = JSON.stringify(key, exactNumbers);
    const paths = this.touch(name);
    const pathBytes = (steps + extras) * Float64Array.BYTES_PER_ELEMENT;
    return (pathIndex, out, extrasOut) => {
      const kept = paths.get(pathIndex);
      if (kept !== undefined) {
        out.set(kept.subarray(0, steps));
        if (extras > 0) extrasOut.set(kept.subarray(steps));
        this.hits++;
        return;
      }
      draw(pathIndex, out, extrasOut);
      this.draws++;
      // A key evicted since this drawer was made holds nothing (an old simulator may outlive it) and takes nothing.
      if (this.byKey.get(name) === paths && this.bytes + pathBytes <= this.maxBytes) {
        const entry = new Float64Array(steps + extras);
        entry.set(out.subarray(0, steps));
        if (extras > 0) entry.set(extrasOut.subarray(0, extras), steps);
        paths.set(pathIndex, entry);
        this.bytes += pathBytes;
      }
    };
  }

  stats(): PricePathStoreStats {
    return { hits: this.hits, draws: this.draws, bytes: this.bytes, keys: this.byKey.size };
  }

  /** The key's paths, made the most recently used; the least recently used key goes when there are too many. */
  private touch(key: string): Map<number, Float64Array> {
    const paths = this.byKey.get(key) ?? new Map<number, Float64Array>();
    this.byKey.delete(key);
    this.byKey.set(key, paths);
    while (this.byKey.size > this.maxKeys) {
      const [oldest, dropped] = this.byKey.entries().next().value as [string, Map<number, Float64Array>];
      for (const prices of dropped.values()) this.bytes -= prices.byteLength;
      // Emptied, not just forgotten: a simulator still holding this key's drawer must not keep its paths alive.
      dropped.clear();
      this.byKey.delete(oldest);
    }
    return paths;
  }
}
