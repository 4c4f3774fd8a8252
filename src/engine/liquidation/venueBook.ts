import type { SimConfig } from '../sim/config/simConfig';
import { averageImpactDisplacement, clampDisplacement, decayDisplacement, impactDisplacement, thinnedDepth } from '../impact/priceImpact';
import { volumeDepthFactors } from '../impact/volumeDepth';

/**
 * The venue's own order book and the two prices read from it (DESIGN.md §5 round two):
 *  - the scenario price is the external INDEX; the venue's book sits at index × (1 + displacement), where the
 *    displacement is what its own liquidation flow left (a permanent part plus a transient part that decays with
 *    the half-life) plus the impact of this step's flow so far;
 *  - the MARK, which triggers liquidations and measures profit for haircuts and ADL ranking, takes only
 *    `markImpactWeight` of that displacement: index × (1 + weight × displacement);
 *  - a close fills at the AVERAGE price of walking the book over the order, in the book's depth for this step,
 *    which thins with the index's drawdown from its running peak.
 * One instance per simulator, reused across paths; every method is allocation-free.
 */
export class VenueBook {
  index = 0;
  /** Signed liquidation flow of this step so far, quote at the index (positive = buying). */
  flowQuote = 0;
  /** This step's thinned ±1 % depth, computed on first use: a quiet step never needs it (it costs an exp). */
  private depthQuote = Infinity;
  private depthStale = true;
  /** The step in progress (its volume factor, when depth follows volume). */
  private step = 0;
  /**
   * mark() as last computed, valid until the flow or the step changes: the simulator reads the mark at least
   * twice a step and after every settlement round, and a quiet step should not redo the displacement maths.
   */
  private markCache = 0;
  /** displacementAt(flowQuote) behind markCache: endStep needs it again when no flow came after the last mark. */
  private displacementCache = 0;
  private markStale = true;
  private peakIndex = 0;
  private permanent = 0;
  private transient = 0;
  /** permanent + decayed transient at the start of this step. */
  private baseDisplacement = 0;

  /** Each step's depth multiplier from the replay's volumes, or null when depth does not follow volume. */
  private readonly volumeFactors: Float64Array | null;

  constructor(private readonly cfg: SimConfig) {
    this.volumeFactors = cfg.volumeDepth === null ? null : volumeDepthFactors(cfg.volumeDepth.volumes, cfg.volumeDepth.exponent);
  }

  startPath(): void {
    this.peakIndex = 0;
    this.permanent = 0;
    this.transient = 0;
  }

  startStep(step: number, index: number): void {
    const cfg = this.cfg;
    this.index = index;
    if (index > this.peakIndex) this.peakIndex = index;
    if (step > 0) this.transient = this.transient === 0 ? 0 : decayDisplacement(this.transient, cfg.impactDecayPerStep);
    this.baseDisplacement = this.permanent === 0 ? this.transient : this.permanent + this.transient;
    this.depthStale = true;
    this.markStale = true;
    this.step = step;
    this.flowQuote = 0;
  }

  private depth(): number {
    if (this.depthStale) {
      const cfg = this.cfg;
      const ordinary = this.volumeFactors === null ? cfg.impactDepthQuote : cfg.impactDepthQuote * this.volumeFactors[this.step]!;
      this.depthQuote = thinnedDepth(ordinary, cfg.impactThinning, this.index, this.peakIndex);
      this.depthStale = false;
    }
    return this.depthQuote;
  }

  /** The book's displacement after a total flow of `flowQuote` this step. */
  displacementAt(flowQuote: number): number {
    if (flowQuote === 0) return this.baseDisplacement === 0 ? 0 : clampDisplacement(this.baseDisplacement + 0);
    return clampDisplacement(this.baseDisplacement + impactDisplacement(this.cfg.impactModel, flowQuote, this.depth()));
  }

  /** The mark after a total flow of `flowQuote` this step. */
  markAt(flowQuote: number): number {
    return this.markOf(this.displacementAt(flowQuote));
  }

  /**
   * The total flow this step after which the book's price is `price`, or null when the venue's own flow cannot
   * move the book (impact model 'none'). Ignores the ±99 % clamp: a price that far away is never reached anyway.
   */
  flowAtPrice(price: number): number | null {
    const cfg = this.cfg;
    if (cfg.impactModel === 'none') return null;
    const y = (price / this.index - 1 - this.baseDisplacement) / 0.01;
    const depth = this.depth();
    return cfg.impactModel === 'linear' ? y * depth : Math.sign(y) * y * y * depth;
  }

  /** The book's price before any of this step's flow moved it: the index moved by what earlier steps left. */
  restingPrice(): number {
    return this.index * (1 + this.baseDisplacement);
  }

  /** This step's ±1 % depth as a share of the calm depth (1 when the book has not thinned). */
  depthShare(): number {
    const depth = this.depth();
    return this.cfg.impactDepthQuote > 0 && Number.isFinite(depth) ? depth / this.cfg.impactDepthQuote : 1;
  }

  /** The mark now. */
  mark(): number {
    if (this.markStale) {
      const d = this.displacementAt(this.flowQuote);
      this.displacementCache = d;
      this.markCache = this.markOf(d);
      this.markStale = false;
    }
    return this.markCache;
  }

  /** The mark at displacement d of the book: what markAt gives for the flow that displaced it by d. */
  private markOf(d: number): number {
    if (d === 0) return this.index;
    const w = this.cfg.markImpactWeight;
    return this.index * (1 + (w === 1 ? d : w * d));
  }

  /** The average fill of an order that moves this step's flow from `fromQuote` to `toQuote`. */
  fillBetween(fromQuote: number, toQuote: number): number {
    if (this.baseDisplacement === 0 && fromQuote === 0 && toQuote === 0) return this.index;
    const average = averageImpactDisplacement(this.cfg.impactModel, fromQuote, toQuote, this.depth());
    return this.index * (1 + clampDisplacement(this.baseDisplacement + average));
  }

  /** Sends an order of `closeSize` for an account on `side` (+1 long, which sells) and returns its average fill. */
  execute(side: number, closeSize: number): number {
    const from = this.flowQuote;
    this.flowQuote = from - side * closeSize * this.index;
    this.markStale = true;
    return this.fillBetween(from, this.flowQuote);
  }

  /** Closes the step: the permanent share of its impact stays, the rest joins the transient part. Returns the mark. */
  endStep(): number {
    const cfg = this.cfg;
    if (this.baseDisplacement === 0 && this.flowQuote === 0 && this.permanent === 0) {
      this.transient = 0;
      return this.index;
    }
    // A step usually read its mark after its last flow: the displacement and mark behind it are still current.
    const current = !this.markStale;
    const total = current ? this.displacementCache : this.displacementAt(this.flowQuote);
    if (cfg.impactPermanentShare > 0) {
      const stepImpact = impactDisplacement(cfg.impactModel, this.flowQuote, this.depth());
      this.permanent = clampDisplacement(this.permanent + cfg.impactPermanentShare * stepImpact);
    }
    this.transient = this.permanent === 0 ? total : total - this.permanent;
    return current ? this.markCache : this.markOf(total);
  }
}
