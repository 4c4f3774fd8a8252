import type { SimConfig } from '../sim/config/simConfig';

/**
 * Per-account slicing of large liquidations (Hyperliquid: "only 20% of the position will be sent as a market
 * liquidation order" for positions over 100k USDC, then a 30 s cooldown; dYdX v4: at most 10 % of a position per
 * block). A position whose notional at the mark is above `minNotionalQuote` closes at most `fraction` of its
 * current size per slice, then waits `cooldownSteps` whole steps after the step of the slice.
 */
export class SliceClock {
  /** First step at which each account may be sliced again (0 = never sliced on this path). */
  private readonly nextStep: Int32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(
    private readonly slice: SimConfig['slice'],
    accounts: number,
  ) {
    this.nextStep = new Int32Array(slice === null ? 0 : accounts);
    this.touched = new Int32Array(slice === null ? 0 : accounts);
  }

  startPath(): void {
    for (let k = 0; k < this.touchedCount; k++) this.nextStep[this.touched[k]!] = 0;
    this.touchedCount = 0;
  }

  /** True while account j cools down after a slice. */
  waiting(j: number, step: number): boolean {
    return this.slice !== null && this.nextStep[j]! > step;
  }

  /** The most account j may close now: a fraction of a large position, else all of it. */
  limit(j: number, sizeBase: number, mark: number, step: number): number {
    const slice = this.slice;
    if (slice === null || sizeBase * mark <= slice.minNotionalQuote || this.waiting(j, step)) return sizeBase;
    return slice.fraction * sizeBase;
  }

  /** Records a close of account j whose size before it was `sizeBase`: a large position starts its cooldown. */
  sliced(j: number, sizeBase: number, mark: number, step: number): void {
    const slice = this.slice;
    if (slice === null || sizeBase * mark <= slice.minNotionalQuote) return;
    if (this.nextStep[j] === 0) this.touched[this.touchedCount++] = j;
    this.nextStep[j] = step + 1 + slice.cooldownSteps;
  }
}
