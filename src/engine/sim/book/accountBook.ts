import type { Population } from '../../population/population';

/**
 * The mutable state of every account on one path. Starts from the population and is restored between paths by
 * resetting only the accounts the path touched, so a calm path costs nothing per account.
 */
export class AccountBook {
  readonly count: number;
  readonly side: Int8Array;
  readonly entryPrice: Float64Array;
  readonly open: Uint8Array;
  readonly sizeBase: Float64Array;
  /** Collateral including realized PnL, penalties, haircuts and ADL losses, in money units. */
  readonly collateralUnits: Float64Array;
  /** Haircuts taken so far: a later haircut applies only to profit beyond them. */
  readonly haircutTakenUnits: Float64Array;
  /** Socialized loss (haircuts + ADL losses) this account bore on this path. */
  readonly borneUnits: Float64Array;
  private readonly population: Population;
  private readonly touchedFlag: Uint8Array;
  private readonly touchedList: Int32Array;
  private touchedCount = 0;

  constructor(population: Population) {
    const n = population.count;
    this.population = population;
    this.count = n;
    this.side = population.side;
    this.entryPrice = population.entryPrice;
    this.open = new Uint8Array(n).fill(1);
    this.sizeBase = Float64Array.from(population.sizeBase);
    this.collateralUnits = Float64Array.from(population.collateralUnits);
    this.haircutTakenUnits = new Float64Array(n);
    this.borneUnits = new Float64Array(n);
    this.touchedFlag = new Uint8Array(n);
    this.touchedList = new Int32Array(n);
  }

  /** Marks an account as changed on this path, before changing it. */
  touch(j: number): void {
    if (this.touchedFlag[j] === 0) {
      this.touchedFlag[j] = 1;
      this.touchedList[this.touchedCount++] = j;
    }
  }

  get touchedAccounts(): Int32Array {
    return this.touchedList.subarray(0, this.touchedCount);
  }

  /** Restores every touched account to its starting state. */
  reset(): void {
    const pop = this.population;
    for (let k = 0; k < this.touchedCount; k++) {
      const j = this.touchedList[k]!;
      this.open[j] = 1;
      this.sizeBase[j] = pop.sizeBase[j]!;
      this.collateralUnits[j] = pop.collateralUnits[j]!;
      this.haircutTakenUnits[j] = 0;
      this.borneUnits[j] = 0;
      this.touchedFlag[j] = 0;
    }
    this.touchedCount = 0;
  }
}
