import { equityQuote, realizedPnlUnits } from '../margin/accountMath';
import { maintenanceRequirement, type MarginSchedule } from '../margin/marginSchedule';

/**
 * `backstop` (DESIGN.md §5; Hyperliquid's liquidator vault): a liquidatable position whose equity at the mark is
 * below `takeoverEquityShare` × its maintenance requirement is taken over by the vault before any book sale, at
 * the mark, with its remaining margin (a negative equity is a deficit: the insurance fund pays first, the vault
 * bears the rest as vaultLoss — we keep the waterfall's order, fund then mechanism). The vault holds the
 * inventory and sells each lot back into the book in equal parts over the next `unwindSteps` steps, with impact.
 *
 * vaultPnl = margins taken over + trading result of the inventory (realized on the unwind sales, the rest marked
 * at the horizon's market price) − vaultLoss. Trading results are whole units, rounded down per trade.
 */
export function takeoverDue(schedule: MarginSchedule, share: number, side: number, sizeBase: number, entryPrice: number, collateralUnits: number, mark: number): boolean {
  const notional = sizeBase * mark;
  const equity = equityQuote(side, sizeBase, entryPrice, collateralUnits, mark);
  // The continuous requirement (tiers with their maintenance amounts), the same one that decides liquidation.
  return equity < share * maintenanceRequirement(schedule, notional);
}

export class BackstopVault {
  /** Signed inventory in base units (+ long). */
  positionBase = 0;
  /** Average price of the inventory. */
  averagePrice = 0;
  /** Margins taken over plus realized trading results, units. */
  cashUnits = 0;
  /** Lots being unwound, in takeover order: signed base per step and the step their unwind starts. */
  private lotRate = new Float64Array(16);
  private lotStart = new Int32Array(16);
  private lotCount = 0;
  /** Lots before this one have finished unwinding. */
  private lotHead = 0;

  constructor(private readonly unwindSteps: number) {}

  reset(): void {
    this.positionBase = 0;
    this.averagePrice = 0;
    this.cashUnits = 0;
    this.lotCount = 0;
    this.lotHead = 0;
  }

  /** Takes over `side`·`sizeBase` at `mark` during step t; `marginUnits` ≥ 0 is the equity it receives. */
  takeOver(t: number, side: number, sizeBase: number, mark: number, marginUnits: number): void {
    this.cashUnits += marginUnits;
    this.trade(side * sizeBase, mark);
    if (this.lotCount === this.lotRate.length) {
      const rate = new Float64Array(this.lotCount * 2);
      rate.set(this.lotRate);
      const start = new Int32Array(this.lotCount * 2);
      start.set(this.lotStart);
      this.lotRate = rate;
      this.lotStart = start;
    }
    this.lotRate[this.lotCount] = (side * sizeBase) / this.unwindSteps;
    this.lotStart[this.lotCount] = t + 1;
    this.lotCount++;
  }

  /**
   * The signed base quantity the vault sells at the start of step t: the sum, in takeover order, of the per-step
   * parts of the lots unwinding at t, never more than (nor against) the inventory; once no lot is unwinding, what
   * float rounding left over goes too.
   */
  unwindAmount(t: number): number {
    while (this.lotHead < this.lotCount && this.lotStart[this.lotHead]! + this.unwindSteps <= t) this.lotHead++;
    if (this.positionBase === 0) return 0;
    let amount = 0;
    let active = 0;
    for (let k = this.lotHead; k < this.lotCount && this.lotStart[k]! <= t; k++) {
      amount += this.lotRate[k]!;
      active++;
    }
    if (active === 0) return this.lotHead === this.lotCount ? this.positionBase : 0;
    if (amount === 0 || Math.sign(amount) !== Math.sign(this.positionBase)) return 0;
    return Math.abs(amount) > Math.abs(this.positionBase) ? this.positionBase : amount;
  }

  /** Sells `amount` (signed, as from unwindAmount) at `fill`. */
  sell(amount: number, fill: number): void {
    this.trade(-amount, fill);
  }

  /** The vault's net result with the inventory marked at `price`, given the vaultLoss it bore. */
  resultUnits(price: number, vaultLossUnits: number): number {
    // The inventory is signed, so it is a position of side +1 and signed size.
    return this.cashUnits + realizedPnlUnits(1, this.positionBase, this.averagePrice, price) - vaultLossUnits;
  }

  /** Adds `delta` base at `price` to the inventory, realizing the part that reduces it. */
  private trade(delta: number, price: number): void {
    const p = this.positionBase;
    if (p === 0 || Math.sign(p) === Math.sign(delta)) {
      const next = p + delta;
      this.averagePrice = (p * this.averagePrice + delta * price) / next;
      this.positionBase = next;
      return;
    }
    const closed = Math.abs(delta) >= Math.abs(p) ? -p : delta;
    // `closed` is the signed change that reduces the inventory: the position closed is −closed (side −1).
    this.cashUnits += realizedPnlUnits(-1, closed, this.averagePrice, price);
    const next = p + delta;
    if (Math.abs(delta) > Math.abs(p)) this.averagePrice = price;
    this.positionBase = Math.abs(next) < 1e-12 * Math.abs(p) ? 0 : next;
  }
}
