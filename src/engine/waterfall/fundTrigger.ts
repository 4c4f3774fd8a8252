/**
 * How much of the insurance fund the waterfall may use (ADL `trigger`, DESIGN.md §5). `fund-empty`: all of it.
 * `fund-drawdown` (OKX: ADL starts once the fund fell 30 % within 8 hours): the fund pays only down to
 * (1 − share) × its highest balance at the start of the last `windowSteps` steps (this one included); what it
 * cannot pay then goes to ADL although the fund is not empty.
 */
export class FundFloor {
  private startBalance: Float64Array;
  private cachedStep = -1;
  private cachedFloor = 0;

  constructor(
    private readonly share: number,
    private readonly windowSteps: number,
    steps: number,
  ) {
    this.startBalance = new Float64Array(share >= 1 ? 0 : steps);
  }

  get active(): boolean {
    return this.share < 1;
  }

  /** Records the fund's balance at the start of step t (after that step's inflow). */
  startStep(t: number, fundUnits: number): void {
    if (this.share >= 1) return;
    if (this.startBalance.length <= t) {
      const grown = new Float64Array(Math.max(t + 1, this.startBalance.length * 2));
      grown.set(this.startBalance);
      this.startBalance = grown;
    }
    this.startBalance[t] = fundUnits;
    this.cachedStep = -1;
  }

  /** The balance the fund may not go below at step t, in whole units. */
  floorUnits(t: number): number {
    if (this.share >= 1) return 0;
    if (this.cachedStep !== t) {
      let peak = 0;
      for (let s = Math.max(0, t - this.windowSteps + 1); s <= t; s++) peak = Math.max(peak, this.startBalance[s]!);
      this.cachedFloor = Math.floor((1 - this.share) * peak);
      this.cachedStep = t;
    }
    return this.cachedFloor;
  }
}
