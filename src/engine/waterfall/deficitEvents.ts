/**
 * The deficits of one settlement round, in the order their accounts were closed. Reused buffers: a round
 * allocates nothing.
 */
export class DeficitEvents {
  count = 0;
  /** Sum of the round's deficits so far (what the fund is already asked to pay). */
  totalUnits = 0;
  account = new Int32Array(16);
  side = new Int8Array(16);
  deficitUnits = new Float64Array(16);
  /** What is left after the insurance fund paid, for the loss mechanism. */
  remainderUnits = new Float64Array(16);
  bankruptcyPrice = new Float64Array(16);
  fillPrice = new Float64Array(16);

  clear(): void {
    this.count = 0;
    this.totalUnits = 0;
  }

  push(account: number, side: number, deficitUnits: number, bankruptcyPrice: number, fillPrice: number): void {
    if (this.count === this.account.length) this.grow();
    const i = this.count++;
    this.totalUnits += deficitUnits;
    this.account[i] = account;
    this.side[i] = side;
    this.deficitUnits[i] = deficitUnits;
    this.remainderUnits[i] = deficitUnits;
    this.bankruptcyPrice[i] = bankruptcyPrice;
    this.fillPrice[i] = fillPrice;
  }

  private grow(): void {
    const cap = this.account.length * 2;
    const copy = <T extends Int32Array | Int8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.account = copy(this.account, (k) => new Int32Array(k));
    this.side = copy(this.side, (k) => new Int8Array(k));
    this.deficitUnits = copy(this.deficitUnits, (k) => new Float64Array(k));
    this.remainderUnits = copy(this.remainderUnits, (k) => new Float64Array(k));
    this.bankruptcyPrice = copy(this.bankruptcyPrice, (k) => new Float64Array(k));
    this.fillPrice = copy(this.fillPrice, (k) => new Float64Array(k));
  }
}
