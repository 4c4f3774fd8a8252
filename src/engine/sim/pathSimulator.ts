import {
  bankruptcyPrice,
  isLiquidatableAt,
  openDeficitUnits,
  partialCloseSize,
  penaltyUnits,
  realizedPnlUnits,
  settledEquityUnits,
  type ClosePricer,
  type CloseQuote,
} from '../margin/accountMath';
import { SliceClock } from '../liquidation/sliceClock';
import { VenueBook } from '../liquidation/venueBook';
import type { FinderKind, LiquidationFinder } from '../liquidation/liquidationFinder';
import { frontierFinder } from '../liquidation/frontierFinder';
import { scanFinder } from '../liquidation/scanFinder';
import { UNITS_PER_QUOTE } from '../money/money';
import type { Population } from '../population/population';
import { PathRng, RNG_STREAM } from '../rng/pathRng';
import { AdlQueue } from '../waterfall/autoDeleverage';
import { bankruptAtMark, contractsToDeleverage, fullSaleDeficitUnits, type AdlSaleInput } from '../waterfall/adlSale';
import { BackstopVault, takeoverDue } from '../waterfall/backstopVault';
import { DeficitEvents } from '../waterfall/deficitEvents';
import { FundFloor } from '../waterfall/fundTrigger';
import { haircutProfits } from '../waterfall/haircutProfits';
import { settlementContext, type SettlementContext } from '../waterfall/settlementContext';
import { socializeOpenInterest } from '../waterfall/socializeOpenInterest';
import { AccountBook } from './book/accountBook';
import type { PathEventListener } from './book/pathEvents';
import { PathTally } from './book/pathTally';
import type { SimConfig } from './config/simConfig';

/** Liquidate → settle rounds per step before the rest waits for the next step (cascades stay bounded). */
export const MAX_ROUNDS_PER_STEP = 50;

const PASS_CONTINUE = 0;
const PASS_IDLE = 1;
const PASS_CAPACITY_USED = 2;
/** Closed in full. */
const CLOSE_DONE = 0;
/** Cut short by the keeper capacity: waits at the head of the queue for the next step. */
const CLOSE_CHUNKED = 1;
/** A slice of a large position: keeps its place and waits for its cooldown. */
const CLOSE_SLICED = 2;
/** A partial close that restored the account: it leaves the queue (the finder sees it again if it falls). */
const CLOSE_REST_FREE = 3;

/** Receives the state at the end of each series point's step. */
export interface PointObserver {
  (point: number, marketPrice: number, fundUnits: number, tally: PathTally): void;
}

/**
 * Simulates one path at a time over a fixed population (DESIGN.md §1, §5). Per step:
 *  1. fees flow into the fund (from step 1 on), the price displacement left by earlier liquidations decays;
 *  2. rounds of liquidate → settle until no open account is liquidatable at the oracle price, or the keeper
 *     capacity is used up (the queue waits for the next step, oldest first), or MAX_ROUNDS_PER_STEP;
 *  3. the end-of-step market price is recorded for a delayed oracle.
 * The oracle price is the market price (undisturbed path × (1 + displacement)) with no delay, so liquidations
 * within a step move it and can trigger more (a cascade); with a delay of d steps it is the market price at the
 * end of step t − d (the initial price before that), fixed for the step.
 */
export class PathSimulator {
  readonly book: AccountBook;
  readonly tally = new PathTally();
  readonly hitFlags: Uint8Array;
  /** What the loss mechanisms work on (book, tally, scratch, event listener, step): one object, kept current. */
  private readonly settlement: SettlementContext;
  private readonly finder: LiquidationFinder;
  private readonly queue: Int32Array;
  private readonly inQueue: Uint8Array;
  private queueHead = 0;
  private queueLength = 0;
  private readonly collected: Int32Array;
  private readonly deficits = new DeficitEvents();
  /** ADL queues of the longs and the shorts, ranked once per settlement round. */
  private readonly adlQueues: { long: AdlQueue; short: AdlQueue };
  /** The mark at the end of each step, for a delayed oracle. */
  private markEnd: Float64Array;
  private readonly venue: VenueBook;
  private readonly slices: SliceClock;
  private capacityQuote = 0;
  private readonly quote: CloseQuote = { fill: 0, markAfter: 0 };
  /** Reused for every ADL sale sizing (one per whole close of a bankrupt account). */
  private readonly adlSaleInput: AdlSaleInput = { side: 0, sizeBase: 0, entryPrice: 0, collateralUnits: 0, bankruptcyPrice: 0, markPrice: 0, usableFundUnits: 0 };
  /** Prices a partial close for its sizing: the same average fill and mark the close itself will get. */
  private readonly pricer: ClosePricer;
  /** The account and mark the pricer prices for (set before each partial sizing). */
  private pricingAccount = 0;
  private pricingOracle = 0;
  /** ADL trigger: how far the fund may be drawn (waterfall/fundTrigger.ts). */
  private readonly fundFloor: FundFloor;
  /** The backstop vault's inventory, null for other mechanisms. */
  readonly vault: BackstopVault | null;
  fundUnits = 0;
  /** The fund each path starts with: the parameters' own, unless a fund ladder runs this simulator at another level. */
  fundInitialUnits: number;
  private drawnThisStep = 0;
  private step = 0;
  private adlRng = new PathRng(0, 0, RNG_STREAM.adl);
  private readonly adlOptions: { ranking: SimConfig['adlRanking']; size: SimConfig['adlSize']; closePrice: SimConfig['adlClosePrice'] };

  constructor(
    private readonly config: SimConfig,
    population: Population,
    finderKind: FinderKind,
  ) {
    const n = population.count;
    this.fundInitialUnits = config.fundInitialUnits;
    this.book = new AccountBook(population);
    this.hitFlags = new Uint8Array(n);
    this.queue = new Int32Array(n);
    this.inQueue = new Uint8Array(n);
    this.collected = new Int32Array(n);
    this.adlQueues = config.mechanism === 'adl' ? { long: new AdlQueue(n), short: new AdlQueue(n) } : { long: new AdlQueue(0), short: new AdlQueue(0) };
    this.markEnd = new Float64Array(config.steps);
    this.venue = new VenueBook(config);
    this.slices = new SliceClock(config.slice, n);
    this.pricer = (q, out) => {
      const venue = this.venue;
      const j = this.pricingAccount;
      const to = venue.flowQuote - this.book.side[j]! * q * venue.index;
      out.fill = venue.fillBetween(venue.flowQuote, to);
      out.markAfter = this.config.oracleDelaySteps === 0 ? venue.markAt(to) : this.pricingOracle;
    };
    this.fundFloor = new FundFloor(config.mechanism === 'adl' ? config.adlTriggerShare : 1, config.adlTriggerWindowSteps, config.steps);
    this.adlOptions = { ranking: config.adlRanking, size: config.adlSize, closePrice: config.adlClosePrice };
    this.vault = config.mechanism === 'backstop' ? new BackstopVault(config.backstopUnwindSteps) : null;
    const ctx = { book: this.book, isLiquidatable: (j: number, price: number) => this.isLiquidatable(j, price) };
    this.finder = finderKind === 'frontier' ? frontierFinder(ctx, config.schedule) : scanFinder(ctx);
    this.settlement = settlementContext(this.book, this.tally, this.hitFlags, (j) => this.finder.accountChanged(j));
  }

  /** Set to trace one path (learn mode); null in Monte Carlo runs. */
  get onEvent(): PathEventListener | null {
    return this.settlement.onEvent;
  }

  set onEvent(listener: PathEventListener | null) {
    this.settlement.onEvent = listener;
  }

  private isLiquidatable(j: number, price: number): boolean {
    const b = this.book;
    return isLiquidatableAt(this.config.schedule, b.side[j]!, b.sizeBase[j]!, b.entryPrice[j]!, b.collateralUnits[j]!, price);
  }

  /**
   * Runs path `pathIndex` over `prices` (length = steps); `observe` sees the state at the end of each step listed
   * in `stepOfPoint` (ascending), with the point's index.
   */
  run(prices: Float64Array, seed: number, pathIndex: number, stepOfPoint: Int32Array, observe: PointObserver): void {
    this.resetPath(seed, pathIndex, prices.length);
    let nextPoint = 0;
    // Prices and marks go between the step's methods through typed arrays (prices, markEnd), not as arguments or
    // return values: V8 does not inline all of them into this loop, and a double crossing a call that is not
    // inlined is boxed on the heap, several allocations a step.
    for (let t = 0; t < prices.length; t++) {
      this.startStep(t, prices);
      this.liquidateAndSettle(t);
      if (this.onEvent !== null) this.explainStep(t);
      this.endStep(t);
      if (t === stepOfPoint[nextPoint]) observe(nextPoint++, this.markEnd[t]!, this.fundUnits, this.tally);
    }
    this.closeHorizon(prices.length);
  }

  /**
   * Step t opens: fees flow into the fund (from step 1 on), the book takes the step's index price and decays the
   * displacement left by earlier liquidations, the keepers get their capacity, the ADL trigger's window moves,
   * and the backstop vault sells its inventory due at t before this step's liquidations.
   */
  private startStep(t: number, prices: Float64Array): void {
    this.step = t;
    this.settlement.step = t;
    if (t > 0) this.creditFund(this.config.fundInflowPerStepUnits);
    this.venue.startStep(t, prices[t]!);
    this.capacityQuote = this.config.maxNotionalPerStepQuote;
    if (this.fundFloor.active) this.fundFloor.startStep(t, this.fundUnits);
    if (this.vault !== null) this.unwindVault(t);
    this.drawnThisStep = 0;
  }

  /** The mark liquidations are checked at as step t opens: current, or the end-of-step mark d steps back. */
  private oracleAtStart(t: number): number {
    const cfg = this.config;
    if (cfg.oracleDelaySteps === 0) return this.venue.mark();
    return t >= cfg.oracleDelaySteps ? this.markEnd[t - cfg.oracleDelaySteps]! : cfg.initialPrice;
  }

  /**
   * Rounds of find → liquidate → settle until no open account is liquidatable at the oracle price, the keeper
   * capacity is used up (the queue waits for the next step, oldest first), or MAX_ROUNDS_PER_STEP. With a current
   * oracle each round's sales move the mark the next round checks at (a cascade).
   */
  private liquidateAndSettle(t: number): void {
    const current = this.config.oracleDelaySteps === 0;
    let oracle = this.oracleAtStart(t);
    for (let round = 0; round < MAX_ROUNDS_PER_STEP; round++) {
      if (this.enqueueLiquidatable(oracle) === 0) break;
      this.deficits.clear();
      const pass = this.liquidateQueue(oracle);
      this.settle(oracle);
      if (current) oracle = this.venue.mark();
      if (pass !== PASS_CONTINUE) break;
    }
  }

  /** Queues the accounts newly liquidatable at `oracle` behind those already waiting; returns the queue length. */
  private enqueueLiquidatable(oracle: number): number {
    const found = this.finder.nothingAt(oracle) ? 0 : this.finder.collect(oracle, this.inQueue, this.collected);
    for (let k = 0; k < found; k++) this.enqueue(this.collected[k]!);
    return this.queueLength;
  }

  /** Step t closes: the book's end-of-step mark is recorded in markEnd[t] (for a delayed oracle and the series). */
  private endStep(t: number): void {
    this.markEnd[t] = this.venue.endStep();
  }

  /** After the last step: the negative equity still open, and the backstop vault's result at the horizon's mark. */
  private closeHorizon(steps: number): void {
    if (steps > 0) this.tally.openDeficitUnits = this.openDeficitAt(this.markEnd[steps - 1]!);
    if (this.vault !== null) this.tally.vaultPnlUnits = this.vault.resultUnits(steps > 0 ? this.markEnd[steps - 1]! : this.config.initialPrice, this.tally.vaultLossUnits);
  }

  /** Sells the vault's share of inventory due at step t into the venue's book (it moves the book like any sale). */
  private unwindVault(t: number): void {
    const vault = this.vault!;
    const amount = vault.unwindAmount(t);
    if (amount === 0) return;
    vault.sell(amount, this.venue.execute(Math.sign(amount), Math.abs(amount)));
  }

  /** The vault takes account j over at the mark with its remaining margin; a negative equity is a deficit. */
  private takeOver(j: number, mark: number): void {
    const b = this.book;
    const side = b.side[j]!;
    const size = b.sizeBase[j]!;
    const collateral = b.collateralUnits[j]!;
    b.touch(j);
    const equity = settledEquityUnits(side, size, b.entryPrice[j]!, collateral, mark);
    this.vault!.takeOver(this.step, side, size, mark, Math.max(0, equity));
    this.tally.liquidations += 1;
    this.tally.liquidatedNotionalQuote += size * mark;
    b.open[j] = 0;
    b.sizeBase[j] = 0;
    b.collateralUnits[j] = 0;
    this.onEvent?.({ kind: 'takeover', step: this.step, account: j, side, sizeBase: size, markPrice: mark, marginQuote: equity / UNITS_PER_QUOTE });
    if (equity < 0) this.recordDeficit(j, side, -equity, bankruptcyPrice(side, size, b.entryPrice[j]!, collateral), mark);
  }

  private recordDeficit(j: number, side: number, deficit: number, bankruptcy: number, price: number): void {
    this.tally.badDebtUnits += deficit;
    this.deficits.push(j, side, deficit, bankruptcy, price);
    this.onEvent?.({ kind: 'deficit', step: this.step, account: j, deficitQuote: deficit / UNITS_PER_QUOTE, bankruptcyPrice: bankruptcy, fillPrice: price });
  }

  /** What the fund may still pay this step: its balance above the trigger floor, within the draw limit. */
  private fundAvailable(): number {
    const floor = this.fundFloor.active ? this.fundFloor.floorUnits(this.step) : 0;
    return Math.max(0, Math.min(this.fundUnits - floor, this.config.fundMaxDrawPerStepUnits - this.drawnThisStep));
  }

  private contractsToDeleverage(j: number, mark: number): number {
    const b = this.book;
    const side = b.side[j]!;
    const size = b.sizeBase[j]!;
    const entry = b.entryPrice[j]!;
    const collateral = b.collateralUnits[j]!;
    const bankruptcy = bankruptcyPrice(side, size, entry, collateral);
    // Most closes are not bankrupt at the mark, where adlSale returns 0 at once: skip the fund look-up and input.
    if (!bankruptAtMark(side, bankruptcy, mark)) return 0;
    const input = this.adlSaleInput;
    input.side = side;
    input.sizeBase = size;
    input.entryPrice = entry;
    input.collateralUnits = collateral;
    input.bankruptcyPrice = bankruptcy;
    input.markPrice = mark;
    input.usableFundUnits = Math.max(0, this.fundAvailable() - this.deficits.totalUnits);
    const deleveraged = contractsToDeleverage(input, this.venue);
    this.noteAdlFundRead(input);
    return deleveraged;
  }

  /**
   * Fund bounds of the ADL sale's fund read (PathTally.fundSlackUnits): it sells all when the fund can pay the
   * sale's deficit on top of the round's, so a sale needs that much fund and a deleverage at most one unit less.
   */
  private noteAdlFundRead(input: AdlSaleInput): void {
    const deficit = fullSaleDeficitUnits(input, this.venue);
    if (deficit <= 0) return;
    const asked = this.deficits.totalUnits;
    // The draw limit alone already forces the deleverage: no fund level changes it.
    if (this.config.fundMaxDrawPerStepUnits - this.drawnThisStep - asked < deficit) return;
    const margin = this.fundUnits - asked - deficit;
    const tally = this.tally;
    if (margin >= 0) tally.fundSlackUnits = Math.min(tally.fundSlackUnits, margin);
    else tally.fundHeadroomUnits = Math.min(tally.fundHeadroomUnits, -margin - 1);
  }

  /**
   * Closes account j whole: `sold` contracts into the book at `fill`, `deleveraged` against the winners at its
   * bankruptcy price. The account keeps the surplus of the sale above bankruptcy (less the penalty on the sold
   * notional); the deleveraged part's deficit at the mark goes through the waterfall (fund, then the ADL queue).
   */
  private closeWithAdl(j: number, sold: number, deleveraged: number, fill: number, mark: number): void {
    const cfg = this.config;
    const b = this.book;
    const side = b.side[j]!;
    const size = b.sizeBase[j]!;
    const entry = b.entryPrice[j]!;
    const collateralBefore = b.collateralUnits[j]!;
    b.touch(j);
    const bankruptcy = bankruptcyPrice(side, size, entry, collateralBefore);
    let collateral = collateralBefore + realizedPnlUnits(side, sold, entry, fill) + realizedPnlUnits(side, deleveraged, entry, bankruptcy);
    const penalty = penaltyUnits(cfg.penaltyRatio, sold, fill, collateral);
    collateral -= penalty;
    this.recordClose(j, side, sold, fill, mark, true, penalty);
    b.open[j] = 0;
    b.sizeBase[j] = 0;
    // The deleveraged contracts are closed at the bankruptcy price: their shortfall against the mark is the deficit.
    const deficit = realizedPnlUnits(side, deleveraged, mark, bankruptcy) + (collateral < 0 ? -collateral : 0);
    if (collateral < 0) collateral = 0;
    b.collateralUnits[j] = collateral;
    if (deficit > 0) this.recordDeficit(j, side, deficit, bankruptcy, mark);
  }

  /**
   * One pass over the queue in order, at mark `oracle`: drops accounts that closed or recovered, waits accounts
   * cooling down between slices (they keep their place), closes the rest within the keeper capacity. Accounts
   * that wait stay in the queue in their order, ahead of any found later.
   */
  private liquidateQueue(oracle: number): number {
    const b = this.book;
    const cap = this.queue.length;
    const len = this.queueLength;
    let kept = 0;
    let closedAny = false;
    let stopped = false;
    for (let i = 0; i < len; i++) {
      const j = this.queue[(this.queueHead + i) % cap]!;
      if (stopped) {
        // Nothing was removed before this point: the rest is already in place.
        if (kept === i) {
          kept = len;
          break;
        }
        this.queue[(this.queueHead + kept++) % cap] = j;
        continue;
      }
      if (b.open[j] === 0) {
        this.inQueue[j] = 0;
        continue;
      }
      if (!this.isLiquidatable(j, oracle)) {
        this.inQueue[j] = 0;
        this.finder.accountReleased(j);
        continue;
      }
      // The backstop vault takes a position over before any book sale, without keeper capacity (issue 14).
      if (this.vault !== null && takeoverDue(this.config.schedule, this.config.backstopTakeoverShare, b.side[j]!, b.sizeBase[j]!, b.entryPrice[j]!, b.collateralUnits[j]!, oracle)) {
        this.takeOver(j, oracle);
        this.inQueue[j] = 0;
        closedAny = true;
        continue;
      }
      if (this.capacityQuote <= 0 || this.slices.waiting(j, this.step)) {
        if (this.capacityQuote <= 0) stopped = true;
        this.queue[(this.queueHead + kept++) % cap] = j;
        continue;
      }
      const outcome = this.liquidateOne(j, oracle);
      closedAny = true;
      if (outcome === CLOSE_DONE) {
        this.inQueue[j] = 0;
        continue;
      }
      this.finder.accountChanged(j);
      if (outcome === CLOSE_CHUNKED) stopped = true;
      if (outcome === CLOSE_REST_FREE) {
        this.inQueue[j] = 0;
        continue;
      }
      this.queue[(this.queueHead + kept++) % cap] = j;
    }
    this.queueLength = kept;
    return stopped ? PASS_CAPACITY_USED : closedAny ? PASS_CONTINUE : PASS_IDLE;
  }

  /** Closes what account j may close now (partial size, slice, keeper capacity) at the average fill. */
  private liquidateOne(j: number, oracle: number): number {
    const cfg = this.config;
    const b = this.book;
    const side = b.side[j]!;
    const size = b.sizeBase[j]!;
    this.pricingAccount = j;
    this.pricingOracle = oracle;
    let closeSize = cfg.partial
      ? partialCloseSize(cfg.schedule, cfg.penaltyRatio, side, size, b.entryPrice[j]!, b.collateralUnits[j]!, oracle, this.pricer, this.quote)
      : size;
    const sliced = this.slices.limit(j, size, oracle, this.step);
    if (sliced < closeSize) closeSize = sliced;
    // ADL replaces the book sale of what the fund cannot cover, for a whole close (issue 14, waterfall/adlSale.ts).
    if (cfg.mechanism === 'adl' && closeSize === size) {
      const deleveraged = this.contractsToDeleverage(j, oracle);
      const sold = size - deleveraged;
      if (deleveraged > 0 && sold * oracle <= this.capacityQuote) {
        this.capacityQuote -= sold * oracle;
        this.closeWithAdl(j, sold, deleveraged, this.venue.execute(side, sold), oracle);
        return CLOSE_DONE;
      }
    }
    let chunked = false;
    if (closeSize * oracle > this.capacityQuote) {
      closeSize = Math.min(size, this.capacityQuote / oracle);
      chunked = closeSize < size;
      this.capacityQuote = 0;
    } else {
      this.capacityQuote -= closeSize * oracle;
    }
    const fill = this.venue.execute(side, closeSize);
    this.closePosition(j, closeSize, fill, oracle);
    if (b.open[j] === 0) return CLOSE_DONE;
    this.slices.sliced(j, size, oracle, this.step);
    if (chunked) return CLOSE_CHUNKED;
    if (sliced < size) this.onEvent?.({ kind: 'slice', step: this.step, account: j, closedSizeBase: closeSize, restSizeBase: b.sizeBase[j]!, nextStep: this.step + 1 + cfg.slice!.cooldownSteps });
    return sliced < size ? CLOSE_SLICED : CLOSE_REST_FREE;
  }

  /** The mark a close's remainder faces: the mark after its fill, or the step's fixed oracle when delayed. */
  private markAfterFill(oracle: number): number {
    return this.config.oracleDelaySteps === 0 ? this.venue.mark() : oracle;
  }

  /** Learn mode's lines about waiting and thinning, at the end of step t (only when tracing). */
  private explainStep(t: number): void {
    const emit = this.onEvent!;
    const cfg = this.config;
    if (this.queueLength > 0 && this.capacityQuote <= 0 && cfg.maxNotionalPerStepQuote < Infinity) {
      emit({ kind: 'keeper-queue', step: t, accounts: this.queueLength, capacityQuote: cfg.maxNotionalPerStepQuote });
    }
    const share = this.venue.depthShare();
    if (cfg.impactModel !== 'none' && this.venue.flowQuote !== 0 && share < 0.995) emit({ kind: 'book', step: t, depthShare: share });
  }

  /** The negative equity, at the horizon's mark, of every account still open: a deficit not yet settled. */
  private openDeficitAt(mark: number): number {
    const b = this.book;
    let units = 0;
    const cap = this.queue.length;
    for (let i = 0; i < this.queueLength; i++) {
      const j = this.queue[(this.queueHead + i) % cap]!;
      if (b.open[j] === 1) units += openDeficitUnits(b.side[j]!, b.sizeBase[j]!, b.entryPrice[j]!, b.collateralUnits[j]!, mark);
    }
    // Negative equity is below any maintenance requirement, so every such account outside the queue is found here.
    const found = this.finder.collect(mark, this.inQueue, this.collected);
    for (let k = 0; k < found; k++) {
      const j = this.collected[k]!;
      units += openDeficitUnits(b.side[j]!, b.sizeBase[j]!, b.entryPrice[j]!, b.collateralUnits[j]!, mark);
    }
    return units;
  }

  private resetPath(seed: number, pathIndex: number, steps: number): void {
    const b = this.book;
    for (const j of b.touchedAccounts) this.hitFlags[j] = 0;
    b.reset();
    for (let k = 0; k < this.queueLength; k++) this.inQueue[this.queue[(this.queueHead + k) % this.queue.length]!] = 0;
    this.queueHead = 0;
    this.queueLength = 0;
    this.finder.startPath();
    this.tally.reset();
    this.fundUnits = this.fundInitialUnits;
    if (this.markEnd.length < steps) this.markEnd = new Float64Array(steps);
    this.venue.startPath();
    this.slices.startPath();
    if (this.config.mechanism === 'adl') this.adlRng = new PathRng(seed, pathIndex, RNG_STREAM.adl);
    this.vault?.reset();
  }

  private enqueue(j: number): void {
    this.inQueue[j] = 1;
    this.queue[(this.queueHead + this.queueLength) % this.queue.length] = j;
    this.queueLength++;
  }

  private dequeue(): void {
    this.inQueue[this.queue[this.queueHead]!] = 0;
    this.queueHead = (this.queueHead + 1) % this.queue.length;
    this.queueLength--;
  }

  /** Inflows above the fund's cap go to the protocol treasury. */
  private creditFund(units: number): void {
    if (units <= 0) return;
    const kept = Math.min(units, Math.max(0, this.config.fundCapUnits - this.fundUnits));
    this.fundUnits += kept;
    this.tally.fundInflowUnits += kept;
    this.tally.treasuryUnits += units - kept;
  }

  /**
   * Closes `closeSize` of account j at `fill`: realizes PnL (rounded down for the trader), charges the penalty
   * min(penaltyRatio·closed notional, max(equity, 0)) split to fund (rounded down) and liquidator (the rest), and
   * on a full close records any deficit = max(0, −equity) at the bankruptcy price of the closed size.
   */
  private closePosition(j: number, closeSize: number, fill: number, oracle: number): void {
    const cfg = this.config;
    const b = this.book;
    const side = b.side[j]!;
    const size = b.sizeBase[j]!;
    const entry = b.entryPrice[j]!;
    const collateralBefore = b.collateralUnits[j]!;
    b.touch(j);
    let collateral = collateralBefore + realizedPnlUnits(side, closeSize, entry, fill);
    const remaining = closeSize >= size ? 0 : size - closeSize;
    // The remainder's unrealized PnL at the fill counts toward what the penalty may take (not yet rounded).
    const equityUnits = remaining === 0 ? collateral : collateral + side * remaining * (fill - entry) * UNITS_PER_QUOTE;
    const penalty = penaltyUnits(cfg.penaltyRatio, closeSize, fill, equityUnits);
    collateral -= penalty;
    this.recordClose(j, side, closeSize, fill, oracle, remaining === 0, penalty);
    if (remaining > 0) {
      b.sizeBase[j] = remaining;
      b.collateralUnits[j] = collateral;
      return;
    }
    b.open[j] = 0;
    b.sizeBase[j] = 0;
    if (collateral < 0) {
      this.recordDeficit(j, side, -collateral, bankruptcyPrice(side, closeSize, entry, collateralBefore), fill);
      collateral = 0;
    }
    // What is left after the penalty returns to the trader.
    b.collateralUnits[j] = collateral;
  }

  /**
   * The one place a close of `closed` contracts at `fill` is booked (book sale or the sold part of an ADL close):
   * the penalty splits to fund (rounded down) and liquidator, the tally counts it, learn mode sees one event.
   */
  private recordClose(j: number, side: number, closed: number, fill: number, oracle: number, full: boolean, penalty: number): void {
    const toFund = Math.floor(penalty * this.config.penaltyToFund);
    this.creditFund(toFund);
    this.tally.liquidatorUnits += penalty - toFund;
    this.tally.liquidations += 1;
    this.tally.liquidatedNotionalQuote += closed * fill;
    this.onEvent?.({
      kind: 'liquidation', step: this.step, account: j, side, closedSizeBase: closed, fillPrice: fill, oraclePrice: oracle,
      full, penaltyQuote: penalty / UNITS_PER_QUOTE, penaltyToFundQuote: toFund / UNITS_PER_QUOTE, markAfterPrice: this.markAfterFill(oracle),
    });
  }

  /**
   * The waterfall for the round's deficits, in closing order: the insurance fund pays each as far as its balance
   * and the step's draw limit allow, then the loss mechanism takes the remainders.
   */
  private settle(price: number): void {
    const events = this.deficits;
    if (events.count === 0) return;
    const tally = this.tally;
    let remainderTotal = 0;
    const limit = this.config.fundMaxDrawPerStepUnits;
    for (let i = 0; i < events.count; i++) {
      // Fund bounds: the fund must cover what it is asked (else it is the limit), and when the draw limit leaves a
      // remainder anyway it must not end at exactly 0 (that sets fundDepletedStep).
      const need = Math.min(events.deficitUnits[i]!, limit - this.drawnThisStep);
      const slack = this.fundUnits - need - (need < events.deficitUnits[i]! ? 1 : 0);
      if (slack < tally.fundSlackUnits) tally.fundSlackUnits = slack;
      const available = this.fundAvailable();
      const draw = Math.min(events.deficitUnits[i]!, available);
      this.fundUnits -= draw;
      this.drawnThisStep += draw;
      tally.fundDrawUnits += draw;
      if (draw > 0) this.onEvent?.({ kind: 'fund-draw', step: this.step, account: events.account[i]!, drawQuote: draw / UNITS_PER_QUOTE, fundAfterQuote: this.fundUnits / UNITS_PER_QUOTE });
      const remainder = events.deficitUnits[i]! - draw;
      events.remainderUnits[i] = remainder;
      remainderTotal += remainder;
      if (remainder > 0 && this.fundUnits === 0 && tally.fundDepletedStep < 0) tally.fundDepletedStep = this.step;
    }
    if (remainderTotal === 0) return;
    const uncoveredBefore = tally.uncoveredUnits;
    this.settleRemainders(remainderTotal, price);
    if (tally.uncoveredUnits > uncoveredBefore) this.onEvent?.({ kind: 'uncovered', step: this.step, quote: (tally.uncoveredUnits - uncoveredBefore) / UNITS_PER_QUOTE });
  }

  /** Hands what the fund did not pay to the chosen loss mechanism. */
  private settleRemainders(remainderTotal: number, price: number): void {
    const cfg = this.config;
    const tally = this.tally;
    switch (cfg.mechanism) {
      case 'bad-debt':
        tally.uncoveredUnits += remainderTotal;
        break;
      case 'backstop':
        tally.vaultLossUnits += remainderTotal;
        this.onEvent?.({ kind: 'vault', step: this.step, quote: remainderTotal / UNITS_PER_QUOTE });
        break;
      case 'socialize':
        if (cfg.socializeBase === 'open-interest') {
          const paidByLongs = this.remaindersOfShorts();
          socializeOpenInterest(this.settlement, paidByLongs, remainderTotal - paidByLongs, price);
        } else {
          haircutProfits(this.settlement, remainderTotal, price);
        }
        break;
      case 'adl':
        this.deleverageRemainders(price);
        break;
    }
  }

  /** What the round's short bankruptcies left unpaid: the longs pay it under open-interest socialization. */
  private remaindersOfShorts(): number {
    const events = this.deficits;
    let units = 0;
    for (let i = 0; i < events.count; i++) if (events.side[i]! < 0) units += events.remainderUnits[i]!;
    return units;
  }

  /** Each remainder, in closing order, against the opposite side's ADL queue, ranked once per round at `price`. */
  private deleverageRemainders(price: number): void {
    const events = this.deficits;
    let rankedLongs = false;
    let rankedShorts = false;
    for (let i = 0; i < events.count; i++) {
      if (events.remainderUnits[i]! === 0) continue;
      const counterSide = -events.side[i]!;
      const queue = counterSide > 0 ? this.adlQueues.long : this.adlQueues.short;
      if (counterSide > 0 ? !rankedLongs : !rankedShorts) {
        queue.rank(this.book, counterSide, price, this.config.adlRanking);
        if (counterSide > 0) rankedLongs = true;
        else rankedShorts = true;
      }
      const deficit = { remainderUnits: events.remainderUnits[i]!, bankruptcyPrice: events.bankruptcyPrice[i]!, markPrice: events.fillPrice[i]! };
      this.tally.uncoveredUnits += queue.deleverage(this.settlement, deficit, this.adlOptions, this.adlRng, events.account[i]!);
    }
  }
}
