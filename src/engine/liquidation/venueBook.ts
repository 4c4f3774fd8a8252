import type { SimConfig } from '../sim/config/simConfig';
import { averageImpactDisplacement, clampDisplacement, decayDisplacement, impactDisplacement, thinnedDepth } from '../impact/priceImpact';

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
  private depthQuote = Infinity;
  private peakIndex = 0;
  private permanent = 0;
  private transient = 0;
  /** permanent + decayed transient at the start of this step. */
  private baseDisplacement = 0;

  constructor(private readonly cfg: SimConfig) {}

  startPath(): void {
    this.peakIndex = 0;
    this.permanent = 0;
    this.transient = 0;
  }

  startStep(step: number, index: number): void {
    const cfg = this.cfg;
    this.index = index;
    if (index > this.peakIndex) this.peakIndex = index;
    if (step > 0) this.transient = decayDisplacement(this.transient, cfg.impactDecayPerStep);
    this.baseDisplacement = this.permanent === 0 ? this.transient : this.permanent + this.transient;
    this.depthQuote = thinnedDepth(cfg.impactDepthQuote, cfg.impactThinning, index, this.peakIndex);
    this.flowQuote = 0;
  }

  /** The book's displacement after a total flow of `flowQuote` this step. */
  displacementAt(flowQuote: number): number {
    if (this.baseDisplacement === 0 && flowQuote === 0) return 0;
    return clampDisplacement(this.baseDisplacement + impactDisplacement(this.cfg.impactModel, flowQuote, this.depthQuote));
  }

  /** The mark after a total flow of `flowQuote` this step. */
  markAt(flowQuote: number): number {
    const d = this.displacementAt(flowQuote);
    if (d === 0) return this.index;
    const w = this.cfg.markImpactWeight;
    return this.index * (1 + (w === 1 ? d : w * d));
  }

  /**
   * The total flow this step after which the book's price is `price`, or null when the venue's own flow cannot
   * move the book (impact model 'none'). Ignores the ±99 % clamp: a price that far away is never reached anyway.
   */
  flowAtPrice(price: number): number | null {
    const cfg = this.cfg;
    if (cfg.impactModel === 'none') return null;
    const y = (price / this.index - 1 - this.baseDisplacement) / 0.01;
    return cfg.impactModel === 'linear' ? y * this.depthQuote : Math.sign(y) * y * y * this.depthQuote;
  }

  /** The book's price before any of this step's flow moved it: the index moved by what earlier steps left. */
  restingPrice(): number {
    return this.index * (1 + this.baseDisplacement);
  }

  /** This step's ±1 % depth as a share of the calm depth (1 when the book has not thinned). */
  depthShare(): number {
    return this.cfg.impactDepthQuote > 0 && Number.isFinite(this.depthQuote) ? this.depthQuote / this.cfg.impactDepthQuote : 1;
  }

  /** The mark now. */
  mark(): number {
    return this.markAt(this.flowQuote);
  }

  /** The average fill of an order that moves this step's flow from `fromQuote` to `toQuote`. */
  fillBetween(fromQuote: number, toQuote: number): number {
    if (this.baseDisplacement === 0 && fromQuote === 0 && toQuote === 0) return this.index;
    const average = averageImpactDisplacement(this.cfg.impactModel, fromQuote, toQuote, this.depthQuote);
    return this.index * (1 + clampDisplacement(this.baseDisplacement + average));
  }

  /** Sends an order of `closeSize` for an account on `side` (+1 long, which sells) and returns its average fill. */
  execute(side: number, closeSize: number): number {
    const from = this.flowQuote;
    this.flowQuote = from - side * closeSize * this.index;
    return this.fillBetween(from, this.flowQuote);
  }

  /** Closes the step: the permanent share of its impact stays, the rest joins the transient part. Returns the mark. */
  endStep(): number {
    const cfg = this.cfg;
    if (this.baseDisplacement === 0 && this.flowQuote === 0 && this.permanent === 0) {
      this.transient = 0;
      return this.index;
    }
    const total = this.displacementAt(this.flowQuote);
    if (cfg.impactPermanentShare > 0) {
      const stepImpact = impactDisplacement(cfg.impactModel, this.flowQuote, this.depthQuote);
      this.permanent = clampDisplacement(this.permanent + cfg.impactPermanentShare * stepImpact);
    }
    this.transient = this.permanent === 0 ? total : total - this.permanent;
    const w = cfg.markImpactWeight;
    return total === 0 ? this.index : this.index * (1 + (w === 1 ? total : w * total));
  }
}
